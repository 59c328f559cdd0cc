import { createHash } from 'node:crypto';
import { toSlug } from '../platform/slug';
import { recountQuestions } from '../qa/question-state';
import { renderMarkdown } from '@peerdesk/markdown';
import type { EntityManager, QueryResult } from 'typeorm';
import type { BodyConverter } from './body-format';
import { cleanText } from './body-format';
import type {
  AcceptanceRecord,
  AnswerRecord,
  Body,
  CommentRecord,
  DuplicateRecord,
  Kind,
  Owner,
  QuestionRecord,
  Tally,
  TagRecord,
  UserRecord,
} from './import-model';

/**
 * Batched writes of imported records. Every record is looked up in `external_refs` by
 * (source, kind, external id) first — one query per kind and batch, never one per row — so a
 * re-run or a resumed run adds nothing twice. New rows get their ids from the tables' identity
 * sequences up front, so rows, refs and links are written with a handful of set-based statements.
 */

export interface WriterContext {
  source: string;
  spaceId: string;
  converter: BodyConverter;
  /** JSONL: authors are known only from their posts, so unknown author ids become accounts. */
  createMissingUsers: boolean;
}

type RefKind = 'user' | 'question' | 'answer' | 'comment' | 'tag';

const MAX_TAGS_PER_QUESTION = 5;
const PLACEHOLDER_KEY = '(deleted user)';
export const PLACEHOLDER_NAME = 'Deleted user';

async function sql<T = Record<string, string>>(m: EntityManager, text: string, params: unknown[] = []): Promise<T[]> {
  // Outside a transaction (the pipeline's read-ahead) only SELECTs come here, and they answer plain rows.
  if (!m.queryRunner) return (await m.query(text, params)) as T[];
  const result = (await m.queryRunner!.query(text, params, true)) as QueryResult<T>;
  return result.records ?? [];
}

/** external_refs.external_id holds 64 characters; longer source ids are stored as a hash. */
export function refKey(externalId: string): string {
  return externalId.length <= 64 ? externalId : `sha256:${createHash('sha256').update(externalId).digest('base64url')}`;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** One line of text for titles and names: whitespace folded, NUL removed, cut to the column's length. */
function line(value: string, max: number): string {
  return cleanText(value).replace(/\s+/g, ' ').trim().slice(0, max).trim();
}

/** A body's stored Markdown and HTML: `renderMarkdown(markdown)`, the one policy. Converted once, then kept on the record. */
export function renderBody(ctx: WriterContext, body: Body): { markdown: string; html: string } {
  if (!body.prepared) {
    const markdown = ctx.converter.toMarkdown(body.text, body.format);
    body.prepared = { markdown, html: renderMarkdown(markdown) };
  }
  return body.prepared;
}

/**
 * Converts the bodies of the records that are not imported yet, outside any transaction, so the
 * CPU work of one batch overlaps the database work of the previous one. Only an optimization:
 * the batch's transaction looks the records up again and converts whatever is left.
 */
export async function prepareBodies(
  m: EntityManager,
  ctx: WriterContext,
  kind: 'question' | 'answer' | 'comment',
  records: { extId: string; body: Body }[],
): Promise<void> {
  const present = await lookupRefs(
    m,
    ctx.source,
    kind,
    records.map((r) => r.extId),
  );
  for (const r of records) if (!present.has(r.extId)) renderBody(ctx, r.body);
}

export async function lookupRefs(m: EntityManager, source: string, kind: RefKind, externalIds: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (externalIds.length === 0) return found;
  const byKey = new Map(unique(externalIds).map((id) => [refKey(id), id]));
  const rows = await sql<{ external_id: string; internal_id: string }>(
    m,
    `SELECT external_id, internal_id FROM external_refs WHERE source = $1 AND kind = $2 AND external_id = ANY($3::text[])`,
    [source, kind, [...byKey.keys()]],
  );
  for (const row of rows) found.set(byKey.get(row.external_id)!, row.internal_id);
  return found;
}

async function insertRefs(m: EntityManager, source: string, kind: RefKind, pairs: [string, string][]): Promise<void> {
  if (pairs.length === 0) return;
  await m.query(
    `INSERT INTO external_refs (source, kind, external_id, internal_id)
     SELECT $1, $2, e, i FROM unnest($3::text[], $4::bigint[]) AS t(e, i) ON CONFLICT DO NOTHING`,
    [source, kind, pairs.map(([e]) => refKey(e)), pairs.map(([, i]) => i)],
  );
}

/** Takes `n` ids from a table's identity sequence, so new rows and their references are known before inserting. */
async function allocateIds(m: EntityManager, table: string, n: number): Promise<string[]> {
  if (n === 0) return [];
  const rows = await sql<{ id: string }>(
    m,
    `WITH s AS MATERIALIZED (SELECT pg_get_serial_sequence($1, 'id')::regclass AS seq) SELECT nextval(seq)::text AS id FROM s, generate_series(1, $2)`,
    [table, n],
  );
  return rows.map((r) => r.id);
}

/** Inserts rows given as objects keyed by column name, typed by `columns`, in one statement. */
async function insertRows(
  m: EntityManager,
  table: string,
  columns: Record<string, string>,
  rows: Record<string, unknown>[],
  overrideId = true,
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns)
    .map((c) => `"${c}"`)
    .join(', ');
  const types = Object.entries(columns)
    .map(([c, t]) => `"${c}" ${t}`)
    .join(', ');
  await m.query(
    `INSERT INTO "${table}" (${names}) ${overrideId ? 'OVERRIDING SYSTEM VALUE ' : ''}SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${types})`,
    [JSON.stringify(rows)],
  );
}

