/* The escalation domain's outbox topics (see `platform/outbox/outbox.ts`). */

declare module '../platform/outbox/outbox' {
  interface OutboxTopics {
    'escalation.created': { questionId: string };
    'escalation.resolved': { questionId: string };
  }
}

export {};
