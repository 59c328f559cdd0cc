/* The four-eyes domain's outbox topics (see `platform/outbox/outbox.ts`). */

declare module '../platform/outbox/outbox' {
  interface OutboxTopics {
    /** A draft waits for review: new, or revised by its author after a request for changes. */
    'draft.submitted': { questionId: string; version: number };
    'draft.changes_requested': { questionId: string; version: number };
  }
}

export {};
