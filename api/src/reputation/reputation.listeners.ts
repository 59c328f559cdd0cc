import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RateLimitService } from '../platform/rate-limit/rate-limit.service';
import { HOOK_ORDER, QaEvents } from '../qa/qa.events';
import { AcceptanceReputation } from './acceptance-reputation';
import { assertActivityRate } from './activity-limits';
import { ActivityTracker } from './activity-tracker';
import { originHash } from './origins';
import { PostingRules } from './posting-rules';
import { VoteReputation } from './vote-reputation';

/** What reputation hears from qa: posting and voting allowances before, ledger entries and badges with the write, reads after. */
@Injectable()
export class ReputationListeners implements OnModuleInit {
  constructor(
    private readonly events: QaEvents,
    private readonly postingRules: PostingRules,
    private readonly acceptance: AcceptanceReputation,
    private readonly votes: VoteReputation,
    private readonly rateLimits: RateLimitService,
    private readonly activity: ActivityTracker,
  ) {}

  onModuleInit(): void {
    const events = this.events;
    events.hook(
      'post.checking',
      'reputation',
      async (_tx, e) => {
        if (e.change === 'create') await this.postingRules.beforePost(e.actor, e.normalized);
      },
      HOOK_ORDER.postingRules,
    );
    events.hook('question.created', 'reputation', (tx, e) => this.postingRules.afterPost(tx, e.actor), HOOK_ORDER.badges);
    events.hook('answer.created', 'reputation', (tx, e) => this.postingRules.afterPost(tx, e.actor), HOOK_ORDER.badges);
    events.hook(
      'answer.accepted',
      'reputation',
      (tx, e) =>
        this.acceptance.acceptanceMoved(tx, {
          askerId: e.askerId,
          actorId: e.actor.id,
          answer: { id: e.answerId, authorId: e.answerAuthorId },
          previousAnswerId: e.previousAnswerId,
        }),
      HOOK_ORDER.ledger,
    );
    events.hook(
      'vote.casting',
      'reputation',
      async (_tx, e) => {
        if (e.actor) await assertActivityRate(this.rateLimits, e.actor, 'vote');
      },
      HOOK_ORDER.postingRules,
    );
    events.hook(
      'vote.changed',
      'reputation',
      (tx, e) => {
        const { clientIp, ...vote } = e;
        return this.votes.voteChanged(tx, { ...vote, origin: originHash(clientIp) });
      },
      HOOK_ORDER.ledger,
    );
    events.afterCommit('question.viewed', 'reputation', (e) => this.activity.threadRead(e.actor, e.questionId));
  }
}
