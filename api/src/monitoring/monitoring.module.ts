import { Module } from '@nestjs/common';
import { TeamsModule } from '../teams/teams.module';
import { MonitoringResolver } from './monitoring.resolver';
import { MonitoringService } from './monitoring.service';
import { SpikeSweeper } from './spike-sweeper';
import { ToneRollupWorker } from './tone-rollup.worker';

/** Tone roll-up, spike and keyword alerts, announcements; reads posts through SQL, and takes only the shared Clock from teams. */
@Module({
  imports: [TeamsModule],
  providers: [ToneRollupWorker, SpikeSweeper, MonitoringService, MonitoringResolver],
})
export class MonitoringModule {}
