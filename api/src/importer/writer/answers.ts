import { recountQuestions } from '../../qa/question-state';
import type { EntityManager } from 'typeorm';
import type { AcceptanceRecord, AnswerRecord, Tally } from '../import-model';
import {
  type WriterContext,
  sql,
  unique,
  renderBody,
  lookupRefs,
  insertRefs,
  allocateIds,
  insertRows,
  dedupe,
  splitExisting,
} from './context';
import { resolveOwners } from './users';

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
