import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HOOK_ORDER, QaEvents, type ReplyCreated } from '../qa/qa.events';
import { ReviewGate } from './review-gate';

/** The four-eyes gate stands at every public answer and comment: it admits or refuses them, and audits a bypass. */
@Injectable()
export class ReviewGateListeners implements OnModuleInit {
  constructor(
    private readonly events: QaEvents,
    private readonly gate: ReviewGate,
  ) {}

  onModuleInit(): void {
    this.events.hook(
      'post.admitting',
      'four-eyes',
      async (tx, e) =>
        e.postType === 'question' ? undefined : { bypassedReview: await this.gate.admitReply(tx, e.actor, e.spaceId, e.reviewed) },
      HOOK_ORDER.reviewGate,
    );
    const audit = (type: 'answer' | 'comment') => async (tx: Parameters<ReviewGate['recordBypass']>[0], e: ReplyCreated) => {
      if (e.bypassedReview) await this.gate.recordBypass(tx, e.actor, { type, id: e.postId, questionId: e.questionId });
    };
    this.events.hook('answer.created', 'four-eyes', audit('answer'), HOOK_ORDER.reviewBypass);
    this.events.hook('comment.created', 'four-eyes', audit('comment'), HOOK_ORDER.reviewBypass);
  }
}
