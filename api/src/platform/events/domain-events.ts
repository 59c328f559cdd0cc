import type { EntityManager } from 'typeorm';
import { afterCommit } from '../live/after-commit';
import type { Logger } from '../logger';
import { appendOutbox, type OutboxTopic, type OutboxTopics } from '../outbox/outbox';

/**
 * An event map names each event with its payload and, for events whose hooks may answer (hold a post
 * for review, record a bypass), the verdict type: `{ 'answer.created': { payload: NewReply } }`.
 * The domain that owns the events declares the map (qa: `qa/qa.events.ts`); platform knows none.
 */
export type EventMap<M> = { [K in keyof M]: { payload: unknown; verdict?: unknown } };

export type PayloadOf<M extends EventMap<M>, K extends keyof M> = M[K]['payload'];
export type VerdictOf<M extends EventMap<M>, K extends keyof M> = M[K] extends { verdict: infer V } ? V : never;

/** Which events also leave a durable fact in the outbox, and with which topic and payload. */
export type OutboxMapping<M extends EventMap<M>> = {
  [K in keyof M]?: (
    payload: PayloadOf<M, K>,
  ) => { [T in OutboxTopic]: { topic: T; aggregateId: string; payload: OutboxTopics[T] } }[OutboxTopic];
};

export type HookHandler<M extends EventMap<M>, K extends keyof M> = (
  tx: EntityManager,
  payload: PayloadOf<M, K>,
) => Promise<VerdictOf<M, K> | void> | VerdictOf<M, K> | void;

export type AfterCommitHandler<M extends EventMap<M>, K extends keyof M> = (payload: PayloadOf<M, K>) => Promise<void> | void;

export interface ListenerInfo {
  event: string;
  kind: 'hook' | 'after-commit' | 'outbox';
  /** Who listens: a domain folder name, or the outbox topic. */
  listener: string;
  order: number;
}

interface Registered<F> {
  listener: string;
  order: number;
  handler: F;
}

/**
 * One mechanism for telling neighbours what happened, with three kinds of listeners:
 *
 * - **hooks** run inside the writer's transaction, in `order`, before `emit` returns: rules that must
 *   hold atomically with the write (posting limits, the four-eyes gate, the review queue). A hook that
 *   throws undoes the write; a hook may answer a verdict, which `emit` returns to the writer.
 * - **after-commit handlers** run once the transaction has committed (never when it rolls back): live
 *   updates, caches. Their failures are logged, not answered: the change is real by then.
 * - **outbox events**: `emit` appends the event's outbox row in the same transaction, for workers (search
 *   indexing, later notifications) that must hear of every change even when they are down for a while.
 *
 * Emitting outside a transaction (`dataSource.manager`) runs hooks and handlers at once.
 */
export class DomainEvents<M extends EventMap<M>> {
  private readonly hooks = new Map<keyof M, Registered<HookHandler<M, keyof M>>[]>();
  private readonly handlers = new Map<keyof M, Registered<AfterCommitHandler<M, keyof M>>[]>();

  constructor(
    private readonly outbox: OutboxMapping<M>,
    private readonly logger: Logger,
  ) {}

  /** Registers an in-transaction hook; lower `order` runs first (give it explicitly: `HOOK_ORDER` in the event map's file) (which refusal a writer sees first is part of the contract). */
  hook<K extends keyof M>(event: K, listener: string, handler: HookHandler<M, K>, order: number): void {
    const list = this.hooks.get(event) ?? [];
    list.push({ listener, order, handler: handler as HookHandler<M, keyof M> });
    list.sort((a, b) => a.order - b.order);
    this.hooks.set(event, list);
  }

  /** Registers a handler that runs after the emitting transaction commits. */
  afterCommit<K extends keyof M>(event: K, listener: string, handler: AfterCommitHandler<M, K>): void {
    const list = this.handlers.get(event) ?? [];
    list.push({ listener, order: list.length, handler: handler as AfterCommitHandler<M, keyof M> });
    this.handlers.set(event, list);
  }

  /** Runs the hooks, appends the outbox row and schedules the after-commit handlers; returns the hooks' verdicts. */
  async emit<K extends keyof M>(tx: EntityManager, event: K, payload: PayloadOf<M, K>): Promise<VerdictOf<M, K>[]> {
    const verdicts: VerdictOf<M, K>[] = [];
    for (const { handler } of this.hooks.get(event) ?? []) {
      const verdict = await handler(tx, payload);
      if (verdict !== undefined) verdicts.push(verdict as VerdictOf<M, K>);
    }
    const record = this.outbox[event]?.(payload);
    if (record) await appendOutbox(tx, record.topic, record.aggregateId, record.payload);
    for (const { listener, handler } of this.handlers.get(event) ?? []) {
      await afterCommit(tx, async () => {
        try {
          await handler(payload);
        } catch (error) {
          this.logger.warn('after-commit handler failed', { event: String(event), listener, error: String(error) });
        }
      });
    }
    return verdicts;
  }

  /** Who listens to what, in run order: for the architecture docs, the bootstrap check and tests. */
  listeners(): ListenerInfo[] {
    const rows: ListenerInfo[] = [];
    const events = new Set<keyof M>([...this.hooks.keys(), ...this.handlers.keys(), ...(Object.keys(this.outbox) as (keyof M)[])]);
    for (const event of events) {
      for (const h of this.hooks.get(event) ?? []) rows.push({ event: String(event), kind: 'hook', listener: h.listener, order: h.order });
      const topic = this.outbox[event];
      if (topic) rows.push({ event: String(event), kind: 'outbox', listener: 'outbox', order: 0 });
      for (const h of this.handlers.get(event) ?? [])
        rows.push({ event: String(event), kind: 'after-commit', listener: h.listener, order: h.order });
    }
    return rows.sort((a, b) => a.event.localeCompare(b.event));
  }

  /** Throws when a listener the writer relies on is missing (a module not loaded would silently drop a rule). */
  assertListening(required: readonly { event: keyof M; listener: string }[]): void {
    const missing = required.filter(({ event, listener }) => !(this.hooks.get(event) ?? []).some((h) => h.listener === listener));
    if (missing.length > 0) throw new Error(`Missing event hooks: ${missing.map((m) => `${String(m.event)} ← ${m.listener}`).join(', ')}`);
  }
}
