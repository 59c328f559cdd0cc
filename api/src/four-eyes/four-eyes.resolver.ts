import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { UserModel } from '../identity/models/user.model';
import { can } from '../identity/policy';
import { UserService } from '../identity/user.service';
import { Ctx } from '../platform/graphql/decorators';
import type { RequestContext } from '../platform/graphql/request-context';
import { AnswerModel, CommentModel, QuestionModel } from '../qa/models/qa.models';
import { QuestionService } from '../qa/question.service';
import {
  DecideStaffDraftInput,
  EditStaffDraftInput,
  GrantReviewBypassInput,
  RequestDraftChangesInput,
  SaveStaffDraftInput,
  SetSpaceReviewInput,
} from './dto/review.inputs';
import {
  ReviewBypassConnection,
  ReviewBypassGrantModel,
  ReviewBypassModel,
  SpaceReviewSettingModel,
  StaffDraftConnection,
  StaffDraftModel,
} from './models/review.models';
import { ReviewGate } from './review-gate';
import { ReviewSettingsService } from './review-settings.service';
import { StaffDraftService } from './staff-draft.service';

@Resolver(() => StaffDraftModel)
export class StaffDraftResolver {
  constructor(
    private readonly drafts: StaffDraftService,
    private readonly users: UserService,
    private readonly questions: QuestionService,
  ) {}

