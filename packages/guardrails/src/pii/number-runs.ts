import { isDigitCode, isWordChar } from '../text.js';

export interface DigitGroup {
  start: number;
  end: number;
}

/** A run of digit groups joined by short separators, e.g. "+49 (0)30 123456-78" or "4111.1111.1111.1111". */
export interface NumberRun {
  /** Includes a leading '+' or '('. */
  start: number;
  end: number;
  groups: DigitGroup[];
  /** Separator text between groups[i] and groups[i + 1]. */
  separators: string[];
  plus: boolean;
  /** Touches a word on the left or right: part of a larger token such as FW-3000X, E-1042, 0x80070005 or v2.4.13. */
  gluedLeft: boolean;
  gluedRight: boolean;
}

const MAX_SEPARATOR = 3;

function isSeparatorChar(ch: string | undefined): boolean {
  return ch === ' ' || ch === '.' || ch === '-' || ch === '/' || ch === '(' || ch === ')' || ch === '\t' || ch === '\n' || ch === '\r';
}

/**
 * At most one visible separator (".", "-", "/") or line break between groups, padded by spaces or parentheses:
 * " / ", "-", ") ", "\n" (a number wrapped onto the next line).
 */
function isJoiningSeparator(sep: string): boolean {
  let marks = 0;
  let spaces = 0;
  for (const ch of sep) {
    if (ch === '.' || ch === '-' || ch === '/' || ch === '\n') marks++;
    else if (ch === ' ' || ch === '\t') spaces++;
  }
  return marks <= 1 && spaces < 3;
}

function gluedBefore(text: string, start: number): boolean {
  const prev = text[start - 1];
  if (isWordChar(prev)) return true;
  return (prev === '-' || prev === '/' || prev === '_') && isWordChar(text[start - 2]);
}

/** Fewer digits than this make neither a phone nor a card number. */
const MIN_DIGITS = 7;

/** Finds the number runs with at least seven digits, in one linear pass. */
export function numberRuns(text: string): NumberRun[] {
  const runs: NumberRun[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigitCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let start = i;
    if (text[start - 1] === '(') start--;
    if (text[start - 1] === '+') start--;
    const groups: DigitGroup[] = [];
    const separators: string[] = [];
    let j = i;
    for (;;) {
      const groupStart = j;
      while (j < n && isDigitCode(text.charCodeAt(j))) j++;
      groups.push({ start: groupStart, end: j });
      let k = j;
      while (k < n && k - j < MAX_SEPARATOR && isSeparatorChar(text[k])) k++;
      if (k === j || k >= n || !isDigitCode(text.charCodeAt(k))) break;
      const separator = text.slice(j, k);
      if (!isJoiningSeparator(separator)) break;
      separators.push(separator);
      j = k;
    }
    i = j;
    if (digitCount(groups) < MIN_DIGITS) continue;
    runs.push({
      start,
      end: j,
      groups,
      separators,
      plus: text[start] === '+',
      gluedLeft: gluedBefore(text, start),
      gluedRight: isWordChar(text[j]),
    });
  }
  return runs;
}

export function digitsOf(text: string, groups: readonly DigitGroup[]): string {
  return groups.map((g) => text.slice(g.start, g.end)).join('');
}

export function digitCount(groups: readonly DigitGroup[]): number {
  let count = 0;
  for (const g of groups) count += g.end - g.start;
  return count;
}

export function hasLineBreak(separator: string): boolean {
  return separator.includes('\n');
}

/** The parts of a run between line breaks: for kinds that are never wrapped (phone numbers), each line on its own. */
export function splitAtLineBreaks(text: string, run: NumberRun): NumberRun[] {
  if (!run.separators.some(hasLineBreak)) return [run];
  const parts: NumberRun[] = [];
  let from = 0;
  for (let i = 0; i <= run.separators.length; i++) {
    if (i < run.separators.length && !hasLineBreak(run.separators[i]!)) continue;
    const groups = run.groups.slice(from, i + 1);
    if (digitCount(groups) >= MIN_DIGITS) {
      const first = from === 0;
      const last = i === run.separators.length;
      let start = groups[0]!.start;
      if (first) start = run.start;
      else if (text[start - 1] === '(') start--;
      parts.push({
        start,
        end: groups[groups.length - 1]!.end,
        groups,
        separators: run.separators.slice(from, i),
        plus: first && run.plus,
        gluedLeft: first && run.gluedLeft,
        gluedRight: last && run.gluedRight,
      });
    }
    from = i + 1;
  }
  return parts;
}
