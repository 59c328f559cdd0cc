import type { DataSource, EntityManager } from 'typeorm';
import { QuestionEntity, type QuestionStatus } from './question.entity';

/*
 * The one owner of a question's derived state: `status`, `answer_count` and `last_activity_at`
 * follow from its rows. `answer_count` counts published answers; `status` is `closed` while the
 * question is closed, else `solved` with an accepted answer, else `answered` with a published
 * answer, else `open`; last activity is the latest of the question's own activity, its published
 * answers and its solution. The qa services, moderation, the importer and the demo seed all write
 * it through these functions, and `questionStateMismatches` checks it (import check, invariant test).
 */

/** The status rule for one question, from its facts. */
export function statusOf(question: { closed: boolean; acceptedAnswerId: string | null; answerCount: number }): QuestionStatus {
  if (question.closed) return 'closed';
  if (question.acceptedAnswerId) return 'solved';
  return question.answerCount > 0 ? 'answered' : 'open';
}

/** The same rule in SQL over a `questions` alias (current `status` only says whether it is closed) and a count expression. */
function statusSql(alias: string, count: string): string {
  return `CASE WHEN ${alias}.status = 'closed' THEN 'closed' WHEN ${alias}.accepted_answer_id IS NOT NULL THEN 'solved'
               WHEN ${count} > 0 THEN 'answered' ELSE 'open' END`;
}

/** A published answer appeared on the question (new, approved or restored): counted, and the thread is active now. */
export async function answerPublished(tx: EntityManager, questionId: string): Promise<void> {
  await tx.query(
    `UPDATE questions SET answer_count = answer_count + 1, last_activity_at = now(),
       status = CASE WHEN status = 'open' THEN 'answered' ELSE status END
     WHERE id = $1`,
    [questionId],
  );
}

/** A published answer left the public thread (hidden, deleted): no longer counted, and no longer the accepted one. */
export async function answerWithdrawn(tx: EntityManager, questionId: string, answerId: string): Promise<void> {
  await tx.query(
    `UPDATE questions SET answer_count = answer_count - 1,
       accepted_answer_id = CASE WHEN accepted_answer_id = $2 THEN NULL ELSE accepted_answer_id END,
       solved_at = CASE WHEN accepted_answer_id = $2 THEN NULL ELSE solved_at END,
       status = CASE
         WHEN status = 'closed' THEN status
         WHEN status = 'solved' AND accepted_answer_id <> $2 THEN status
         WHEN answer_count - 1 > 0 THEN 'answered'
         ELSE 'open' END
     WHERE id = $1`,
    [questionId, answerId],
  );
}

/** Something happened on the thread (a comment, an edit): it is active now. */
export async function threadTouched(tx: EntityManager, questionId: string): Promise<void> {
  await tx.query(`UPDATE questions SET last_activity_at = now() WHERE id = $1`, [questionId]);
}

/** The answer is the solution now (replacing any other). */
export async function answerAccepted(tx: EntityManager, questionId: string, answerId: string, at = new Date()): Promise<void> {
  await tx.update(QuestionEntity, { id: questionId }, { acceptedAnswerId: answerId, status: 'solved', solvedAt: at, lastActivityAt: at });
}

/**
 * Recomputes the derived state of the given questions from their rows, for writers that insert
 * rows in bulk (the importer, the demo seed): answer count from published answers, status by the
 * rule, last activity moved forward to the latest published answer or solution. Rows already right
 * are not written.
 */
export async function recountQuestions(tx: EntityManager, questionIds: readonly string[]): Promise<void> {
  if (questionIds.length === 0) return;
  await tx.query(
    `UPDATE questions q
        SET answer_count = c.n, status = ${statusSql('q', 'c.n')},
            last_activity_at = GREATEST(q.last_activity_at, c.latest, q.solved_at)
       FROM (SELECT x.id, count(a.id)::int AS n, max(a.created_at) AS latest
               FROM unnest($1::bigint[]) AS x(id)
               LEFT JOIN answers a ON a.question_id = x.id AND a.moderation_state = 'published'
              GROUP BY x.id) c
      WHERE q.id = c.id
        AND (q.answer_count <> c.n OR q.status <> ${statusSql('q', 'c.n')}
             OR q.last_activity_at < GREATEST(c.latest, q.solved_at))`,
    [questionIds],
  );
}

export interface QuestionStateMismatch {
  id: string;
  status: string;
  answer_count: number;
  /** Published answers. */
  n: number;
  /** The question the accepted answer belongs to, when it is another one. */
  accepted_of: string | null;
}

/**
 * Questions whose derived state disagrees with their rows: answer_count ≠ published answers, a
 * status the rule would not give, or an accepted answer of another question. `where` filters the
 * questions (alias `q`), e.g. by source; empty when all is well.
 */
export async function questionStateMismatches(
  db: DataSource | EntityManager,
  where = 'true',
  params: unknown[] = [],
  limit = 20,
): Promise<QuestionStateMismatch[]> {
  return (await db.query(
    `SELECT q.id::text, q.status, q.answer_count, c.n, a.question_id::text AS accepted_of
       FROM questions q
       LEFT JOIN LATERAL (SELECT count(*)::int AS n FROM answers x WHERE x.question_id = q.id AND x.moderation_state = 'published') c ON true
       LEFT JOIN answers a ON a.id = q.accepted_answer_id
      WHERE (${where})
        AND (q.answer_count <> c.n OR q.status <> ${statusSql('q', 'c.n')}
             OR (q.accepted_answer_id IS NOT NULL AND a.question_id IS DISTINCT FROM q.id))
      ORDER BY q.id
      LIMIT ${limit}`,
    params,
  )) as QuestionStateMismatch[];
}
