import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../platform/clock';
import { AppConfig } from '../platform/config';
import type { Logger } from '../platform/logger';
import { raiseAlert } from './alerts';
import { BASELINE_WEEKS, detectSpike, type HourCount, type ScopeWindow, type Spike } from './spike-detector';
import type { PostKind, Scope } from './tone-rollup.entity';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
const SWEEP_EVERY_MS = 60_000;
const EVIDENCE = 50;
const EMPTY: HourCount = { posts: 0, negative: 0 };

export interface ScopeSpike extends Spike {
  scope: Scope;
  scopeId: string;
}

/** The hours a run reads: the previous and the current hour, now and in each baseline week. */
export function windowHours(now: Date): Date[] {
  const current = Math.floor(now.getTime() / HOUR) * HOUR;
  const hours: Date[] = [];
  for (let week = 0; week <= BASELINE_WEEKS; week++) hours.push(new Date(current - HOUR - week * WEEK), new Date(current - week * WEEK));
  return hours;
}

/** Every scope active in the window that spikes now, from the hourly rows of `windowHours(now)`. */
export function findSpikes(
  rows: readonly { scope: Scope; scope_id: string; hour: Date; posts: number; negative: number }[],
  now: Date,
): ScopeSpike[] {
  const current = Math.floor(now.getTime() / HOUR) * HOUR;
  const elapsed = (now.getTime() - current) / HOUR;
  const byScope = new Map<string, Map<number, HourCount>>();
  for (const row of rows) {
    const key = `${row.scope}:${row.scope_id}`;
    const hours = byScope.get(key) ?? new Map<number, HourCount>();
    hours.set(new Date(row.hour).getTime(), { posts: row.posts, negative: row.negative });
    byScope.set(key, hours);
  }
  const spikes: ScopeSpike[] = [];
  for (const [key, hours] of byScope) {
    const at = (time: number) => hours.get(time) ?? EMPTY;
    if (!hours.has(current) && !hours.has(current - HOUR)) continue;
    const window: ScopeWindow = {
      recent: [at(current - HOUR), at(current)],
      weeks: Array.from({ length: BASELINE_WEEKS }, (_, k) => [at(current - HOUR - (k + 1) * WEEK), at(current - (k + 1) * WEEK)] as const),
    };
    const spike = detectSpike(window, elapsed);
    if (spike) {
      const [scope, scopeId] = key.split(':') as [Scope, string];
      spikes.push({ ...spike, scope, scopeId });
    }
  }
  return spikes;
}

/**
 * Once a minute (and on demand, with the api's clock): reads the hourly roll-up for the window and its
 * baseline weeks — a fixed number of rows per active scope, never the posts — and raises an alert per
 * spiking space or tag, with the window's negative posts as evidence.
 */
@Injectable()
export class SpikeSweeper implements OnModuleInit, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    @Inject('LOGGER') private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    if (!this.config.monitoringWorker) return;
    this.timer = setInterval(
      () => void this.sweep().catch((error: Error) => this.logger.warn('spike detection failed', { error: error.message })),
      SWEEP_EVERY_MS,
    );
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Detects spikes now; answers the ids of alerts raised (not those that were already open). */
  async sweep(): Promise<string[]> {
    const now = this.clock.now();
    const spikes = await this.detect(now);
    const raised: string[] = [];
    for (const spike of spikes) {
      const id = await this.dataSource.transaction((manager) => this.raise(manager, spike, now));
      if (id) raised.push(id);
    }
    return raised;
  }

  /** The spikes at `now`: one indexed read of the roll-up, then arithmetic. */
  async detect(now: Date): Promise<ScopeSpike[]> {
    const rows: { scope: Scope; scope_id: string; hour: Date; posts: number; negative: number }[] = await this.dataSource.query(
      `SELECT scope, scope_id::text, hour, posts, negative FROM tone_hourly WHERE hour = ANY($1::timestamptz[])`,
      [windowHours(now)],
    );
    return findSpikes(rows, now);
  }

  private async raise(manager: EntityManager, spike: ScopeSpike, now: Date): Promise<string | null> {
    const windowStart = new Date(Math.floor(now.getTime() / HOUR) * HOUR - HOUR);
    const inScope =
      spike.scope === 'space'
        ? `pt.space_id = $1`
        : `EXISTS (SELECT 1 FROM question_tags qt WHERE qt.question_id = pt.question_id AND qt.tag_id = $1)`;
    const evidence: { post_type: PostKind; post_id: string; space_id: string }[] = await manager.query(
      `SELECT pt.post_type, pt.post_id::text, pt.space_id::text FROM post_tones pt
       WHERE ${inScope} AND pt.created_at >= $2 AND pt.created_at <= $3 AND pt.label = 'negative'
       ORDER BY pt.created_at DESC LIMIT ${EVIDENCE}`,
      [spike.scopeId, windowStart, now],
    );
    const spaceId = spike.scope === 'space' ? spike.scopeId : mostCommon(evidence.map((e) => e.space_id));
    if (!spaceId) return null;
    const { id, raised } = await raiseAlert(
      manager,
      {
        kind: 'spike',
        key: `spike:${spike.scope}:${spike.scopeId}`,
        spaceId,
        scope: spike.scope,
        scopeId: spike.scopeId,
        term: null,
        windowStart,
        detectedAt: now,
        posts: spike.posts,
        negative: spike.negative,
        expectedPosts: spike.expectedPosts,
        expectedNegativeShare: spike.expectedNegativeShare,
      },
      evidence.map((e) => ({ postType: e.post_type, postId: e.post_id })),
    );
    if (raised) this.logger.info('alert raised', { alertId: id, scope: spike.scope, scopeId: spike.scopeId, posts: spike.posts });
    return raised ? id : null;
  }
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
