/* The escalation domain's outbox topics (see `platform/outbox/outbox.ts`). */

declare module '../platform/outbox/outbox' {
  interface OutboxTopics {
    'escalation.created': { questionId: string };
    'escalation.resolved': { questionId: string };
    /** A first response or resolution is due within the team's warning time. */
    'escalation.due_soon': { clock: 'first_response' | 'resolution'; dueAt: string };
    'escalation.breached': { clock: 'first_response' | 'resolution' };
    'escalation.assigned': { assigneeId: string; questionId: string };
    /** A message in a private conversation (its content stays on the site). */
    'conversation.message': { conversationId: string };
  }
}

export {};
