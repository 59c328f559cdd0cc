import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
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
  imports: [IdentityModule],
  providers: [
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
  ],
})
export class QaModule {}
