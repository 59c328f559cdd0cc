import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../platform/config';
import { DomainError, fieldError, InputCheck } from '../platform/errors';
import { RateLimitService } from '../platform/rate-limit/rate-limit.service';
import { AccountService } from './account.service';
import { mailLocaleOf, queueAccountMail, type MailLocale } from './account-mail';
import { closeAccountTokens, findAccountToken, issueAccountToken, TOKEN_TTL_MINUTES } from './account-tokens';
import { authorize, type Actor } from './policy';

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** Confirmation mails a signed-in person can ask for per hour. */
export const RESEND_PER_HOUR = 3;

const days = (minutes: number) => Math.round(minutes / (24 * 60));

const TEXTS = {
  en: {
    hello: (name: string) => `Hello ${name},`,
    verifySubject: 'Please confirm your e-mail address',
    verify: `please confirm that this address belongs to your Peerdesk account. The link works once, for ${days(TOKEN_TTL_MINUTES['email-verify'])} days. Until then we send you no notification e-mails.`,
    verifyButton: 'Confirm my e-mail address',
    changeSubject: 'Confirm your new e-mail address',
    change: `please confirm that your Peerdesk account should use this address from now on. The link works once, within ${TOKEN_TTL_MINUTES['email-change'] / 60} hours; until you follow it, your old address stays in use.`,
    changeButton: 'Use this address',
    noticeSubject: 'Your e-mail address is about to change',
    notice: (masked: string) =>
      `someone signed in to your Peerdesk account asked to change its e-mail address to ${masked}. The change only happens once the new address is confirmed.`,
    noticeNotYou: 'If this was not you, change your password now and ignore the confirmation: nothing changes without it.',
    ignore: 'If you did not expect this e-mail, ignore it.',
  },
  de: {
    hello: (name: string) => `Hallo ${name},`,
    verifySubject: 'Bitte bestätige deine E-Mail-Adresse',
    verify: `bitte bestätige, dass diese Adresse zu deinem Peerdesk-Konto gehört. Der Link funktioniert einmal, ${days(TOKEN_TTL_MINUTES['email-verify'])} Tage lang. Bis dahin schicken wir dir keine Benachrichtigungen per E-Mail.`,
    verifyButton: 'E-Mail-Adresse bestätigen',
    changeSubject: 'Bestätige deine neue E-Mail-Adresse',
    change: `bitte bestätige, dass dein Peerdesk-Konto ab jetzt diese Adresse verwendet. Der Link funktioniert einmal, innerhalb von ${TOKEN_TTL_MINUTES['email-change'] / 60} Stunden; bis dahin bleibt deine alte Adresse gültig.`,
    changeButton: 'Diese Adresse verwenden',
    noticeSubject: 'Deine E-Mail-Adresse soll sich ändern',
    notice: (masked: string) =>
      `jemand hat in deinem Peerdesk-Konto beantragt, die E-Mail-Adresse auf ${masked} zu ändern. Die Änderung gilt erst, wenn die neue Adresse bestätigt ist.`,
    noticeNotYou: 'Wenn du das nicht warst, ändere jetzt dein Passwort und ignoriere die Bestätigung: ohne sie ändert sich nichts.',
    ignore: 'Wenn du diese E-Mail nicht erwartet hast, ignoriere sie.',
  },
} as const;

