import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { scoreTone } from '@peerdesk/tone';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../platform/clock';
import { AppConfig } from '../platform/config';
import type { Logger } from '../platform/logger';
import { OutboxLoop } from '../platform/outbox/outbox-loop';
import { OutboxPosition, type OutboxEventRow } from '../platform/outbox/outbox-position';
import { raiseAlert } from './alerts';
import { SpikeSweeper } from './spike-sweeper';
import type { PostKind } from './tone-rollup.entity';
import { matchTerms } from './watch-terms';

const BATCH = 500;

interface PublicPost {
  post_type: PostKind;
  post_id: string;
  question_id: string;
  space_id: string;
  created_at: Date;
  text: string;
  tag_ids: string[];
}

/** Which post an event makes public: created published, or published later by moderation. */
function postOf(event: OutboxEventRow): { type: PostKind; id: string } | null {
  switch (event.topic) {
    case 'question.created':
      return { type: 'question', id: event.aggregate_id };
    case 'answer.created':
      return { type: 'answer', id: event.aggregate_id };
    case 'comment.created':
      return { type: 'comment', id: event.aggregate_id };
    case 'post.moderated':
      return event.payload.to === 'published' ? { type: event.payload.postType as PostKind, id: event.aggregate_id } : null;
    default:
      return null;
  }
}

/** Code is what the software printed, not how the writer feels. */
const withoutCode = (markdown: string): string => markdown.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`]*`/g, ' ');

/**
 * Scores every public post once and keeps hourly counts per space and per tag (`tone_hourly`), fed from
 * the outbox with its own position (consumer `monitoring`), so spike detection reads a few rows per scope
 * and never the posts. A replayed event counts nothing twice: `post_tones` has one row per post and the
 * counts grow only for rows inserted. Watched keywords in a new post raise (or add to) a keyword alert.
 */
