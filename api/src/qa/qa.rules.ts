import { DomainError } from '../platform/errors';
import { toSlug } from '../platform/slug';

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

/** A readable URL slug for a question title. */
export function slugify(title: string): string {
  return toSlug(title, 80) || 'question';
}

/** Normalizes tag input: lower-case, trimmed, de-duplicated, in the order given. */
export function normalizeTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
}