/** `jane.doe@example.com` → `ja…@example.com`: the old address learns where the change goes, not the whole address. */
export const maskEmail = (email: string): string => {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 2)}…@${domain}`;
};

const TOKEN_ERRORS = {
  invalid: 'This confirmation link is not valid. Copy the whole link from the e-mail, or ask for a new one.',
  used: 'This confirmation link was already used.',
  expired: 'This confirmation link has expired. Ask for a new one.',
  foreign: 'This confirmation link belongs to another account. Sign out first, or open it in the account it was sent to.',
  taken: 'This address belongs to another account by now.',
  stale: 'This link is for an address your account no longer uses.',
} as const;

const tokenError = (code: keyof typeof TOKEN_ERRORS): DomainError => fieldError('token', code, TOKEN_ERRORS[code]);

export type ConfirmedEmail = 'verified' | 'changed';

/**
 * The account's e-mail address: confirmed after sign-up (the account works at once; notification mail
 * waits for the confirmation), changed only once the new address is confirmed (the old one is told).
 */
@Injectable()
export class EmailAddressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly rateLimits: RateLimitService,
    private readonly account: AccountService,
  ) {}

  /** In the sign-up transaction: the confirmation mail for a fresh account. */
  async sendConfirmation(
    manager: Pick<EntityManager, 'query'>,
    user: { id: string; email: string; displayName: string; locale: MailLocale },
  ) {
    const texts = TEXTS[user.locale];
    const token = await issueAccountToken(manager, 'email-verify', user.id, user.email);
    await queueAccountMail(
      manager,
      { userId: user.id, address: user.email },
      {
        locale: user.locale,
        subject: texts.verifySubject,
        greeting: texts.hello(user.displayName),
        paragraphs: [texts.verify],
        link: { url: `${this.config.publicUrl}/verify-email/${token}`, label: texts.verifyButton },
        closing: [texts.ignore],
      },
    );
  }

  /** Another confirmation mail for the signed-in person ({@link RESEND_PER_HOUR} per hour). */
  async resendConfirmation(actor: Actor | null): Promise<void> {
    authorize(actor, 'account.manage', { userId: actor?.id ?? '' });
    const [user]: { email: string | null; display_name: string; verified: boolean }[] = await this.dataSource.query(
      `SELECT email, display_name, email_verified_at IS NOT NULL AS verified FROM users WHERE id = $1`,
      [actor.id],
    );
    if (!user?.email) throw fieldError('email', 'missing', 'Your account has no e-mail address.');
    if (user.verified) throw fieldError('email', 'already_verified', 'Your e-mail address is already confirmed.');
    await this.rateLimits.hit({ key: `verify-resend:user:${actor.id}`, max: RESEND_PER_HOUR, windowSeconds: 3600 });
    const email = user.email;
    await this.dataSource.transaction(async (manager) =>
      this.sendConfirmation(manager, {
        id: actor.id,
        email,
        displayName: user.display_name,
        locale: await mailLocaleOf(manager, actor.id),
      }),
    );
  }

  /**
   * Asks to move the account to a new address (needs the current password): a confirmation link to
   * the new address, a notice to the old one. Nothing changes until the link is followed. Whether the
   * new address already has an account is not revealed here (the confirmation then fails).
   */
  async requestChange(actor: Actor | null, input: { newEmail: string; currentPassword: string }): Promise<void> {
    authorize(actor, 'account.manage', { userId: actor?.id ?? '' });
    const check = new InputCheck();
    const newEmail = input.newEmail.trim().toLowerCase();
    if (!EMAIL.test(newEmail) || newEmail.length > 254) check.add('newEmail', 'invalid', 'Enter a valid e-mail address.');
    const [user]: { email: string | null; display_name: string }[] = await this.dataSource.query(
      `SELECT email, display_name FROM users WHERE id = $1`,
      [actor.id],
    );
    if (user?.email === newEmail) check.add('newEmail', 'unchanged', 'This is your address already.');
    check.assertValid();
    await this.account.assertCurrentPassword(actor.id, input.currentPassword);
    await this.rateLimits.hit({ key: `email-change:user:${actor.id}`, max: 5, windowSeconds: 3600 });
    await this.dataSource.transaction(async (manager) => {
      const locale = await mailLocaleOf(manager, actor.id);
      const texts = TEXTS[locale];
      // A newer request replaces an older one that was not confirmed.
      await closeAccountTokens(manager, 'email-change', actor.id);
      const token = await issueAccountToken(manager, 'email-change', actor.id, newEmail);
      await queueAccountMail(
        manager,
        { userId: actor.id, address: newEmail },
        {
          locale,
          subject: texts.changeSubject,
          greeting: texts.hello(user!.display_name),
          paragraphs: [texts.change],
          link: { url: `${this.config.publicUrl}/verify-email/${token}`, label: texts.changeButton },
          closing: [texts.ignore],
        },
      );
      if (user?.email)
        await queueAccountMail(
          manager,
          { userId: actor.id, address: user.email },
          {
            locale,
            subject: texts.noticeSubject,
            greeting: texts.hello(user.display_name),
            paragraphs: [texts.notice(maskEmail(newEmail))],
            closing: [texts.noticeNotYou],
          },
        );
    });
  }

  /** The address a change waits to be confirmed for, if any. */
  async pendingChange(actor: Actor | null): Promise<string | null> {
    authorize(actor, 'account.manage', { userId: actor?.id ?? '' });
    const [row]: { email: string }[] = await this.dataSource.query(
      `SELECT email FROM account_tokens WHERE user_id = $1 AND purpose = 'email-change' AND used_at IS NULL AND expires_at > now()
       ORDER BY created_at DESC LIMIT 1`,
      [actor.id],
    );
    return row?.email ?? null;
  }

  /**
   * Follows a confirmation link (sign-up or change). Anyone holding the link may follow it, except a
   * visitor signed in to another account. Expired, used, tampered or foreign links change nothing.
   */
  async confirm(actor: Actor | null, token: string): Promise<ConfirmedEmail> {
    return this.dataSource.transaction(async (manager) => {
      const found = await findAccountToken(manager, ['email-verify', 'email-change'], token);
      if (found.state === 'invalid') throw tokenError('invalid');
      if (actor && actor.id !== found.userId) throw tokenError('foreign');
      if (found.state !== 'valid') throw tokenError(found.state);
      if (found.purpose === 'email-verify') {
        const updated: [unknown[], number] = await manager.query(
          `UPDATE users SET email_verified_at = COALESCE(email_verified_at, now()), updated_at = now() WHERE id = $1 AND email = $2`,
          [found.userId, found.email],
        );
        if (updated[1] === 0) throw tokenError('stale');
      } else {
        const [taken]: unknown[] = await manager.query(`SELECT 1 FROM users WHERE email = $1 AND id <> $2`, [found.email, found.userId]);
        if (taken) throw tokenError('taken');
        await manager.query(`UPDATE users SET email = $2, email_verified_at = now(), updated_at = now() WHERE id = $1`, [
          found.userId,
          found.email,
        ]);
        // Links sent to the old address are worthless now.
        await closeAccountTokens(manager, 'email-verify', found.userId);
        await closeAccountTokens(manager, 'password-reset', found.userId);
      }
      await closeAccountTokens(manager, found.purpose, found.userId);
      return found.purpose === 'email-verify' ? 'verified' : 'changed';
    });
  }
}
