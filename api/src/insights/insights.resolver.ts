import { Args, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../platform/graphql/decorators';
import type { RequestContext } from '../platform/graphql/request-context';
import { InsightsFilter, InsightsModel } from './insights.models';
import { InsightsService } from './insights.service';

@Resolver(() => InsightsModel)
export class InsightsResolver {
  constructor(private readonly service: InsightsService) {}

  @Query(() => InsightsModel, { description: 'Staff: self-service, promises kept and four-eyes figures for a period.' })
  insights(@Ctx() ctx: RequestContext, @Args('filter', { type: () => InsightsFilter }) filter: InsightsFilter): Promise<InsightsModel> {
    return this.service.insights(ctx.actor, filter);
  }
}
