import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { Clock } from '../platform/clock';
import { TeamResolver, ViewerTeamsResolver } from './team.resolver';
import { TeamService } from './team.service';

/** Teams: members, opening hours, SLA targets and the spaces they handle; the one Clock lives here so tests can move it. */
@Module({
  imports: [IdentityModule],
  providers: [Clock, TeamService, TeamResolver, ViewerTeamsResolver],
  exports: [Clock, TeamService],
})
export class TeamsModule {}
