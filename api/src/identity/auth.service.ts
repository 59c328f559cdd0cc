import { Injectable, type OnModuleInit } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { LocaleValue } from '../platform/locale';
import { DomainError, InputCheck } from '../platform/errors';
import { RateLimitService } from '../platform/rate-limit/rate-limit.service';
import type { SignInInput, SignUpInput } from './dto/auth.input';
import { EMAIL, EmailAddressService } from './email-address.service';
import { hashPassword, passwordWeakness, verifyPassword } from './password';
import { SessionService } from './session.service';
import { UserEntity } from './user.entity';

const FIFTEEN_MINUTES = 15 * 60;

/**
 * Failed sign-ins are throttled per client, never per account alone: an attacker can only shut
 * themselves out. One client (address) gets 5 wrong passwords per account and 30 in all per
 * quarter hour. Failures against one account from all clients together only slow every attempt
 * for it down (a growing delay, capped), so the owner can always still sign in.
 */
export const SIGN_IN_THROTTLE = {
  perClientAndAccount: 5,
  perClient: 30,
  /** Failures for one account (from all clients) before its attempts are slowed down. */
  slowAfter: 10,
  delayStepMs: 250,
  maxDelayMs: 3_000,
  windowSeconds: FIFTEEN_MINUTES,
} as const;

export interface SignedIn {
  user: UserEntity;
  token: string;
}

@Injectable()
export class AuthService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly rateLimits: RateLimitService,
    private readonly emails: EmailAddressService,
  ) {}

  /** Prepares the dummy hash, so even the first sign-in for an unknown address takes the usual time. */
  async onModuleInit(): Promise<void> {
    await verifyPassword(null, '');
  }

  /**
   * Creates the account when the address is free. The answer is the same whether it was free or
   * already taken (no address enumeration): no session either way, the caller signs in next.
   * Both paths hash the password and run the same insert, so they also take the same time.
   */
  async signUp(input: SignUpInput, ip: string): Promise<void> {
    const check = new InputCheck();
    const email = input.email.trim().toLowerCase();
    if (!EMAIL.test(email) || email.length > 254) check.add('email', 'invalid', 'Enter a valid e-mail address.');
    const displayName = check.text('displayName', 'Display name', input.displayName.replace(/\s+/g, ' '), { min: 2, max: 40 });
    const weakness = passwordWeakness(input.password, [email.split('@')[0] ?? '', displayName]);
    if (weakness) check.add('password', 'weak', weakness);
    check.assertValid();
    await this.rateLimits.hit({ key: `signup:ip:${ip}`, max: 10, windowSeconds: 3600 });

    const passwordHash = await hashPassword(input.password);
    const locale = input.locale ?? LocaleValue.EN;
    await this.dataSource.transaction(async (manager) => {
      // A self-made account starts unverified (the column's default is for operator-made ones).
      const [created]: { id: string }[] = await manager.query(
        `INSERT INTO users (email, display_name, password_hash, email_verified_at) VALUES ($1, $2, $3, NULL)
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [email, displayName, passwordHash],
      );
      if (!created) return;
      const id = String(created.id);
      // The language signed up in is the language of the account's mail until changed in the settings.
      await manager.query(`INSERT INTO notification_settings (user_id, locale) VALUES ($1, $2)`, [id, locale]);
      await this.emails.sendConfirmation(manager, { id, email, displayName, locale });
    });
  }

  /** One generic answer for unknown e-mail and wrong password; see SIGN_IN_THROTTLE for the limits. */
  async signIn(input: SignInInput, ip: string): Promise<SignedIn> {
    const email = input.email.trim().toLowerCase();
    const { windowSeconds } = SIGN_IN_THROTTLE;
    const perClientAndAccount = { key: `signin-fail:email-ip:${email}:${ip}`, max: SIGN_IN_THROTTLE.perClientAndAccount, windowSeconds };
    const perClient = { key: `signin-fail:ip:${ip}`, max: SIGN_IN_THROTTLE.perClient, windowSeconds };
    const perAccount = { key: `signin-fail:email:${email}`, max: Number.MAX_SAFE_INTEGER, windowSeconds };
    await this.rateLimits.assertOpen(perClientAndAccount);
    await this.rateLimits.assertOpen(perClient);
    await sleep(signInDelayMs(await this.rateLimits.count(perAccount)));

    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email });
    const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (!user || !ok) {
      await this.rateLimits.hit(perClientAndAccount);
      await this.rateLimits.hit(perClient);
      await this.rateLimits.hit(perAccount);
      throw new DomainError('BAD_USER_INPUT', 'E-mail or password is not correct.', [
        { field: 'password', code: 'invalid_credentials', message: 'E-mail or password is not correct.' },
      ]);
    }
    await this.rateLimits.reset(perClientAndAccount);
    return { user, token: await this.sessions.create(user.id) };
  }
}

/** The slow-down of every sign-in to an account that `failures` attempts from all clients got wrong. */
export function signInDelayMs(failures: number): number {
  const over = failures - SIGN_IN_THROTTLE.slowAfter;
  return over <= 0 ? 0 : Math.min(over * SIGN_IN_THROTTLE.delayStepMs, SIGN_IN_THROTTLE.maxDelayMs);
}
