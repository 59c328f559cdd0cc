import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountService } from '../identity/account.service';
import { authorize, type Actor } from '../identity/policy';
import { SessionService } from '../identity/session.service';

/** What a deleted account's public posts are attributed to. */
export const DELETED_USER_NAME = 'deleted user';

/**
 * Deleting one's own account (needs the current password). Public questions, answers and comments
 * stay, because other people's answers, votes and accepted solutions build on them; they show as by
 * "deleted user". Votes stay as anonymous counts, reputation history stays with the anonymous
 * account. Everything personal is erased: address, name, password, sessions, open links, settings,
 * notifications, watches, exports, queued mail, the own messages in private conversations, and the
 * rate-limit counters that name the address. The account row stays, empty, so posts keep an author.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly account: AccountService,
    private readonly sessions: SessionService,
  ) {}

  async delete(actor: Actor | null, currentPassword: string): Promise<void> {
    authorize(actor, 'account.delete', { userId: actor?.id ?? '' });
    await this.account.assertCurrentPassword(actor.id, currentPassword);
    const id = actor.id;
    await this.dataSource.transaction(async (manager) => {
      const [user]: { email: string | null }[] = await manager.query(`SELECT email FROM users WHERE id = $1 FOR UPDATE`, [id]);
      const email = user?.email ?? null;
      await manager.query(`DELETE FROM conversation_messages WHERE author_id = $1`, [id]);
      await manager.query(`DELETE FROM notifications WHERE recipient_id = $1`, [id]);
      await manager.query(`UPDATE notifications SET actor_id = NULL WHERE actor_id = $1`, [id]);
      await manager.query(`DELETE FROM watches WHERE user_id = $1`, [id]);
      await manager.query(`DELETE FROM follows WHERE user_id = $1`, [id]);
      await manager.query(`DELETE FROM notification_settings WHERE user_id = $1`, [id]);
      await manager.query(`DELETE FROM account_tokens WHERE user_id = $1 OR email = $2`, [id, email]);
      await manager.query(`DELETE FROM data_exports WHERE user_id = $1`, [id]);
      await manager.query(`DELETE FROM mail_outbox WHERE recipient_id = $1 OR to_address = $2`, [id, email]);
      await manager.query(`DELETE FROM user_visits WHERE user_id = $1`, [id]);
      await manager.query(`DELETE FROM user_origins WHERE user_id = $1`, [id]);
      await manager.query(`DELETE FROM thread_reads WHERE user_id = $1`, [id]);
      if (email) await manager.query(`DELETE FROM rate_limit_buckets WHERE strpos(key, $1) > 0`, [email]);
      await manager.query(
        `UPDATE users SET email = NULL, display_name = $2, password_hash = NULL, email_verified_at = NULL, deleted_at = now(), updated_at = now()
         WHERE id = $1`,
        [id, DELETED_USER_NAME],
      );
    });
    // Every session ends, this one too; open sockets close.
    await this.sessions.endOthers(id, undefined);
  }
}
