import type { SimilarQuestionFieldsFragment } from '#lib/graphql/generated.ts';

/**
 * Shared rules of the ask page's "maybe already answered" suggestions, for the server (first render,
 * no-JS preview) and the browser (live while typing) alike.
 */

/** The api's limit for a draft sent to `similarQuestions`. */
export const MAX_DRAFT_LENGTH = 5000;
/** The api suggests nothing for shorter drafts, so they are not sent. */
export const MIN_DRAFT_LENGTH = 3;
export const SUGGESTION_COUNT = 5;
/** Quiet time after the last keystroke before suggestions are fetched. */
export const SUGGESTION_DELAY_MS = 300;

/** The text to find similar threads for: the title, then the body; trimmed and within the api's limit. */
export function draftText(title: string, body: string): string {
  return [title.trim(), body.trim()].filter(Boolean).join('\n').slice(0, MAX_DRAFT_LENGTH);
}

const ASK_SESSION = /^[A-Za-z0-9_-]{8,64}$/;

/** One ask-page visit, as the api accepts it (8–64 of A–Z, a–z, 0–9, "-", "_"). */
export function isAskSession(value: unknown): value is string {
  return typeof value === 'string' && ASK_SESSION.test(value);
}

/** A fresh random visit id: no personal data, nothing derived from the person. */
export function newAskSession(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/** Suggestions for one draft text, as the server rendered them or the browser fetched them. */
export interface SuggestionList {
  /** The draft they were found for (see `draftText`). */
  text: string;
  items: SimilarQuestionFieldsFragment[];
}
