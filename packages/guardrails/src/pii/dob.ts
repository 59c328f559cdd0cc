import { lineAfter, lineBefore } from '../text.js';
import { findDates } from './dates.js';
import { scanner } from './scan.js';
import type { Candidate } from './types.js';

/** A "\\b" before a word, written as the look-behind it means here (so that the scan's prefilter can skip it). */
const WORD_START = String.raw`(?<![A-Za-z0-9_\u017F\u212A])`;
const CUE = new RegExp(
  String.raw`(?<!\*)\*(?=\d)|(?<![\p{L}.])b\.(?=\s?\d)|gebdat|geb\.|${WORD_START}geb\b|geboren|geburts|dob\b|d\.o\.b|born|birth|jahrgang|${WORD_START}jg\.|b-?day|zur\swelt|der\swelt|wiegenfest|baujahr|\d\sbaby`,
  'giu',
);
const cues = scanner(CUE);
/**
 * A date is only a date of birth when the text says so, just before it ("geb. am", "DOB:", the genealogical star
 * "*12.3.1960", whose it is: "Geburtsdatum der Kontoinhaberin (meine Mutter): …") or just after ("… geboren").
 */
const CUE_BEFORE =
  /(?:\bgebdat\.?|\bgeb\.|\bgeboren|geburtsdat(?:um|en)|\bgeb\.-dat\.|\bgeb\.?-?datum|\bgeburtstag|\bdob\b|\bd\.o\.b\b\.?|\bborn\b|date\s+of\s+birth|\bbirth\s?date|\bbirthday|\bwiegenfest|\bgeb\b|\bb-?day|\bich\s?\(?baujahr|\bbin\s(?:ein\s)?baujahr)(?:\s(?:der|des|vom|von|of)\s\p{L}{2,30})?(?:\s?\([^()\n]{1,40}\))?[^.!?\n\d]{0,32}$/iu;
/** A form's label on the line above its value: "Geburtsdatum\n03.04.1985". */
const LABEL_LINE_ABOVE =
  /(?:geburtsdat(?:um|en)|\bgeb\.?-?dat(?:um|\.)|\bgeboren(?:\sam)?|date\s+of\s+birth|\bdob|\bd\.o\.b\.?|\bbirth\s?date)\s?(?:\([^()\n]{1,16}\))?\s?:?[^\S\n]*\n[^\S\n]*$/iu;
/** The star right before the date, not a markdown bullet or bold: "Jonas *3.4.1961", "(*1958-02-11)". */
const STAR_BEFORE = /(?:^|[\s([])\*$/;
/** "Jahrgang 57, genauer 17.09.1957": the birth year names the date that carries it. */
const BIRTH_YEAR_BEFORE = /(?:(?:\bjahrgang|\bjg\.)\s?(?:19|20)?(\d\d)\b|\b(?:19|20)(\d\d)(?:er)?[\s-]baby\b)[^.!?\n\d]{0,24}$/iu;
/** "b. 1 Feb 1969": the abbreviation right before the date. */
const BORN_ABBREVIATION = /(?:^|[\s(,;])b\.\s?$/u;
// A birth place may come between: "am 03.04.1985 in Ulm geboren", "… in Bad Homburg geboren".
const CUE_AFTER =
  /^[\s,)]{0,3}(?:(?:in|im|bei|zu)\s\p{Lu}[\p{L}-]{1,30}(?:\s\p{Lu}[\p{L}-]{1,30})?\s)?(?:geboren|\(geb|born\b|\(dob|\(date of birth|zur\swelt(?:\sgekommen)?(?!\p{L})|(?:das\s)?licht\sder\swelt)/iu;
/** "hab am 21.3.1985 Geburtstag": a birthday right after a date that lies far enough back. */
const WEAK_CUE_AFTER = /^\s{0,2}(?:geburtstag|birthday|wiegenfest)(?!\p{L})/iu;
/** A birthday is a date of birth when it carries a year that lies far enough back. */
const WEAK_CUE = /(?:geburtstag|birthday|wiegenfest)[^.!?\n\d]{0,32}$/iu;
const BEFORE = 64;
const AFTER = 24;
/** How far from a cue a date may start and still be tested against it. */
const REACH = 64;
/** A further date right after a date of birth is one too when joined as a list or with a relative: "… and my son's: …". */
const NEXT_BIRTH_DATE =
  /^(?:\s?\([^()\n]{0,24}\))?[\s,;/&:+-]{0,4}(?:(?:and|und|sowie|plus|my|mein(?:e[rs]?)?|his|her|their|sein(?:e[rs]?)?|ihr(?:e[rs]?)?|die|der|des|von|of|for|für|the|son'?s?|daughter'?s?|wife'?s?|husband'?s?|partner'?s?|child'?s?|kid'?s?|children|kids|sohn(?:e?s)?|tochter|frau|mann(?:e?s)?|kind(?:e?s)?|kinder|partner(?:in)?|mutter|vater|mother'?s?|father'?s?|sister'?s?|brother'?s?|schwester|bruder(?:s)?|mine|meins|meiner|ours|hers|ist|is|am|on|geb\.?|born)[\s,;:'’]{0,3}){0,6}$/iu;
const NOT_BIRTH =
  /termin|appointment|since|seit|\bbis\b|until|rechnung|invoice|liefer|deliver|gültig|valid|expir|ablauf|vertrag|contract|zähler|meter/i;
const NEXT_REACH = 80;
/** A date something was founded, opened or started on is no one's birth date ("Happy birthday, forum – founded 14 May 2014"). */
const FOUNDED_BEFORE = /(?:founded|gegründet|established|launched|eröffnet|opened|started|gestartet)\s(?:on\s|am\s|im\s|in\s)?$/iu;
/** A birth date corrected right after a wrong one: "… changed my date of birth to 01/01/1900, it should be 1990-07-22". */
const CORRECTED_TO =
  /^(?:\s\p{L}{1,10}){0,2}[\s,;–-]{0,4}(?:but\s|aber\s|und\s|and\s)?(?:it\s|es\s)?(?:should\sbe|is\sactually|correct(?:ly)?\s(?:is|would\sbe)|richtig\s(?:ist|wäre)|korrekt\s(?:ist|wäre)|sollte\s(?:aber\s)?sein|muss\s(?:aber\s)?)[\s:]{0,3}(?:der\s|the\s)?$/iu;

/** A date written without separators right after a birth-date label: "GebDat 010290", "DOB: 23111984". */
const COMPACT_AFTER_LABEL =
  /(?:\bgebdat\.?|\bgeb\.?-?dat(?:um|\.)?|geburtsdatum|\bdob|\bd\.o\.b\.?|date\sof\sbirth|\bbirth\s?date)\s?:?\s{0,2}(\d{6}|\d{8})(?![\d.,/-]?\d)/giu;

export function detectDatesOfBirth(text: string, now = new Date()): Candidate[] {
  const thisYear = now.getFullYear();
  const found: Candidate[] = [];
  // Dates are only looked for around the words that make them dates of birth.
  const windows: [number, number][] = [];
  for (const cue of cues(text)) {
    const from = Math.max(0, cue.index - REACH);
    const to = cue.index + cue[0].length + REACH + NEXT_REACH;
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else windows.push([from, to]);
  }
  // The end of the last date named as a birth date, kept even when it was rejected as a placeholder (01.01.1900).
  let lastCued = -1;
  for (const [from, to] of windows) {
    for (const date of findDates(text, from, to)) {
      if (date.year < 1900 || date.year > thisYear) continue;
      const before = lineBefore(text, date.start, BEFORE);
      if (FOUNDED_BEFORE.test(before)) continue;
      const birthYear = BIRTH_YEAR_BEFORE.exec(before);
      const birthYearDigits = birthYear?.[1] ?? birthYear?.[2];
      const cued =
        CUE_BEFORE.test(before) ||
        (before.trim() === '' && LABEL_LINE_ABOVE.test(text.slice(Math.max(0, date.start - 40), date.start))) ||
        BORN_ABBREVIATION.test(before) ||
        STAR_BEFORE.test(before) ||
        CUE_AFTER.test(lineAfter(text, date.end, AFTER)) ||
        (birthYearDigits !== undefined && date.year % 100 === Number(birthYearDigits)) ||
        (WEAK_CUE_AFTER.test(lineAfter(text, date.end, AFTER)) && date.year <= thisYear - 10) ||
        (lastCued >= 0 && date.start - lastCued <= 40 && CORRECTED_TO.test(text.slice(lastCued, date.start)));
      if (cued) lastCued = date.end;
      // 1 January 1900 is the null date forms fill in, no one's birthday.
      if (date.year === 1900) continue;
      const previous = found[found.length - 1];
      const between = previous && date.start - previous.end <= NEXT_REACH ? text.slice(previous.end, date.start) : null;
      const listed = between !== null && NEXT_BIRTH_DATE.test(between) && !NOT_BIRTH.test(between);
      if ((!cued && !listed) || (cued && WEAK_CUE.test(before) && date.year > thisYear - 10)) continue;
      found.push({ kind: 'dob', start: date.start, end: date.end, rule: 'dob' });
    }
  }
  if (windows.length > 0)
    for (const m of text.matchAll(COMPACT_AFTER_LABEL)) {
      const digits = m[1]!;
      const year = digits.length === 8 ? Number(digits.slice(4)) : 0;
      if (
        Number(digits.slice(0, 2)) < 1 ||
        Number(digits.slice(0, 2)) > 31 ||
        Number(digits.slice(2, 4)) < 1 ||
        Number(digits.slice(2, 4)) > 12
      )
        continue;
      if (digits.length === 8 && (year < 1901 || year > thisYear)) continue;
      const start = m.index + m[0].length - digits.length;
      if (!found.some((c) => start < c.end && c.start < start + digits.length))
        found.push({ kind: 'dob', start, end: start + digits.length, rule: 'dob' });
    }
  return found;
}
