import { DAY_MINUTES } from './clock.js';
import type { OpeningHours, Problem, ProblemCode } from './types.js';
import { inspectOpeningHours } from './validate.js';

/** Opening hours prepared for arithmetic. */
export interface Calendar {
  timeZone: string;
  /** Open [start, end) minutes of each weekday (0 = Sunday): sorted, disjoint, not touching; overnight windows are split at midnight. */
  daily: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  /** Day numbers (days since 1970-01-01) of the local holiday dates. */
  holidays: ReadonlySet<number>;
  /** True when no weekday has any open minute. */
  empty: boolean;
}

/** Thrown by the arithmetic functions for opening hours they cannot compute with. */
export class InvalidOpeningHoursError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    super(`Invalid opening hours: ${problems.map((p) => `${p.field}: ${p.message}`).join(' ')}`);
    this.name = 'InvalidOpeningHoursError';
    this.problems = problems;
  }
}

/**
 * Problems that leave no meaning to compute with. The others are tolerated: overlapping windows
 * count as their union, zero-length windows as nothing, and an empty calendar is never open.
 */
const FATAL: ReadonlySet<ProblemCode> = new Set(['unknown_time_zone', 'invalid_day', 'invalid_time', 'invalid_holiday']);

export function compileOpeningHours(hours: OpeningHours): Calendar {
  const { problems, spans, holidays } = inspectOpeningHours(hours);
  const fatal = problems.filter((problem) => FATAL.has(problem.code));
  if (fatal.length > 0) throw new InvalidOpeningHoursError(fatal);

  const pieces: [number, number][][] = [[], [], [], [], [], [], []];
  for (const span of spans) {
    for (let at = span.start; at < span.end;) {
      const day = Math.floor(at / DAY_MINUTES);
      const end = Math.min(span.end, (day + 1) * DAY_MINUTES);
      pieces[day % 7]!.push([at - day * DAY_MINUTES, end - day * DAY_MINUTES]);
      at = end;
    }
  }
  const daily = pieces.map(mergeRanges);
  return { timeZone: hours.timeZone, daily, holidays: new Set(holidays), empty: daily.every((ranges) => ranges.length === 0) };
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
