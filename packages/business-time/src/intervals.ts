import type { Calendar } from './calendar.js';
import { DAY_MS, MINUTE_MS, weekdayOf } from './clock.js';
import { offsetSegments } from './zone.js';

/** A half-open stretch [start, end) of epoch milliseconds (or of local wall-clock milliseconds). */
export interface Interval {
  start: number;
  end: number;
}

/** Open local wall-clock intervals ending after `fromLocal`, day by day, holidays left out. */
function* localOpenIntervals(calendar: Calendar, fromLocal: number): Generator<Interval> {
  for (let day = Math.floor(fromLocal / DAY_MS); ; day++) {
    if (calendar.holidays.has(day)) continue;
    const midnight = day * DAY_MS;
    for (const [start, end] of calendar.daily[weekdayOf(day)]!) {
      if (midnight + end * MINUTE_MS > fromLocal) yield { start: midnight + start * MINUTE_MS, end: midnight + end * MINUTE_MS };
    }
  }
}

/**
 * The open instants at or after `from`, as sorted, disjoint intervals (neighbours may touch, e.g. at
 * midnight). An instant is open when its wall-clock time lies in a window on a non-holiday date, so
 * within each constant-offset segment the open instants are the open wall-clock intervals shifted
 * back by the offset. Wall-clock times skipped by a DST gap are never open; those repeated by a
 * DST overlap are open twice. Endless for a non-empty calendar; consumers stop when they have enough.
 */
export function* openIntervals(calendar: Calendar, from: number): Generator<Interval> {
  if (calendar.empty) return;
  for (const segment of offsetSegments(calendar.timeZone, from)) {
    const first = Math.max(segment.start, from);
    for (const local of localOpenIntervals(calendar, first + segment.offset)) {
      const start = Math.max(local.start - segment.offset, first);
      if (start >= segment.end) break;
      yield { start, end: Math.min(local.end - segment.offset, segment.end) };
    }
  }
}
