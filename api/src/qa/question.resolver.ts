import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { markdownExcerpt } from '@peerdesk/markdown';
import { UserModel } from '../identity/models/user.model';
import { can } from '../identity/policy';
import { UserService } from '../identity/user.service';
import { Ctx, Public } from '../platform/graphql/decorators';
import type { RequestContext } from '../platform/graphql/request-context';
import { AnswerService } from './answer.service';
import { AskQuestionInput, EditQuestionInput, QuestionFilter } from './dto/qa.inputs';
import {
  AnswerConnection,
  AnswerModel,
  CommentModel,
  QuestionConnection,
  QuestionModel,
  QuestionSort,
  SpaceModel,
  TagModel,
} from './models/qa.models';
import { QaEvents } from './qa.events';
import { QuestionService } from './question.service';
import { ThreadLoaders } from './thread.loaders';

@Resolver(() => QuestionModel)
export class QuestionResolver {
  constructor(
    private readonly questionService: QuestionService,
    private readonly answerService: AnswerService,
    private readonly loaders: ThreadLoaders,
    private readonly users: UserService,
    private readonly events: QaEvents,
  ) {}

  @Public()
  @Query(() => QuestionModel, { nullable: true, description: 'Null when it does not exist.' })
  async question(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<QuestionModel | null> {
    const question = await this.questionService.get(id, ctx.actor);
    if (question && ctx.actor) await this.events.emitNow('question.viewed', { actor: ctx.actor, questionId: question.id });
    return question;
  }

  @Public()
  @Query(() => QuestionConnection)
  questions(
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('filter', { type: () => QuestionFilter, nullable: true }) filter: QuestionFilter | null,
    @Args('sort', { type: () => QuestionSort, defaultValue: QuestionSort.NEWEST }) sort: QuestionSort,
  ): Promise<QuestionConnection> {
    return this.questionService.list(first, after, filter, sort);
  }

  @Mutation(() => QuestionModel)
  askQuestion(@Ctx() ctx: RequestContext, @Args('input') input: AskQuestionInput): Promise<QuestionModel> {
    return this.questionService.ask(ctx.actor, input);
  }

  @Mutation(() => QuestionModel)
  editQuestion(@Ctx() ctx: RequestContext, @Args('input') input: EditQuestionInput): Promise<QuestionModel> {
    return this.questionService.edit(ctx.actor, input);
  }

  @Mutation(() => QuestionModel, { description: 'Marks the answer as the solution of its question.' })
  acceptAnswer(@Ctx() ctx: RequestContext, @Args('answerId', { type: () => ID }) answerId: string): Promise<QuestionModel> {
    return this.questionService.accept(ctx.actor, answerId);
  }

  @Mutation(() => QuestionModel, { description: 'Experts and staff: close a question as a duplicate of another; it then points there.' })
  closeAsDuplicate(
    @Ctx() ctx: RequestContext,
    @Args('questionId', { type: () => ID }) questionId: string,
    @Args('duplicateOfId', { type: () => ID }) duplicateOfId: string,
  ): Promise<QuestionModel> {
    return this.questionService.closeAsDuplicate(ctx.actor, questionId, duplicateOfId);
  }

  @ResolveField(() => QuestionModel, { nullable: true, description: 'The original, when this question was closed as its duplicate.' })
  duplicateOf(@Ctx() ctx: RequestContext, @Parent() question: QuestionModel): Promise<QuestionModel | null> | null {
    return question.duplicateOfId ? this.questionService.get(question.duplicateOfId, ctx.actor) : null;
  }

  @ResolveField(() => Boolean)
  canCloseAsDuplicate(@Ctx() ctx: RequestContext, @Parent() question: QuestionModel): boolean {
    return question.status !== 'closed' && can(ctx.actor, 'question.closeAsDuplicate', undefined);
  }

  @ResolveField(() => UserModel)
  async author(@Ctx() ctx: RequestContext, @Parent() question: QuestionModel): Promise<UserModel> {
    return (await this.users.load(ctx, question.authorId))!;
  }

  @ResolveField(() => SpaceModel)
  async space(@Ctx() ctx: RequestContext, @Parent() question: QuestionModel): Promise<SpaceModel> {
    return (await this.loaders.space(ctx, question.spaceId))!;
  }

  @ResolveField(() => [TagModel])
  tags(@Ctx() ctx: RequestContext, @Parent() question: QuestionModel): Promise<TagModel[]> {
    return this.loaders.tags(ctx, question.id);
  }

  @ResolveField(() => AnswerModel, { nullable: true })
  acceptedAnswer(@Ctx() ctx: RequestContext, @Parent() question: QuestionModel): Promise<AnswerModel | null> | null {
    return question.acceptedAnswerId ? this.loaders.answer(ctx, question.acceptedAnswerId) : null;
  }

  @ResolveField(() => AnswerConnection, {
    description: 'Accepted answer first, then verified answers, then by score, then oldest first; only those the viewer may see.',
  })
  answers(
    @Ctx() ctx: RequestContext,
    @Parent() question: QuestionModel,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<AnswerConnection> {
    return this.answerService.forQuestion(ctx.actor, question, first, after);
  }

  @ResolveField(() => [CommentModel])
  async comments(@Ctx() ctx: RequestContext, @Parent() question: QuestionModel): Promise<CommentModel[]> {
    return (await this.loaders.comments(ctx, question.id)).filter((c) => c.answerId === null);
  }

  @ResolveField(() => Int, { description: "The viewer's vote: -1, 0 or 1." })
  viewerVote(@Ctx() ctx: RequestContext, @Parent() question: QuestionModel): Promise<number> {
    return this.loaders.viewerVote(ctx, question.id, 'q', question.id);
  }

  @ResolveField(() => String, { description: 'Plain text, about 200 characters.' })
  excerpt(@Parent() question: QuestionModel): string {
    return markdownExcerpt(question.bodyMarkdown);
  }

  @ResolveField(() => Boolean)
  canEdit(@Ctx() ctx: RequestContext, @Parent() question: QuestionModel): boolean {
    return can(ctx.actor, 'post.edit', question);
  }

  @ResolveField(() => Boolean)
  canVote(@Ctx() ctx: RequestContext, @Parent() question: QuestionModel): boolean {
    return !question.lockedAt && can(ctx.actor, 'vote.cast', question);
  }

  @ResolveField(() => Boolean)
  canAnswer(@Ctx() ctx: RequestContext, @Parent() question: QuestionModel): boolean {
    return question.status !== 'closed' && !question.lockedAt && can(ctx.actor, 'answer.create', undefined);
  }
}
