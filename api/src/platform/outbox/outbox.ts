import type { EntityManager } from 'typeorm';

/**
 * Every outbox topic with the shape of its payload. Empty here: the domain that announces a topic
 * declares it (`declare module '…/platform/outbox/outbox' { interface OutboxTopics { … } }`), so
 * platform names no domain and every writer and reader of a topic agrees on its payload.
 * The post topics are declared in `qa/qa.events.ts`, the escalation topics in `escalation/escalation.events.ts`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OutboxTopics {}

export type OutboxTopic = keyof OutboxTopics & string;

/** One outbox row as a consumer reads it: narrowing on `topic` gives the payload's type. */
export type OutboxMessage = { [T in OutboxTopic]: { topic: T; aggregate_id: string; payload: OutboxTopics[T] } }[OutboxTopic];

/** Appends a fact to the outbox inside the caller's transaction, so it is written exactly when the change is. */
export async function appendOutbox<T extends OutboxTopic>(
  manager: EntityManager,
  topic: T,
  aggregateId: string,
  payload: OutboxTopics[T],
): Promise<void> {
  await manager.query(`INSERT INTO outbox_events (topic, aggregate_id, payload) VALUES ($1, $2, $3)`, [topic, aggregateId, payload]);
}
