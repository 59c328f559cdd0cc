import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../platform/config';
import { LiveEvents } from '../platform/live/live-events';
import type { Actor } from './policy';

export const SESSION_COOKIE = 'pd_session';

/** Live channel on which every api process hears of ended sessions (by a hash of the token hash). */
const SESSION_ENDED = 'sessions:ended';

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
/** What identifies a session on sockets and on the live channel: never the token, nor what the table stores. */
export const sessionKey = (token: string): string => keyOfHash(hashToken(token));
const keyOfHash = (tokenHash: string): string => hashToken(`session-key:${tokenHash}`);

/** How long the api calls of one web request share their session look-up (a page render takes milliseconds). */
const SHARED_LOOKUP_MS = 2_000;
const SHARED_LOOKUPS_MAX = 1_000;

/** Server-side sessions in PostgreSQL: the cookie carries a random token, the table its hash. */
@Injectable()
export class SessionService implements OnModuleDestroy {
  private ended: AsyncIterableIterator<{ key: string }> | null = null;
  private readonly endedListeners = new Set<(key: string) => void>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly live: LiveEvents,
  ) {}

  /** Calls `listener` with the `sessionKey` of every session that ends by sign-out, on any api process. */
  onEnded(listener: (key: string) => void): () => void {
    if (!this.ended) {
      const ended = (this.ended = this.live.subscribe<{ key: string }>(SESSION_ENDED));
      void (async () => {
        for await (const { key } of ended) for (const notify of this.endedListeners) notify(key);
      })().catch(() => undefined);
    }
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  async onModuleDestroy(): Promise<void> {
    await this.ended?.return?.();
  }

  get ttlMs(): number {
    return this.config.sessionTtlDays * 24 * 60 * 60 * 1000;
  }

  async create(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.query(`INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)`, [
      hashToken(token),
      userId,
      new Date(Date.now() + this.ttlMs),
    ]);
    return token;
  }

  /**
   * The actor behind a session token, extending the session when half its lifetime has passed.
   * With a `requestId` (the web's X-Request-Id: one page render makes several api calls), the
   * look-up is shared by the calls of that render for a moment; see {@link sharedWithinRequest}.
   */
  async resolve(token: string | undefined, requestId?: string): Promise<Actor | null> {
    if (!token || token.length > 100) return null;
    const tokenHash = hashToken(token);
    if (!requestId) return this.lookUp(tokenHash);
    return this.sharedWithinRequest(tokenHash, requestId);
  }

  /**
   * Look-ups keyed by request id and token hash, kept {@link SHARED_LOOKUP_MS}. The key holds the
   * token's hash, so a forged request id can only ever meet its own session; ending a session
   * forgets its entries at once. Bounded: the oldest go first.
   */
  private readonly shared = new Map<string, { at: number; tokenHash: string; actor: Promise<Actor | null> }>();

  private sharedWithinRequest(tokenHash: string, requestId: string): Promise<Actor | null> {
    const key = `${tokenHash}:${requestId}`;
    const now = Date.now();
    const known = this.shared.get(key);
    if (known && now - known.at < SHARED_LOOKUP_MS) return known.actor;
    const actor = this.lookUp(tokenHash);
    this.shared.delete(key);
    this.shared.set(key, { at: now, tokenHash, actor });
    // A failed look-up (database outage) is not kept: the next call asks again.
    actor.catch(() => this.shared.get(key)?.actor === actor && this.shared.delete(key));
    for (const [oldKey, entry] of this.shared) {
      if (this.shared.size <= SHARED_LOOKUPS_MAX && now - entry.at < SHARED_LOOKUP_MS) break;
      this.shared.delete(oldKey);
    }
    return actor;
  }

  private forget(tokenHash: string): void {
    for (const [key, entry] of this.shared) if (entry.tokenHash === tokenHash) this.shared.delete(key);
  }

  private async lookUp(tokenHash: string): Promise<Actor | null> {
    const rows: { id: string; role: Actor['role']; trust_level: number; suspended_until: Date | null; expires_at: Date }[] =
      await this.dataSource.query(
        `SELECT u.id, u.role, u.trust_level, u.suspended_until, s.expires_at
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > now()`,
        [tokenHash],
      );
    const row = rows[0];
    if (!row) return null;
    if (row.expires_at.getTime() - Date.now() < this.ttlMs / 2) {
      await this.dataSource.query(`UPDATE sessions SET expires_at = $2 WHERE token_hash = $1`, [
        tokenHash,
        new Date(Date.now() + this.ttlMs),
      ]);
    }
    return { id: row.id, role: row.role, trustLevel: row.trust_level, suspendedUntil: row.suspended_until };
  }

  /**
   * Ends every session of `userId` except the one of `keepToken` (the caller's); their open sockets are
   * closed like on sign-out. Returns how many ended.
   */
  async endOthers(userId: string, keepToken: string | undefined): Promise<number> {
    // For DELETE, TypeORM answers [rows, affectedCount].
    const [ended]: [{ token_hash: string }[], number] = await this.dataSource.query(
      `DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2 RETURNING token_hash`,
      [userId, keepToken ? hashToken(keepToken) : ''],
    );
    for (const { token_hash } of ended) {
      this.forget(token_hash);
      await this.live.publish(SESSION_ENDED, { key: keyOfHash(token_hash) });
    }
    return ended.length;
  }

  /** Ends a session; its open sockets (live updates) are closed by whoever listens through `onEnded`. */
  async destroy(token: string | undefined): Promise<void> {
    if (!token || token.length > 100) return;
    const tokenHash = hashToken(token);
    await this.dataSource.query(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash]);
    this.forget(tokenHash);
    await this.live.publish(SESSION_ENDED, { key: sessionKey(token) });
  }
}
