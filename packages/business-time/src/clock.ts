export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
export const DAY_MINUTES = 1440;
export const WEEK_MINUTES = 7 * DAY_MINUTES;

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after midnight of an 'HH:MM' time, or null when malformed; '24:00' only when `allowEndOfDay`. */
export function parseClock(value: unknown, allowEndOfDay: boolean): number | null {
  if (typeof value !== 'string') return null;
  if (value === '24:00') return allowEndOfDay ? DAY_MINUTES : null;
  const match = CLOCK.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** 'HH:MM' for minutes after midnight (1440 gives '24:00'). */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of a real calendar date 'YYYY-MM-DD', or null. */
export function parseLocalDate(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = LOCAL_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** Days since 1970-01-01 of a proleptic Gregorian date, month 1–12 (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** Epoch milliseconds of wall-clock fields read as UTC, month 1–12 (unlike Date.UTC, years 0–99 stay as they are). */
export function utcFromFields(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
}

/** Weekday (0 = Sunday) of a day number; 1970-01-01 was a Thursday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Epoch milliseconds of a Date, refusing an Invalid Date. */
export function instantOf(date: Date): number {
  const at = date.getTime();
  if (Number.isNaN(at)) throw new RangeError('Invalid Date');
  return at;
}
