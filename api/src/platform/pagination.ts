import { fieldError } from './errors';

export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | null | undefined, fallback: number): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw fieldError('first', 'invalid', `first must be between 1 and ${MAX_PAGE_SIZE}.`);
  }
  return size;
}

/** Opaque keyset cursor: the sort key values of the last row. */
export function encodeCursor(values: (string | number | boolean | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, arity: number): (string | number | boolean | null)[] | null {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity) return values as (string | number | boolean | null)[];
  } catch {
    // fall through to the error below
  }
  throw fieldError('after', 'invalid', 'The cursor is not valid; start again from the first page.');
}

export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
}

/** Rows were fetched with `limit size + 1`; the extra row only tells whether another page exists. */
export function toPage<T>(rows: T[], size: number): Page<T> {
  return { nodes: rows.slice(0, size), hasNextPage: rows.length > size };
}
