import { Controller, Get, HttpException, HttpStatus } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { activeLiveSubscriptions, LiveEvents, type LiveStatus } from './live/live-events';

interface Health {
  /** `degraded`: the api serves, but live updates do not reach other api processes (Redis is away). */
  status: 'ok' | 'degraded';
  database: 'ready';
  live: LiveStatus;
  /** Live subscriptions open in this api process. */
  subscriptions: number;
}

@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LiveEvents,
  ) {}

  @Get()
  async health(): Promise<Health> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new HttpException({ status: 'unavailable', database: 'unreachable' }, HttpStatus.SERVICE_UNAVAILABLE);
    }
    const live = this.live.status();
    return { status: live === 'degraded' ? 'degraded' : 'ok', database: 'ready', live, subscriptions: activeLiveSubscriptions() };
  }
}
