/* The reputation domain's outbox topics (see `platform/outbox/outbox.ts`); the aggregate is the user. */

declare module '../platform/outbox/outbox' {
  interface OutboxTopics {
    'badge.awarded': { badge: string };
    /** Promoted by what they earned (not a level pinned by staff, not a demotion). */
    'trust_level.raised': { from: number; to: number };
  }
}

export {};
