import { SimilarQuestionsDocument } from '#lib/graphql/generated.ts';
import { MIN_DRAFT_LENGTH, SUGGESTION_COUNT, type SuggestionList } from '#lib/similar.ts';
import { isApiError, type ApiClient } from './api.ts';

/**
 * Threads like a draft, for the ask page's first render and its no-JS preview. Suggestions are a
 * help, never a requirement: when the api cannot give them, the page is shown without them.
 */
export async function findSimilar(locals: { api: ApiClient; requestId?: string }, text: string): Promise<SuggestionList> {
  if (text.length < MIN_DRAFT_LENGTH) return { text, items: [] };
  try {
    const { similarQuestions } = await locals.api.request(SimilarQuestionsDocument, { text, first: SUGGESTION_COUNT });
    return { text, items: similarQuestions };
  } catch (error) {
    if (!isApiError(error)) throw error;
    console.error(JSON.stringify({ level: 'warn', requestId: locals.requestId, msg: 'similar questions failed', code: error.code }));
    return { text, items: [] };
  }
}
