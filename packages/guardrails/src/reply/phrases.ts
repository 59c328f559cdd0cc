import type { Locale } from './types.js';

/** A pattern of one language. */
export interface Phrase {
  locale: Locale;
  pattern: RegExp;
  /** Lower-case strings of which every match contains at least one: a cheap test that skips the pattern otherwise. */
  hints: readonly string[];
}

/** Case-insensitive; Unicode mode (slower) only where the pattern uses property classes. */
export function phrase(locale: Locale, hints: readonly string[], source: string, flags = 'gi'): Phrase {
  return { locale, pattern: new RegExp(source, source.includes('\\p{') ? flags + 'u' : flags), hints };
}

const hintPatterns = new WeakMap<readonly Phrase[], RegExp>();

/** All hints of a phrase list as one pattern, so the text is scanned once rather than once per hint. */
function hintPattern(phrases: readonly Phrase[]): RegExp {
  let pattern = hintPatterns.get(phrases);
  if (!pattern) {
    const hints = [...new Set(phrases.flatMap((p) => p.hints))].sort((a, b) => b.length - a.length);
    pattern = new RegExp(hints.map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
    hintPatterns.set(phrases, pattern);
  }
  return pattern;
}

/** The phrases of the draft's language (or of both when it is not known) that can match `text` at all. */
export function phrasesFor(phrases: readonly Phrase[], locale: Locale | undefined, text?: string): Phrase[] {
  const present = text === undefined ? null : new Set(text.match(hintPattern(phrases))?.map((h) => h.toLowerCase()));
  return phrases.filter(
    (p) => (!locale || p.locale === locale) && (!present || p.hints.length === 0 || p.hints.some((h) => present.has(h))),
  );
}
