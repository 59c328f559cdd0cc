import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, isOpen, nextClosing, nextOpening } from './arithmetic.js';
import { formatClock } from './clock.js';
import type { OpeningHours, WeeklyWindow } from './types.js';

/*
 * The fast path (offset segments, window by window) against a brute-force oracle that asks Intl for
 * the wall clock of every single minute and checks it against the windows as written: a window
 * covers its start day from `start`, and, when it ends at or before its start, the next day until `end`.
 */

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/St_Johns',
  'America/Santiago',
  'America/Havana',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Beirut',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
];
const RANGE_START = Date.UTC(2024, 0, 1);
const RANGE_END = Date.UTC(2027, 11, 31);
/** How far the oracle walks, in minutes: it is slow on purpose. */
const ORACLE_SPAN = 2 * 1440;
/** Generous, so that a busy machine slows the oracle down without failing it (each property takes ~0.5 s alone). */
const PROPERTY_TIMEOUT_MS = 30_000;

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();
const WALL_CLOCK = /^(\w{3}), (\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2})$/;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Wall-clock date, weekday and minute of the day, parsed from Intl's plain en-US text (faster than formatToParts). */
function wallClock(timeZone: string, at: number): { date: string; weekday: number; minute: number } {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    const options = {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    } as const;
    format = new Intl.DateTimeFormat('en-US', options);
    wallClockFormats.set(timeZone, format);
  }
  const [, weekday, month, day, year, hour, minute] = WALL_CLOCK.exec(format.format(at))!;
  return { date: `${year}-${month}-${day}`, weekday: WEEKDAYS.indexOf(weekday!), minute: Number(hour) * 60 + Number(minute) };
}

const toMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));

function oracleIsOpen(hours: OpeningHours, at: number): boolean {
  const { date, weekday, minute } = wallClock(hours.timeZone, at);
  if (hours.holidays.includes(date)) return false;
  return hours.weekly.some((window) => {
    const [start, end] = [toMinutes(window.start), toMinutes(window.end)];
    if (end > start) return window.day === weekday && minute >= start && minute < end;
    return (window.day === weekday && minute >= start) || ((window.day + 1) % 7 === weekday && minute < end);
  });
}

/** Days (UTC midnights) within two days of an offset change, found by sampling the oracle's own wall clock. */
function daysNearTransitions(timeZone: string): number[] {
  const offset = (at: number) => {
    const { date, minute } = wallClock(timeZone, at);
    return Date.parse(`${date}T00:00Z`) + minute * MINUTE - at;
  };
  const days: number[] = [];
  for (let day = RANGE_START; day < RANGE_END; day += DAY) {
    if (offset(day) !== offset(day + DAY)) days.push(day - DAY, day, day + DAY);
  }
  return days.length > 0 ? days : [RANGE_START];
}
const NEAR_TRANSITIONS = new Map(ZONES.map((zone) => [zone, daysNearTransitions(zone)]));

const clock = fc.oneof(
  fc.integer({ min: 0, max: 1439 }),
  fc.integer({ min: 0, max: 95 }).map((quarter) => quarter * 15),
  fc.integer({ min: 0, max: 240 }), // the small hours, where DST happens
);
const windowArb: fc.Arbitrary<WeeklyWindow> = fc
  .record({ day: fc.integer({ min: 0, max: 6 }), start: clock, end: fc.oneof(clock, fc.constant(1440)) })
  .filter(({ start, end }) => start !== end)
  .map(({ day, start, end }) => ({ day, start: formatClock(start), end: formatClock(end) }));

/** A minute-aligned instant in 2024–2027, half of them within a couple of days of a DST change. */
const instantIn = (timeZone: string) =>
  fc.oneof(
    fc.integer({ min: RANGE_START / MINUTE, max: RANGE_END / MINUTE }).map((minute) => minute * MINUTE),
    fc
      .tuple(fc.constantFrom(...NEAR_TRANSITIONS.get(timeZone)!), fc.integer({ min: 0, max: 1439 }))
      .map(([day, minute]) => day + minute * MINUTE),
  );

/** A random calendar (overlaps allowed: they count as the union) and an instant; holidays land near the instant. */
const scenario = fc
  .constantFrom(...ZONES)
  .chain((timeZone) =>
    fc.record({
      timeZone: fc.constant(timeZone),
      weekly: fc.array(windowArb, { minLength: 1, maxLength: 6 }),
      holidayOffsets: fc.array(fc.integer({ min: -1, max: 6 }), { maxLength: 3 }),
      at: instantIn(timeZone),
    }),
  )
  .map(({ timeZone, weekly, holidayOffsets, at }) => {
    const holidays = holidayOffsets.map((days) => new Date(at + days * DAY).toISOString().slice(0, 10));
    return { hours: { timeZone, weekly, holidays } satisfies OpeningHours, at };
  });

