import { error } from '@sveltejs/kit';
import { isApiError } from './api.ts';

/**
 * Runs an api call for a page about one record: an unknown or malformed id becomes the 404
 * page instead of an error page. Other failures go on to `handleError`.
 */
export async function orNotFound<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (cause) {
    if (isApiError(cause, 'NOT_FOUND') || isApiError(cause, 'BAD_USER_INPUT')) error(404, 'Not found');
    throw cause;
  }
}

/** A fresh idempotency key for one rendered create form. */
export function newMutationId(): string {
  return crypto.randomUUID();
}
