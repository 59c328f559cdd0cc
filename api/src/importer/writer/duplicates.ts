import type { EntityManager } from 'typeorm';
import type { DuplicateRecord, Tally } from '../import-model';
import { type WriterContext, sql, unique, lookupRefs } from './context';

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
