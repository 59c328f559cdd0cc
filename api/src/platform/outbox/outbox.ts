import type { EntityManager } from 'typeorm';

/** Appends a fact to the outbox inside the caller's transaction, so it is written exactly when the change is. */
export async function appendOutbox(
  manager: EntityManager,
  topic: string,
  aggregateId: string,
  payload: Record<string, unknown> = {},
): Promise<void> {
  await manager.query(`INSERT INTO outbox_events (topic, aggregate_id, payload) VALUES ($1, $2, $3)`, [topic, aggregateId, payload]);
}
