import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { can, authorize, type Actor } from '../identity/policy';
import { AppConfig } from '../platform/config';
import { notFound } from '../platform/errors';
import type { Logger } from '../platform/logger';
import { RateLimitService } from '../platform/rate-limit/rate-limit.service';
import type { DataExportArchiveModel, DataExportModel } from './account.models';

/** A ready archive can be downloaded for this long; then it is erased. */
export const EXPORT_TTL_DAYS = 7;
const POLL_MS = 5_000;
const MAX_ATTEMPTS = 3;

/** Each part of the archive: a name and the query that reads it for user `$1`. */
const PARTS: [string, string][] = [
  [
    'profile',
    `SELECT u.id, u.email, u.display_name, u.role, u.trust_level, u.reputation, u.created_at, u.email_verified_at,
       s.locale AS mail_locale, s.email AS mail_notifications
     FROM users u LEFT JOIN notification_settings s ON s.user_id = u.id WHERE u.id = $1`,
  ],
  [
    'questions',
    `SELECT id, title, body_markdown, status, moderation_state, created_at, edited_at FROM questions WHERE author_id = $1 ORDER BY id`,
  ],
  [
    'answers',
    `SELECT id, question_id, body_markdown, moderation_state, created_at, edited_at FROM answers WHERE author_id = $1 ORDER BY id`,
  ],
  [
    'comments',
    `SELECT id, question_id, answer_id, body_markdown, moderation_state, created_at FROM comments WHERE author_id = $1 ORDER BY id`,
  ],
  ['votes', `SELECT question_id, answer_id, value, created_at FROM votes WHERE user_id = $1 ORDER BY created_at`],
  [
    'notifications',
    `SELECT id, kind, question_id, subject_type, subject_id, created_at, read_at FROM notifications WHERE recipient_id = $1 ORDER BY id`,
  ],
  [
    'conversations',
    `SELECT c.id, c.question_id, q.title AS question_title, c.created_at,
       COALESCE((SELECT json_agg(json_build_object('id', m.id, 'from_me', m.author_id = $1, 'kind', m.kind, 'body_markdown', m.body_markdown,
         'created_at', m.created_at) ORDER BY m.id) FROM conversation_messages m WHERE m.conversation_id = c.id), '[]') AS messages
     FROM conversations c JOIN questions q ON q.id = c.question_id
     WHERE c.asker_id = $1 OR c.contact_id = $1 OR EXISTS (SELECT 1 FROM conversation_messages m WHERE m.conversation_id = c.id AND m.author_id = $1)
     ORDER BY c.id`,
  ],
  ['watches', `SELECT question_id, level, reason, created_at FROM watches WHERE user_id = $1 ORDER BY question_id`],
];

interface ExportRow {
  id: string;
  user_id: string;
  status: 'pending' | 'ready' | 'failed';
  progress: number;
  created_at: Date;
  expires_at: Date | null;
  has_archive: boolean;
}

/**
 * "Download my data": a request writes a row; a polling loop (like the mail queue's) builds the JSON
 * archive, part by part, and marks it ready for {@link EXPORT_TTL_DAYS} days. Only its owner can
 * read it (the one policy: `account.manage` on the owner), and expired archives are erased.
 */
