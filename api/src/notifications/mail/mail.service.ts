import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../../platform/config';
import { fieldError } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import { mayBeTold } from '../notification-access';
import { UNMAILED_KINDS, type ImmediateMailKind, type NotificationKindName, type SubjectType } from '../notification-kinds';
import { NotificationWorker } from '../notification-worker';
import { pathOf } from '../notification-paths';
import { renderMail, type MailLocale } from './mail-render';
import { unsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

const BATCH = 20;
const POLL_MS = 2_000;
const MAX_ATTEMPTS = 20;
const MAX_BACKOFF_MS = 3_600_000;

interface QueueRow {
  id: string;
  recipient_id: string;
  kind: ImmediateMailKind;
  question_id: string | null;
  subject_type: SubjectType;
  subject_id: string;
  details: { reason?: string | null };
  email: string;
  display_name: string;
  locale: MailLocale | null;
  question_title: string | null;
  asker_id: string | null;
  actor_name: string | null;
  post_markdown: string | null;
  escalation_id: string | null;
}

interface PendingMail {
  id: string;
  kind: 'notification' | 'account' | 'digest';
  notification_id: string | null;
  recipient_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  headers: Record<string, string>;
  attempts: number;
}

/**
 * E-mail for notifications: a durable queue in PostgreSQL (`mail_outbox`). Mail is queued in the
 * same transaction that writes the notification (one per notification: a unique key), sent by a
 * loop here once due, retried with backoff while the SMTP server is away, and checked again right
 * before sending (read in the app meanwhile, no longer visible, e-mail turned off: not sent).
 * Without SMTP_URL it is kept for admins (`/admin/mail`), and the log says so once.
 */
@Injectable()
export class MailService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private transport: Transporter | null;
  private secret: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;
  private toldKept = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly worker: NotificationWorker,
    @Inject('LOGGER') private readonly logger: Logger,
  ) {
    this.transport = config.smtpUrl ? createTransport(config.smtpUrl) : null;
  }

  onModuleInit(): void {
    this.worker.inTransaction((manager, ids) => this.enqueue(manager, ids));
    this.worker.onCommitted(async () => this.wake());
  }

  onApplicationBootstrap(): void {
    if (!this.config.notificationWorker || !this.dataSource.isInitialized) return;
    if (!this.transport) this.logger.warn('SMTP_URL is not set: notification mail is kept, not delivered; admins read it at /admin/mail');
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => 0);
    this.transport?.close();
  }

  /** For tests: point the sender at another SMTP server (or none). */
  useTransport(smtpUrl: string | null): void {
    this.transport?.close();
    this.transport = smtpUrl ? createTransport(smtpUrl) : null;
  }

  async mailSecret(manager: Pick<EntityManager, 'query'> = this.dataSource.manager): Promise<string> {
    if (!this.secret) {
      const [row]: { secret: string }[] = await manager.query(`SELECT secret FROM mail_secret`);
      if (!row) throw new Error('mail_secret is empty: run the migrations');
      this.secret = row.secret;
    }
    return this.secret;
  }

  unsubscribeUrl(secret: string, userId: string): string {
    return `${this.config.publicUrl}/unsubscribe/${unsubscribeToken(secret, userId)}`;
  }

  /** Queues the mail for freshly written notifications, in their transaction. */
  async enqueue(manager: EntityManager, notificationIds: string[]): Promise<void> {
    if (notificationIds.length === 0) return;
    const rows: QueueRow[] = await manager.query(
      `SELECT n.id, n.recipient_id, n.kind, n.question_id, n.subject_type, n.subject_id, n.details,
         u.email, u.display_name, s.locale, q.title AS question_title, q.author_id AS asker_id, a.display_name AS actor_name,
         COALESCE(pa.body_markdown, pc.body_markdown) AS post_markdown,
         CASE WHEN n.subject_type = 'message'
           THEN (SELECT e.id FROM escalations e WHERE e.question_id = n.question_id ORDER BY e.id DESC LIMIT 1) END AS escalation_id
       FROM notifications n
       JOIN users u ON u.id = n.recipient_id
       LEFT JOIN notification_settings s ON s.user_id = n.recipient_id
       LEFT JOIN questions q ON q.id = n.question_id
       LEFT JOIN users a ON a.id = n.actor_id
       LEFT JOIN answers pa ON n.subject_type = 'answer' AND pa.id = n.subject_id
       LEFT JOIN comments pc ON n.subject_type = 'comment' AND pc.id = n.subject_id
       WHERE n.id = ANY($1::bigint[]) AND u.email IS NOT NULL AND COALESCE(s.email, true) AND n.kind <> ALL($2::varchar[])
         AND n.kind <> ALL(COALESCE(s.app_only_kinds, '{}'))`,
      [notificationIds, UNMAILED_KINDS],
    );
    if (rows.length === 0) return;
    const secret = await this.mailSecret(manager);
    const mails = rows.map((row) => {
      const unsubscribeUrl = this.unsubscribeUrl(secret, String(row.recipient_id));
      const rendered = renderMail({
        kind: row.kind,
        locale: row.locale ?? 'en',
        recipientName: row.display_name,
        questionTitle: row.question_title,
        actorName: row.actor_name,
        // Only the public posts of a thread travel by mail; messages, drafts and notes stay on the site.
        postMarkdown: row.kind === 'answer.new' || row.kind === 'comment.new' || row.kind === 'mention' ? row.post_markdown : null,
        reason: row.kind === 'post.hidden' || row.kind === 'post.flagged' ? (row.details?.reason ?? null) : null,
        postUrl: `${this.config.publicUrl}${pathOf(row)}`,
        unsubscribeUrl,
        settingsUrl: `${this.config.publicUrl}/notifications#settings`,
        companyName: this.config.companyName,
      });
      return {
        row,
        rendered,
        headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      };
    });
    await manager.query(
      `INSERT INTO mail_outbox (notification_id, recipient_id, to_address, locale, subject, text_body, html_body, headers, next_attempt_at, kind)
       SELECT *, now() + make_interval(secs => $9), 'notification' FROM unnest($1::bigint[], $2::bigint[], $3::varchar[], $4::varchar[], $5::varchar[], $6::text[], $7::text[], $8::jsonb[])
       ON CONFLICT (notification_id) DO NOTHING`,
      [
        mails.map((m) => m.row.id),
        mails.map((m) => m.row.recipient_id),
        mails.map((m) => m.row.email),
        mails.map((m) => m.row.locale ?? 'en'),
        mails.map((m) => m.rendered.subject.slice(0, 300)),
        mails.map((m) => m.rendered.text),
        mails.map((m) => m.rendered.html),
        mails.map((m) => JSON.stringify(m.headers)),
        this.config.mailDelaySeconds,
      ],
    );
  }

  wake(): void {
    if (!this.running) this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.stopped || !this.config.notificationWorker) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delay);
  }

  private async tick(): Promise<void> {
    this.running = this.drain();
    try {
      await this.running;
    } catch (error) {
      this.logger.warn('mail queue failed; mail stays queued', { error: error instanceof Error ? error.message : String(error) });
    } finally {
      this.running = null;
    }
    this.schedule(POLL_MS);
  }

  /** Sends (or keeps) every mail that is due now; resolves with how many were handled. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const handled = await this.sendBatch();
      total += handled;
      if (handled < BATCH) return total;
    }
  }

  private sendBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due: PendingMail[] = await manager.query(
        `SELECT id, kind, notification_id, recipient_id, to_address, subject, text_body, html_body, headers, attempts FROM mail_outbox
         WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY next_attempt_at, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (due.length === 0) return 0;
      const stillWanted = await this.stillWanted(manager, due);
      let failures = 0;
      for (const mail of due) {
        if (!stillWanted.has(String(mail.id))) {
          await manager.query(`UPDATE mail_outbox SET status = 'skipped' WHERE id = $1`, [mail.id]);
          continue;
        }
        if (!this.transport) {
          if (!this.toldKept) this.logger.info('mail kept, not delivered (no SMTP_URL)', { to: mail.to_address, subject: mail.subject });
          this.toldKept = true;
          await manager.query(`UPDATE mail_outbox SET status = 'kept' WHERE id = $1`, [mail.id]);
          continue;
        }
        // Once one delivery failed, the server is likely away: the rest of the batch waits for the next round.
        const error = failures > 0 ? new Error('not tried: the SMTP server failed just before') : await this.deliver(mail);
        if (!error) {
          await manager.query(`UPDATE mail_outbox SET status = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = $1`, [mail.id]);
          continue;
        }
        failures += 1;
        const attempts = mail.attempts + 1;
        const wait = Math.min(MAX_BACKOFF_MS, this.config.mailRetryBaseMs * 2 ** (attempts - 1));
        await manager.query(
          `UPDATE mail_outbox SET attempts = $2, last_error = $3, status = CASE WHEN $2 >= ${MAX_ATTEMPTS} THEN 'failed' ELSE 'pending' END,
             next_attempt_at = now() + make_interval(secs => $4) WHERE id = $1`,
          [mail.id, attempts, error.message.slice(0, 500), wait / 1000],
        );
      }
      if (failures > 0) this.logger.warn('mail delivery failed; retried with backoff', { failures, batch: due.length });
      return failures > 0 ? 0 : due.length;
    });
  }

  private async deliver(mail: PendingMail): Promise<Error | null> {
    try {
      const host = new URL(this.config.publicUrl).hostname;
      await this.transport!.sendMail({
        from: this.config.mailFrom,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        html: mail.html_body,
        headers: mail.headers,
        // Stable per mail: a retry after an uncertain delivery is recognisable as the same message.
        messageId: `<peerdesk-mail-${mail.id}@${host}>`,
      });
      return null;
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  /** The mails still to send: notification unread, still visible to its recipient, e-mail still on, address verified. */
  private async stillWanted(manager: EntityManager, due: PendingMail[]): Promise<Set<string>> {
    const rows: {
      mail_id: string;
      recipient_id: string;
      kind: NotificationKindName;
      subject_type: SubjectType;
      subject_id: string;
      question_id: string | null;
    }[] = await manager.query(
      `SELECT m.id AS mail_id, n.recipient_id, n.kind, n.subject_type, n.subject_id, n.question_id
       FROM mail_outbox m JOIN notifications n ON n.id = m.notification_id
       -- Notification mail only to an address its owner confirmed (and still has); the inbox is unaffected.
       JOIN users u ON u.id = n.recipient_id AND u.email = m.to_address AND u.email_verified_at IS NOT NULL
       LEFT JOIN notification_settings s ON s.user_id = n.recipient_id
       WHERE m.id = ANY($1::bigint[]) AND n.read_at IS NULL AND COALESCE(s.email, true)`,
      [due.map((m) => m.id)],
    );
    const verdicts = await mayBeTold(
      manager,
      rows.map((r) => ({
        recipientId: String(r.recipient_id),
        kind: r.kind,
        subjectType: r.subject_type,
        subjectId: String(r.subject_id),
        questionId: r.question_id === null ? null : String(r.question_id),
      })),
    );
    const wanted = new Set(rows.filter((_, i) => verdicts[i]).map((r) => String(r.mail_id)));
    // Account mail (a password reset) has no notification behind it: it is always sent.
    for (const mail of due) if (mail.kind === 'account') wanted.add(String(mail.id));
    const digests = due.filter((m) => m.kind === 'digest');
    if (digests.length > 0) {
      const stillOn: { id: string }[] = await manager.query(
        `SELECT m.id FROM mail_outbox m JOIN notification_settings s ON s.user_id = m.recipient_id
           JOIN users u ON u.id = m.recipient_id AND u.email = m.to_address AND u.email_verified_at IS NOT NULL
         WHERE m.id = ANY($1::bigint[]) AND s.email AND s.digest <> 'off'`,
        [digests.map((m) => m.id)],
      );
      for (const row of stillOn) wanted.add(String(row.id));
    }
    return wanted;
  }

  /** One click from a mail (or its List-Unsubscribe-Post): e-mail notifications off for that user. */
  async unsubscribe(token: string): Promise<void> {
    const userId = verifyUnsubscribeToken(await this.mailSecret(), token);
    if (!userId) throw fieldError('token', 'invalid', 'This unsubscribe link is not valid.');
    const updated: unknown[] = await this.dataSource.query(
      `INSERT INTO notification_settings (user_id, email) SELECT id, false FROM users WHERE id = $1
       ON CONFLICT (user_id) DO UPDATE SET email = false, updated_at = now() RETURNING user_id`,
      [userId],
    );
    // A deleted account: nothing to turn off, and nothing to tell about it either.
    void updated;
  }
}
