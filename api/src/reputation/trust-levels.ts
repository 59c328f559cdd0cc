import type { TRUST_LEVELS } from '../identity/policy';
import { kindsWhere } from './reputation-kinds';

/** What a user needs for each level above newcomer; every figure must be met. */
export interface Requirement {
  reputation: number;
  daysVisited: number;
  /** Distinct threads read while signed in. */
  postsRead: number;
  answersAccepted: number;
}

/** The one table of promotion thresholds, indexed by trust level (newcomer needs nothing). */
export const PROMOTION: readonly Requirement[] = [
  { reputation: 0, daysVisited: 0, postsRead: 0, answersAccepted: 0 },
  { reputation: 5, daysVisited: 1, postsRead: 1, answersAccepted: 0 },
  { reputation: 25, daysVisited: 1, postsRead: 3, answersAccepted: 1 },
  { reputation: 500, daysVisited: 15, postsRead: 100, answersAccepted: 10 },
  { reputation: 2000, daysVisited: 50, postsRead: 300, answersAccepted: 40 },
];

/** A penalty within this window holds a user down: a warning to member, a suspension to newcomer. */
export const PENALTY_WINDOW_DAYS = 90;
export const PENALTY_CAP = { 'penalty.warning': 1, 'penalty.suspension': 0 } as const;

/**
 * The highest trust level: one below the number of level names. Checked against TRUST_LEVELS by type only,
 * so the importer (which recomputes levels) does not load the policy module and @nestjs/common with it (~0.7 s per cli run).
 */
export const MAX_TRUST_LEVEL: (typeof TRUST_LEVELS)['length'] extends 5 ? 4 : never = 4;

export interface TrustStats extends Requirement {
  trustLevel: number;
  pinnedTrustLevel: number | null;
  /** The lowest cap of a recent, unreversed penalty, or null. */
  penaltyCap: number | null;
}

/** The level a user's figures earn, ignoring pins and penalties. */
export function earnedLevel(stats: Requirement): number {
  let level = 0;
  for (let next = 1; next < PROMOTION.length; next++) {
    const need = PROMOTION[next]!;
    const met =
      stats.reputation >= need.reputation &&
      stats.daysVisited >= need.daysVisited &&
      stats.postsRead >= need.postsRead &&
      stats.answersAccepted >= need.answersAccepted;
    if (!met) break;
    level = next;
  }
  return level;
}

/**
 * Levels are kept once earned (as on Discourse) unless a recent penalty caps them; a pin by staff wins.
 * `levelSql` below is the same rule for set-based recomputes; trust-levels.test.ts keeps them equal.
 */
export function trustLevelFor(stats: TrustStats): number {
  if (stats.pinnedTrustLevel !== null) return stats.pinnedTrustLevel;
  const kept = Math.max(stats.trustLevel, earnedLevel(stats));
  return stats.penaltyCap === null ? kept : Math.min(kept, stats.penaltyCap);
}

/** The progress towards the next level, or null at the top. */
export function nextLevelProgress(stats: Requirement, level: number): { level: number; need: Requirement } | null {
  return level >= MAX_TRUST_LEVEL ? null : { level: level + 1, need: PROMOTION[level + 1]! };
}

const PENALTY_CASE = Object.entries(PENALTY_CAP)
  .map(([kind, cap]) => `WHEN '${kind}' THEN ${cap}`)
  .join(' ');

/**
 * The figures of every user (or of those matching `where`, e.g. `u.id = $1`): one statement whose
 * per-user parts the planner narrows when filtered, and hash-joins when not.
 */
export function trustStatsSql(where: string, options: { reputationFromLedger?: boolean } = {}): string {
  const penalties = kindsWhere((rule) => rule.penalty)
    .map((kind) => `'${kind}'`)
    .join(', ');
  return `
    SELECT u.id, ${options.reputationFromLedger ? 'coalesce(t.total, 0)::int' : 'u.reputation'} AS reputation, u.trust_level, u.pinned_trust_level,
           coalesce(v.days, 0)::int AS days_visited,
           coalesce(r.threads, 0)::int AS posts_read,
           coalesce(a.accepted, 0)::int AS answers_accepted,
           p.cap AS penalty_cap
      FROM users u${
        options.reputationFromLedger
          ? `
      LEFT JOIN (SELECT user_id, sum(delta) AS total FROM reputation_events GROUP BY user_id) t ON t.user_id = u.id`
          : ''
      }
      LEFT JOIN (SELECT user_id, count(*) AS days FROM user_visits GROUP BY user_id) v ON v.user_id = u.id
      LEFT JOIN (SELECT user_id, count(*) AS threads FROM thread_reads GROUP BY user_id) r ON r.user_id = u.id
      LEFT JOIN (SELECT an.author_id, count(*) AS accepted FROM answers an
                   JOIN questions q ON q.id = an.question_id AND q.accepted_answer_id = an.id
                  GROUP BY an.author_id) a ON a.author_id = u.id
      LEFT JOIN (SELECT e.user_id, min(CASE e.kind ${PENALTY_CASE} END) AS cap FROM reputation_events e
                  WHERE e.kind IN (${penalties}) AND e.reversal_of IS NULL
                    AND e.created_at > now() - interval '${PENALTY_WINDOW_DAYS} days'
                    AND NOT EXISTS (SELECT 1 FROM reputation_events x WHERE x.reversal_of = e.id)
                  GROUP BY e.user_id) p ON p.user_id = u.id
     WHERE ${where}`;
}

/** `trustLevelFor` in SQL over the columns of `trustStatsSql`, aliased `s`. */
export function levelSql(): string {
  const earned = PROMOTION.slice(1)
    .map(
      (_, i) =>
        `CASE WHEN ${PROMOTION.slice(1, i + 2)
          .map(
            (n) =>
              `(s.reputation >= ${n.reputation} AND s.days_visited >= ${n.daysVisited} AND s.posts_read >= ${n.postsRead} AND s.answers_accepted >= ${n.answersAccepted})`,
          )
          .join(' AND ')} THEN ${i + 1} ELSE 0 END`,
    )
    .join(', ');
  return `coalesce(s.pinned_trust_level, least(greatest(s.trust_level, ${earned}), coalesce(s.penalty_cap, ${MAX_TRUST_LEVEL})))`;
}
