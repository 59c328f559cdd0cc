import type { EntityManager } from 'typeorm';
import { can, type Actor } from '../identity/policy';

/**
 * A staff member replied on an escalated question (public answer or comment, or a private
 * message): the open escalation's first response is satisfied, and from now on the queue sorts
 * it by its resolution due time. Called inside the writer's transaction; a no-op for non-staff
 * authors and for escalations that already had their first response.
 */
export async function recordStaffResponse(
  manager: EntityManager,
  actor: Actor,
  questionId: string,
  at: Date = new Date(),
): Promise<boolean> {
  if (!can(actor, 'console.use', undefined)) return false;
  const rows: { id: string }[] = await manager.query(
    `WITH responded AS (
       UPDATE escalations
          SET first_responded_at = $2, next_due_at = resolution_due_at, updated_at = now(),
              -- while waiting on the customer the clock stands at the start of the pause
              first_response_breached_at = CASE WHEN coalesce(paused_at, $2) > first_response_due_at
                                                THEN coalesce(first_response_breached_at, $2) END
        WHERE question_id = $1 AND status <> 'resolved' AND first_responded_at IS NULL
        RETURNING id)
     INSERT INTO escalation_events (escalation_id, actor_id, kind, created_at)
     SELECT id, $3, 'first_response', $2 FROM responded RETURNING escalation_id AS id`,
    [questionId, at, actor.id],
  );
  return rows.length > 0;
}
