import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HOOK_ORDER, QaEvents, type PostCreated } from '../qa/qa.events';
import type { PostType } from '../qa/moderation-state';
import { ReviewQueue } from './review-queue';

/** A newcomer's first questions and answers wait for a moderator: held as they are admitted, queued once written. */
@Injectable()
export class ModerationListeners implements OnModuleInit {
  constructor(
    private readonly events: QaEvents,
    private readonly queue: ReviewQueue,
  ) {}

  onModuleInit(): void {
    this.events.hook(
      'post.admitting',
      'moderation',
      async (tx, e) =>
        e.postType !== 'comment' && (await this.queue.holdsNewPost(tx, e.actor)) ? { hold: 'first_post' as const } : undefined,
      HOOK_ORDER.reviewQueue,
    );
    const enqueueHeld = (postType: PostType) => async (tx: Parameters<ReviewQueue['enqueue']>[0], e: PostCreated) => {
      if (e.moderationState !== 'pending_review') return;
      await this.queue.enqueue(tx, { postType, postId: e.postId, questionId: e.questionId, authorId: e.actor.id }, 'first_post');
    };
    this.events.hook('question.created', 'moderation', enqueueHeld('question'), HOOK_ORDER.queueHeldPost);
    this.events.hook('answer.created', 'moderation', enqueueHeld('answer'), HOOK_ORDER.queueHeldPost);
  }
}
