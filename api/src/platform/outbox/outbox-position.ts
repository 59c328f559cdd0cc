import type { DataSource, EntityManager } from 'typeorm';

/** An outbox row as a consumer reads it; the payload is read as written. */
export interface OutboxEventRow {
  id: string;
  topic: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
}

/**
 * Events consumed longer ago than this move below the watermark. An event with a smaller id that is
 * still invisible by then belongs to a transaction open for this long, which the statement timeout
 * and the short write transactions rule out.
 */
const SETTLE = `interval '5 minutes'`;

/**
 * A consumer's own position in the outbox: a watermark plus the events consumed above it
 * (`outbox_consumers`, `outbox_consumed`), so each consumer neither waits for nor disturbs the others.
 * Several api processes take turns through a row lock on the consumer's row; the row is created by the
 * consumer's migration.
 */
export class OutboxPosition {
  constructor(readonly consumer: string) {}

  /** The next events not yet consumed, in order; null while another process holds this consumer's turn. */
  async pending(manager: EntityManager, limit: number): Promise<OutboxEventRow[] | null> {
    const [cursor]: { watermark: string }[] = await manager.query(
      `SELECT watermark FROM outbox_consumers WHERE consumer = $1 FOR UPDATE SKIP LOCKED`,
      [this.consumer],
    );
    if (!cursor) return null;
    return manager.query(
      `SELECT e.id, e.topic, e.aggregate_id, e.payload FROM outbox_events e
       WHERE e.id > $2 AND NOT EXISTS (SELECT 1 FROM outbox_consumed c WHERE c.consumer = $1 AND c.event_id = e.id)
       ORDER BY e.id LIMIT ${Number(limit)}`,
      [this.consumer, cursor.watermark],
    );
  }

  /** Records events as consumed, in the transaction that acted on them. */
  async consumed(manager: EntityManager, events: readonly OutboxEventRow[]): Promise<void> {
    if (events.length === 0) return;
    await manager.query(`INSERT INTO outbox_consumed (consumer, event_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING`, [
      this.consumer,
      events.map((e) => e.id),
    ]);
  }

  /**
   * Hands the pending events to `handle` a batch at a time, each batch in one transaction with its
   * consumption, until fewer than a batch are left (or another process holds the turn); resolves
   * with how many were handled. For consumers that handle every event they are given.
   */
  async drain(
    dataSource: DataSource,
    batch: number,
    handle: (manager: EntityManager, events: OutboxEventRow[]) => Promise<void>,
  ): Promise<number> {
    let total = 0;
    for (;;) {
      const handled = await dataSource.transaction(async (manager) => {
        const events = await this.pending(manager, batch);
        if (!events) return 0;
        await handle(manager, events);
        await this.consumed(manager, events);
        if (events.length < batch) await this.settle(manager);
        return events.length;
      });
      total += handled;
      if (handled < batch) return total;
    }
  }

  /** Moves the watermark past events consumed long enough ago and forgets them individually. */
  async settle(manager: EntityManager): Promise<void> {
    await manager.query(
      `WITH settled AS (
         SELECT max(event_id) AS id FROM outbox_consumed WHERE consumer = $1 AND consumed_at < now() - ${SETTLE}
       ), moved AS (
         UPDATE outbox_consumers SET watermark = settled.id FROM settled
         WHERE consumer = $1 AND settled.id IS NOT NULL AND settled.id > watermark RETURNING watermark
       )
       DELETE FROM outbox_consumed WHERE consumer = $1 AND event_id <= (SELECT watermark FROM moved)`,
      [this.consumer],
    );
  }
}
