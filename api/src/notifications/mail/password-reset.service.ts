import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword, passwordWeakness } from '../../identity/password';
import { RateLimitService } from '../../platform/rate-limit/rate-limit.service';
import { AppConfig } from '../../platform/config';
import { fieldError, InputCheck } from '../../platform/errors';

/** A reset link works for this long, once. */
export const RESET_TTL_MINUTES = 60;

const hash = (token: string): string => createHash('sha256').update(`password-reset:${token}`).digest('hex');

const TEXTS = {
  en: {
    subject: 'Reset your Peerdesk password',
    body: (name: string, link: string) =>
      `Hello ${name},\n\nsomeone (hopefully you) asked to reset the password of your account. Choose a new one here within ${RESET_TTL_MINUTES} minutes:\n\n${link}\n\nThe link works once. Afterwards every device is signed out. If you did not ask for this, ignore this e-mail: your password stays as it is.\n`,
    button: 'Choose a new password',
  },
  de: {
    subject: 'Dein Peerdesk-Passwort zurücksetzen',
    body: (name: string, link: string) =>
      `Hallo ${name},\n\njemand (hoffentlich du) möchte das Passwort deines Kontos zurücksetzen. Wähle hier innerhalb von ${RESET_TTL_MINUTES} Minuten ein neues:\n\n${link}\n\nDer Link funktioniert einmal. Danach bist du auf allen Geräten abgemeldet. Wenn du das nicht warst, ignoriere diese E-Mail: dein Passwort bleibt, wie es ist.\n`,
    button: 'Neues Passwort wählen',
  },
} as const;

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Password reset by e-mail: the same answer whether or not the address has an account, rate limited
 * per client and per address; a random token of which only a hash is stored, valid once and for an
 * hour; a successful reset ends every session of the account and every other open reset link.
 * The mail goes through the notification mail queue (kept for admins without SMTP_URL).
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rateLimits: RateLimitService,
    private readonly config: AppConfig,
  ) {}

  async request(emailInput: string, ip: string): Promise<void> {
    const email = emailInput.trim().toLowerCase();
    if (!email || email.length > 254 || !email.includes('@')) throw fieldError('email', 'invalid', 'Enter a valid e-mail address.');
    await this.rateLimits.hit({ key: `reset:ip:${ip}`, max: 10, windowSeconds: 900 });
    await this.rateLimits.hit({ key: `reset:email:${email}`, max: 3, windowSeconds: 3600 });
    const [user]: { id: string; display_name: string; locale: 'en' | 'de' | null }[] = await this.dataSource.query(
      `SELECT u.id, u.display_name, s.locale FROM users u LEFT JOIN notification_settings s ON s.user_id = u.id
       WHERE u.email = $1 AND u.password_hash IS NOT NULL`,
      [email],
    );
    // Unknown address: nothing is sent, and the caller learns nothing from the answer.
    if (!user) return;
    const token = randomBytes(32).toString('base64url');
    const link = `${this.config.publicUrl}/reset-password/${token}`;
    const texts = TEXTS[user.locale ?? 'en'];
    const text = texts.body(user.display_name, link);
    const html = `<!doctype html><html lang="${user.locale ?? 'en'}"><head><meta charset="utf-8"></head><body style="font-family: system-ui, sans-serif; line-height: 1.5; max-width: 40rem; margin: 0 auto; padding: 1rem;">${text
      .split('\n\n')
      .map((p) => (p === link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(texts.button)}</a></p>` : `<p>${escapeHtml(p)}</p>`))
      .join('\n')}</body></html>`;
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(mins => $3))`,
        [hash(token), user.id, RESET_TTL_MINUTES],
      );
      // Account mail goes out at once (no notification behind it, no delay).
      await manager.query(
        `INSERT INTO mail_outbox (recipient_id, to_address, locale, subject, text_body, html_body) VALUES ($1, $2, $3, $4, $5, $6)`,
        [user.id, email, user.locale ?? 'en', texts.subject, text, html],
      );
    });
  }

  /** Sets the new password if the token is fresh and unused; ends every session of the account. */
  async reset(token: string, password: string): Promise<void> {
    const check = new InputCheck();
    const weakness = passwordWeakness(password, []);
    if (weakness) check.add('password', 'weak', weakness);
    check.assertValid();
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager) => {
      const [row]: { user_id: string }[] = await manager.query(
        `SELECT user_id FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() FOR UPDATE`,
        [hash(token.slice(0, 100))],
      );
      if (!row) throw fieldError('token', 'invalid', 'This reset link is not valid any more. Ask for a new one.');
      await manager.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [row.user_id, passwordHash]);
      await manager.query(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [row.user_id]);
      await manager.query(`DELETE FROM sessions WHERE user_id = $1`, [row.user_id]);
    });
  }
}
