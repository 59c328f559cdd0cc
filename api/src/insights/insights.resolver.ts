import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../platform/graphql/decorators';
import type { RequestContext } from '../platform/graphql/request-context';
import { CommunityInsightsService } from './community-insights.service';
import {
  BacklogDayModel,
  FourEyesInsightsModel,
  HotTopicInsightsModel,
  InsightsDayModel,
  InsightsFilter,
  InsightsModel,
  PowerUserInsightsModel,
  PromiseInsightsModel,
  SelfServiceInsightsModel,
  type InsightsPeriod,
} from './insights.models';
import { InsightsService } from './insights.service';

/** The period is checked once; each section is computed only when it is asked for (the page asks for all, concurrently). */
@Resolver(() => InsightsModel)
export class InsightsResolver {
  constructor(
    private readonly service: InsightsService,
    private readonly community: CommunityInsightsService,
  ) {}

  @Query(() => InsightsModel, { description: 'Staff: self-service, promises kept and four-eyes figures for a period.' })
  insights(@Ctx() ctx: RequestContext, @Args('filter', { type: () => InsightsFilter }) filter: InsightsFilter): InsightsPeriod {
    return this.service.period(ctx.actor, filter);
  }

  @ResolveField(() => SelfServiceInsightsModel)
  selfService(@Parent() period: InsightsPeriod): Promise<SelfServiceInsightsModel> {
    return this.service.selfService(period.params);
  }

  @ResolveField(() => PromiseInsightsModel)
  promises(@Parent() period: InsightsPeriod): Promise<PromiseInsightsModel> {
    return this.service.promises(period.params);
  }

  @ResolveField(() => FourEyesInsightsModel)
  fourEyes(@Parent() period: InsightsPeriod): Promise<FourEyesInsightsModel> {
    return this.service.fourEyes(period.params);
  }

  @ResolveField(() => [InsightsDayModel])
  days(@Parent() period: InsightsPeriod): Promise<InsightsDayModel[]> {
    return this.service.days(period.params);
  }

  @ResolveField(() => PowerUserInsightsModel)
  powerUsers(@Parent() period: InsightsPeriod): Promise<PowerUserInsightsModel> {
    return this.community.powerUsers(period.params);
  }

  @ResolveField(() => HotTopicInsightsModel)
  hotTopics(@Parent() period: InsightsPeriod): Promise<HotTopicInsightsModel> {
    return this.community.hotTopics(period.params);
  }

  @ResolveField(() => [BacklogDayModel], { description: 'Open escalations at the end of each day of the period.' })
  backlog(@Parent() period: InsightsPeriod): Promise<BacklogDayModel[]> {
    return this.community.backlog(period.params);
  }
}
