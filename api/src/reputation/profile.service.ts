import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { TRUST_LEVELS } from '../identity/policy';
import type { RequestContext } from '../platform/graphql/request-context';
import { decodeCursor, encodeCursor, pageSize, toPage } from '../platform/pagination';
import { BADGES, isBadge } from './badges';
import type { BadgeModel, ReputationEventConnection, ReputationPointModel, TrustProgressModel } from './models/reputation.models';
import { nextLevelProgress, trustStatsSql } from './trust-levels';

const BADGES_BY_USER = Symbol('badgesByUser');
const ANSWER_STATS_BY_USER = Symbol('answerStatsByUser');

export interface AnswerStats {
  accepted: number;
  verified: number;
}

/** How long the reputation chart looks back. */
export const CHART_DAYS = 365;

/** What profiles show about reputation; lists batched per request. */
@Injectable()
export class ProfileService {
  constructor(private readonly dataSource: DataSource) {}

  badges(ctx: RequestContext, userId: string): Promise<BadgeModel[]> {
    return ctx.loader(BADGES_BY_USER, () => new DataLoader<string, BadgeModel[]>((ids) => this.badgesOf(ids))).load(userId);
  }

  answerStats(ctx: RequestContext, userId: string): Promise<AnswerStats> {
    return ctx.loader(ANSWER_STATS_BY_USER, () => new DataLoader<string, AnswerStats>((ids) => this.answerStatsOf(ids))).load(userId);
  }

  private async badgesOf(ids: readonly string[]): Promise<BadgeModel[][]> {
    const rows: { user_id: string; badge: string; awarded_at: Date }[] = await this.dataSource.query(
      `SELECT user_id, badge, awarded_at FROM user_badges WHERE user_id = ANY($1) ORDER BY awarded_at, badge`,
      [ids],
    );
    const byUser = new Map<string, BadgeModel[]>();
    for (const row of rows) {
      if (!isBadge(row.badge)) continue;
      const list = byUser.get(row.user_id) ?? [];
      list.push({ key: row.badge, tier: BADGES[row.badge].tier, awardedAt: row.awarded_at });
      byUser.set(row.user_id, list);
    }
    return ids.map((id) => byUser.get(id) ?? []);
  }

  private async answerStatsOf(ids: readonly string[]): Promise<AnswerStats[]> {
    const rows: { author_id: string; accepted: number; verified: number }[] = await this.dataSource.query(
      `SELECT a.author_id,
              count(*) FILTER (WHERE q.accepted_answer_id = a.id)::int AS accepted,
              count(*) FILTER (WHERE a.verified_at IS NOT NULL)::int AS verified
         FROM answers a JOIN questions q ON q.id = a.question_id
        WHERE a.author_id = ANY($1) AND a.moderation_state = 'published'
        GROUP BY a.author_id`,
      [ids],
    );
    const byUser = new Map(rows.map((r) => [r.author_id, { accepted: r.accepted, verified: r.verified }]));
    return ids.map((id) => byUser.get(id) ?? { accepted: 0, verified: 0 });
  }

  async trustProgress(userId: string): Promise<TrustProgressModel | null> {
    const rows: {
      reputation: number;
      trust_level: number;
      pinned_trust_level: number | null;
      days_visited: number;
      posts_read: number;
      answers_accepted: number;
      penalty_cap: number | null;
    }[] = await this.dataSource.query(trustStatsSql('u.id = $1'), [userId]);
    const row = rows[0];
    if (!row) return null;
    const stats = {
      reputation: row.reputation,
      daysVisited: row.days_visited,
      postsRead: row.posts_read,
      answersAccepted: row.answers_accepted,
    };
    const next = row.pinned_trust_level === null ? nextLevelProgress(stats, row.trust_level) : null;
    return {
      ...stats,
      pinned: row.pinned_trust_level !== null,
      heldByPenalty: row.penalty_cap !== null,
      next: next && { level: next.level, name: TRUST_LEVELS[next.level]!, ...next.need },
    };
  }

  /** Newest first, keyset on (created_at, id). */
  async history(userId: string, first: number | null, after: string | null): Promise<ReputationEventConnection> {
    const size = pageSize(first, 20);
    const cursor = decodeCursor(after, 2);
    const rows: {
      id: string;
      kind: string;
      delta: number;
      subject_type: string;
      subject_id: string;
      question_id: string | null;
      reversal_of: string | null;
      reason: string | null;
      created_at: Date;
    }[] = await this.dataSource.query(
      `SELECT e.id, e.kind, e.delta, e.subject_type, e.subject_id, e.reversal_of, e.reason, e.created_at,
              CASE e.subject_type WHEN 'question' THEN e.subject_id
                WHEN 'answer' THEN (SELECT question_id FROM answers WHERE id = e.subject_id)
                WHEN 'comment' THEN (SELECT question_id FROM comments WHERE id = e.subject_id) END AS question_id
         FROM reputation_events e
        WHERE e.user_id = $1 ${cursor ? 'AND (e.created_at, e.id) < ($3::timestamptz, $4::bigint)' : ''}
        ORDER BY e.created_at DESC, e.id DESC LIMIT $2`,
      cursor ? [userId, size + 1, cursor[0], cursor[1]] : [userId, size + 1],
    );
    const page = toPage(rows, size);
    const edges = page.nodes.map((r) => ({
      cursor: encodeCursor([r.created_at.toISOString(), r.id]),
      node: {
        id: r.id,
        kind: r.kind,
        delta: r.delta,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        questionId: r.question_id,
        reversal: r.reversal_of !== null,
        reason: r.reason,
        createdAt: r.created_at,
      },
    }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /** The running total at the end of each day with changes, over the last CHART_DAYS days. */
  async chart(userId: string): Promise<ReputationPointModel[]> {
    const rows: { day: string; total: number }[] = await this.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, total FROM (
         SELECT day, (sum(delta) OVER (ORDER BY day))::int AS total FROM (
           SELECT date_trunc('day', created_at, 'UTC') AS day, sum(delta) AS delta
             FROM reputation_events WHERE user_id = $1 GROUP BY 1) d) t
        WHERE day > now() - make_interval(days => $2)
        ORDER BY day`,
      [userId, CHART_DAYS],
    );
    return rows;
  }
}