describe('against the minute-by-minute oracle', () => {
  it(
    'isOpen agrees at any instant',
    () => {
      fc.assert(
        fc.property(scenario, fc.integer({ min: 0, max: MINUTE - 1 }), ({ hours, at }, within) => {
          expect(isOpen(hours, new Date(at + within))).toBe(oracleIsOpen(hours, at));
        }),
        { numRuns: 500 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'businessMinutesBetween counts the same open minutes',
    () => {
      fc.assert(
        fc.property(scenario, fc.integer({ min: 0, max: ORACLE_SPAN }), ({ hours, at }, minutes) => {
          let open = 0;
          for (let t = at; t < at + minutes * MINUTE; t += MINUTE) if (oracleIsOpen(hours, t)) open++;
          expect(businessMinutesBetween(hours, new Date(at), new Date(at + minutes * MINUTE))).toBe(open);
        }),
        { numRuns: 100 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'addBusinessMinutes ends where the oracle has counted that many open minutes',
    () => {
      fc.assert(
        fc.property(scenario, fc.integer({ min: 0, max: 600 }), ({ hours, at }, minutes) => {
          const due = addBusinessMinutes(hours, new Date(at), minutes).getTime();
          let open = 0;
          for (let t = at; t < at + ORACLE_SPAN * MINUTE; t += MINUTE) {
            if (!oracleIsOpen(hours, t)) continue;
            if (open === minutes) return void expect(due).toBe(t);
            open++;
            if (open === minutes) return void expect(due).toBe(t + MINUTE);
          }
          expect(due).toBeGreaterThanOrEqual(at + ORACLE_SPAN * MINUTE);
        }),
        { numRuns: 100 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'nextOpening and nextClosing find the first change of state',
    () => {
      fc.assert(
        fc.property(scenario, ({ hours, at }) => {
          const opening = nextOpening(hours, new Date(at))?.getTime() ?? Infinity;
          const closing = nextClosing(hours, new Date(at))?.getTime() ?? Infinity;
          let wasOpen = oracleIsOpen(hours, at - MINUTE);
          let [oracleOpening, oracleClosing] = [Infinity, Infinity];
          for (let t = at; t < at + ORACLE_SPAN * MINUTE && (oracleOpening === Infinity || oracleClosing === Infinity); t += MINUTE) {
            const open = oracleIsOpen(hours, t);
            if (open && !wasOpen) oracleOpening = Math.min(oracleOpening, t);
            if (!open && wasOpen && t > at) oracleClosing = Math.min(oracleClosing, t);
            wasOpen = open;
          }
          const horizon = at + ORACLE_SPAN * MINUTE;
          if (oracleOpening === Infinity) expect(opening).toBeGreaterThanOrEqual(horizon);
          else expect(opening).toBe(oracleOpening);
          if (oracleClosing === Infinity) expect(closing).toBeGreaterThanOrEqual(horizon);
          else expect(closing).toBe(oracleClosing);
        }),
        { numRuns: 80 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('invariants', () => {
  const anyInstant = fc.integer({ min: RANGE_START, max: RANGE_END });

  it(
    'between(start, add(start, m)) === m, and no sooner',
    () => {
      fc.assert(
        fc.property(scenario, anyInstant, fc.integer({ min: 0, max: 20_000 }), ({ hours }, start, minutes) => {
          const due = addBusinessMinutes(hours, new Date(start), minutes);
          expect(businessMinutesBetween(hours, new Date(start), due)).toBe(minutes);
          if (minutes > 0) expect(businessMinutesBetween(hours, new Date(start), new Date(due.getTime() - 1))).toBeLessThan(minutes);
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'addBusinessMinutes is monotonic in start and in minutes',
    () => {
      fc.assert(
        fc.property(scenario, anyInstant, anyInstant, fc.nat(5000), fc.nat(5000), ({ hours }, a, b, m, n) => {
          const [early, late] = a <= b ? [a, b] : [b, a];
          const [few, many] = m <= n ? [m, n] : [n, m];
          expect(addBusinessMinutes(hours, new Date(early), few).getTime()).toBeLessThanOrEqual(
            addBusinessMinutes(hours, new Date(late), few).getTime(),
          );
          expect(addBusinessMinutes(hours, new Date(early), few).getTime()).toBeLessThanOrEqual(
            addBusinessMinutes(hours, new Date(early), many).getTime(),
          );
        }),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'businessMinutesBetween adds up over consecutive ranges in any order, and is antisymmetric',
    () => {
      const near = (at: number) => fc.integer({ min: at - 20 * DAY, max: at + 20 * DAY });
      fc.assert(
        fc.property(
          scenario.chain((s) => fc.tuple(fc.constant(s.hours), near(s.at), near(s.at), near(s.at))),
          ([hours, a, b, c]) => {
            const between = (x: number, y: number) => businessMinutesBetween(hours, new Date(x), new Date(y));
            expect(between(a, c)).toBeCloseTo(between(a, b) + between(b, c), 9);
            expect(between(b, a)).toBe(-between(a, b) || 0);
            if (a <= c) expect(between(a, c)).toBeGreaterThanOrEqual(0);
          },
        ),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
