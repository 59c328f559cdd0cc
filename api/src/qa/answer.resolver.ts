import { Args, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { UserModel } from '../identity/models/user.model';
import { can } from '../identity/policy';
import { UserService } from '../identity/user.service';
import { Ctx } from '../platform/graphql/decorators';
import type { RequestContext } from '../platform/graphql/request-context';
import { AnswerService } from './answer.service';
import { AnswerQuestionInput, EditAnswerInput } from './dto/qa.inputs';
import { AnswerModel, CommentModel } from './models/qa.models';
import { ThreadLoaders } from './thread.loaders';

@Resolver(() => AnswerModel)
export class AnswerResolver {
  constructor(
    private readonly answers: AnswerService,
    private readonly loaders: ThreadLoaders,
    private readonly users: UserService,
  ) {}

  @Mutation(() => AnswerModel)
  answerQuestion(@Ctx() ctx: RequestContext, @Args('input') input: AnswerQuestionInput): Promise<AnswerModel> {
    return this.answers.answer(ctx.actor, input);
  }

  @Mutation(() => AnswerModel)
  editAnswer(@Ctx() ctx: RequestContext, @Args('input') input: EditAnswerInput): Promise<AnswerModel> {
    return this.answers.edit(ctx.actor, input);
  }

  @ResolveField(() => UserModel)
  async author(@Ctx() ctx: RequestContext, @Parent() answer: AnswerModel): Promise<UserModel> {
    return (await this.users.load(ctx, answer.authorId))!;
  }

  @ResolveField(() => [CommentModel])
  async comments(@Ctx() ctx: RequestContext, @Parent() answer: AnswerModel): Promise<CommentModel[]> {
    return (await this.loaders.comments(ctx, answer.questionId)).filter((c) => c.answerId === answer.id);
  }

  @ResolveField(() => Int, { description: "The viewer's vote: -1, 0 or 1." })
  viewerVote(@Ctx() ctx: RequestContext, @Parent() answer: AnswerModel): Promise<number> {
    return this.loaders.viewerVote(ctx, answer.questionId, 'a', answer.id);
  }

  @ResolveField(() => Boolean)
  canEdit(@Ctx() ctx: RequestContext, @Parent() answer: AnswerModel): boolean {
    return can(ctx.actor, 'post.edit', answer);
  }

  @ResolveField(() => Boolean)
  canVote(@Ctx() ctx: RequestContext, @Parent() answer: AnswerModel): boolean {
    return !answer.questionLocked && can(ctx.actor, 'vote.cast', answer);
  }

  @ResolveField(() => Boolean, { description: 'The viewer may mark this answer as the solution.' })
  canAccept(@Ctx() ctx: RequestContext, @Parent() answer: AnswerModel): boolean {
    return (
      !answer.isAccepted && !answer.questionLocked && answer.moderationState === 'published' && can(ctx.actor, 'answer.accept', answer)
    );
  }
}
