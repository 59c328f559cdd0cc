import type { EntityManager } from 'typeorm';
import { EscalationEventEntity } from './escalation.entity';

export type TimelineDetails = Record<string, string | number | boolean | null>;

/** Appends one change to an escalation's timeline, in the caller's transaction. */
export async function recordEvent(
  manager: EntityManager,
  escalationId: string,
  actorId: string | null,
  kind: string,
  details: TimelineDetails = {},
  at?: Date,
): Promise<void> {
  await manager.insert(EscalationEventEntity, { escalationId, actorId, kind, details, ...(at ? { createdAt: at } : {}) });
}

export const QUEUE_CHANNEL = 'escalation-queue';
export const conversationChannel = (conversationId: string): string => `conversation:${conversationId}`;
