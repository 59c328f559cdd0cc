import { createClient } from 'redis';
import type { Logger } from '../logger';
import { LiveEvents, pushIterator } from './live-events';

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

  /** Connects both clients, or fails with a message naming the server when it does not answer. */
  static async connect(url: string, namespace: string, logger: Logger, timeoutMs = 5_000): Promise<RedisLiveEvents> {
    const publisher: RedisClient = createClient({ url, socket: { connectTimeout: timeoutMs }, disableOfflineQueue: true });
    const subscriber = publisher.duplicate();
    const where = new URL(url).host;
    for (const client of [publisher, subscriber]) {
      client.on('error', (error: Error) => logger.warn(`Redis (${where}) connection problem; reconnecting`, { err: error.message }));
    }
    try {
      await Promise.all([publisher.connect(), subscriber.connect()]);
    } catch (error) {
      publisher.destroy();
      subscriber.destroy();
      throw new Error(`REDIS_URL is set but Redis at ${where} does not answer: ${(error as Error).message}`, { cause: error });
    }
    return new RedisLiveEvents(`peerdesk:${namespace}:`, publisher, subscriber, logger);
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

  async close(): Promise<void> {
    await Promise.allSettled([this.publisher.close(), this.subscriber.close()]);
  }
}
