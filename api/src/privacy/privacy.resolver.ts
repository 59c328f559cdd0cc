import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { can } from '../identity/policy';
import { AnswerModel, QuestionModel } from '../qa/models/qa.models';
import { UserModel } from '../identity/models/user.model';
import { UserService } from '../identity/user.service';
import { Ctx } from '../platform/graphql/decorators';
import type { RequestContext } from '../platform/graphql/request-context';
import { RedactPostInput } from './dto/privacy.inputs';
import { PostRedactionModel } from './models/privacy.models';
import { RedactionService } from './redaction.service';

@Resolver(() => PostRedactionModel)
export class RedactionResolver {
  constructor(
    private readonly redactions: RedactionService,
    private readonly users: UserService,
  ) {}

  @Mutation(() => PostRedactionModel, { description: 'Moderators replace personal data in a published post with "[removed]".' })
  redactPost(@Ctx() ctx: RequestContext, @Args('input') input: RedactPostInput): Promise<PostRedactionModel> {
    return this.redactions.redact(ctx.actor, input);
  }

  @Query(() => [PostRedactionModel], { description: 'Redactions in a thread, with the original text (staff only).' })
  postRedactions(@Ctx() ctx: RequestContext, @Args('questionId', { type: () => ID }) questionId: string): Promise<PostRedactionModel[]> {
    return this.redactions.forQuestion(ctx.actor, questionId);
  }

  @ResolveField(() => UserModel)
  async moderator(@Ctx() ctx: RequestContext, @Parent() redaction: PostRedactionModel): Promise<UserModel> {
    return (await this.users.load(ctx, redaction.moderatorId))!;
  }
}

/** Whether the viewer may redact a post (moderators), on the thread's posts. */
@Resolver(() => QuestionModel)
export class QuestionRedactionResolver {
  @ResolveField(() => Boolean, { description: 'The viewer may replace personal data in this question with "[removed]".' })
  canRedact(@Ctx() ctx: RequestContext): boolean {
    return can(ctx.actor, 'post.redact', undefined);
  }
}

@Resolver(() => AnswerModel)
export class AnswerRedactionResolver {
  @ResolveField(() => Boolean, { description: 'The viewer may replace personal data in this answer with "[removed]".' })
  canRedact(@Ctx() ctx: RequestContext): boolean {
    return can(ctx.actor, 'post.redact', undefined);
  }
}
