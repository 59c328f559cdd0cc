import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../platform/config';
import { LiveEvents } from '../platform/live/live-events';
import type { Logger } from '../platform/logger';
import { OutboxLoop } from '../platform/outbox/outbox-loop';
import { OutboxPosition, type OutboxEventRow } from '../platform/outbox/outbox-position';
import { mayBeTold } from './notification-access';
import { unreadChannel, type NotificationCandidate } from './notification-kinds';
import { candidatesFor, NOTIFICATION_TOPICS } from './notification-topics';

const BATCH = 200;
/** A batch stops taking events once this many notifications are pending (one event may exceed it alone). */
const MAX_ROWS = 5_000;

/**
 * Turns outbox events into notifications: woken by NOTIFY after a commit, polling as a fallback,
 * retried with backoff while something fails (events stay pending, nothing is lost). It keeps its
 * own position in the outbox — a watermark plus the events consumed above it — so it neither waits
 * for nor disturbs the search indexer. Several api processes take turns through a row lock; a
 * replayed event writes nothing twice (unique per event, recipient and kind).
 */
@Injectable()
export class NotificationWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private loop: OutboxLoop | null = null;
  private readonly position = new OutboxPosition('notifications');
  /** Called after each committed batch with the recipients told (the e-mail queue listens). */
  private readonly afterBatch: ((notificationIds: string[]) => Promise<void>)[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly live: LiveEvents,
    @Inject('LOGGER') private readonly logger: Logger,
  ) {}

  /** Runs in the transaction that wrote the notifications (the mail queue takes them there, so none is lost). */
  private readonly inBatch: ((manager: EntityManager, notificationIds: string[]) => Promise<void>)[] = [];

  onCommitted(handler: (notificationIds: string[]) => Promise<void>): void {
    this.afterBatch.push(handler);
  }

  inTransaction(handler: (manager: EntityManager, notificationIds: string[]) => Promise<void>): void {
    this.inBatch.push(handler);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.notificationWorker || !this.dataSource.isInitialized) return;
    const url = (this.dataSource.options as { url?: string }).url!;
    this.loop = new OutboxLoop({ name: 'notifications', url, drain: () => this.drain(), logger: this.logger });
    await this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop?.stop();
  }

  /** Processes every pending event now; resolves with how many were handled. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const { handled, notificationIds, recipients } = await this.processBatch();
      total += handled;
      await this.announce(notificationIds, recipients);
      if (handled < BATCH) return total;
    }
  }

  private async announce(notificationIds: string[], recipients: string[]): Promise<void> {
    for (const recipient of recipients)
      await this.live
        .publish(unreadChannel(recipient), {})
        .catch((error: unknown) =>
          this.logger.warn('unread count not published', { error: error instanceof Error ? error.message : String(error) }),
        );
    if (notificationIds.length === 0) return;
    for (const handler of this.afterBatch) await handler(notificationIds);
  }

  private processBatch(): Promise<{ handled: number; notificationIds: string[]; recipients: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const events = await this.position.pending(manager, BATCH);
      // Another process holds the turn (or the row is missing): nothing to do here now.
      if (!events) return { handled: 0, notificationIds: [], recipients: [] };
      const { handled, ...written } = await this.notify(manager, events);
      await this.position.consumed(manager, handled);
      if (events.length < BATCH && handled.length === events.length) await this.position.settle(manager);
      // A batch cut short by a large fan-out counts as full, so drain() goes on.
      return { handled: handled.length < events.length ? BATCH : handled.length, ...written };
    });
  }

  private async notify(
    manager: EntityManager,
    events: OutboxEventRow[],
  ): Promise<{ handled: OutboxEventRow[]; notificationIds: string[]; recipients: string[] }> {
    const topics = new Set<string>(NOTIFICATION_TOPICS);
    const rows: (NotificationCandidate & { eventId: string })[] = [];
    const handled: OutboxEventRow[] = [];
    for (const event of events) {
      if (rows.length >= MAX_ROWS) break;
      handled.push(event);
      if (!topics.has(event.topic)) continue;
      for (const c of await candidatesFor(manager, event)) if (c.recipientId !== c.actorId) rows.push({ ...c, eventId: event.id });
    }
    if (rows.length === 0) return { handled, notificationIds: [], recipients: [] };
    const silenced = await silencedKinds(manager, [...new Set(rows.map((r) => r.recipientId))]);
    const wanted = rows.filter((r) => !silenced.has(`${r.recipientId}:${r.kind}`));
    const verdicts = await mayBeTold(manager, wanted);
    const told = wanted.filter((_, i) => verdicts[i]);
    if (told.length === 0) return { handled, notificationIds: [], recipients: [] };
    const inserted: { id: string; recipient_id: string }[] = await manager.query(
      `INSERT INTO notifications (recipient_id, kind, question_id, subject_type, subject_id, actor_id, details, source_event_id)
       SELECT * FROM unnest($1::bigint[], $2::varchar[], $3::bigint[], $4::varchar[], $5::bigint[], $6::bigint[], $7::jsonb[], $8::bigint[])
       ON CONFLICT ON CONSTRAINT notifications_once_key DO NOTHING
       RETURNING id, recipient_id`,
      [
        told.map((r) => r.recipientId),
        told.map((r) => r.kind),
        told.map((r) => r.questionId),
        told.map((r) => r.subjectType),
        told.map((r) => r.subjectId),
        told.map((r) => r.actorId),
        told.map((r) => JSON.stringify(r.details)),
        told.map((r) => r.eventId),
      ],
    );
    const notificationIds = inserted.map((r) => String(r.id));
    for (const handler of this.inBatch) await handler(manager, notificationIds);
    return { handled, notificationIds, recipients: [...new Set(inserted.map((r) => String(r.recipient_id)))] };
  }
}

/** "recipient:kind" for every kind a recipient turned off in their settings. */
async function silencedKinds(manager: EntityManager, recipients: string[]): Promise<Set<string>> {
  const rows: { user_id: string; kind: string }[] = await manager.query(
    `SELECT user_id, unnest(off_kinds) AS kind FROM notification_settings WHERE user_id = ANY($1::bigint[]) AND off_kinds <> '{}'`,
    [recipients],
  );
  return new Set(rows.map((r) => `${r.user_id}:${r.kind}`));
}
