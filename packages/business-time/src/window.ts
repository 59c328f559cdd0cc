import { DAY_MINUTES, WEEK_MINUTES, parseClock } from './clock.js';
import type { WeeklyWindow } from './types.js';

/** A weekly window as minutes after Sunday 00:00: [start, end), where end may run past the week's end into Sunday. */
export interface WeekSpan {
  start: number;
  end: number;
}

export function isWeekday(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 6;
}

/** The span of a window from its parsed fields; an end equal to the start gives length 0. */
export function weekSpan(day: number, start: number, end: number): WeekSpan {
  const length = end > start ? end - start : end === start ? 0 : end + DAY_MINUTES - start;
  return { start: day * DAY_MINUTES + start, end: day * DAY_MINUTES + start + length };
}

/** Whether every field of a window is well-formed. */
export function isWellFormed(window: WeeklyWindow): boolean {
  return isWeekday(window.day) && parseClock(window.start, false) !== null && parseClock(window.end, true) !== null;
}

/** Whether two spans share any minute of the (circular) week. */
export function spansOverlap(a: WeekSpan, b: WeekSpan): boolean {
  return [-WEEK_MINUTES, 0, WEEK_MINUTES].some((shift) => Math.max(a.start, b.start + shift) < Math.min(a.end, b.end + shift));
}
