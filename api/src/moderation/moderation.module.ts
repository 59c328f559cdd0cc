import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EscalationModule } from '../escalation/escalation.module';
import { IdentityModule } from '../identity/identity.module';
import { QaEventsModule } from '../qa/qa-events.module';
import { ModerationListeners } from './moderation.listeners';
import { ReputationModule } from '../reputation/reputation.module';
import { FlagService } from './flag.service';
import {
  AnswerModerationResolver,
  CommentModerationResolver,
  FlagResolver,
  QuestionModerationResolver,
  ReviewPostResolver,
  ReviewResolver,
  ViewerModerationResolver,
} from './moderation.resolver';
import { PenaltyService } from './penalty.service';
import { ReviewQueue } from './review-queue';
import { ReviewQueueService } from './review-queue.service';
import { ThreadModerationService } from './thread-moderation.service';

@Module({
  imports: [IdentityModule, AuditModule, ReputationModule, EscalationModule, QaEventsModule],
  providers: [
    ReviewQueue,
    ModerationListeners,
    FlagService,
    ReviewQueueService,
    PenaltyService,
    ThreadModerationService,
    ReviewResolver,
    ReviewPostResolver,
    FlagResolver,
    QuestionModerationResolver,
    AnswerModerationResolver,
    CommentModerationResolver,
    ViewerModerationResolver,
  ],
})
export class ModerationModule {}
