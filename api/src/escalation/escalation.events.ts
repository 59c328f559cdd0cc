/* The escalation domain's outbox topics (see `platform/outbox/outbox.ts`). */

declare module '../platform/outbox/outbox' {
  interface OutboxTopics {
    'escalation.created': { questionId: string };
    'escalation.resolved': { questionId: string };
    /** A first response or resolution is due within the team's warning time. */
    'escalation.due_soon': { clock: 'first_response' | 'resolution'; dueAt: string };
    'escalation.breached': { clock: 'first_response' | 'resolution' };
    'escalation.assigned': { assigneeId: string; questionId: string };
    /** The reply time promised on the public thread moved: a new priority or team before the first response. */
    'escalation.promise_changed': { questionId: string; reason: 'priority' | 'team' };
    /** A message in a private conversation (its content stays on the site). */
    'conversation.message': { conversationId: string };
    /** A call back request (the aggregate is its message) was scheduled or rescheduled; no phone number. */
    'callback.scheduled': { conversationId: string; actorId: string; rescheduled: boolean };
    /** A call back request ended: done by staff, or cancelled by the asker or staff. */
    'callback.closed': { conversationId: string; actorId: string; outcome: 'done' | 'cancelled' };
  }
}

export {};
