import { Module } from '@nestjs/common';
import { CommunityInsightsService } from './community-insights.service';
import { InsightsResolver } from './insights.resolver';
import { InsightsService } from './insights.service';

/** Staff reporting; reads the other domains' tables through SQL and imports none of their services. */
@Module({
  providers: [InsightsService, CommunityInsightsService, InsightsResolver],
})
export class InsightsModule {}
