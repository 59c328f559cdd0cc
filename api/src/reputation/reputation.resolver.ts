import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { UserModel } from '../identity/models/user.model';
import { can, TRUST_LEVELS } from '../identity/policy';
import { Ctx, Public } from '../platform/graphql/decorators';
import type { RequestContext } from '../platform/graphql/request-context';
import { PinTrustLevelInput, UpdateReputationSettingsInput } from './dto/reputation.inputs';
import { LeaderboardService } from './leaderboard.service';
import {
  BadgeModel,
  LeaderboardEntryModel,
  LeaderboardPeriod,
  ReputationEventConnection,
  ReputationPointModel,
  ReputationSettingsModel,
  TrustProgressModel,
} from './models/reputation.models';
import { ProfileService } from './profile.service';
import { ReputationAdminService } from './reputation-admin.service';

@Resolver(() => UserModel)
export class ProfileReputationResolver {
  constructor(private readonly profiles: ProfileService) {}

  @ResolveField(() => String, { description: 'newcomer, member, regular, expert or leader.' })
  trustLevelName(@Parent() user: UserModel): string {
    return TRUST_LEVELS[user.trustLevel] ?? TRUST_LEVELS[0];
  }

  @ResolveField(() => [BadgeModel], { description: 'Oldest first.' })
  badges(@Ctx() ctx: RequestContext, @Parent() user: UserModel): Promise<BadgeModel[]> {
    return this.profiles.badges(ctx, user.id);
  }

  @ResolveField(() => Int)
  async acceptedAnswerCount(@Ctx() ctx: RequestContext, @Parent() user: UserModel): Promise<number> {
    return (await this.profiles.answerStats(ctx, user.id)).accepted;
  }

  @ResolveField(() => Int, { description: 'Answers staff marked as verified.' })
  async verifiedAnswerCount(@Ctx() ctx: RequestContext, @Parent() user: UserModel): Promise<number> {
    return (await this.profiles.answerStats(ctx, user.id)).verified;
  }

  @ResolveField(() => TrustProgressModel, { nullable: true, description: 'Only on your own profile; null for everyone else.' })
  trustProgress(@Ctx() ctx: RequestContext, @Parent() user: UserModel): Promise<TrustProgressModel | null> | null {
    return can(ctx.actor, 'reputation.seeHistory', { userId: user.id }) ? this.profiles.trustProgress(user.id) : null;
  }

  @ResolveField(() => ReputationEventConnection, { nullable: true, description: 'Only on your own profile; null for everyone else.' })
  reputationHistory(
    @Ctx() ctx: RequestContext,
    @Parent() user: UserModel,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ReputationEventConnection> | null {
    return can(ctx.actor, 'reputation.seeHistory', { userId: user.id }) ? this.profiles.history(user.id, first, after) : null;
  }

  @ResolveField(() => [ReputationPointModel], {
    nullable: true,
    description: 'Your reputation at the end of each day with changes, last 365 days; null for everyone else.',
  })
  reputationChart(@Ctx() ctx: RequestContext, @Parent() user: UserModel): Promise<ReputationPointModel[]> | null {
    return can(ctx.actor, 'reputation.seeHistory', { userId: user.id }) ? this.profiles.chart(user.id) : null;
  }

  @ResolveField(() => Boolean, { description: 'The viewer may pin this user’s trust level.' })
  canPinTrustLevel(@Ctx() ctx: RequestContext): boolean {
    return can(ctx.actor, 'user.pinTrustLevel', undefined);
  }
}

@Resolver()
export class ReputationResolver {
  constructor(
    private readonly leaderboards: LeaderboardService,
    private readonly admin: ReputationAdminService,
  ) {}

  @Public()
  @Query(() => [LeaderboardEntryModel], { description: 'Most reputation earned in a space (all spaces when omitted) over a period.' })
  leaderboard(
    @Args('spaceSlug', { type: () => String, nullable: true }) spaceSlug: string | null,
    @Args('period', { type: () => LeaderboardPeriod, nullable: true, defaultValue: LeaderboardPeriod.WEEK }) period: LeaderboardPeriod,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
  ): Promise<LeaderboardEntryModel[]> {
    return this.leaderboards.top(spaceSlug, period, first);
  }

  @Query(() => ReputationSettingsModel, { description: 'Admins only.' })
  reputationSettings(@Ctx() ctx: RequestContext): Promise<ReputationSettingsModel> {
    return this.admin.settingsFor(ctx.actor);
  }

  @Mutation(() => ReputationSettingsModel, { description: 'Admins only.' })
  updateReputationSettings(
    @Ctx() ctx: RequestContext,
    @Args('input') input: UpdateReputationSettingsInput,
  ): Promise<ReputationSettingsModel> {
    return this.admin.updateSettings(ctx.actor, input);
  }

  @Mutation(() => UserModel, { description: 'Moderators pin a trust level (0–4) or release it (null).' })
  pinTrustLevel(@Ctx() ctx: RequestContext, @Args('input') input: PinTrustLevelInput): Promise<UserModel> {
    return this.admin.pinTrustLevel(ctx.actor, input);
  }
}
