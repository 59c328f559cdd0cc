import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../identity/identity.module';
import { QaEventsModule } from '../qa/qa-events.module';
import { ReputationListeners } from './reputation.listeners';
import { AcceptanceReputation } from './acceptance-reputation';
import { ActivityTracker } from './activity-tracker';
import { BadgeAwards } from './badges';
import { LeaderboardService } from './leaderboard.service';
import { PostingRules } from './posting-rules';
import { ProfileService } from './profile.service';
import { ReputationAdminService } from './reputation-admin.service';
import { ReputationService } from './reputation.service';
import { ProfileReputationResolver, ReputationResolver } from './reputation.resolver';
import { ReputationSettings } from './reputation-settings';
import { VisitInterceptor } from './visit.interceptor';
import { VoteReputation } from './vote-reputation';

/** The ledger and what follows from it (trust levels, badges, leaderboards, abuse checks); imported by the domains that cause reputation. */
@Module({
  imports: [IdentityModule, AuditModule, QaEventsModule],
  providers: [
    ReputationService,
    ReputationSettings,
    BadgeAwards,
    VoteReputation,
    AcceptanceReputation,
    PostingRules,
    ReputationListeners,
    ActivityTracker,
    ProfileService,
    LeaderboardService,
    ReputationAdminService,
    ProfileReputationResolver,
    ReputationResolver,
    { provide: APP_INTERCEPTOR, useClass: VisitInterceptor },
  ],
  exports: [ReputationService, VoteReputation, AcceptanceReputation, PostingRules, ActivityTracker],
})
export class ReputationModule {}
