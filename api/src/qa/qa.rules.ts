import { DomainError, fieldError, notFound } from '../platform/errors';

/** Lengths after trimming. Documented in the README; the web shows the same limits. */
export const LIMITS = {
  title: { min: 10, max: 150 },
  questionBody: { min: 20, max: 20_000 },
  answerBody: { min: 10, max: 20_000 },
  comment: { min: 5, max: 600 },
  tagsPerQuestion: 5,
} as const;

/**
 * A locked thread takes no answers, comments or acceptances: a CONFLICT that says so, with the
 * stable field code `locked` for clients to translate (not "it changed, reload the page").
 */
export function lockedThread(): DomainError {
  const message = 'This thread is locked by a moderator: it takes no new answers or comments.';
  return new DomainError('CONFLICT', message, [{ field: 'questionId', code: 'locked', message }]);
}

const ID = /^[1-9]\d{0,17}$/;

/** Ids are positive bigints; anything else cannot name a record, so it is simply not found. */
export function parseId(id: string | null | undefined, what: string): string {
  if (!id || !ID.test(id)) throw notFound(what);
  return id;
}

export function isId(id: string | null | undefined): id is string {
  return !!id && ID.test(id);
}

export function checkClientMutationId(key: string | null | undefined): string | null {
  if (key === null || key === undefined || key === '') return null;
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(key)) {
    throw fieldError('clientMutationId', 'invalid', 'clientMutationId must be 8–64 letters, digits, "-" or "_".');
  }
  return key;
}

/** Lower-case ASCII words joined by dashes (umlauts transliterated), at most `maxLength` characters. */
export function toSlug(text: string, maxLength: number): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

/** A readable URL slug for a question title. */
export function slugify(title: string): string {
  return toSlug(title, 80) || 'question';
}

/** Normalizes tag input: lower-case, trimmed, de-duplicated, in the order given. */
export function normalizeTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
}

/** True when a unique index rejected an insert (PostgreSQL 23505), optionally a specific one. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.code ?? e.driverError?.code;
  const name = e.constraint ?? e.driverError?.constraint;
  return code === '23505' && (constraint === undefined || name === constraint);
}
