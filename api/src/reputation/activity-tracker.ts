import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../identity/policy';
import type { Logger } from '../platform/logger';
import { originHash } from './origins';
import { ReputationService } from './reputation.service';

const utcDay = (): string => new Date().toISOString().slice(0, 10);

/** Thread reads are buffered and written together at most this often, off the request path. */
export const READS_FLUSH_MS = 2_000;

/**
 * Days visited, threads read and the addresses users act from: visits and addresses are written at
 * most once per user and day; reads are buffered and written in one statement every few seconds
 * (as Discourse does with post timings), so reading a thread costs no SQL on the request.
 */
@Injectable()
export class ActivityTracker implements OnModuleDestroy {
  private pendingReads = new Map<string, { userId: string; questionId: string }>();
  private flushTimer: NodeJS.Timeout | null = null;

  /** `user|origin` already noted today by this process; cleared when the day changes. */
  private noted = new Set<string>();
  private notedDay = utcDay();

  constructor(
    private readonly dataSource: DataSource,
    private readonly reputation: ReputationService,
    @Inject('LOGGER') private readonly logger: Logger,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.flushReads();
  }

  async visited(actor: Actor, clientIp: string | undefined): Promise<void> {
    const day = utcDay();
    if (day !== this.notedDay) {
      this.noted = new Set();
      this.notedDay = day;
    }
    const origin = originHash(clientIp);
    const key = `${actor.id}|${origin ?? ''}`;
    if (this.noted.has(key)) return;
    this.noted.add(key);
    if (origin) {
      await this.dataSource.query(
        `INSERT INTO user_origins (user_id, ip_hash) VALUES ($1, $2)
         ON CONFLICT (user_id, ip_hash) DO UPDATE SET last_seen_at = now()`,
        [actor.id, origin],
      );
    }
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO user_visits (user_id, day) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id`,
      [actor.id, day],
    );
    if (inserted.length > 0) await this.reputation.evaluate(this.dataSource.manager, [actor.id]);
  }

  threadRead(actor: Actor, questionId: string): void {
    this.pendingReads.set(`${actor.id}|${questionId}`, { userId: actor.id, questionId });
    this.flushTimer ??= setTimeout(() => {
      this.flushReads().catch((error: unknown) => this.logger.warn('thread reads not recorded', { error: String(error) }));
    }, READS_FLUSH_MS).unref();
  }

  /** Writes the buffered reads and re-evaluates the readers whose count grew. */
  async flushReads(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const reads = [...this.pendingReads.values()];
    this.pendingReads = new Map();
    if (reads.length === 0) return;
    const readers: { user_id: string }[] = await this.dataSource.query(
      `WITH inserted AS (
         INSERT INTO thread_reads (user_id, question_id)
         SELECT r.user_id, r.question_id FROM unnest($1::bigint[], $2::bigint[]) AS r(user_id, question_id)
           JOIN questions q ON q.id = r.question_id
         ON CONFLICT DO NOTHING RETURNING user_id)
       SELECT DISTINCT user_id FROM inserted`,
      [reads.map((r) => r.userId), reads.map((r) => r.questionId)],
    );
    if (readers.length > 0)
      await this.reputation.evaluate(
        this.dataSource.manager,
        readers.map((r) => r.user_id),
      );
  }
}
