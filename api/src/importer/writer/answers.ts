import { recountQuestions } from '../../qa/question-state';
import type { EntityManager } from 'typeorm';
import type { AcceptanceRecord, AnswerRecord, Tally } from '../import-model';
import { type WriterContext, sql, unique, renderBody, lookupRefs, insertRefs, allocateIds, dedupe, splitExisting } from './context';
import { resolveOwners } from './users';

/** An answer that will be inserted: not imported yet, its question known, its body not empty. */
export interface PlannedAnswer extends AnswerRecord {
  questionId: string;
  markdown: string;
  html: string;
}

/**
 * Chooses the answers of a batch to insert. `known` maps question ids in the source to ids here
 * when the caller has them already (a thread's question written in the same batch); the rest are
 * looked up.
 */
export async function planAnswers(
  m: EntityManager,
  ctx: WriterContext,
  tally: Tally,
  input: AnswerRecord[],
  known: ReadonlyMap<string, string> = new Map(),
): Promise<PlannedAnswer[]> {
  const records = dedupe(tally, 'answer', input, (r) => r.extId);
  const { fresh: candidates } = await splitExisting(m, ctx, tally, 'answer', records);
  if (candidates.length === 0) return [];
  const questions = await lookupRefs(
    m,
    ctx.source,
    'question',
    unique(candidates.map((r) => r.questionExtId).filter((id) => !known.has(id))),
  );
  const planned: PlannedAnswer[] = [];
  for (const r of candidates) {
    const questionId = known.get(r.questionExtId) ?? questions.get(r.questionExtId);
    if (!questionId) {
      tally.skip('answer', 'its question is not in the import (missing or skipped)', r.where, `question ${r.questionExtId}`);
      continue;
    }
    const { markdown, html } = renderBody(ctx, r.body);
    if (markdown === '') tally.skip('answer', 'empty body', r.where);
    else planned.push({ ...r, questionId, markdown, html });
  }
  return planned;
}

/**
 * Inserts planned answers with their first revision and refs. Questions in `counted` were written
 * with these answers already counted (answer count, status, last activity); the others are recounted.
 */
export async function insertAnswers(
  m: EntityManager,
  ctx: WriterContext,
  tally: Tally,
  planned: PlannedAnswer[],
  counted: ReadonlySet<string> = new Set(),
): Promise<Map<string, string>> {
  const inserted = new Map<string, string>();
  if (planned.length === 0) return inserted;
  const authors = await resolveOwners(m, ctx, tally, planned, 'answer');
  const ids = await allocateIds(m, 'answers', planned.length);
  // The first revision is copied from the inserted rows in the same statement, so each body crosses the wire once.
  await m.query(
    `WITH a AS (
       INSERT INTO answers (id, question_id, author_id, body_markdown, body_html, score, created_at, edited_at) OVERRIDING SYSTEM VALUE
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::int[], $7::timestamptz[], $8::timestamptz[])
       RETURNING id, author_id, body_markdown, created_at)
     INSERT INTO post_revisions (answer_id, editor_id, body_markdown, created_at) SELECT id, author_id, body_markdown, created_at FROM a`,
    [
      ids,
      planned.map((r) => r.questionId),
      authors,
      planned.map((r) => r.markdown),
      planned.map((r) => r.html),
      planned.map((r) => r.score),
      planned.map((r) => r.createdAt.toISOString()),
      planned.map((r) => r.editedAt?.toISOString() ?? null),
    ],
  );
  const pairs = planned.map((r, i): [string, string] => [r.extId, ids[i]!]);
  await insertRefs(m, ctx.source, 'answer', pairs);
  const touched = unique(planned.map((r) => r.questionId));
  await recountQuestions(
    m,
    touched.filter((id) => !counted.has(id)),
  );
  tally.imported('answer', planned.length);
  tally.touch(touched);
  for (const [extId, id] of pairs) inserted.set(extId, id);
  return inserted;
}

export async function writeAnswers(m: EntityManager, ctx: WriterContext, tally: Tally, input: AnswerRecord[]): Promise<void> {
  await insertAnswers(m, ctx, tally, await planAnswers(m, ctx, tally, input));
}

/** Marks accepted answers: status solved, solved_at = the answer's time (the dumps do not say when it was accepted). */
export async function applyAcceptances(
  m: EntityManager,
  ctx: WriterContext,
  tally: Tally,
  input: AcceptanceRecord[],
  known: { questions: ReadonlyMap<string, string>; answers: ReadonlyMap<string, string> } = { questions: new Map(), answers: new Map() },
): Promise<void> {
  const records = dedupe(tally, 'acceptance', input, (r) => r.questionExtId);
  if (records.length === 0) return;
  const questions = await lookupRefs(
    m,
    ctx.source,
    'question',
    records.map((r) => r.questionExtId),
    known.questions,
  );
  const answers = await lookupRefs(
    m,
    ctx.source,
    'answer',
    records.map((r) => r.answerExtId),
    known.answers,
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
