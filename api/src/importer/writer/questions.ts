import type { EntityManager } from 'typeorm';
import type { QuestionRecord, Tally } from '../import-model';
import {
  type WriterContext,
  MAX_TAGS_PER_QUESTION,
  unique,
  line,
  renderBody,
  insertRefs,
  allocateIds,
  insertRows,
  dedupe,
  splitExisting,
} from './context';
import { resolveOwners } from './users';
import { resolveTags } from './tags';

/** Writes new questions (with tags, a first revision and refs); returns the ids of all given questions that exist now. */
export async function writeQuestions(
  m: EntityManager,
  ctx: WriterContext,
  tally: Tally,
  input: QuestionRecord[],
): Promise<Map<string, string>> {
  const records = dedupe(tally, 'question', input, (r) => r.extId);
  const { existing, fresh } = await splitExisting(m, ctx, tally, 'question', records);
  if (fresh.length === 0) return existing;
  const authors = await resolveOwners(m, ctx, tally, fresh, 'question');
  const tagIds = await resolveTags(
    m,
    ctx,
    tally,
    fresh.flatMap((r) => r.tags.map((name) => ({ name, where: r.where }))),
  );
  const ids = await allocateIds(m, 'questions', fresh.length);
  const questionTags: { question_id: string; tag_id: string }[] = [];
  const revisions: Record<string, unknown>[] = [];
  const rows = fresh.map((r, i) => {
    const id = ids[i]!;
    const { markdown, html } = renderBody(ctx, r.body);
    const title = line(r.title, 300);
    const tags = unique(r.tags.map((t) => tagIds.get(t)).filter((t): t is string => t !== undefined));
    if (tags.length > MAX_TAGS_PER_QUESTION)
      tally.note(`tags beyond ${MAX_TAGS_PER_QUESTION} per question left off`, tags.length - MAX_TAGS_PER_QUESTION);
    const kept = tags.slice(0, MAX_TAGS_PER_QUESTION);
    for (const tagId of kept) questionTags.push({ question_id: id, tag_id: tagId });
    revisions.push({
      question_id: id,
      editor_id: authors[i],
      title,
      body_markdown: markdown,
      tags: kept,
      created_at: r.createdAt.toISOString(),
    });
    return {
      id,
      space_id: ctx.spaceId,
      author_id: authors[i],
      title,
      body_markdown: markdown,
      body_html: html,
      status: r.closed ? 'closed' : 'open',
      score: r.score,
      view_count: r.viewCount,
      created_at: r.createdAt.toISOString(),
      edited_at: r.editedAt?.toISOString() ?? null,
      last_activity_at: (r.lastActivityAt && r.lastActivityAt > r.createdAt ? r.lastActivityAt : r.createdAt).toISOString(),
      source_name: ctx.source,
      source_url: r.sourceUrl && r.sourceUrl.length <= 500 ? r.sourceUrl : null,
      source_license: r.license ? line(r.license, 60) : null,
    };
  });
  if (fresh.some((r) => r.closed)) tally.note('questions closed at the source', fresh.filter((r) => r.closed).length);
  await insertRows(
    m,
    'questions',
    {
      id: 'bigint',
      space_id: 'bigint',
      author_id: 'bigint',
      title: 'text',
      body_markdown: 'text',
      body_html: 'text',
      status: 'text',
      score: 'integer',
      view_count: 'integer',
      created_at: 'timestamptz',
      edited_at: 'timestamptz',
      last_activity_at: 'timestamptz',
      source_name: 'text',
      source_url: 'text',
      source_license: 'text',
    },
    rows,
  );
  await insertRows(m, 'question_tags', { question_id: 'bigint', tag_id: 'bigint' }, questionTags, false);
  // Resolve the tag ids to slugs for the revision snapshot in SQL, in one statement.
  await m.query(
    `INSERT INTO post_revisions (question_id, editor_id, title, body_markdown, tags, created_at)
     SELECT r.question_id, r.editor_id, r.title, r.body_markdown,
            ARRAY(SELECT t.slug FROM unnest(r.tags) WITH ORDINALITY AS x(id, n) JOIN tags t ON t.id = x.id ORDER BY x.n), r.created_at
     FROM jsonb_to_recordset($1::jsonb) AS r(question_id bigint, editor_id bigint, title text, body_markdown text, tags bigint[], created_at timestamptz)`,
    [JSON.stringify(revisions)],
  );
  const pairs = fresh.map((r, i): [string, string] => [r.extId, ids[i]!]);
  await insertRefs(m, ctx.source, 'question', pairs);
  tally.imported('question', fresh.length);
  tally.touch(ids);
  for (const [extId, id] of pairs) existing.set(extId, id);
  return existing;
}
