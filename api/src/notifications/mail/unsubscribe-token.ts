import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Unsubscribe links carry `userId.signature`: an HMAC over the purpose and the user, keyed with the
 * database's mail secret. Nothing else is needed to act on it (one click, no sign-in), and a changed
 * id, a cut signature or another installation's link does not verify.
 */
const PURPOSE = 'peerdesk-unsubscribe-v1';

function signature(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(`${PURPOSE}:${userId}`).digest('base64url').slice(0, 32);
}

export function unsubscribeToken(secret: string, userId: string): string {
  return `${userId}.${signature(secret, userId)}`;
}

/** The user the token was made for, or null when it is not one of ours. */
export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  const match = /^(\d{1,18})\.([\w-]{32})$/.exec(token);
  if (!match) return null;
  const [, userId, given] = match as unknown as [string, string, string];
  const expected = Buffer.from(signature(secret, userId));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? userId : null;
}
