import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { UserModel, ViewerModel } from '../identity/models/user.model';
import { can } from '../identity/policy';
import { UserService } from '../identity/user.service';
import { AppConfig } from '../platform/config';
import { Ctx } from '../platform/graphql/decorators';
import type { RequestContext } from '../platform/graphql/request-context';
import { toQuestionModel } from '../qa/mappers';
import { AnswerModel, CommentModel, QuestionModel } from '../qa/models/qa.models';
import { QuestionEntity } from '../qa/question.entity';
import { FlagPostInput, ModerateQuestionInput, ResolveReviewItemInput, SuspendUserInput, WarnUserInput } from './dto/moderation.inputs';
import { FlagService } from './flag.service';
import { FlagModel, ReviewItemConnection, ReviewItemModel, ReviewPostModel, SuspensionModel } from './models/moderation.models';
import { PenaltyService } from './penalty.service';
import { ReviewQueueService } from './review-queue.service';
import { ThreadModerationService } from './thread-moderation.service';

const FLAGS_BY_ITEM = Symbol('flagsByReviewItem');

@Resolver(() => ReviewItemModel)
export class ReviewResolver {
  constructor(
    private readonly reviews: ReviewQueueService,
    private readonly flagService: FlagService,
    private readonly penalties: PenaltyService,
    private readonly users: UserService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => ReviewItemConnection, { description: 'Staff and leaders: open review items, the longest waiting first.' })
  moderationQueue(
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ReviewItemConnection> {
    return this.reviews.queue(ctx.actor, first, after);
  }

  @Query(() => ReviewItemModel, { nullable: true, description: 'Staff and leaders: one review item, open or handled.' })
  moderationItem(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<ReviewItemModel | null> {
    return this.reviews.item(ctx.actor, id);
  }

  @Mutation(() => FlagModel, { description: 'Report a post to the moderators; once per post.' })
  flagPost(@Ctx() ctx: RequestContext, @Args('input') input: FlagPostInput): Promise<FlagModel> {
    return this.flagService.flag(ctx.actor, input);
  }

  @Mutation(() => ReviewItemModel, { description: 'Decide an open review item; CONFLICT when someone else already did.' })
  resolveReviewItem(@Ctx() ctx: RequestContext, @Args('input') input: ResolveReviewItemInput): Promise<ReviewItemModel> {
    return this.reviews.resolve(ctx.actor, input);
  }

  @Mutation(() => Boolean, { description: 'Staff and leaders: warn a member (audited; costs reputation).' })
  warnUser(@Ctx() ctx: RequestContext, @Args('input') input: WarnUserInput): Promise<boolean> {
    return this.penalties.warn(ctx.actor, input);
  }

  @Mutation(() => SuspensionModel, { description: 'Moderators: suspend a member, who then cannot post, vote or flag.' })
  suspendUser(@Ctx() ctx: RequestContext, @Args('input') input: SuspendUserInput): Promise<SuspensionModel> {
    return this.penalties.suspend(ctx.actor, input);
  }

  @ResolveField(() => [FlagModel], { description: 'The flags that brought this item, oldest first.' })
  flags(@Ctx() ctx: RequestContext, @Parent() item: ReviewItemModel): Promise<FlagModel[]> {
    return ctx
      .loader(
        FLAGS_BY_ITEM,
        () =>
          new DataLoader<string, FlagModel[]>(async (ids) => {
            const rows: {
              id: string;
              review_item_id: string;
              reason: FlagModel['reason'];
              note: string | null;
              state: FlagModel['state'];
              created_at: Date;
              user_id: string;
            }[] = await this.dataSource.query(
              `SELECT id, review_item_id, reason, note, state, created_at, user_id FROM flags WHERE review_item_id = ANY($1) ORDER BY created_at, id`,
              [ids],
            );
            return ids.map((id) =>
              rows
                .filter((r) => r.review_item_id === id)
                .map((r) => ({ id: r.id, reason: r.reason, note: r.note, state: r.state, createdAt: r.created_at, userId: r.user_id })),
            );
          }),
      )
      .load(item.id);
  }

  @ResolveField(() => QuestionModel, { nullable: true, description: 'The thread, whatever its moderation state.' })
  async question(@Parent() item: ReviewItemModel): Promise<QuestionModel | null> {
    const question = await this.dataSource.getRepository(QuestionEntity).findOneBy({ id: item.questionId });
    return question ? toQuestionModel(question) : null;
  }

  @ResolveField(() => UserModel, { nullable: true })
  handledBy(@Ctx() ctx: RequestContext, @Parent() item: ReviewItemModel): Promise<UserModel | null> | null {
    return item.handledById ? this.users.load(ctx, item.handledById) : null;
  }
}

@Resolver(() => ReviewPostModel)
export class ReviewPostResolver {
  constructor(private readonly users: UserService) {}

  @ResolveField(() => UserModel, { description: 'With their trust level, so moderators see who is new.' })
  async author(@Ctx() ctx: RequestContext, @Parent() post: ReviewPostModel): Promise<UserModel> {
    return (await this.users.load(ctx, post.authorId))!;
  }
}

@Resolver(() => FlagModel)
export class FlagResolver {
  constructor(private readonly users: UserService) {}

  @ResolveField(() => UserModel)
  async flaggedBy(@Ctx() ctx: RequestContext, @Parent() flag: FlagModel): Promise<UserModel> {
    return (await this.users.load(ctx, flag.userId))!;
  }
}

/** What moderation adds to a question: its mutations and the viewer's permissions. */
@Resolver(() => QuestionModel)
export class QuestionModerationResolver {
  constructor(private readonly threads: ThreadModerationService) {}

  @Mutation(() => QuestionModel, { description: 'Experts and staff: close as off-topic; the reason is shown on the thread.' })
  closeAsOffTopic(@Ctx() ctx: RequestContext, @Args('input') input: ModerateQuestionInput): Promise<QuestionModel> {
    return this.threads.closeAsOffTopic(ctx.actor, input);
  }

  @Mutation(() => QuestionModel, { description: 'Staff: reopen a closed question.' })
  reopenQuestion(@Ctx() ctx: RequestContext, @Args('input') input: ModerateQuestionInput): Promise<QuestionModel> {
    return this.threads.reopen(ctx.actor, input);
  }

  @Mutation(() => QuestionModel, { description: 'Staff: lock a thread (no new answers, comments or votes); the reason is shown.' })
  lockQuestion(@Ctx() ctx: RequestContext, @Args('input') input: ModerateQuestionInput): Promise<QuestionModel> {
    return this.threads.lock(ctx.actor, input);
  }

  @Mutation(() => QuestionModel, { description: 'Staff: unlock a thread.' })
  unlockQuestion(@Ctx() ctx: RequestContext, @Args('input') input: ModerateQuestionInput): Promise<QuestionModel> {
    return this.threads.unlock(ctx.actor, input);
  }

  @ResolveField(() => Boolean)
  canFlag(@Ctx() ctx: RequestContext, @Parent() question: QuestionModel): boolean {
    return question.moderationState === 'published' && can(ctx.actor, 'post.flag', question);
  }

  @ResolveField(() => Boolean)
  canCloseAsOffTopic(@Ctx() ctx: RequestContext, @Parent() question: QuestionModel): boolean {
    return question.status !== 'closed' && can(ctx.actor, 'question.closeAsOffTopic', undefined);
  }

  @ResolveField(() => Boolean)
  canReopen(@Ctx() ctx: RequestContext, @Parent() question: QuestionModel): boolean {
    return question.status === 'closed' && can(ctx.actor, 'question.reopen', undefined);
  }

  @ResolveField(() => Boolean, { description: 'The viewer may lock or unlock the thread.' })
  canLock(@Ctx() ctx: RequestContext): boolean {
    return can(ctx.actor, 'question.lock', undefined);
  }
}

/** What moderation adds to an answer: staff verification and flagging. */
@Resolver(() => AnswerModel)
export class AnswerModerationResolver {
  constructor(
    private readonly threads: ThreadModerationService,
    private readonly users: UserService,
    private readonly config: AppConfig,
  ) {}

  @Mutation(() => AnswerModel, { description: 'Staff: seal an answer as "verified by {company}".' })
  verifyAnswer(@Ctx() ctx: RequestContext, @Args('answerId', { type: () => ID }) answerId: string): Promise<AnswerModel> {
    return this.threads.verify(ctx.actor, answerId, true);
  }

  @Mutation(() => AnswerModel, { description: 'Staff: remove the verification seal.' })
  unverifyAnswer(@Ctx() ctx: RequestContext, @Args('answerId', { type: () => ID }) answerId: string): Promise<AnswerModel> {
    return this.threads.verify(ctx.actor, answerId, false);
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'The staff member who verified the answer.' })
  verifiedBy(@Ctx() ctx: RequestContext, @Parent() answer: AnswerModel): Promise<UserModel | null> | null {
    return answer.verifiedById ? this.users.load(ctx, answer.verifiedById) : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'The company named in the seal, when verified.' })
  verifiedCompany(@Parent() answer: AnswerModel): string | null {
    return answer.verifiedAt ? this.config.companyName : null;
  }

  @ResolveField(() => Boolean)
  canVerify(@Ctx() ctx: RequestContext, @Parent() answer: AnswerModel): boolean {
    return answer.moderationState === 'published' && can(ctx.actor, 'answer.verify', undefined);
  }

  @ResolveField(() => Boolean)
  canFlag(@Ctx() ctx: RequestContext, @Parent() answer: AnswerModel): boolean {
    return answer.moderationState === 'published' && can(ctx.actor, 'post.flag', answer);
  }
}

@Resolver(() => CommentModel)
export class CommentModerationResolver {
  @ResolveField(() => Boolean)
  canFlag(@Ctx() ctx: RequestContext, @Parent() comment: CommentModel): boolean {
    return comment.moderationState === 'published' && can(ctx.actor, 'post.flag', comment);
  }
}

@Resolver(() => ViewerModel)
export class ViewerModerationResolver {
  @ResolveField(() => Boolean, { description: 'The viewer works a review queue: staff, and community leaders for the spaces they lead.' })
  canReview(@Ctx() ctx: RequestContext): boolean {
    return can(ctx.actor, 'review.moderate', { leadsSpace: true });
  }
}
