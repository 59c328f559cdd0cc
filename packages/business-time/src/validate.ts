import { parseClock, parseLocalDate } from './clock.js';
import type { OpeningHours, Problem, WeeklyWindow } from './types.js';
import { isWeekday, spansOverlap, weekSpan, type WeekSpan } from './window.js';
import { isKnownTimeZone } from './zone.js';

/** What one pass over an OpeningHours value finds: its problems, and the parts that are sound. */
export interface Inspection {
  problems: Problem[];
  /** Well-formed windows of non-zero length. */
  spans: WeekSpan[];
  /** Day numbers of the valid holiday dates. */
  holidays: number[];
}

/**
 * Every problem of an OpeningHours value, each with a stable code and the path of its field.
 * Tolerates values of the wrong type (they come from user input), reporting them instead of throwing.
 */
export function validateOpeningHours(hours: OpeningHours): Problem[] {
  return inspectOpeningHours(hours).problems;
}

export function inspectOpeningHours(hours: OpeningHours): Inspection {
  const problems: Problem[] = [];
  if (!isKnownTimeZone(hours.timeZone)) {
    problems.push({ field: 'timeZone', code: 'unknown_time_zone', message: `"${String(hours.timeZone)}" is not a known IANA time zone.` });
  }

  const weekly: unknown[] = Array.isArray(hours.weekly) ? hours.weekly : [];
  if (weekly.length === 0) problems.push({ field: 'weekly', code: 'no_windows', message: 'Add at least one opening window.' });

  const spans: WeekSpan[] = [];
  const spanIndexes: number[] = [];
  weekly.forEach((value, index) => {
    const window = (value ?? {}) as WeeklyWindow;
    const field = `weekly.${index}`;
    const [start, end] = [parseClock(window.start, false), parseClock(window.end, true)];
    if (!isWeekday(window.day)) {
      problems.push({ field: `${field}.day`, code: 'invalid_day', message: 'Day must be 0 (Sunday) to 6 (Saturday).' });
    }
    if (start === null)
      problems.push({ field: `${field}.start`, code: 'invalid_time', message: 'Start must be a time from 00:00 to 23:59.' });
    if (end === null) problems.push({ field: `${field}.end`, code: 'invalid_time', message: 'End must be a time from 00:00 to 24:00.' });
    if (!isWeekday(window.day) || start === null || end === null) return;

    const span = weekSpan(window.day, start, end);
    if (span.end === span.start) {
      problems.push({ field, code: 'zero_length_window', message: 'Start and end are the same; use 00:00–24:00 for a whole day.' });
      return;
    }
    spans.forEach((other, i) => {
      if (spansOverlap(other, span))
        problems.push({ field, code: 'overlapping_windows', message: `Overlaps window ${spanIndexes[i]! + 1}.` });
    });
    spans.push(span);
    spanIndexes.push(index);
  });

  const holidays: number[] = [];
  const dates: unknown[] = Array.isArray(hours.holidays) ? hours.holidays : [];
  dates.forEach((date, index) => {
    const day = parseLocalDate(date);
    if (day === null) {
      problems.push({ field: `holidays.${index}`, code: 'invalid_holiday', message: 'Holiday must be a real date written YYYY-MM-DD.' });
    } else {
      holidays.push(day);
    }
  });
  return { problems, spans, holidays };
}
