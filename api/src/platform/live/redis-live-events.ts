import { createClient } from 'redis';
import type { Logger } from '../logger';
import { LiveEvents, pushIterator, type LiveStatus } from './live-events';

type RedisClient = ReturnType<typeof createClient>;

/**
 * Live events through Redis pub/sub: every api process publishes to Redis and receives from it,
 * so all processes see the same events in the same order. node-redis keeps one SUBSCRIBE per
 * channel however many local listeners there are, and resubscribes after a reconnect.
 */
export class RedisLiveEvents extends LiveEvents {
  private constructor(
    /** Channels are namespaced by database: processes on one database share events, other installations never see them. */
    private readonly prefix: string,
    private readonly publisher: RedisClient,
    private readonly subscriber: RedisClient,
    private readonly logger: Logger,
  ) {
    super();
  }

  /**
   * Connects both clients. When Redis does not answer within `timeoutMs`, the api starts anyway with
   * live updates degraded (logged, and shown on /health) while the clients keep reconnecting in
   * the background; once Redis answers, live updates flow again without a restart.
   */
  static async connect(url: string, namespace: string, logger: Logger, timeoutMs = 5_000): Promise<RedisLiveEvents> {
    const publisher: RedisClient = createClient({ url, socket: { connectTimeout: timeoutMs }, disableOfflineQueue: true });
    // Subscriptions made while Redis is away wait in the subscriber's queue and are sent once it answers.
    const subscriber = publisher.duplicate({ disableOfflineQueue: false });
    const where = new URL(url).host;
    const live = new RedisLiveEvents(`peerdesk:${namespace}:`, publisher, subscriber, logger);
    let warned = false;
    for (const client of [publisher, subscriber]) {
      client.on('error', (error: Error) => {
        // One warning per outage, not one per reconnect attempt.
        if (!warned) logger.warn(`Redis (${where}) connection problem; reconnecting`, { err: error.message });
        warned = true;
      });
      client.on('ready', () => {
        if (warned && live.status() === 'ready') logger.info(`Redis (${where}) answers again: live updates reach every api process`);
        if (live.status() === 'ready') warned = false;
      });
    }
    const connected = Promise.all([publisher.connect(), subscriber.connect()]);
    connected.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([
      connected.then(
        () => 'ready' as const,
        () => 'failed' as const,
      ),
      timedOut,
    ]);
    clearTimeout(timer);
    if (outcome !== 'ready') {
      logger.error(
        `REDIS_URL is set but Redis at ${where} does not answer: live updates are degraded (not sent between api processes) until it does; reconnecting in the background`,
      );
    }
    return live;
  }

  override status(): LiveStatus {
    return this.publisher.isReady && this.subscriber.isReady ? 'ready' : 'degraded';
  }

  /** Best effort, like all live updates: while Redis is away, changes are saved and readers see them on their next load. */
  async publish(channel: string, payload: unknown): Promise<void> {
    try {
      await this.publisher.publish(this.prefix + channel, JSON.stringify(payload));
    } catch (error) {
      this.logger.warn('live update not sent: Redis is unavailable', { channel, err: (error as Error).message });
    }
  }

  subscribe<T>(channel: string): AsyncIterableIterator<T> {
    return pushIterator<T>((push) => {
      const listener = (message: string) => push(JSON.parse(message) as T);
      this.subscriber.subscribe(this.prefix + channel, listener).catch((error: Error) => {
        this.logger.error('Redis subscribe failed', { err: error.message, channel });
      });
      return () => {
        this.subscriber.unsubscribe(this.prefix + channel, listener).catch(() => undefined);
      };
    });
  }

  /** How many api processes Redis has subscribed to `channel` (tests wait for a subscription to be in place). */
  async subscriberCount(channel: string): Promise<number> {
    const counts = await this.publisher.pubSubNumSub(this.prefix + channel);
    return Number(Object.values(counts)[0] ?? 0);
  }

  async close(): Promise<void> {
    // A client still trying to connect is destroyed; a connected one closes politely.
    await Promise.allSettled(
      [this.publisher, this.subscriber].map((client) => (client.isReady ? client.close() : Promise.resolve(client.destroy()))),
    );
  }
}
