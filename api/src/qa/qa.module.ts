import { ThreadActivityResolver } from './thread-activity.resolver';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../identity/identity.module';
import { ReviewQueue } from '../moderation/review-queue';
import { ReputationModule } from '../reputation/reputation.module';
import { ReviewGateModule } from '../review/review-gate.module';
import { AnswerResolver } from './answer.resolver';
import { AnswerService } from './answer.service';
import { CommentService } from './comment.service';
import { CommentResolver, SpaceResolver, TagResolver, UserActivityResolver } from './community.resolver';
import { QuestionResolver } from './question.resolver';
import { QuestionService } from './question.service';
import { SpaceService } from './space.service';
import { ThreadLoaders } from './thread.loaders';
import { VoteService } from './vote.service';

@Module({
  imports: [IdentityModule, AuditModule, ReviewGateModule, ReputationModule],
  providers: [
    ReviewQueue,
    QuestionService,
    AnswerService,
    CommentService,
    VoteService,
    SpaceService,
    ThreadLoaders,
    QuestionResolver,
    AnswerResolver,
    SpaceResolver,
    CommentResolver,
    TagResolver,
    UserActivityResolver,
    ThreadActivityResolver,
  ],
  exports: [QuestionService, AnswerService, CommentService, ThreadLoaders],
})
export class QaModule {}
