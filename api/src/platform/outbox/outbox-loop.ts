import { Client } from 'pg';
import type { Logger } from '../logger';

const POLL_MS = 2_000;
const MAX_BACKOFF_MS = 60_000;

export interface OutboxLoopOptions {
  /** Names the LISTEN connection (`application_name`) and the warnings. */
  name: string;
  url: string;
  /** Consumes every pending event; resolves with how many it handled. */
  drain: () => Promise<number>;
  logger: Logger;
}

/**
 * Runs an outbox consumer whenever new events may be there: woken by NOTIFY right after a commit,
 * polling as a fallback, and backing off while draining fails (the events stay pending and are
 * retried, so nothing is lost while a downstream part is down). One per consumer: search indexing,
 * notifications.
 */
export class OutboxLoop {
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private failures = 0;
  private stopped = false;

  constructor(private readonly options: OutboxLoopOptions) {}

  async start(): Promise<void> {
    const { name, url, logger } = this.options;
    this.listener = new Client({ connectionString: url, application_name: `peerdesk-${name.replace(/\s+/g, '-')}` });
    this.listener.on('notification', () => this.wake());
    this.listener.on('error', (error) => logger.warn(`${name} lost its LISTEN connection; polling only`, { error: error.message }));
    await this.listener.connect();
    await this.listener.query('LISTEN outbox_events');
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => 0);
    await this.listener?.end().catch(() => undefined);
  }

  private wake(): void {
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delay);
  }

  private async tick(): Promise<void> {
    this.running = this.options.drain();
    try {
      await this.running;
      this.failures = 0;
    } catch (error) {
      this.failures += 1;
      this.options.logger.warn(`${this.options.name} failed; events stay pending and are retried`, {
        attempt: this.failures,
        error: error instanceof Error ? error.message : String(error),
      });
    } finally {
      this.running = null;
    }
    const backoff = this.failures > 0 ? Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.failures) : POLL_MS;
    const again = this.again && this.failures === 0;
    this.again = false;
    this.schedule(again ? 0 : backoff);
  }
}
