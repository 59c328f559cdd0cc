import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../platform/clock';
import { AppConfig } from '../../platform/config';
import type { Logger } from '../../platform/logger';
import { buildDueDigests } from './digest';
import { MailService } from './mail.service';

/** How often due digests are looked for; a digest is a day or a week apart, so a quarter of an hour late is fine. */
const EVERY_MS = 15 * 60_000;

/** Builds the daily and weekly digests that are due, in every api process (batches are claimed with SKIP LOCKED). */
@Injectable()
export class DigestScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly clock: Clock,
    @Inject('LOGGER') private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.notificationWorker || !this.dataSource.isInitialized) return;
    this.timer = setInterval(
      () => void this.run().catch((error: Error) => this.logger.warn('digest run failed; tried again later', { error: error.message })),
      EVERY_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async run(now: Date = this.clock.now()): Promise<{ users: number; mails: number }> {
    const secret = await this.mail.mailSecret();
    const result = await buildDueDigests((work) => this.dataSource.transaction(work), { publicUrl: this.config.publicUrl, secret, now });
    if (result.mails > 0) this.mail.wake();
    return result;
  }
}
