/** Why reputation moved; stored in the ledger, so names never change once released. */
export const REPUTATION_KINDS = [
  'question.upvoted',
  'answer.upvoted',
  'question.downvoted',
  'answer.downvoted',
  /** The small cost a voter pays for downvoting an answer. */
  'answer.downvoteCast',
  'answer.accepted',
  /** The asker's reward for accepting an answer. */
  'answer.acceptGiven',
  'answer.verified',
  'flag.helpful',
  /** Loss when a post is removed as spam. */
  'post.spam',
  'penalty.warning',
  'penalty.suspension',
  /** Reputation a user brought from the community they were imported from; its points are theirs, not a setting. */
  'reputation.imported',
] as const;
export type ReputationKind = (typeof REPUTATION_KINDS)[number];

export type ReputationSubjectType = 'question' | 'answer' | 'comment' | 'flag' | 'user';

interface KindRule {
  /** Default points; admins may change them within `range`. */
  points: number;
  /** Allowed values for admins: gains stay gains, losses stay losses. */
  range: readonly [number, number];
  /** Counts towards the daily cap on vote-based gains. */
  capped?: boolean;
  /** A consequence of the removal itself: deleting the subject does not reverse it. */
  survivesRemoval?: boolean;
  /** Limits the trust level while recent (see trust-levels.ts). */
  penalty?: boolean;
  /** The amount comes with the entry (carried over from elsewhere): admins do not set it. */
  carriedOver?: boolean;
}

const GAIN = [0, 1000] as const;
const LOSS = [-1000, 0] as const;

/** The one table of reputation values (Stack Overflow's defaults where they exist). */
export const KIND_RULES: Record<ReputationKind, KindRule> = {
  'question.upvoted': { points: 5, range: GAIN, capped: true },
  'answer.upvoted': { points: 10, range: GAIN, capped: true },
  'question.downvoted': { points: -2, range: LOSS },
  'answer.downvoted': { points: -2, range: LOSS },
  'answer.downvoteCast': { points: -1, range: LOSS },
  'answer.accepted': { points: 15, range: GAIN },
  'answer.acceptGiven': { points: 2, range: GAIN },
  'answer.verified': { points: 15, range: GAIN },
  'flag.helpful': { points: 2, range: GAIN },
  'post.spam': { points: -100, range: LOSS, survivesRemoval: true },
  'penalty.warning': { points: -10, range: LOSS, survivesRemoval: true, penalty: true },
  'penalty.suspension': { points: -50, range: LOSS, survivesRemoval: true, penalty: true },
  'reputation.imported': { points: 0, range: [0, 0], survivesRemoval: true, carriedOver: true },
};

export const DEFAULT_DAILY_VOTE_CAP = 200;
export const MAX_DAILY_VOTE_CAP = 10_000;

export const kindsWhere = (test: (rule: KindRule) => boolean | undefined): ReputationKind[] =>
  REPUTATION_KINDS.filter((kind) => test(KIND_RULES[kind]));

/** The kinds whose points admins may change. */
export const CONFIGURABLE_KINDS: readonly ReputationKind[] = kindsWhere((rule) => !rule.carriedOver);

export const isReputationKind = (value: string): value is ReputationKind => (REPUTATION_KINDS as readonly string[]).includes(value);
