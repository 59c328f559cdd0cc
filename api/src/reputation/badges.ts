import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { appendOutbox } from '../platform/outbox/outbox';

export type BadgeTier = 'bronze' | 'silver' | 'gold';

interface BadgeRule {
  tier: BadgeTier;
  /** SQL condition over `u.id`, the user being evaluated. */
  earned: string;
  /** Awarded without telling (notifications). */
  quiet?: boolean;
}

const acceptedAnswers = `(SELECT count(*) FROM answers an JOIN questions q ON q.id = an.question_id AND q.accepted_answer_id = an.id
                            WHERE an.author_id = u.id AND an.moderation_state = 'published')`;
const standing = (kind: string) => `(SELECT count(*) FROM reputation_events e
   WHERE e.user_id = u.id AND e.kind = '${kind}' AND e.reversal_of IS NULL
     AND NOT EXISTS (SELECT 1 FROM reputation_events x WHERE x.reversal_of = e.id))`;
/** The longest run of consecutive visit days (gaps and islands). */
const longestStreak = `(SELECT coalesce(max(run), 0) FROM (
   SELECT count(*) AS run FROM (SELECT day - (row_number() OVER (ORDER BY day))::int AS island FROM user_visits WHERE user_id = u.id) d
    GROUP BY island) runs)`;

/** The one table of badges: awarded once (primary key), evaluated whenever the user's ledger or activity moves. */
export const BADGES = {
  first_question: {
    tier: 'bronze',
    // Awarded without a notification: the first post is the news, and a notice then is noise.
    quiet: true,
    earned: `EXISTS (SELECT 1 FROM questions q WHERE q.author_id = u.id AND q.moderation_state = 'published')`,
  },
  first_answer: {
    tier: 'bronze',
    quiet: true,
    earned: `EXISTS (SELECT 1 FROM answers a WHERE a.author_id = u.id AND a.moderation_state = 'published')`,
  },
  first_accepted: { tier: 'bronze', earned: `${acceptedAnswers} >= 1` },
  problem_solver: { tier: 'silver', earned: `${acceptedAnswers} >= 10` },
  good_question: {
    tier: 'silver',
    earned: `EXISTS (SELECT 1 FROM questions q WHERE q.author_id = u.id AND q.score >= 10 AND q.moderation_state = 'published')`,
  },
  good_answer: {
    tier: 'silver',
    earned: `EXISTS (SELECT 1 FROM answers a WHERE a.author_id = u.id AND a.score >= 10 AND a.moderation_state = 'published')`,
  },
  helpful_flagger: { tier: 'bronze', earned: `${standing('flag.helpful')} >= 5` },
  verified_expert: { tier: 'gold', earned: `${standing('answer.verified')} >= 5` },
  regular_visitor: { tier: 'bronze', earned: `${longestStreak} >= 7` },
  devoted_visitor: { tier: 'silver', earned: `${longestStreak} >= 30` },
} as const satisfies Record<string, BadgeRule>;
export type Badge = keyof typeof BADGES;

export const isBadge = (value: string): value is Badge => value in BADGES;

const AWARD_SQL = `INSERT INTO user_badges (user_id, badge)
  ${Object.entries(BADGES)
    .map(([badge, rule]) => `SELECT u.id, '${badge}' FROM unnest($1::bigint[]) AS u(id) WHERE ${rule.earned}`)
    .join('\n  UNION ALL ')}
  ON CONFLICT DO NOTHING
  RETURNING user_id, badge`;

@Injectable()
export class BadgeAwards {
  /** Awards every badge the users have newly earned, in one statement, and announces each. */
  async award(manager: EntityManager, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    const awarded: { user_id: string; badge: string }[] = await manager.query(AWARD_SQL, [userIds]);
    for (const row of awarded)
      if (!(BADGES[row.badge as Badge] as BadgeRule).quiet)
        await appendOutbox(manager, 'badge.awarded', String(row.user_id), { badge: row.badge });
  }
}