@Injectable()
export class ToneRollupWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private loop: OutboxLoop | null = null;
  private readonly position = new OutboxPosition('monitoring');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly sweeper: SpikeSweeper,
    @Inject('LOGGER') private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.monitoringWorker || !this.dataSource.isInitialized) return;
    const url = (this.dataSource.options as { url?: string }).url!;
    // New counts are looked at right away, so a burst raises its alert within seconds, not at the next minute.
    const drain = async () => {
      const handled = await this.drain();
      if (handled > 0) await this.sweeper.sweep();
      return handled;
    };
    this.loop = new OutboxLoop({ name: 'monitoring', url, drain, logger: this.logger });
    await this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop?.stop();
  }

  /** Processes every pending event now; resolves with how many were handled. */
  drain(): Promise<number> {
    return this.position.drain(this.dataSource, BATCH, (manager, events) => this.rollUp(manager, events));
  }

  private async rollUp(manager: EntityManager, events: readonly OutboxEventRow[]): Promise<void> {
    const posts = (await this.load(manager, events)).filter((p) => p.text.trim() !== '');
    if (posts.length === 0) return;
    const tones = posts.map((p) => scoreTone(p.text));
    const fresh: { post_type: PostKind; post_id: string }[] = await manager.query(
      `INSERT INTO post_tones (post_type, post_id, space_id, question_id, label, score, created_at)
       SELECT * FROM unnest($1::varchar[], $2::bigint[], $3::bigint[], $4::bigint[], $5::varchar[], $6::real[], $7::timestamptz[])
       ON CONFLICT DO NOTHING RETURNING post_type, post_id`,
      [
        posts.map((p) => p.post_type),
        posts.map((p) => p.post_id),
        posts.map((p) => p.space_id),
        posts.map((p) => p.question_id),
        tones.map((t) => t.label),
        tones.map((t) => t.score),
        posts.map((p) => p.created_at),
      ],
    );
    const isFresh = new Set(fresh.map((f) => `${f.post_type}:${f.post_id}`));
    const counts = new Map<string, { scope: string; scopeId: string; hour: Date; posts: number; negative: number }>();
    const count = (scope: string, scopeId: string, createdAt: Date, negative: boolean) => {
      const hour = new Date(Math.floor(createdAt.getTime() / 3_600_000) * 3_600_000);
      const key = `${scope}:${scopeId}:${hour.getTime()}`;
      const row = counts.get(key) ?? { scope, scopeId, hour, posts: 0, negative: 0 };
      row.posts += 1;
      if (negative) row.negative += 1;
      counts.set(key, row);
    };
    const newPosts = posts.flatMap((post, i) => (isFresh.has(`${post.post_type}:${post.post_id}`) ? [{ post, tone: tones[i]! }] : []));
    for (const { post, tone } of newPosts) {
      const negative = tone.label === 'negative';
      count('space', post.space_id, post.created_at, negative);
      for (const tagId of post.tag_ids) count('tag', tagId, post.created_at, negative);
    }
    const rows = [...counts.values()];
    if (rows.length > 0)
      await manager.query(
        `INSERT INTO tone_hourly (scope, scope_id, hour, posts, negative)
         SELECT * FROM unnest($1::varchar[], $2::bigint[], $3::timestamptz[], $4::int[], $5::int[])
         ON CONFLICT (scope, scope_id, hour) DO UPDATE SET posts = tone_hourly.posts + excluded.posts, negative = tone_hourly.negative + excluded.negative`,
        [
          rows.map((r) => r.scope),
          rows.map((r) => r.scopeId),
          rows.map((r) => r.hour),
          rows.map((r) => r.posts),
          rows.map((r) => r.negative),
        ],
      );
    await this.watchKeywords(
      manager,
      newPosts.map((n) => n.post),
    );
  }

  /** The posts the events made public, with their thread's space and tags (three statements per batch). */
  private async load(manager: EntityManager, events: readonly OutboxEventRow[]): Promise<PublicPost[]> {
    const ids: Record<PostKind, string[]> = { question: [], answer: [], comment: [] };
    for (const event of events) {
      const post = postOf(event);
      if (post) ids[post.type].push(post.id);
    }
    const tags = `ARRAY(SELECT qt.tag_id::text FROM question_tags qt WHERE qt.question_id = q.id)`;
    const visible = `q.moderation_state = 'published'`;
    const loaded: PublicPost[][] = await Promise.all([
      ids.question.length === 0
        ? []
        : manager.query(
            `SELECT 'question' AS post_type, q.id AS post_id, q.id AS question_id, q.space_id, q.created_at,
                    q.title || E'\\n' || q.body_markdown AS text, ${tags} AS tag_ids
             FROM questions q WHERE q.id = ANY($1::bigint[]) AND ${visible}`,
            [ids.question],
          ),
      ids.answer.length === 0
        ? []
        : manager.query(
            `SELECT 'answer' AS post_type, a.id AS post_id, q.id AS question_id, q.space_id, a.created_at, a.body_markdown AS text, ${tags} AS tag_ids
             FROM answers a JOIN questions q ON q.id = a.question_id
             WHERE a.id = ANY($1::bigint[]) AND a.moderation_state = 'published' AND ${visible}`,
            [ids.answer],
          ),
      ids.comment.length === 0
        ? []
        : manager.query(
            `SELECT 'comment' AS post_type, c.id AS post_id, q.id AS question_id, q.space_id, c.created_at, c.body_markdown AS text, ${tags} AS tag_ids
             FROM comments c JOIN questions q ON q.id = c.question_id
             WHERE c.id = ANY($1::bigint[]) AND c.moderation_state = 'published' AND ${visible}`,
            [ids.comment],
          ),
    ]);
    return loaded.flat().map((p) => ({
      ...p,
      post_id: String(p.post_id),
      question_id: String(p.question_id),
      space_id: String(p.space_id),
      text: withoutCode(p.text),
    }));
  }

  private async watchKeywords(manager: EntityManager, posts: readonly PublicPost[]): Promise<void> {
    if (posts.length === 0) return;
    const terms: { term: string }[] = await manager.query(`SELECT term FROM watch_terms ORDER BY term`);
    if (terms.length === 0) return;
    const byKey = new Map<string, { term: string; spaceId: string; posts: PublicPost[] }>();
    for (const post of posts) {
      for (const term of matchTerms(
        post.text,
        terms.map((t) => t.term),
      )) {
        const key = `keyword:${post.space_id}:${term}`;
        const entry = byKey.get(key) ?? { term, spaceId: post.space_id, posts: [] };
        entry.posts.push(post);
        byKey.set(key, entry);
      }
    }
    for (const [key, { term, spaceId, posts: matched }] of byKey) {
      const first = matched.reduce((a, b) => (a.created_at < b.created_at ? a : b));
      await raiseAlert(
        manager,
        {
          kind: 'keyword',
          key,
          spaceId,
          scope: 'space',
          scopeId: spaceId,
          term,
          windowStart: first.created_at,
          detectedAt: this.clock.now(),
          posts: matched.length,
          negative: 0,
          expectedPosts: null,
          expectedNegativeShare: null,
        },
        matched.map((p) => ({ postType: p.post_type, postId: p.post_id })),
      );
    }
  }
}