/** Drops repeated ids inside one batch (the input listed a record twice). */
function dedupe<T extends { where: string }>(tally: Tally, kind: Kind, records: T[], key: (r: T) => string): T[] {
  const seen = new Set<string>();
  return records.filter((r) => {
    const k = key(r);
    if (seen.has(k)) {
      tally.skip(kind, 'the same id appears twice in the input', r.where, k);
      return false;
    }
    seen.add(k);
    return true;
  });
}

async function splitExisting<T extends { extId: string }>(m: EntityManager, ctx: WriterContext, tally: Tally, kind: RefKind, records: T[]) {
  const existing = await lookupRefs(
    m,
    ctx.source,
    kind,
    records.map((r) => r.extId),
  );
  tally.present(kind, records.filter((r) => existing.has(r.extId)).length);
  return {
    existing,
    fresh: records.filter((r) => !existing.has(r.extId)),
  };
}

export async function writeUsers(m: EntityManager, ctx: WriterContext, tally: Tally, input: UserRecord[]): Promise<void> {
  const records = dedupe(tally, 'user', input, (r) => r.extId);
  const { fresh } = await splitExisting(m, ctx, tally, 'user', records);
  const ids = await allocateIds(m, 'users', fresh.length);
  await insertRows(
    m,
    'users',
    { id: 'bigint', display_name: 'text', reputation: 'integer', imported_from: 'text', created_at: 'timestamptz' },
    fresh.map((r, i) => ({
      id: ids[i],
      display_name: line(r.displayName, 80) || `User ${r.extId}`.slice(0, 80),
      reputation: r.reputation,
      imported_from: ctx.source,
      created_at: (r.createdAt ?? new Date()).toISOString(),
    })),
  );
  await insertRefs(
    m,
    ctx.source,
    'user',
    fresh.map((r, i) => [r.extId, ids[i]!]),
  );
  tally.imported('user', fresh.length);
}

/**
 * Finds the accounts for post authors: by source id; else (unknown or absent id) an account per
 * display name, else the source's "Deleted user" placeholder. With `createMissingUsers`, an
 * unknown id becomes a new account under the name the post gives.
 */
