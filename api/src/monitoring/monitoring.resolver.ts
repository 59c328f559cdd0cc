import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, Public } from '../platform/graphql/decorators';
import type { RequestContext } from '../platform/graphql/request-context';
import {
  AlertDetailModel,
  AlertModel,
  AlertStatusValue,
  AnnouncementModel,
  PublishAnnouncementInput,
  WatchTermModel,
} from './monitoring.models';
import { MonitoringService } from './monitoring.service';

@Resolver()
export class MonitoringResolver {
  constructor(private readonly monitoring: MonitoringService) {}

  @Query(() => [AlertModel], { description: 'Staff: monitoring alerts, unresolved first, newest first.' })
  alerts(
    @Ctx() ctx: RequestContext,
    @Args('status', { type: () => AlertStatusValue, nullable: true }) status: AlertStatusValue | null,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
  ): Promise<AlertModel[]> {
    return this.monitoring.alerts(ctx.actor, status ?? null, first);
  }

  @Query(() => AlertDetailModel, { description: 'Staff: one alert with its evidence posts and hourly curve.' })
  alert(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<AlertDetailModel> {
    return this.monitoring.alert(ctx.actor, id);
  }

  @Public()
  @Query(() => [AnnouncementModel], { description: 'The staff announcements pinned on a space now.' })
  spaceAnnouncements(@Args('spaceId', { type: () => ID }) spaceId: string): Promise<AnnouncementModel[]> {
    return this.monitoring.liveAnnouncements(spaceId);
  }

  @Query(() => [WatchTermModel], { description: 'Admins: the keywords that raise alerts.' })
  watchTerms(@Ctx() ctx: RequestContext): Promise<WatchTermModel[]> {
    return this.monitoring.watchTerms(ctx.actor);
  }

  @Mutation(() => AlertModel)
  acknowledgeAlert(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<AlertModel> {
    return this.monitoring.acknowledge(ctx.actor, id);
  }

  @Mutation(() => AlertModel, { description: 'Assigns to a staff member; without assigneeId, unassigns.' })
  assignAlert(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('assigneeId', { type: () => ID, nullable: true }) assigneeId: string | null,
  ): Promise<AlertModel> {
    return this.monitoring.assign(ctx.actor, id, assigneeId ?? null);
  }

  @Mutation(() => AlertModel)
  resolveAlert(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<AlertModel> {
    return this.monitoring.resolve(ctx.actor, id);
  }

  @Mutation(() => AnnouncementModel)
  publishAnnouncement(
    @Ctx() ctx: RequestContext,
    @Args('input', { type: () => PublishAnnouncementInput }) input: PublishAnnouncementInput,
  ): Promise<AnnouncementModel> {
    return this.monitoring.publishAnnouncement(ctx.actor, input);
  }

  @Mutation(() => AnnouncementModel)
  endAnnouncement(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<AnnouncementModel> {
    return this.monitoring.endAnnouncement(ctx.actor, id);
  }

  @Mutation(() => WatchTermModel)
  addWatchTerm(@Ctx() ctx: RequestContext, @Args('term') term: string): Promise<WatchTermModel> {
    return this.monitoring.addWatchTerm(ctx.actor, term);
  }

  @Mutation(() => Boolean)
  removeWatchTerm(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.monitoring.removeWatchTerm(ctx.actor, id);
  }
}
