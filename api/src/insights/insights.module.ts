import { Module } from '@nestjs/common';
import { CommunityInsightsService } from './community-insights.service';
import { InsightsResolver } from './insights.resolver';
import { InsightsRollupWorker } from './insights-rollup.worker';
import { InsightsService } from './insights.service';

/** Staff reporting and its roll-up worker; reads the other domains' tables through SQL and imports none of their services. */
@Module({
  providers: [InsightsService, CommunityInsightsService, InsightsResolver, InsightsRollupWorker],
})
export class InsightsModule {}
