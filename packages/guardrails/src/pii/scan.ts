import { prefilter } from './prefilter.js';

/**
 * Running a costly pattern only where it can match. A pattern whose every match contains a cheap anchor (a postcode, a
 * digit word) close to its start is tried, sticky, at the positions just before each anchor instead of at every
 * character of the text. The matches are exactly those a global scan finds: leftmost first, not overlapping.
 */

/** The positions at most `width` characters before each anchor (and the anchor's own), in ascending order, each once. */
export function positionsBefore(anchors: readonly number[], width: number): number[] {
  const positions: number[] = [];
  let next = 0;
  for (const anchor of anchors) {
    for (let p = Math.max(next, anchor - width); p <= anchor; p++) positions.push(p);
    next = Math.max(next, anchor + 1);
  }
  return positions;
}

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** The positions not right after an ASCII letter or digit: where a pattern opening with `(?<![\p{L}\p{N}])` may still start. */
export function notAfterAsciiWord(text: string, positions: readonly number[]): number[] {
  return positions.filter((p) => !isAsciiLetterOrDigit(text.charCodeAt(p - 1)));
}

/** Where `anchor` (global) matches in `text`, in ascending order. */
export function anchorsOf(anchor: RegExp, text: string): number[] {
  const found: number[] = [];
  for (const m of text.matchAll(anchor)) found.push(m.index);
  return found;
}

/**
 * The matches of `sticky` that a global scan of `text` would find, given every position where one can start
 * (`starts`, ascending; more are fine, none may be missing).
 */
export function* matchesAt(sticky: RegExp, text: string, starts: readonly number[]): Generator<RegExpExecArray> {
  let from = 0;
  for (const p of starts) {
    if (p < from) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (!m) continue;
    yield m;
    from = m.index + Math.max(1, m[0].length);
  }
}

/** The first match of `sticky` that starts at one of `starts`, or null. */
export function firstAt(sticky: RegExp, text: string, starts: readonly number[]): RegExpExecArray | null {
  for (const m of matchesAt(sticky, text, starts)) return m;
  return null;
}

/**
 * A scan for `pattern` (global) with the same matches as `text.matchAll(pattern)`: where the pattern has a prefilter
 * (its alternatives' first characters), the pattern is tried only where that matched.
 */
export function scanner(pattern: RegExp): (text: string) => Iterable<RegExpExecArray> {
  const fast = prefilter(pattern);
  if (!fast) return (text) => text.matchAll(pattern);
  const sticky = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '') + 'y');
  return function* (text) {
    let from = 0;
    for (;;) {
      fast.lastIndex = from;
      const candidate = fast.exec(text);
      if (!candidate) return;
      sticky.lastIndex = candidate.index;
      const m = sticky.exec(text);
      if (m) yield m;
      from = m ? m.index + Math.max(1, m[0].length) : candidate.index + 1;
    }
  };
}
