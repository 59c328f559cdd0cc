import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, InputCheck } from '../platform/errors';
import { RateLimitService } from '../platform/rate-limit/rate-limit.service';
import type { SignInInput, SignUpInput } from './dto/auth.input';
import { hashPassword, passwordWeakness, verifyPassword } from './password';
import { SessionService } from './session.service';
import { UserEntity } from './user.entity';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const FIFTEEN_MINUTES = 15 * 60;

export interface SignedIn {
  user: UserEntity;
  token: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly rateLimits: RateLimitService,
  ) {}

  async signUp(input: SignUpInput, ip: string): Promise<SignedIn> {
    const check = new InputCheck();
    const email = input.email.trim().toLowerCase();
    if (!EMAIL.test(email) || email.length > 254) check.add('email', 'invalid', 'Enter a valid e-mail address.');
    const displayName = check.text('displayName', 'Display name', input.displayName.replace(/\s+/g, ' '), { min: 2, max: 40 });
    const weakness = passwordWeakness(input.password, [email.split('@')[0] ?? '', displayName]);
    if (weakness) check.add('password', 'weak', weakness);
    check.assertValid();
    await this.rateLimits.hit({ key: `signup:ip:${ip}`, max: 10, windowSeconds: 3600 });

    const passwordHash = await hashPassword(input.password);
    const user = await this.dataSource.transaction(async (manager) => {
      const inserted: UserEntity[] = await manager.query(
        `INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, $3)
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [email, displayName, passwordHash],
      );
      if (inserted.length === 0) {
        throw new DomainError('BAD_USER_INPUT', 'An account with this e-mail already exists.', [
          { field: 'email', code: 'taken', message: 'An account with this e-mail already exists. Sign in instead?' },
        ]);
      }
      return manager.findOneByOrFail(UserEntity, { id: inserted[0]!.id });
    });
    return { user, token: await this.sessions.create(user.id) };
  }

  /** One generic answer for unknown e-mail and wrong password; failures are limited per address and per IP. */
  async signIn(input: SignInInput, ip: string): Promise<SignedIn> {
    const email = input.email.trim().toLowerCase();
    const perAccount = { key: `signin-fail:email:${email}`, max: 5, windowSeconds: FIFTEEN_MINUTES };
    const perIp = { key: `signin-fail:ip:${ip}`, max: 30, windowSeconds: FIFTEEN_MINUTES };
    await this.rateLimits.assertOpen(perAccount);
    await this.rateLimits.assertOpen(perIp);

    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email });
    const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (!user || !ok) {
      await this.rateLimits.hit(perAccount);
      await this.rateLimits.hit(perIp);
      throw new DomainError('BAD_USER_INPUT', 'E-mail or password is not correct.', [
        { field: 'password', code: 'invalid_credentials', message: 'E-mail or password is not correct.' },
      ]);
    }
    await this.rateLimits.reset(perAccount);
    return { user, token: await this.sessions.create(user.id) };
  }
}
