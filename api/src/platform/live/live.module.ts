import { Injectable, type DynamicModule, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config';
import type { Logger } from '../logger';
import { InProcessLiveEvents, LiveEvents } from './live-events';
import { RedisLiveEvents } from './redis-live-events';

@Injectable()
class LiveEventsShutdown implements OnModuleDestroy {
  constructor(private readonly live: LiveEvents) {}

  onModuleDestroy(): Promise<void> {
    return this.live.close();
  }
}

/** `host:port/database` of the connection, without credentials. */
function databaseNamespace(dataSource: DataSource): string {
  const url = new URL((dataSource.options as { url: string }).url);
  return `${url.host}${url.pathname}`;
}

/** Provides `LiveEvents` to every module: through Redis when `REDIS_URL` is set, in process otherwise. */
export function liveModule(config: AppConfig, logger: Logger): DynamicModule {
  return {
    module: class LiveModule {},
    global: true,
    providers: [
      {
        provide: LiveEvents,
        inject: [DataSource],
        useFactory: async (dataSource: DataSource): Promise<LiveEvents> =>
          config.redisUrl
            ? await RedisLiveEvents.connect(config.redisUrl, databaseNamespace(dataSource), logger)
            : new InProcessLiveEvents(),
      },
      LiveEventsShutdown,
    ],
    exports: [LiveEvents],
  };
}
