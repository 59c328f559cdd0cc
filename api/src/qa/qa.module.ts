import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { AnswerResolver } from './answer.resolver';
import { AnswerService } from './answer.service';
import { CommentService } from './comment.service';
import { CommentResolver, SpaceResolver, TagResolver, UserActivityResolver } from './community.resolver';
import { QaEventsModule } from './qa-events.module';
import { QuestionResolver } from './question.resolver';
import { QuestionService } from './question.service';
import { RevisionResolver } from './revisions.resolver';
import { RevisionService } from './revisions.service';
import { SpaceService } from './space.service';
import { ThreadActivityListeners } from './thread-activity.listeners';
import { ThreadActivityResolver } from './thread-activity.resolver';
import { ThreadLoaders } from './thread.loaders';
import { VoteService } from './vote.service';

/** The Q&A core: posts and their derived state. It imports no other domain; neighbours listen to `QaEvents`. */
@Module({
  imports: [IdentityModule, QaEventsModule],
  providers: [
    QuestionService,
    AnswerService,
    CommentService,
    VoteService,
    SpaceService,
    ThreadLoaders,
    ThreadActivityListeners,
    QuestionResolver,
    AnswerResolver,
    SpaceResolver,
    CommentResolver,
    TagResolver,
    UserActivityResolver,
    ThreadActivityResolver,
    RevisionService,
    RevisionResolver,
  ],
  exports: [QuestionService, AnswerService, CommentService, ThreadLoaders, QaEventsModule],
})
export class QaModule {}