async function resolveOwners(
  m: EntityManager,
  ctx: WriterContext,
  tally: Tally,
  posts: { owner: Owner; where: string }[],
  kind: Kind,
): Promise<string[]> {
  const byId = await lookupRefs(
    m,
    ctx.source,
    'user',
    posts.flatMap((p) => (p.owner.id ? [p.owner.id] : [])),
  );
  const keys: string[] = [];
  const names = new Map<string, string>();
  for (const { owner, where } of posts) {
    const name = owner.name ? line(owner.name, 80) : '';
    let key: string;
    if (owner.id && byId.has(owner.id)) key = owner.id;
    else if (owner.id && ctx.createMissingUsers) key = owner.id;
    else {
      key = name ? `name:${name}` : PLACEHOLDER_KEY;
      if (owner.id) {
        tally.note(
          name ? 'authors unknown in the users file, kept by name' : `authors unknown in the users file, shown as "${PLACEHOLDER_NAME}"`,
        );
        tally.warn(
          `${kind}: unknown author`,
          `${where}: ${kind} author ${owner.id} is not in the users file; shown as "${name || PLACEHOLDER_NAME}"`,
        );
      } else
        tally.note(
          name
            ? 'posts and comments without an account, kept under the name given'
            : `posts and comments without an author, shown as "${PLACEHOLDER_NAME}"`,
        );
    }
    keys.push(key);
    if (!names.has(key)) names.set(key, key === PLACEHOLDER_KEY ? PLACEHOLDER_NAME : name || `User ${key}`);
  }
  const ids = new Map(byId);
  const others = unique(keys.filter((k) => !ids.has(k)));
  for (const [k, v] of await lookupRefs(m, ctx.source, 'user', others)) ids.set(k, v);
  const missing = others.filter((k) => !ids.has(k));
  if (missing.length > 0) {
    const newIds = await allocateIds(m, 'users', missing.length);
    await insertRows(
      m,
      'users',
      { id: 'bigint', display_name: 'text', imported_from: 'text' },
      missing.map((k, i) => ({ id: newIds[i], display_name: names.get(k)!.slice(0, 80), imported_from: ctx.source })),
    );
    const pairs = missing.map((k, i): [string, string] => [k, newIds[i]!]);
    await insertRefs(m, ctx.source, 'user', pairs);
    for (const [k, id] of pairs) ids.set(k, id);
    tally.imported('user', missing.length);
  }
  return keys.map((k) => ids.get(k)!);
}

