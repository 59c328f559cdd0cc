import { hash, verify, type Options } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane.
// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot read).
const OPTIONS: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

const COMMON = new Set(
  [
    'password',
    'password1',
    'password12',
    'password123',
    'password1234',
    'passwort',
    'passwort123',
    'qwertzuiop',
    'qwertyuiop',
    '1234567890',
    '0123456789',
    '12345678910',
    '1234567891',
    'iloveyou123',
    'letmein123',
    'welcome123',
    'willkommen',
    'willkommen1',
    'administrator',
    'abcdefghij',
    'abc1234567',
    'qwerty1234',
    'qwertz1234',
    'asdfghjkl1',
    'sommer2024',
    'sommer2025',
    'sommer2026',
    'winter2025',
    'winter2026',
    'changeme123',
    'peerdesk123',
    'hallo12345',
    'football123',
    'baseball123',
    'trustno1234',
    'monkey12345',
    'dragon12345',
    'superman123',
    'starwars123',
    'passw0rd123',
    'p@ssw0rd123',
    '1q2w3e4r5t',
    '1qaz2wsx3edc',
    'zaq12wsxcde',
  ].map((p) => p.toLowerCase()),
);

/** Why a password is too weak, or null. `context` holds words the password must not simply repeat. */
export function passwordWeakness(password: string, context: string[] = []): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'This password is too common.';
  if (new Set(lower).size < 4) return 'Use more different characters.';
  if (/^(?:0123456789|1234567890|abcdefghijklmnopqrstuvwxyz)/.test(lower)) return 'Avoid simple sequences.';
  for (const word of context) {
    const w = word.toLowerCase().trim();
    if (w.length >= 4 && lower.includes(w) && lower.length - w.length < 4) return 'Do not base the password on your name or e-mail.';
  }
  return null;
}

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

/** A hash of nothing anybody types, with today's parameters: what unknown and imported accounts are checked against. */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // No account or no password (imported): the same argon2 verify runs against a dummy hash, so the
  // answer takes as long as for an existing account and timing does not reveal which addresses exist.
  const hashToCheck = passwordHash ?? (await (dummyHash ??= hash(`no account ${Math.random()}`, OPTIONS)));
  try {
    return (await verify(hashToCheck, password)) && passwordHash !== null;
  } catch {
    return false;
  }
}
