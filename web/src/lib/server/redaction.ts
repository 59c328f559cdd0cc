import { PostRedactionsDocument, RedactPostDocument } from '#lib/graphql/generated.ts';
import type { ApiClient } from './api.ts';

type Field = 'title' | 'body';

/** The redact form's ticked findings ("field:start:end") and named text, as one api call per field. */
export async function redactFromForm(api: ApiClient, data: FormData): Promise<{ anchor: string }> {
  const postType = data.get('postType') === 'answer' ? 'answer' : 'question';
  const postId = String(data.get('postId') ?? '');
  const reason = String(data.get('reason') ?? '');
  const exact = String(data.get('exact') ?? '').trim();
  const spans: Record<Field, { start: number; end: number }[]> = { title: [], body: [] };
  for (const value of data.getAll('span')) {
    const match = /^(title|body):(\d+):(\d+)$/.exec(String(value));
    if (match) spans[match[1] as Field].push({ start: Number(match[2]), end: Number(match[3]) });
  }
  const target = postType === 'answer' ? { answerId: postId } : { questionId: postId };
  // The body first: redacting it does not move offsets in the title, and vice versa.
  for (const field of ['body', 'title'] as const) {
    const texts = field === 'body' && exact ? [exact] : [];
    if (spans[field].length === 0 && texts.length === 0) continue;
    await api.request(RedactPostDocument, { input: { ...target, field, spans: spans[field], texts, reason } });
  }
  // Nothing ticked and nothing named: let the api say what is missing.
  if (spans.body.length + spans.title.length === 0 && !exact)
    await api.request(RedactPostDocument, { input: { ...target, field: 'body', spans: [], texts: [], reason } });
  return { anchor: postType === 'answer' ? `answer-${postId}` : 'question' };
}

/** Staff see what was redacted in a thread; for everyone else the list stays empty without asking. */
export async function redactionsFor(api: ApiClient, questionId: string, isStaff: boolean) {
  if (!isStaff) return [];
  return (await api.request(PostRedactionsDocument, { questionId })).postRedactions;
}
