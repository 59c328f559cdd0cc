import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/**
 * Single-use, expiring links sent by e-mail (password reset, address confirmation, address change).
 * The one way such tokens are made: 32 random bytes, of which only a hash (salted with the purpose,
 * so a token of one purpose is worthless for another) is stored; using one closes every other open
 * token of the same purpose for that account.
 */
export type TokenPurpose = 'password-reset' | 'email-verify' | 'email-change';

export const TOKEN_TTL_MINUTES: Record<TokenPurpose, number> = {
  'password-reset': 60,
  'email-verify': 3 * 24 * 60,
  'email-change': 24 * 60,
};

type Manager = Pick<EntityManager, 'query'>;

const hashToken = (purpose: TokenPurpose, token: string): string =>
  createHash('sha256')
    .update(`${purpose}:${token.slice(0, 100)}`)
    .digest('hex');

/** A fresh token for the account (and, for an address change, the new address); only its hash is kept. */
export async function issueAccountToken(
  manager: Manager,
  purpose: TokenPurpose,
  userId: string,
  email: string | null = null,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await manager.query(
    `INSERT INTO account_tokens (token_hash, purpose, user_id, email, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))`,
    [hashToken(purpose, token), purpose, userId, email, TOKEN_TTL_MINUTES[purpose]],
  );
  return token;
}

export type TokenState = 'valid' | 'used' | 'expired' | 'invalid';

export interface FoundToken {
  state: TokenState;
  purpose: TokenPurpose;
  userId: string;
  email: string | null;
}

/**
 * Looks the token up among the given purposes and locks its row (call inside the transaction that
 * acts on it); `invalid` when it was never issued (tampered, cut off, or of another purpose).
 */
export async function findAccountToken(
  manager: Manager,
  purposes: TokenPurpose[],
  token: string,
): Promise<FoundToken | { state: 'invalid' }> {
  const [row]: { purpose: TokenPurpose; user_id: string; email: string | null; used: boolean; expired: boolean }[] = await manager.query(
    `SELECT purpose, user_id, email, used_at IS NOT NULL AS used, expires_at <= now() AS expired
     FROM account_tokens WHERE token_hash = ANY($1::varchar[]) FOR UPDATE`,
    [purposes.map((purpose) => hashToken(purpose, token))],
  );
  if (!row) return { state: 'invalid' };
  return {
    state: row.used ? 'used' : row.expired ? 'expired' : 'valid',
    purpose: row.purpose,
    userId: String(row.user_id),
    email: row.email,
  };
}

/** Marks the account's open tokens of that purpose used: the link just followed, and any older one. */
export async function closeAccountTokens(manager: Manager, purpose: TokenPurpose, userId: string): Promise<void> {
  await manager.query(`UPDATE account_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`, [
    userId,
    purpose,
  ]);
}
