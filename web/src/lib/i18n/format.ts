import type { Locale } from './locale.ts';

type DateInput = string | number | Date;

const SECOND = 1;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30.44 * DAY;
const YEAR = 365.25 * DAY;

function toTime(value: DateInput): number {
  return value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
}

/**
 * "3 days ago" / "vor 3 Tagen", "yesterday" / "gestern", "now" / "jetzt", relative to `now`.
 * Works for future dates too ("in 2 hours").
 */
export function formatRelativeTime(value: DateInput, now: number, locale: Locale): string {
  const time = toTime(value);
  if (!Number.isFinite(time)) return '';
  const format = relativeFormat(locale);

  const seconds = (time - now) / 1000;
  const abs = Math.abs(seconds);
  if (abs < 45 * SECOND) return format.format(0, 'second');
  if (abs < 45 * MINUTE) return format.format(Math.round(seconds / MINUTE), 'minute');
  if (abs < 22 * HOUR) return format.format(Math.round(seconds / HOUR), 'hour');
  if (abs < 30 * DAY) return format.format(Math.round(seconds / DAY), 'day');
  if (abs < 11 * MONTH) return format.format(Math.round(seconds / MONTH), 'month');
  return format.format(Math.round(seconds / YEAR), 'year');
}

/** Intl formatters are costly to build (a page shows hundreds of dates), so each is made once per locale. */
function cached<T>(make: (locale: Locale) => T): (locale: Locale) => T {
  const byLocale = new Map<Locale, T>();
  return (locale) => {
    let value = byLocale.get(locale);
    if (value === undefined) {
      value = make(locale);
      byLocale.set(locale, value);
    }
    return value;
  };
}

const dateFormat = cached((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }));
/** One formatter per locale and time zone: 24-hour clock in German, the zone named ("MEZ", "EST"). */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone}`;
  let format = dateTimeFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: locale === 'de' ? 'h23' : 'h12',
      timeZone,
      timeZoneName: 'short',
    });
    dateTimeFormats.set(key, format);
  }
  return format;
}
const numberFormat = cached((locale) => new Intl.NumberFormat(locale));
const relativeFormat = cached((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' }));

/** A calendar date such as "12 March 2026" / "12. März 2026". */
export function formatDate(value: DateInput, locale: Locale): string {
  const time = toTime(value);
  return Number.isFinite(time) ? dateFormat(locale).format(time) : '';
}

/**
 * The one way dates with a time are shown (due times, the audit log, call-back windows, tooltips):
 * in the reader's time zone (from the browser, see `readTimeZone`) or UTC, always labelled with the
 * zone, e.g. "Mar 12, 2026, 02:05 PM UTC" / "12. März 2026, 15:05 MEZ".
 */
export function formatDateTime(value: DateInput, locale: Locale, timeZone = 'UTC'): string {
  const time = toTime(value);
  return Number.isFinite(time) ? dateTimeFormat(locale, timeZone).format(time) : '';
}

/** The cookie in which the browser tells the server its time zone (set by the root layout). */
export const TIME_ZONE_COOKIE = 'pd_tz';

/** A time zone from that cookie when Intl knows it, else UTC (first visit, no JavaScript). */
export function readTimeZone(value: string | undefined | null): string {
  if (!value || value.length > 64) return 'UTC';
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}

export function formatNumber(value: number, locale: Locale): string {
  return numberFormat(locale).format(value);
}
