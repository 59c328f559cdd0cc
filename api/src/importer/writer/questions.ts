import type { EntityManager } from 'typeorm';
import { statusOf } from '../../qa/question-state';
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

/** Questions of a batch: those imported before (source id → id), and the new ones with the ids they will get. */
export interface PlannedQuestions {
  existing: Map<string, string>;
  fresh: QuestionRecord[];
  ids: string[];
}

/** What a new question's answers, inserted in the same batch, make of it: counted before the insert, so no update follows. */
export interface AnswerState {
  count: number;
  latest: Date | null;
}

export async function planQuestions(
  m: EntityManager,
  ctx: WriterContext,
  tally: Tally,
  input: QuestionRecord[],
): Promise<PlannedQuestions> {
  const records = dedupe(tally, 'question', input, (r) => r.extId);
  const { existing, fresh } = await splitExisting(m, ctx, tally, 'question', records);
  return { existing, fresh, ids: await allocateIds(m, 'questions', fresh.length) };
}

const QUESTION_COLUMNS = {
  id: 'bigint',
  space_id: 'bigint',
  author_id: 'bigint',
  title: 'text',
  body_markdown: 'text',
  body_html: 'text',
  status: 'text',
  answer_count: 'integer',
  score: 'integer',
  view_count: 'integer',
  created_at: 'timestamptz',
  edited_at: 'timestamptz',
  last_activity_at: 'timestamptz',
  source_name: 'text',
  source_url: 'text',
  source_license: 'text',
};

/** Writes new questions (with tags, a first revision and refs); returns the ids of all given questions that exist now. */
export async function writeQuestions(
  m: EntityManager,
  ctx: WriterContext,
  tally: Tally,
  input: QuestionRecord[],
): Promise<Map<string, string>> {
  return insertQuestions(m, ctx, tally, await planQuestions(m, ctx, tally, input));
}

/** Inserts planned questions; `answers` gives the state of those whose answers follow in the same batch. */
export async function insertQuestions(
  m: EntityManager,
  ctx: WriterContext,
  tally: Tally,
  { existing, fresh, ids }: PlannedQuestions,
  answers: ReadonlyMap<string, AnswerState> = new Map(),
): Promise<Map<string, string>> {
  if (fresh.length === 0) return existing;
  const authors = await resolveOwners(m, ctx, tally, fresh, 'question');
  const tagIds = await resolveTags(
    m,
    ctx,
    tally,
    fresh.flatMap((r) => r.tags.map((name) => ({ name, where: r.where }))),
  );
  const questionTags: { question_id: string; tag_id: string }[] = [];
  const rows = fresh.map((r, i) => {
    const id = ids[i]!;
    const { markdown, html } = renderBody(ctx, r.body);
    const title = line(r.title, 300);
    const tags = unique(r.tags.map((t) => tagIds.get(t)).filter((t): t is string => t !== undefined));
    if (tags.length > MAX_TAGS_PER_QUESTION)
      tally.note(`tags beyond ${MAX_TAGS_PER_QUESTION} per question left off`, tags.length - MAX_TAGS_PER_QUESTION);
    const kept = tags.slice(0, MAX_TAGS_PER_QUESTION);
    for (const tagId of kept) questionTags.push({ question_id: id, tag_id: tagId });
    const state = answers.get(id) ?? { count: 0, latest: null };
    const active = r.lastActivityAt && r.lastActivityAt > r.createdAt ? r.lastActivityAt : r.createdAt;
    return {
      id,
      space_id: ctx.spaceId,
      author_id: authors[i],
      title,
      body_markdown: markdown,
      body_html: html,
      // The rule of qa/question-state.ts (statusOf); an accepted answer is set once the answers exist.
      status: statusOf({ closed: r.closed, acceptedAnswerId: null, answerCount: state.count }),
      answer_count: state.count,
      score: r.score,
      view_count: r.viewCount,
      created_at: r.createdAt.toISOString(),
      edited_at: r.editedAt?.toISOString() ?? null,
      last_activity_at: (state.latest && state.latest > active ? state.latest : active).toISOString(),
      source_name: ctx.source,
      source_url: r.sourceUrl && r.sourceUrl.length <= 500 ? r.sourceUrl : null,
      source_license: r.license ? line(r.license, 60) : null,
      tags: kept,
    };
  });
  if (fresh.some((r) => r.closed)) tally.note('questions closed at the source', fresh.filter((r) => r.closed).length);
  const columns = Object.entries(QUESTION_COLUMNS);
  const names = columns.map(([c]) => c).join(', ');
  // The first revision is copied from the inserted rows in the same statement (each body is sent and parsed once);
  // its tag snapshot resolves the tag ids to slugs in SQL.
  await m.query(
    `WITH r AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${columns.map(([c, t]) => `${c} ${t}`).join(', ')}, tags bigint[])),
          q AS (INSERT INTO questions (${names}) OVERRIDING SYSTEM VALUE SELECT ${names} FROM r
                RETURNING id, author_id, title, body_markdown, created_at)
     INSERT INTO post_revisions (question_id, editor_id, title, body_markdown, tags, created_at)
     SELECT q.id, q.author_id, q.title, q.body_markdown,
            ARRAY(SELECT t.slug FROM unnest(r.tags) WITH ORDINALITY AS x(id, n) JOIN tags t ON t.id = x.id ORDER BY x.n), q.created_at
       FROM q JOIN r USING (id)`,
    [JSON.stringify(rows)],
  );
  await insertRows(m, 'question_tags', { question_id: 'bigint', tag_id: 'bigint' }, questionTags, false);
  const pairs = fresh.map((r, i): [string, string] => [r.extId, ids[i]!]);
  await insertRefs(m, ctx.source, 'question', pairs);
  tally.imported('question', fresh.length);
  tally.touch(ids);
  for (const [extId, id] of pairs) existing.set(extId, id);
  return existing;
}
