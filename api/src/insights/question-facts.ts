import type { EntityManager } from 'typeorm';
import { daySpacesOf, refreshQuestionDays } from './daily-rollups';

/**
 * Recomputes `insights_questions` from the base tables for these questions (all of them for null), in
 * two statements: a replayed or repeated refresh writes the same row, so it is exact and idempotent.
 * Staff is the author's role at refresh time (as the per-request figures used the current role); a
 * role change is picked up by the next event on the question or by `insights:rebuild`. The daily
 * roll-ups of the days and spaces the questions were and are in are recomputed with them.
 * The first answers are read from the question's answers, each author's role looked up by id: joined
 * to users, a planner without statistics (tables just filled by an import) started from every member
 * and probed the answers of each — ~1 s per 800 imported questions instead of ~50 ms.
 */
export async function refreshQuestionFacts(manager: EntityManager, questionIds: readonly string[] | null): Promise<number> {
  if (questionIds?.length === 0) return 0;
  const before = questionIds === null ? [] : await daySpacesOf(manager, questionIds);
  await manager.query(
    `DELETE FROM insights_questions f WHERE ($1::bigint[] IS NULL OR f.question_id = ANY($1::bigint[]))
       AND NOT EXISTS (SELECT 1 FROM questions q WHERE q.id = f.question_id)`,
    [questionIds],
  );
  const [row]: { n: number }[] = await manager.query(
    `WITH refreshed AS (INSERT INTO insights_questions (question_id, space_id, author_id, tag_ids, language, created_at, deleted, status, solved_at, first_community_at, first_staff_at, accepted_role, escalated)
     SELECT q.id, q.space_id, q.author_id, ARRAY(SELECT qt.tag_id FROM question_tags qt WHERE qt.question_id = q.id ORDER BY qt.tag_id), q.language, q.created_at, q.moderation_state = 'deleted', q.status, q.solved_at,
       (SELECT min(a.created_at) FROM answers a
         WHERE a.question_id = q.id AND a.moderation_state = 'published' AND (SELECT u.role FROM users u WHERE u.id = a.author_id) = 'member'),
       (SELECT min(a.created_at) FROM answers a
         WHERE a.question_id = q.id AND a.moderation_state = 'published' AND (SELECT u.role FROM users u WHERE u.id = a.author_id) <> 'member'),
       (SELECT u.role FROM answers a JOIN users u ON u.id = a.author_id WHERE a.id = q.accepted_answer_id),
       EXISTS (SELECT 1 FROM escalations e WHERE e.question_id = q.id)
     FROM questions q WHERE $1::bigint[] IS NULL OR q.id = ANY($1::bigint[])
     ON CONFLICT (question_id) DO UPDATE SET space_id = excluded.space_id, author_id = excluded.author_id, tag_ids = excluded.tag_ids, language = excluded.language, created_at = excluded.created_at, deleted = excluded.deleted,
       status = excluded.status, solved_at = excluded.solved_at, first_community_at = excluded.first_community_at,
       first_staff_at = excluded.first_staff_at, accepted_role = excluded.accepted_role, escalated = excluded.escalated
     RETURNING 1) SELECT count(*)::int AS n FROM refreshed`,
    [questionIds],
  );
  await refreshQuestionDays(manager, questionIds === null ? null : [...before, ...(await daySpacesOf(manager, questionIds))]);
  return row!.n;
}
