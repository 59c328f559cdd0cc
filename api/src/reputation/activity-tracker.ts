import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../identity/policy';
import { originHash } from './origins';
import { ReputationService } from './reputation.service';

const utcDay = (): string => new Date().toISOString().slice(0, 10);

/**
 * Days visited, threads read and the addresses users act from: each written at most once per user
 * and day (visits, addresses) or thread (reads), so tracking costs nearly nothing per request.
 */
@Injectable()
export class ActivityTracker {
  /** `user|origin` already noted today by this process; cleared when the day changes. */
  private noted = new Set<string>();
  private notedDay = utcDay();

  constructor(
    private readonly dataSource: DataSource,
    private readonly reputation: ReputationService,
  ) {}

  async visited(actor: Actor, clientIp: string | undefined): Promise<void> {
    const day = utcDay();
    if (day !== this.notedDay) {
      this.noted = new Set();
      this.notedDay = day;
    }
    const origin = originHash(clientIp);
    const key = `${actor.id}|${origin ?? ''}`;
    if (this.noted.has(key)) return;
    this.noted.add(key);
    if (origin) {
      await this.dataSource.query(
        `INSERT INTO user_origins (user_id, ip_hash) VALUES ($1, $2)
         ON CONFLICT (user_id, ip_hash) DO UPDATE SET last_seen_at = now()`,
        [actor.id, origin],
      );
    }
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO user_visits (user_id, day) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id`,
      [actor.id, day],
    );
    if (inserted.length > 0) await this.reputation.evaluate(this.dataSource.manager, [actor.id]);
  }

  async threadRead(actor: Actor, questionId: string): Promise<void> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO thread_reads (user_id, question_id) SELECT $1, id FROM questions WHERE id = $2
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [actor.id, questionId],
    );
    if (inserted.length > 0) await this.reputation.evaluate(this.dataSource.manager, [actor.id]);
  }
}
