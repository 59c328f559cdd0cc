import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queueAccountMail, type MailLocale } from '../../identity/account-mail';
import { closeAccountTokens, findAccountToken, issueAccountToken, TOKEN_TTL_MINUTES } from '../../identity/account-tokens';
import { hashPassword, passwordWeakness } from '../../identity/password';
import { RateLimitService } from '../../platform/rate-limit/rate-limit.service';
import { AppConfig } from '../../platform/config';
import { fieldError, InputCheck } from '../../platform/errors';

/** A reset link works for this long, once. */
export const RESET_TTL_MINUTES = TOKEN_TTL_MINUTES['password-reset'];

const TEXTS = {
  en: {
    subject: 'Reset your Peerdesk password',
    hello: (name: string) => `Hello ${name},`,
    ask: `someone (hopefully you) asked to reset the password of your account. Choose a new one here within ${RESET_TTL_MINUTES} minutes:`,
    after:
      'The link works once. Afterwards every device is signed out. If you did not ask for this, ignore this e-mail: your password stays as it is.',
    button: 'Choose a new password',
  },
  de: {
    subject: 'Dein Peerdesk-Passwort zurücksetzen',
    hello: (name: string) => `Hallo ${name},`,
    ask: `jemand (hoffentlich du) möchte das Passwort deines Kontos zurücksetzen. Wähle hier innerhalb von ${RESET_TTL_MINUTES} Minuten ein neues:`,
    after:
      'Der Link funktioniert einmal. Danach bist du auf allen Geräten abgemeldet. Wenn du das nicht warst, ignoriere diese E-Mail: dein Passwort bleibt, wie es ist.',
    button: 'Neues Passwort wählen',
  },
} as const;

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
    const [user]: { id: string; display_name: string; locale: MailLocale | null }[] = await this.dataSource.query(
      `SELECT u.id, u.display_name, s.locale FROM users u LEFT JOIN notification_settings s ON s.user_id = u.id
       WHERE u.email = $1 AND u.password_hash IS NOT NULL`,
      [email],
    );
    // Unknown address: nothing is sent, and the caller learns nothing from the answer.
    if (!user) return;
    const locale = user.locale ?? 'en';
    const texts = TEXTS[locale];
    await this.dataSource.transaction(async (manager) => {
      const token = await issueAccountToken(manager, 'password-reset', user.id);
      // Account mail goes out at once (no notification behind it, no delay).
      await queueAccountMail(
        manager,
        { userId: user.id, address: email },
        {
          locale,
          subject: texts.subject,
          greeting: texts.hello(user.display_name),
          paragraphs: [texts.ask],
          link: { url: `${this.config.publicUrl}/reset-password/${token}`, label: texts.button },
          closing: [texts.after],
        },
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
      const found = await findAccountToken(manager, ['password-reset'], token);
      if (found.state !== 'valid') throw fieldError('token', 'invalid', 'This reset link is not valid any more. Ask for a new one.');
      await manager.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [found.userId, passwordHash]);
      await closeAccountTokens(manager, 'password-reset', found.userId);
      await manager.query(`DELETE FROM sessions WHERE user_id = $1`, [found.userId]);
    });
  }
}
