import { compileOpeningHours } from './calendar.js';
import { DAY_MS, MINUTE_MS, instantOf } from './clock.js';
import { openIntervals } from './intervals.js';
import type { OpeningHours } from './types.js';

/*
 * Business time is real elapsed time during the calendar's open wall-clock windows: a window
 * 01:00–04:00 in Europe/Berlin holds 180 minutes on most nights, 120 on the spring-forward night
 * and 240 on the fall-back night. Instants are half-open: a window 08:00–18:00 is open at 08:00
 * and closed at 18:00. Results are exact to the millisecond, so minutes may be fractional when
 * the instants passed in are not on whole minutes.
 */

/**
 * How far nextOpening/nextClosing look for a change past the last holiday: a weekly pattern shows
 * every change within a few weeks, so finding none in a year means the state never changes.
 */
const SEARCH_HORIZON_MS = 366 * DAY_MS;

function searchLimit(holidays: ReadonlySet<number>, from: number): number {
  let lastHoliday = 0;
  for (const day of holidays) lastHoliday = Math.max(lastHoliday, day);
  return Math.max(from, (lastHoliday + 2) * DAY_MS) + SEARCH_HORIZON_MS;
}

export function isOpen(hours: OpeningHours, at: Date): boolean {
  const from = instantOf(at);
  const first = openIntervals(compileOpeningHours(hours), from).next();
  return !first.done && first.value.start === from;
}

/** The first instant at or after `at` when the team opens (is closed just before, open from then on); null if it never does. */
export function nextOpening(hours: OpeningHours, at: Date): Date | null {
  const from = instantOf(at);
  const calendar = compileOpeningHours(hours);
  const limit = searchLimit(calendar.holidays, from);
  let previousEnd = -Infinity;
  // Start a millisecond early so that an open stretch reaching over `at` is seen as already open.
  for (const interval of openIntervals(calendar, from - 1)) {
    if (interval.start > limit) break;
    if (interval.start > previousEnd && interval.start >= from) return new Date(interval.start);
    previousEnd = interval.end;
  }
  return null;
}

/** The first instant after `at` when the team closes: the end of the open stretch containing `at`, or of the next one; null if it never closes. */
export function nextClosing(hours: OpeningHours, at: Date): Date | null {
  const from = instantOf(at);
  const calendar = compileOpeningHours(hours);
  const limit = searchLimit(calendar.holidays, from);
  let end: number | null = null;
  for (const interval of openIntervals(calendar, from)) {
    if (end !== null && interval.start > end) break;
    if (interval.start > limit) return null;
    end = interval.end;
  }
  return end === null ? null : new Date(end);
}

/**
 * The earliest instant by which `minutes` of open time have passed since `start`. Counting begins at
 * the next opening when `start` is outside opening hours, so 0 minutes gives the next open instant.
 * Throws a RangeError when the calendar has no open time at all.
 */
export function addBusinessMinutes(hours: OpeningHours, start: Date, minutes: number): Date {
  if (!Number.isSafeInteger(minutes) || minutes < 0) throw new RangeError(`minutes must be a non-negative integer, got ${minutes}`);
  let remaining = minutes * MINUTE_MS;
  for (const interval of openIntervals(compileOpeningHours(hours), instantOf(start))) {
    if (remaining <= interval.end - interval.start) return new Date(interval.start + remaining);
    remaining -= interval.end - interval.start;
  }
  throw new RangeError('The opening hours have no open time.');
}

/** Open minutes in [from, to); when `to` is before `from`, the negated open minutes in [to, from). */
export function businessMinutesBetween(hours: OpeningHours, from: Date, to: Date): number {
  const [start, end] = [instantOf(from), instantOf(to)];
  if (end < start) return -businessMinutesBetween(hours, to, from) || 0; // `|| 0`: an empty range is 0, not -0
  let open = 0;
  for (const interval of openIntervals(compileOpeningHours(hours), start)) {
    if (interval.start >= end) break;
    open += Math.min(interval.end, end) - interval.start;
  }
  return open / MINUTE_MS;
}
