import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rateLimited } from '../errors';

export interface Limit {
  /** What is being counted, e.g. `signin-fail:ip:1.2.3.4`. */
  key: string;
  max: number;
  windowSeconds: number;
}

const SWEEP_EVERY_MS = 60 * 60_000;

/** Fixed-window counters in PostgreSQL, so every api replica sees the same counts; old windows are swept hourly. */
@Injectable()
export class RateLimitService implements OnModuleInit, OnModuleDestroy {
  private sweeper: NodeJS.Timeout | null = null;

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.sweeper = setInterval(() => void this.sweep().catch(() => undefined), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  /** Throws RATE_LIMITED when the window is already full, without counting. */
  async assertOpen(limit: Limit): Promise<void> {
    const rows: { hits: number; retry: number }[] = await this.dataSource.query(
      `SELECT hits, ceil(extract(epoch FROM window_start + make_interval(secs => $2) - now()))::int AS retry
         FROM rate_limit_buckets WHERE key = $1 AND window_start = ${WINDOW_START}`,
      [limit.key, limit.windowSeconds],
    );
    const row = rows[0];
    if (row && row.hits >= limit.max) throw rateLimited(row.retry);
  }

  /** The hits of the current window, without counting. */
  async count(limit: Limit): Promise<number> {
    const rows: { hits: number }[] = await this.dataSource.query(
      `SELECT hits FROM rate_limit_buckets WHERE key = $1 AND window_start = ${WINDOW_START}`,
      [limit.key, limit.windowSeconds],
    );
    return rows[0]?.hits ?? 0;
  }

  /** Counts one hit; throws RATE_LIMITED once the window holds more than `max`. */
  async hit(limit: Limit): Promise<void> {
    const rows: { hits: number; retry: number }[] = await this.dataSource.query(
      `INSERT INTO rate_limit_buckets (key, window_start, hits) VALUES ($1, ${WINDOW_START}, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_buckets.hits + 1
       RETURNING hits, ceil(extract(epoch FROM window_start + make_interval(secs => $2) - now()))::int AS retry`,
      [limit.key, limit.windowSeconds],
    );
    const row = rows[0]!;
    if (row.hits > limit.max) throw rateLimited(row.retry);
  }

  /** Forgets the counts of a key in its current window (e.g. failed sign-ins after a success). */
  async reset(limit: Limit): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit_buckets WHERE key = $1 AND window_start = ${WINDOW_START}`, [
      limit.key,
      limit.windowSeconds,
    ]);
  }

  async sweep(): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit_buckets WHERE window_start < now() - interval '1 day'`);
  }
}

const WINDOW_START = `to_timestamp(floor(extract(epoch FROM now()) / $2) * $2)`;
