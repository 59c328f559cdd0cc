import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { renderMarkdown } from '@peerdesk/markdown';
import { UserModel } from '../identity/models/user.model';
import { UserService } from '../identity/user.service';
import { fieldError } from '../platform/errors';
import { Ctx, Public } from '../platform/graphql/decorators';
import type { RequestContext } from '../platform/graphql/request-context';
import { CommentService } from './comment.service';
import { AddCommentInput, VoteInput } from './dto/qa.inputs';
import { CommentModel, QuestionConnection, QuestionSort, SpaceModel, TagModel, VotePayload } from './models/qa.models';
import { LIMITS } from './qa.rules';
import { QuestionService } from './question.service';
import { SpaceService } from './space.service';
import { ThreadLoaders } from './thread.loaders';
import { VoteService } from './vote.service';

@Resolver(() => SpaceModel)
export class SpaceResolver {
  constructor(
    private readonly spaceService: SpaceService,
    private readonly loaders: ThreadLoaders,
  ) {}

  @Public()
  @Query(() => [SpaceModel])
  spaces(): Promise<SpaceModel[]> {
    return this.spaceService.all();
  }

  @Public()
  @Query(() => SpaceModel, { nullable: true })
  space(@Args('slug') slug: string): Promise<SpaceModel | null> {
    return this.spaceService.bySlug(slug);
  }

  @Public()
  @Query(() => [TagModel], { description: 'Most used first.' })
  tags(@Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number): Promise<TagModel[]> {
    return this.spaceService.tags(first);
  }

  @Public()
  @Query(() => String, { description: 'Renders Markdown with the same policy as posts (for previews).' })
  renderMarkdown(@Args('markdown') markdown: string): string {
    if (markdown.length > LIMITS.questionBody.max)
      throw fieldError('markdown', 'too_long', `At most ${LIMITS.questionBody.max} characters.`);
    return renderMarkdown(markdown);
  }

  @ResolveField(() => Int)
  async questionCount(@Ctx() ctx: RequestContext, @Parent() space: SpaceModel): Promise<number> {
    return (await this.loaders.spaceCounts(ctx, space.id)).questions;
  }

  @ResolveField(() => Int)
  async solvedCount(@Ctx() ctx: RequestContext, @Parent() space: SpaceModel): Promise<number> {
    return (await this.loaders.spaceCounts(ctx, space.id)).solved;
  }
}

@Resolver(() => TagModel)
export class TagResolver {
  constructor(
    private readonly loaders: ThreadLoaders,
    private readonly spaceService: SpaceService,
  ) {}

  @Public()
  @Query(() => TagModel, { nullable: true, description: 'Null when there is no such tag.' })
  tag(@Args('slug') slug: string): Promise<TagModel | null> {
    return this.spaceService.tagBySlug(slug);
  }

  @ResolveField(() => Int)
  questionCount(@Ctx() ctx: RequestContext, @Parent() tag: TagModel): Promise<number> {
    return this.loaders.tagQuestionCount(ctx, tag.id);
  }
}

@Resolver(() => CommentModel)
export class CommentResolver {
  constructor(
    private readonly comments: CommentService,
    private readonly votes: VoteService,
    private readonly users: UserService,
  ) {}

  @Mutation(() => CommentModel)
  addComment(@Ctx() ctx: RequestContext, @Args('input') input: AddCommentInput): Promise<CommentModel> {
    return this.comments.add(ctx.actor, input);
  }

  @Mutation(() => VotePayload)
  vote(@Ctx() ctx: RequestContext, @Args('input') input: VoteInput): Promise<VotePayload> {
    return this.votes.vote(ctx.actor, input, ctx.req.ip);
  }

  @ResolveField(() => UserModel)
  async author(@Ctx() ctx: RequestContext, @Parent() comment: CommentModel): Promise<UserModel> {
    return (await this.users.load(ctx, comment.authorId))!;
  }
}

/** What the Q&A domain adds to a user's public profile. */
@Resolver(() => UserModel)
export class UserActivityResolver {
  constructor(private readonly questionService: QuestionService) {}

  @ResolveField(() => Int)
  async questionCount(@Parent() user: UserModel): Promise<number> {
    return (await this.questionService.activity(user.id)).questions;
  }

  @ResolveField(() => Int)
  async answerCount(@Parent() user: UserModel): Promise<number> {
    return (await this.questionService.activity(user.id)).answers;
  }

  @ResolveField(() => QuestionConnection)
  questions(
    @Parent() user: UserModel,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<QuestionConnection> {
    return this.questionService.list(first, after, { authorId: user.id }, QuestionSort.NEWEST);
  }
}
