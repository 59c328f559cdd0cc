import { fieldError } from './errors';

/** A form's `clientMutationId`: null when absent, else 8–64 URL-safe characters (BAD_USER_INPUT otherwise). */
export function checkClientMutationId(key: string | null | undefined): string | null {
  if (key === null || key === undefined || key === '') return null;
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(key)) {
    throw fieldError('clientMutationId', 'invalid', 'clientMutationId must be 8–64 letters, digits, "-" or "_".');
  }
  return key;
}

/** True when a unique index rejected an insert (PostgreSQL 23505), optionally a specific one. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.code ?? e.driverError?.code;
  const name = e.constraint ?? e.driverError?.constraint;
  return code === '23505' && (constraint === undefined || name === constraint);
}

/**
 * A repeated or concurrent submit returns the first result: with a key, the record an earlier submit
 * made is returned as is; else `create` runs; and when a concurrent submit with the same key won the
 * race (the unique index `constraint` refuses this insert), its record is read and returned.
 * Without a key every call creates.
 */
export async function idempotentCreate<T>(
  key: string | null,
  options: {
    /** The unique index over (author, client_mutation_id). */
    constraint: string;
    /** The record an earlier submit with this key made, or null. */
    find: (key: string) => Promise<T | null>;
    create: () => Promise<T>;
  },
): Promise<T> {
  if (key) {
    const earlier = await options.find(key);
    if (earlier) return earlier;
  }
  try {
    return await options.create();
  } catch (error) {
    if (key && isUniqueViolation(error, options.constraint)) {
      const winner = await options.find(key);
      if (winner) return winner;
    }
    throw error;
  }
}
