import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, InputCheck } from '../platform/errors';
import { RateLimitService } from '../platform/rate-limit/rate-limit.service';
import type { ChangePasswordInput, UpdateProfileInput } from './dto/auth.input';
import { hashPassword, passwordWeakness, verifyPassword } from './password';
import { authorize, type Actor } from './policy';
import { SessionService } from './session.service';
import { UserEntity } from './user.entity';

const FIFTEEN_MINUTES = 15 * 60;

/** The signed-in person's own account: display name, password, other sessions. */
@Injectable()
export class AccountService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly rateLimits: RateLimitService,
  ) {}

  async updateProfile(actor: Actor | null, input: UpdateProfileInput): Promise<UserEntity> {
    authorize(actor, 'account.rename', { userId: actor?.id ?? '' });
    const check = new InputCheck();
    const displayName = check.text('displayName', 'Display name', input.displayName.replace(/\s+/g, ' '), { min: 2, max: 40 });
    check.assertValid();
    await this.dataSource.query(`UPDATE users SET display_name = $2, updated_at = now() WHERE id = $1`, [actor.id, displayName]);
    return this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: actor.id });
  }

  /**
   * Needs the current password (five wrong ones per quarter hour, then RATE_LIMITED) and a new one by
   * the sign-up rules; every other session of the account ends, the caller's stays.
   */
  async changePassword(actor: Actor | null, input: ChangePasswordInput, currentToken: string | undefined): Promise<void> {
    authorize(actor, 'account.manage', { userId: actor?.id ?? '' });
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: actor.id });
    const check = new InputCheck();
    const weakness = passwordWeakness(input.newPassword, [user.email?.split('@')[0] ?? '', user.displayName]);
    if (weakness) check.add('newPassword', 'weak', weakness);
    check.assertValid();
    await this.assertCurrentPassword(actor.id, input.currentPassword);
    await this.dataSource.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [
      actor.id,
      await hashPassword(input.newPassword),
    ]);
    await this.sessions.endOthers(actor.id, currentToken);
  }

  /**
   * For changes that need the current password (password, address, deletion): five wrong ones per
   * quarter hour, then RATE_LIMITED; the error names the `currentPassword` field.
   */
  async assertCurrentPassword(userId: string, password: string): Promise<void> {
    const failures = { key: `password-change-fail:user:${userId}`, max: 5, windowSeconds: FIFTEEN_MINUTES };
    await this.rateLimits.assertOpen(failures);
    const [user]: { password_hash: string | null }[] = await this.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [
      userId,
    ]);
    if (!(await verifyPassword(user?.password_hash ?? null, password))) {
      await this.rateLimits.hit(failures);
      throw new DomainError('BAD_USER_INPUT', 'The current password is not correct.', [
        { field: 'currentPassword', code: 'invalid_credentials', message: 'The current password is not correct.' },
      ]);
    }
    await this.rateLimits.reset(failures);
  }

  /** Ends every session of the caller but this one (and closes their live sockets); how many ended. */
  async signOutOtherSessions(actor: Actor | null, currentToken: string | undefined): Promise<number> {
    authorize(actor, 'account.manage', { userId: actor?.id ?? '' });
    return this.sessions.endOthers(actor.id, currentToken);
  }
}
