import { lineAfter, lineBefore } from '../text.js';
import { findDates } from './dates.js';
import type { Candidate } from './types.js';

const CUE = /geb\.|geboren|geburts|dob\b|d\.o\.b|born|birth/gi;
/** A date is only a date of birth when the text says so, just before it ("geb. am", "DOB:") or just after ("… geboren"). */
const CUE_BEFORE =
  /(?:\bgeb\.|\bgeboren|geburtsdatum|\bgeb\.?-?datum|\bgeburtstag|\bdob\b|\bd\.o\.b\.|\bborn\b|date\s+of\s+birth|\bbirth\s?date|\bbirthday)[^.!?\n\d]{0,24}$/iu;
const CUE_AFTER = /^[\s,)]{0,3}(?:geboren|\(geb|born\b|\(dob|\(date of birth)/iu;
/** A birthday is a date of birth when it carries a year that lies far enough back. */
const WEAK_CUE = /(?:geburtstag|birthday)[^.!?\n\d]{0,24}$/iu;
const BEFORE = 48;
const AFTER = 24;
/** How far from a cue a date may start and still be tested against it. */
const REACH = 64;

export function detectDatesOfBirth(text: string, now = new Date()): Candidate[] {
  const thisYear = now.getFullYear();
  const found: Candidate[] = [];
  // Dates are only looked for around the words that make them dates of birth.
  const windows: [number, number][] = [];
  for (const cue of text.matchAll(CUE)) {
    const from = Math.max(0, cue.index - REACH);
    const to = cue.index + cue[0].length + REACH;
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else windows.push([from, to]);
  }
  for (const [from, to] of windows) {
    for (const date of findDates(text, from, to)) {
      if (date.year < 1900 || date.year > thisYear) continue;
      const before = lineBefore(text, date.start, BEFORE);
      const cued = CUE_BEFORE.test(before) || CUE_AFTER.test(lineAfter(text, date.end, AFTER));
      if (!cued || (WEAK_CUE.test(before) && date.year > thisYear - 10)) continue;
      found.push({ kind: 'dob', start: date.start, end: date.end, rule: 'dob' });
    }
  }
  return found;
}
