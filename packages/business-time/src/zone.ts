import { DAY_MS, utcFromFields } from './clock.js';

/**
 * Time zone offsets, read from the platform's tz database through Intl.DateTimeFormat.
 *
 * Intl only answers "what does the wall clock show at this instant"; the offset is that wall-clock
 * reading minus the instant. To avoid a formatter call per question, the offsets of a UTC year are
 * memoized as a short list of transitions, found by sampling once a day and bisecting each change
 * to the second. That relies on tz transitions falling on whole seconds and on no offset lasting
 * less than a day: across all of Intl's zones for 2015–2035 the shortest-lived offset lasts four weeks.
 */

/** A stretch of instants [start, end) during which local wall-clock time = instant + offset (all in ms). */
export interface OffsetSegment {
  start: number;
  end: number;
  offset: number;
}

interface Transition {
  at: number;
  offset: number;
}

interface YearTable {
  end: number;
  /** The first transition is the year's start with the offset then in force. */
  transitions: Transition[];
}

const SAMPLE_MS = DAY_MS;
const LAST_YEAR = 275_759;
const MAX_CACHED_TABLES = 2_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const tables = new Map<string, YearTable>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows the zone (an IANA name such as 'Europe/Berlin', or 'UTC'). */
export function isKnownTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function measureOffset(timeZone: string, at: number): number {
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  const wallClock = utcFromFields(fields.year, fields.month, fields.day, fields.hour, fields.minute, fields.second);
  return wallClock - Math.floor(at / 1000) * 1000;
}

/** The first whole second in (before, after] that has `offset`, given that `after` has it and `before` does not. */
function bisectTransition(timeZone: string, before: number, after: number, offset: number): number {
  while (after - before > 1000) {
    const middle = before + Math.floor((after - before) / 2000) * 1000;
    if (measureOffset(timeZone, middle) === offset) after = middle;
    else before = middle;
  }
  return after;
}

function buildYearTable(timeZone: string, year: number): YearTable {
  const start = utcFromFields(year, 1, 1);
  const end = utcFromFields(year + 1, 1, 1);
  const transitions: Transition[] = [{ at: start, offset: measureOffset(timeZone, start) }];
  let previous = transitions[0]!.offset;
  // A year is a whole number of days, so the last sample is the next year's start.
  for (let at = start + SAMPLE_MS; at <= end; at += SAMPLE_MS) {
    const offset = measureOffset(timeZone, at);
    if (offset === previous) continue;
    const changeAt = bisectTransition(timeZone, at - SAMPLE_MS, at, offset);
    if (changeAt < end) transitions.push({ at: changeAt, offset });
    previous = offset;
  }
  return { end, transitions };
}

function yearTable(timeZone: string, year: number): YearTable {
  const key = `${timeZone}\u0000${year}`;
  let table = tables.get(key);
  if (!table) {
    if (tables.size >= MAX_CACHED_TABLES) tables.clear();
    table = buildYearTable(timeZone, year);
    tables.set(key, table);
  }
  return table;
}

/** Offset in ms (local wall clock minus UTC) in force at the instant `at`. */
export function offsetAt(timeZone: string, at: number): number {
  const { transitions } = yearTable(timeZone, new Date(at).getUTCFullYear());
  let i = transitions.length - 1;
  while (transitions[i]!.at > at) i--;
  return transitions[i]!.offset;
}

/** Local wall-clock time of an instant, as ms since 1970-01-01T00:00 local. */
export function toLocal(timeZone: string, at: number): number {
  return at + offsetAt(timeZone, at);
}

/** The constant-offset stretches of time from the one containing `from` onwards, in order. */
export function* offsetSegments(timeZone: string, from: number): Generator<OffsetSegment> {
  for (let year = new Date(from).getUTCFullYear(); year <= LAST_YEAR; year++) {
    const { end: yearEnd, transitions } = yearTable(timeZone, year);
    for (let i = 0; i < transitions.length; i++) {
      const { at: start, offset } = transitions[i]!;
      const end = transitions[i + 1]?.at ?? yearEnd;
      if (end > from) yield { start, end, offset };
    }
  }
}
