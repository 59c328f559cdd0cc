import type { EntityManager } from 'typeorm';
import { KIND_RULES, type ReputationKind } from './reputation-kinds';
import { recomputeReputation } from './recompute';

const points = (kind: ReputationKind): number => KIND_RULES[kind].points;

/**
 * Writes the ledger entries that votes and accepted answers already in the database should have had
 * (content seeded or loaded by SQL, not through the api), at their default values and dated when
 * they happened, then recomputes totals and trust levels. Idempotent: facts with an entry are skipped.
 */
export async function backfillLedger(manager: EntityManager): Promise<number> {
  let written = 0;
  for (const target of ['question', 'answer'] as const) {
    const posts = target === 'question' ? 'questions' : 'answers';
    const space = target === 'question' ? 'p.space_id' : '(SELECT q.space_id FROM questions q WHERE q.id = p.question_id)';
    const [{ count }]: [{ count: number }] = await manager.query(
      `WITH written AS (INSERT INTO reputation_events (user_id, kind, delta, subject_type, subject_id, actor_id, space_id, created_at)
       SELECT p.author_id, CASE WHEN v.value > 0 THEN $1 ELSE $2 END, CASE WHEN v.value > 0 THEN $3::int ELSE $4::int END,
              $5::varchar, p.id, v.user_id, ${space}, v.created_at
         FROM votes v JOIN ${posts} p ON p.id = v.${target}_id
        WHERE v.user_id <> p.author_id
          AND NOT EXISTS (SELECT 1 FROM reputation_events e
                           WHERE e.subject_type = $5::varchar AND e.subject_id = p.id AND e.actor_id = v.user_id AND e.kind IN ($1, $2))
        RETURNING 1)
       SELECT count(*)::int AS count FROM written`,
      [`${target}.upvoted`, `${target}.downvoted`, points(`${target}.upvoted`), points(`${target}.downvoted`), target],
    );
    written += count;
  }
  const [{ count: accepted }]: [{ count: number }] = await manager.query(
    `WITH written AS (INSERT INTO reputation_events (user_id, kind, delta, subject_type, subject_id, space_id, created_at)
     SELECT x.user_id, x.kind, x.delta, 'answer', a.id, q.space_id, coalesce(q.solved_at, a.created_at)
       FROM questions q JOIN answers a ON a.id = q.accepted_answer_id
       CROSS JOIN LATERAL (VALUES (a.author_id, 'answer.accepted', $1::int), (q.author_id, 'answer.acceptGiven', $2::int)) AS x(user_id, kind, delta)
      WHERE a.author_id <> q.author_id
        AND NOT EXISTS (SELECT 1 FROM reputation_events e WHERE e.subject_type = 'answer' AND e.subject_id = a.id AND e.kind = x.kind)
      RETURNING 1)
     SELECT count(*)::int AS count FROM written`,
    [points('answer.accepted'), points('answer.acceptGiven')],
  );
  await recomputeReputation(manager);
  return written + accepted;
}

/**
 * Records the reputation imported users brought from their source community as one ledger entry
 * each, so totals stay the sum of the ledger and a recompute keeps them. Once per user.
 */
export async function carryOverImportedReputation(manager: EntityManager, source: string): Promise<number> {
  const [{ count }]: [{ count: number }] = await manager.query(
    `WITH written AS (
       INSERT INTO reputation_events (user_id, kind, delta, subject_type, subject_id, created_at)
       SELECT u.id, 'reputation.imported', u.reputation - l.total, 'user', u.id, u.created_at
         FROM users u
         CROSS JOIN LATERAL (SELECT coalesce(sum(e.delta), 0)::int AS total FROM reputation_events e WHERE e.user_id = u.id) l
        WHERE u.imported_from = $1 AND u.reputation <> l.total
          AND NOT EXISTS (SELECT 1 FROM reputation_events e WHERE e.user_id = u.id AND e.kind = 'reputation.imported')
       RETURNING 1)
     SELECT count(*)::int AS count FROM written`,
    [source],
  );
  return count;
}
