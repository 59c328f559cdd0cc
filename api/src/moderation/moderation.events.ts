/* The moderation domain's outbox topics (see `platform/outbox/outbox.ts`). */

declare module '../platform/outbox/outbox' {
  interface OutboxTopics {
    /** Someone flagged a post; the aggregate is the flag. */
    'post.flagged': { postType: 'question' | 'answer' | 'comment'; postId: string; questionId: string; reason: string };
  }
}

export {};