@Injectable()
export class DataExportService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly rateLimits: RateLimitService,
    @Inject('LOGGER') private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    // Runs where the other background workers run (NOTIFICATION_WORKER); tests call `drain` themselves.
    if (this.config.notificationWorker && this.dataSource.isInitialized) this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => 0);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), delay);
  }

  private async tick(): Promise<void> {
    this.running = this.drain();
    try {
      await this.running;
    } catch (error) {
      this.logger.warn('data export failed; retried', { error: error instanceof Error ? error.message : String(error) });
    } finally {
      this.running = null;
    }
    this.schedule(POLL_MS);
  }

  /** Asks for an archive; while one is being made, that one is the answer. */
  async request(actor: Actor | null): Promise<DataExportModel> {
    authorize(actor, 'account.manage', { userId: actor?.id ?? '' });
    const [open]: ExportRow[] = await this.dataSource.query(
      `SELECT *, archive IS NOT NULL AS has_archive FROM data_exports WHERE user_id = $1 AND status = 'pending' ORDER BY id DESC LIMIT 1`,
      [actor.id],
    );
    if (open) return toModel(open);
    await this.rateLimits.hit({ key: `data-export:user:${actor.id}`, max: 3, windowSeconds: 24 * 3600 });
    const [row]: ExportRow[] = await this.dataSource.query(
      `INSERT INTO data_exports (user_id) VALUES ($1) RETURNING *, false AS has_archive`,
      [actor.id],
    );
    if (!this.running && this.timer) {
      clearTimeout(this.timer);
      this.schedule(0);
    }
    return toModel(row!);
  }

  /** The viewer's exports, newest first (the last five). */
  async list(actor: Actor | null): Promise<DataExportModel[]> {
    authorize(actor, 'account.manage', { userId: actor?.id ?? '' });
    const rows: ExportRow[] = await this.dataSource.query(
      `SELECT *, archive IS NOT NULL AS has_archive FROM data_exports WHERE user_id = $1 ORDER BY id DESC LIMIT 5`,
      [actor.id],
    );
    return rows.map(toModel);
  }

  /** A ready archive, for its owner only; anyone else (and an expired one) finds nothing. */
  async archive(actor: Actor | null, id: string): Promise<DataExportArchiveModel> {
    authorize(actor, 'account.manage', { userId: actor?.id ?? '' });
    const [row]: { user_id: string; archive: unknown; created_at: Date }[] = /^\d{1,18}$/.test(id)
      ? await this.dataSource.query(
          `SELECT user_id, archive, created_at FROM data_exports WHERE id = $1 AND status = 'ready' AND expires_at > now() AND archive IS NOT NULL`,
          [id],
        )
      : [];
    if (!row || !can(actor, 'account.manage', { userId: String(row.user_id) })) throw notFound('Export');
    return { fileName: `peerdesk-data-${row.created_at.toISOString().slice(0, 10)}.json`, json: JSON.stringify(row.archive, null, 2) };
  }

  /** Builds every pending archive and erases expired ones; how many were built. */
  async drain(): Promise<number> {
    await this.dataSource.query(`UPDATE data_exports SET archive = NULL WHERE expires_at <= now() AND archive IS NOT NULL`);
    let built = 0;
    while (await this.buildOne()) built += 1;
    return built;
  }

  private buildOne(): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [job]: { id: string; user_id: string; attempts: number }[] = await manager.query(
        `SELECT id, user_id, attempts FROM data_exports WHERE status = 'pending' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      if (!job) return false;
      try {
        // Read outside the job's transaction, so a failing read leaves it able to record the failure.
        const archive = await this.collect(this.dataSource.manager, String(job.user_id));
        await manager.query(
          `UPDATE data_exports SET archive = $2, status = 'ready', progress = 100, ready_at = now(),
             expires_at = now() + make_interval(days => $3), attempts = attempts + 1 WHERE id = $1`,
          [job.id, JSON.stringify(archive), EXPORT_TTL_DAYS],
        );
      } catch (error) {
        this.logger.warn('data export could not be built', { id: job.id, error: error instanceof Error ? error.message : String(error) });
        await manager.query(
          `UPDATE data_exports SET attempts = attempts + 1, status = CASE WHEN attempts + 1 >= $2 THEN 'failed' ELSE 'pending' END WHERE id = $1`,
          [job.id, MAX_ATTEMPTS],
        );
      }
      return true;
    });
  }

  private async collect(manager: EntityManager, userId: string): Promise<Record<string, unknown>> {
    const archive: Record<string, unknown> = { exportedAt: new Date().toISOString(), site: this.config.publicUrl };
    for (const [name, sql] of PARTS) {
      const rows: unknown[] = await manager.query(sql, [userId]);
      archive[name] = name === 'profile' ? (rows[0] ?? null) : rows;
    }
    return archive;
  }
}

function toModel(row: ExportRow): DataExportModel {
  const expired = row.status === 'ready' && (!row.has_archive || (row.expires_at !== null && row.expires_at <= new Date()));
  return {
    id: String(row.id),
    status: expired ? 'expired' : row.status,
    progress: row.progress,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}