  @Query(() => StaffDraftConnection, { description: 'Staff reply drafts waiting for review, oldest first (staff only).' })
  reviewQueue(
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<StaffDraftConnection> {
    return this.drafts.queue(ctx.actor, first, after);
  }

  @Query(() => StaffDraftModel, { description: 'A draft, for its author and for staff; NOT_FOUND for anyone else.' })
  staffDraft(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<StaffDraftModel> {
    return this.drafts.get(ctx.actor, id);
  }

  @Mutation(() => StaffDraftModel, { description: 'A staff answer or comment starts as a draft until a second staff member approves it.' })
  saveStaffDraft(@Ctx() ctx: RequestContext, @Args('input') input: SaveStaffDraftInput): Promise<StaffDraftModel> {
    return this.drafts.save(ctx.actor, input);
  }

  @Mutation(() => StaffDraftModel, { description: 'The author or a reviewer edits; a stale expectedVersion gives CONFLICT.' })
  editStaffDraft(@Ctx() ctx: RequestContext, @Args('input') input: EditStaffDraftInput): Promise<StaffDraftModel> {
    return this.drafts.edit(ctx.actor, input);
  }

  @Mutation(() => StaffDraftModel, {
    description: 'Publishes the draft under its author’s name, marked as reviewed. Never your own draft.',
  })
  approveStaffDraft(@Ctx() ctx: RequestContext, @Args('input') input: DecideStaffDraftInput): Promise<StaffDraftModel> {
    return this.drafts.approve(ctx.actor, input);
  }

  @Mutation(() => StaffDraftModel)
  requestStaffDraftChanges(@Ctx() ctx: RequestContext, @Args('input') input: RequestDraftChangesInput): Promise<StaffDraftModel> {
    return this.drafts.requestChanges(ctx.actor, input);
  }

  @Mutation(() => StaffDraftModel)
  withdrawStaffDraft(@Ctx() ctx: RequestContext, @Args('input') input: DecideStaffDraftInput): Promise<StaffDraftModel> {
    return this.drafts.withdraw(ctx.actor, input);
  }

  @ResolveField(() => UserModel)
  async author(@Ctx() ctx: RequestContext, @Parent() draft: StaffDraftModel): Promise<UserModel> {
    return (await this.users.load(ctx, draft.authorId))!;
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Who approved it or asked for changes.' })
  reviewer(@Ctx() ctx: RequestContext, @Parent() draft: StaffDraftModel): Promise<UserModel | null> | null {
    return draft.reviewerId ? this.users.load(ctx, draft.reviewerId) : null;
  }

  @ResolveField(() => QuestionModel, { nullable: true })
  question(@Ctx() ctx: RequestContext, @Parent() draft: StaffDraftModel): Promise<QuestionModel | null> {
    return this.questions.get(draft.questionId, ctx.actor);
  }

  @ResolveField(() => Boolean)
  canApprove(@Ctx() ctx: RequestContext, @Parent() draft: StaffDraftModel): boolean {
    return isOpen(draft) && can(ctx.actor, 'draft.approve', draft);
  }

  @ResolveField(() => Boolean)
  canEdit(@Ctx() ctx: RequestContext, @Parent() draft: StaffDraftModel): boolean {
    return isOpen(draft) && can(ctx.actor, 'draft.edit', draft);
  }

  @ResolveField(() => Boolean)
  canWithdraw(@Ctx() ctx: RequestContext, @Parent() draft: StaffDraftModel): boolean {
    return isOpen(draft) && can(ctx.actor, 'draft.withdraw', draft);
  }
}

const isOpen = (draft: StaffDraftModel): boolean => draft.state === 'draft' || draft.state === 'changes_requested';

/** Thread fields: the viewer's own drafts, and who reviewed a published staff reply. */
@Resolver(() => QuestionModel)
export class QuestionDraftsResolver {
  constructor(
    private readonly drafts: StaffDraftService,
    private readonly gate: ReviewGate,
    private readonly dataSource: DataSource,
  ) {}

  @ResolveField(() => Boolean, { description: 'Your answers and comments here go out as drafts for four-eyes review.' })
  viewerRepliesViaDraft(@Ctx() ctx: RequestContext, @Parent() question: QuestionModel): Promise<boolean> {
    return this.gate.needsDraft(this.dataSource.manager, ctx.actor, question.spaceId);
  }

  @ResolveField(() => [StaffDraftModel], {
    description: 'Your own open or withdrawn staff drafts on this thread (empty for everyone else).',
  })
  myStaffDrafts(@Ctx() ctx: RequestContext, @Parent() question: QuestionModel): Promise<StaffDraftModel[]> {
    return this.drafts.mineOnQuestion(ctx.actor, question.id);
  }
}

@Resolver(() => AnswerModel)
export class AnswerReviewResolver {
  constructor(private readonly users: UserService) {}

  @ResolveField(() => UserModel, { nullable: true, description: 'The second staff member who approved this staff answer.' })
  reviewedBy(@Ctx() ctx: RequestContext, @Parent() answer: AnswerModel): Promise<UserModel | null> | null {
    return answer.reviewedById ? this.users.load(ctx, answer.reviewedById) : null;
  }
}

@Resolver(() => CommentModel)
export class CommentReviewResolver {
  constructor(private readonly users: UserService) {}

  @ResolveField(() => UserModel, { nullable: true, description: 'The second staff member who approved this staff comment.' })
  reviewedBy(@Ctx() ctx: RequestContext, @Parent() comment: CommentModel): Promise<UserModel | null> | null {
    return comment.reviewedById ? this.users.load(ctx, comment.reviewedById) : null;
  }
}

@Resolver(() => ReviewBypassGrantModel)
export class ReviewSettingsResolver {
  constructor(
    private readonly settings: ReviewSettingsService,
    private readonly users: UserService,
  ) {}

  @Query(() => [SpaceReviewSettingModel], { description: 'Four-eyes review per space (admins).' })
  spaceReviewSettings(@Ctx() ctx: RequestContext): Promise<SpaceReviewSettingModel[]> {
    return this.settings.spaces(ctx.actor);
  }

  @Mutation(() => SpaceReviewSettingModel)
  setSpaceReview(@Ctx() ctx: RequestContext, @Args('input') input: SetSpaceReviewInput): Promise<SpaceReviewSettingModel> {
    return this.settings.setSpace(ctx.actor, input);
  }

  @Query(() => [ReviewBypassGrantModel], { description: 'Staff allowed to publish without review (admins).' })
  reviewBypassGrants(@Ctx() ctx: RequestContext): Promise<ReviewBypassGrantModel[]> {
    return this.settings.grants(ctx.actor);
  }

  @Mutation(() => [ReviewBypassGrantModel])
  grantReviewBypass(@Ctx() ctx: RequestContext, @Args('input') input: GrantReviewBypassInput): Promise<ReviewBypassGrantModel[]> {
    return this.settings.grant(ctx.actor, input);
  }

  @Mutation(() => [ReviewBypassGrantModel])
  revokeReviewBypass(@Ctx() ctx: RequestContext, @Args('userId', { type: () => ID }) userId: string): Promise<ReviewBypassGrantModel[]> {
    return this.settings.revoke(ctx.actor, userId);
  }

  @Query(() => ReviewBypassConnection, { description: 'Every staff reply published without review, newest first (admins).' })
  reviewBypasses(
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<ReviewBypassConnection> {
    return this.settings.bypasses(ctx.actor, first, after);
  }

  @ResolveField(() => UserModel)
  async user(@Ctx() ctx: RequestContext, @Parent() grant: ReviewBypassGrantModel): Promise<UserModel> {
    return (await this.users.load(ctx, grant.userId))!;
  }

  @ResolveField(() => UserModel, { nullable: true })
  grantedBy(@Ctx() ctx: RequestContext, @Parent() grant: ReviewBypassGrantModel): Promise<UserModel | null> | null {
    return grant.grantedById ? this.users.load(ctx, grant.grantedById) : null;
  }
}

@Resolver(() => ReviewBypassModel)
export class ReviewBypassResolver {
  constructor(private readonly users: UserService) {}

  @ResolveField(() => UserModel, { nullable: true, description: 'Who published without review.' })
  author(@Ctx() ctx: RequestContext, @Parent() bypass: ReviewBypassModel): Promise<UserModel | null> | null {
    return bypass.actorId ? this.users.load(ctx, bypass.actorId) : null;
  }
}
