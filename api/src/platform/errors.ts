import { IntrinsicException } from '@nestjs/common';

export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED';

/** A problem with one input field; `code` is stable for clients to translate, `message` is English. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/**
 * An expected failure with a stable code; the GraphQL error formatter maps it to `extensions`.
 * Intrinsic, so Nest does not log it as a crash: it is an answer, not a fault.
 */
export class DomainError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badInput = (fields: FieldError[]): DomainError =>
  new DomainError('BAD_USER_INPUT', fields.map((f) => f.message).join(' '), fields);
export const fieldError = (field: string, code: string, message: string): DomainError => badInput([{ field, code, message }]);
export const unauthenticated = (): DomainError => new DomainError('UNAUTHENTICATED', 'You need to sign in for this.');
export const forbidden = (message = 'You are not allowed to do this.'): DomainError => new DomainError('FORBIDDEN', message);
/** Also used where the record exists but may not be seen, so a denial reveals nothing. */
export const notFound = (what: string): DomainError => new DomainError('NOT_FOUND', `${what} not found.`);
export const conflict = (message: string): DomainError => new DomainError('CONFLICT', message);
export const rateLimited = (retryAfterSeconds: number): DomainError =>
  new DomainError('RATE_LIMITED', `Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, [], {
    retryAfterSeconds,
  });

/** Seconds a client should wait before retrying an UNAVAILABLE answer. */
export const RETRY_AFTER_SECONDS = 5;

// SQLSTATE class 08 (connection exception), 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now.
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123])$/;
const UNAVAILABLE_SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// node-postgres reports a lost connection without a code.
const UNAVAILABLE_MESSAGE = /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;

/**
 * Whether an error means the database cannot be reached right now (a restart after a crashed
 * backend, a network problem): the request may succeed when retried. Looks through TypeORM's
 * `driverError`, GraphQL's `originalError`, `cause` and aggregated errors.
 */
export function isUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const e = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    originalError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATE.test(e.code) || UNAVAILABLE_SOCKET.has(e.code))) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  const inner = [e.driverError, e.originalError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((cause) => cause !== error && isUnavailable(cause, depth + 1));
}

/** Collects field problems and throws them together, so a form shows every problem at once. */
export class InputCheck {
  private readonly problems: FieldError[] = [];

  add(field: string, code: string, message: string): this {
    this.problems.push({ field, code, message });
    return this;
  }

  /** Trims the value and checks its length; returns the trimmed text. */
  text(field: string, label: string, value: string | null | undefined, limits: { min: number; max: number }): string {
    const text = (value ?? '').trim();
    if (text.length === 0) this.add(field, 'required', `${label} is required.`);
    else if (text.length < limits.min) this.add(field, 'too_short', `${label} must be at least ${limits.min} characters.`);
    else if (text.length > limits.max) this.add(field, 'too_long', `${label} must be at most ${limits.max} characters.`);
    return text;
  }

  get valid(): boolean {
    return this.problems.length === 0;
  }

  assertValid(): void {
    if (!this.valid) throw badInput(this.problems);
  }
}