/** A tag name as a valid slug (`^[a-z0-9][a-z0-9-]*$`, at most 30 characters), or '' when nothing usable is left. */
export function tagSlug(name: string): string {
  const spelled = name.trim().replace(/\+\+/g, 'pp').replace(/#/g, 'sharp').replace(/^\./, 'dot');
  return toSlug(spelled, 30);
}

/** Maps source tag names to tag ids, creating tags (by slug, shared with the rest of the community) as needed. */
async function resolveTags(m: EntityManager, ctx: WriterContext, tally: Tally, tags: TagRecord[]): Promise<Map<string, string>> {
  const names = unique(tags.map((t) => t.name));
  const ids = await lookupRefs(m, ctx.source, 'tag', names);
  const missing = names.filter((n) => !ids.has(n));
  if (missing.length === 0) return ids;
  const slugOf = new Map(missing.map((n) => [n, tagSlug(n)]));
  const slugs = unique([...slugOf.values()].filter(Boolean));
  const created = new Set<string>();
  const bySlug = new Map<string, string>();
  if (slugs.length > 0) {
    for (const row of await sql<{ id: string; slug: string }>(
      m,
      `INSERT INTO tags (slug) SELECT unnest($1::text[]) ON CONFLICT (slug) DO NOTHING RETURNING id, slug`,
      [slugs],
    )) {
      bySlug.set(row.slug, row.id);
      created.add(row.slug);
    }
    const existing = slugs.filter((s) => !bySlug.has(s));
    if (existing.length > 0) {
      for (const row of await sql<{ id: string; slug: string }>(m, `SELECT id, slug FROM tags WHERE slug = ANY($1::text[])`, [existing]))
        bySlug.set(row.slug, row.id);
    }
  }
  const pairs: [string, string][] = [];
  for (const name of missing) {
    const slug = slugOf.get(name)!;
    const id = slug ? bySlug.get(slug) : undefined;
    if (!id) {
      tally.skip('tag', 'no letters or digits to make a tag of', tags.find((t) => t.name === name)!.where, JSON.stringify(name));
      continue;
    }
    pairs.push([name, id]);
    ids.set(name, id);
    if (created.delete(slug)) tally.imported('tag');
    else tally.present('tag');
  }
  await insertRefs(m, ctx.source, 'tag', pairs);
  return ids;
}

export async function writeTags(m: EntityManager, ctx: WriterContext, tally: Tally, records: TagRecord[]): Promise<void> {
  const known = await lookupRefs(
    m,
    ctx.source,
    'tag',
    records.map((r) => r.name),
  );
  tally.present('tag', records.filter((r) => known.has(r.name)).length);
  await resolveTags(
    m,
    ctx,
    tally,
    records.filter((r) => !known.has(r.name)),
  );
}

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

export async function writeAnswers(m: EntityManager, ctx: WriterContext, tally: Tally, input: AnswerRecord[]): Promise<void> {
  const records = dedupe(tally, 'answer', input, (r) => r.extId);
  const { fresh: candidates } = await splitExisting(m, ctx, tally, 'answer', records);
  if (candidates.length === 0) return;
  const questions = await lookupRefs(
    m,
    ctx.source,
    'question',
    candidates.map((r) => r.questionExtId),
  );
  const fresh: (AnswerRecord & { markdown: string; html: string })[] = [];
  for (const r of candidates) {
    if (!questions.has(r.questionExtId)) {
      tally.skip('answer', 'its question is not in the import (missing or skipped)', r.where, `question ${r.questionExtId}`);
      continue;
    }
    const { markdown, html } = renderBody(ctx, r.body);
    if (markdown === '') tally.skip('answer', 'empty body', r.where);
    else fresh.push({ ...r, markdown, html });
  }
  if (fresh.length === 0) return;
  const authors = await resolveOwners(m, ctx, tally, fresh, 'answer');
  const ids = await allocateIds(m, 'answers', fresh.length);
  const revisions: Record<string, unknown>[] = [];
  const rows = fresh.map((r, i) => {
    revisions.push({ answer_id: ids[i], editor_id: authors[i], body_markdown: r.markdown, created_at: r.createdAt.toISOString() });
    return {
      id: ids[i],
      question_id: questions.get(r.questionExtId),
      author_id: authors[i],
      body_markdown: r.markdown,
      body_html: r.html,
      score: r.score,
      created_at: r.createdAt.toISOString(),
      edited_at: r.editedAt?.toISOString() ?? null,
    };
  });
  await insertRows(
    m,
    'answers',
    {
      id: 'bigint',
      question_id: 'bigint',
      author_id: 'bigint',
      body_markdown: 'text',
      body_html: 'text',
      score: 'integer',
      created_at: 'timestamptz',
      edited_at: 'timestamptz',
    },
    rows,
  );
  await insertRows(
    m,
    'post_revisions',
    { answer_id: 'bigint', editor_id: 'bigint', body_markdown: 'text', created_at: 'timestamptz' },
    revisions,
    false,
  );
  await insertRefs(
    m,
    ctx.source,
    'answer',
    fresh.map((r, i) => [r.extId, ids[i]!]),
  );
  const touched = unique(rows.map((r) => r.question_id!));
  await recountQuestions(m, touched);
  tally.imported('answer', fresh.length);
  tally.touch(touched);
}

export async function writeComments(m: EntityManager, ctx: WriterContext, tally: Tally, input: CommentRecord[]): Promise<void> {
  const records = dedupe(tally, 'comment', input, (r) => r.extId);
  const { fresh: candidates } = await splitExisting(m, ctx, tally, 'comment', records);
  if (candidates.length === 0) return;
  const keys = new Map(candidates.map((r) => [refKey(r.postExtId), r.postExtId]));
  const targets = await sql<{ kind: 'question' | 'answer'; external_id: string; internal_id: string; question_id: string }>(
    m,
    `SELECT r.kind, r.external_id, r.internal_id, COALESCE(a.question_id, r.internal_id)::text AS question_id
       FROM external_refs r LEFT JOIN answers a ON r.kind = 'answer' AND a.id = r.internal_id
      WHERE r.source = $1 AND r.kind IN ('question', 'answer') AND r.external_id = ANY($2::text[])`,
    [ctx.source, [...keys.keys()]],
  );
  const target = new Map(targets.map((t) => [`${t.kind}:${keys.get(t.external_id)}`, t]));
  const rows: { extId: string; question_id: string; answer_id: string | null; markdown: string; html: string; record: CommentRecord }[] =
    [];
  for (const r of candidates) {
    const found =
      r.on === 'question'
        ? target.get(`question:${r.postExtId}`)
        : r.on === 'answer'
          ? target.get(`answer:${r.postExtId}`)
          : (target.get(`question:${r.postExtId}`) ?? target.get(`answer:${r.postExtId}`));
    if (!found) {
      tally.skip(
        'comment',
        `its ${r.on === 'post' ? 'post' : r.on} is not in the import (missing or skipped)`,
        r.where,
        `${r.on} ${r.postExtId}`,
      );
      continue;
    }
    const { markdown, html } = renderBody(ctx, r.body);
    if (!markdown) {
      tally.skip('comment', 'empty text', r.where);
      continue;
    }
    rows.push({
      extId: r.extId,
      question_id: found.question_id,
      answer_id: found.kind === 'answer' ? found.internal_id : null,
      markdown,
      html,
      record: r,
    });
  }
  if (rows.length === 0) return;
  const authors = await resolveOwners(
    m,
    ctx,
    tally,
    rows.map((r) => r.record),
    'comment',
  );
  const ids = await allocateIds(m, 'comments', rows.length);
  await insertRows(
    m,
    'comments',
    {
      id: 'bigint',
      question_id: 'bigint',
      answer_id: 'bigint',
      author_id: 'bigint',
      body_markdown: 'text',
      body_html: 'text',
      created_at: 'timestamptz',
    },
    rows.map((r, i) => ({
      id: ids[i],
      question_id: r.question_id,
      answer_id: r.answer_id,
      author_id: authors[i],
      body_markdown: r.markdown,
      body_html: r.html,
      created_at: r.record.createdAt.toISOString(),
    })),
  );
  await insertRefs(
    m,
    ctx.source,
    'comment',
    rows.map((r, i) => [r.extId, ids[i]!]),
  );
  tally.imported('comment', rows.length);
  tally.touch(rows.map((r) => r.question_id));
}

/** Marks accepted answers: status solved, solved_at = the answer's time (the dumps do not say when it was accepted). */
export async function applyAcceptances(m: EntityManager, ctx: WriterContext, tally: Tally, input: AcceptanceRecord[]): Promise<void> {
  const records = dedupe(tally, 'acceptance', input, (r) => r.questionExtId);
  if (records.length === 0) return;
  const questions = await lookupRefs(
    m,
    ctx.source,
    'question',
    records.map((r) => r.questionExtId),
  );
  const answers = await lookupRefs(
    m,
    ctx.source,
    'answer',
    records.map((r) => r.answerExtId),
  );
  const wanted: { qid: string; aid: string; record: AcceptanceRecord }[] = [];
  for (const r of records) {
    if (!questions.has(r.questionExtId))
      tally.skip('acceptance', 'its question is not in the import (missing or skipped)', r.where, `question ${r.questionExtId}`);
    else if (!answers.has(r.answerExtId))
      tally.skip('acceptance', 'the accepted answer is not in the import (missing or skipped)', r.where, `answer ${r.answerExtId}`);
    else wanted.push({ qid: questions.get(r.questionExtId)!, aid: answers.get(r.answerExtId)!, record: r });
  }
  if (wanted.length === 0) return;
  const state = await sql<{ qid: string; accepted: string | null; status: string; answer_question: string }>(
    m,
    `SELECT q.id::text AS qid, q.accepted_answer_id::text AS accepted, q.status, a.question_id::text AS answer_question
       FROM jsonb_to_recordset($1::jsonb) AS v(qid bigint, aid bigint)
       JOIN questions q ON q.id = v.qid JOIN answers a ON a.id = v.aid`,
    [JSON.stringify(wanted.map(({ qid, aid }) => ({ qid, aid })))],
  );
  const byQuestion = new Map(state.map((s) => [s.qid, s]));
  const updates: { qid: string; aid: string }[] = [];
  for (const w of wanted) {
    const s = byQuestion.get(w.qid);
    if (!s || s.answer_question !== w.qid)
      tally.skip('acceptance', 'the accepted answer belongs to another question', w.record.where, `answer ${w.record.answerExtId}`);
    else if (s.accepted === w.aid) tally.present('acceptance');
    else {
      if (s.status === 'closed') tally.note('closed questions with an accepted answer, kept as solved');
      updates.push({ qid: w.qid, aid: w.aid });
    }
  }
  if (updates.length === 0) return;
  // The status rule of qa/question-state.ts: an accepted answer makes the question solved (a closed one too).
  await m.query(
    `UPDATE questions q SET accepted_answer_id = v.aid, status = 'solved', solved_at = a.created_at
       FROM jsonb_to_recordset($1::jsonb) AS v(qid bigint, aid bigint) JOIN answers a ON a.id = v.aid
      WHERE q.id = v.qid`,
    [JSON.stringify(updates)],
  );
  tally.imported('acceptance', updates.length);
  tally.touch(updates.map((u) => u.qid));
}

/**
 * Closes questions as duplicates. Like the product's own "close as duplicate", a question points
 * to the original, never to another duplicate: a link to a duplicate goes to its original, and
 * questions pointing at a question that becomes a duplicate are moved along. The first link wins
 * when a question names several; a link that would close a loop is skipped.
 */
export async function applyDuplicates(m: EntityManager, ctx: WriterContext, tally: Tally, input: DuplicateRecord[]): Promise<void> {
  if (input.length === 0) return;
  const questions = await lookupRefs(m, ctx.source, 'question', [
    ...input.map((r) => r.questionExtId),
    ...input.map((r) => r.originalExtId),
  ]);
  const wanted: { qid: string; orig: string; record: DuplicateRecord }[] = [];
  for (const r of input) {
    if (!questions.has(r.questionExtId))
      tally.skip('duplicate', 'the duplicate question is not in the import (missing or skipped)', r.where, `question ${r.questionExtId}`);
    else if (!questions.has(r.originalExtId))
      tally.skip('duplicate', 'the original question is not in the import (missing or skipped)', r.where, `question ${r.originalExtId}`);
    else if (r.questionExtId === r.originalExtId)
      tally.skip('duplicate', 'a question cannot duplicate itself', r.where, `question ${r.questionExtId}`);
    else wanted.push({ qid: questions.get(r.questionExtId)!, orig: questions.get(r.originalExtId)!, record: r });
  }
  if (wanted.length === 0) return;
  // What each involved question is a duplicate of now (null: it is not closed as a duplicate).
  const duplicateOf = new Map(
    (
      await sql<{ id: string; duplicate_of_id: string | null }>(
        m,
        `SELECT id::text, duplicate_of_id::text FROM questions WHERE id = ANY($1::bigint[])`,
        [unique(wanted.flatMap((w) => [w.qid, w.orig]))],
      )
    ).map((r) => [r.id, r.duplicate_of_id]),
  );
  const closed = new Map<string, string>();
  const moved = new Map<string, string>();
  for (const w of wanted) {
    const original = duplicateOf.get(w.orig) ?? w.orig;
    const current = duplicateOf.get(w.qid) ?? null;
    if (current === original) tally.present('duplicate');
    else if (current !== null)
      tally.skip(
        'duplicate',
        'the question is already closed as a duplicate of another question',
        w.record.where,
        `question ${w.record.questionExtId}`,
      );
    else if (original === w.qid)
      tally.skip(
        'duplicate',
        'the original is itself a duplicate of this question (a loop)',
        w.record.where,
        `question ${w.record.questionExtId}`,
      );
    else {
      closed.set(w.qid, original);
      duplicateOf.set(w.qid, original);
      moved.set(w.qid, original);
      for (const [id, target] of duplicateOf) {
        if (target === w.qid) {
          duplicateOf.set(id, original);
          if (closed.has(id)) closed.set(id, original);
        }
      }
      for (const [old, target] of moved) if (target === w.qid) moved.set(old, original);
    }
  }
  if (closed.size === 0) return;
  // Questions already in the database that point at a question closed here now point at its original.
  const repointed = await sql<{ id: string }>(
    m,
    `UPDATE questions q SET duplicate_of_id = v.root FROM jsonb_to_recordset($1::jsonb) AS v(old bigint, root bigint)
      WHERE q.duplicate_of_id = v.old RETURNING q.id::text`,
    [JSON.stringify([...moved].map(([old, root]) => ({ old, root })))],
  );
  await m.query(
    `UPDATE questions q SET duplicate_of_id = v.orig, closed_reason = 'duplicate',
            status = CASE WHEN q.accepted_answer_id IS NULL THEN 'closed' ELSE q.status END
       FROM jsonb_to_recordset($1::jsonb) AS v(qid bigint, orig bigint)
      WHERE q.id = v.qid`,
    [JSON.stringify([...closed].map(([qid, orig]) => ({ qid, orig })))],
  );
  tally.imported('duplicate', closed.size);
  tally.touch([...closed.keys(), ...repointed.map((r) => r.id)]);
}
