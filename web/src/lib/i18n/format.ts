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
const dateTimeFormat = cached(
  (locale) =>
    new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
      timeZoneName: 'short',
    }),
);
const numberFormat = cached((locale) => new Intl.NumberFormat(locale));
const relativeFormat = cached((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' }));

/** A calendar date such as "12 March 2026" / "12. März 2026". */
export function formatDate(value: DateInput, locale: Locale): string {
  const time = toTime(value);
  return Number.isFinite(time) ? dateFormat(locale).format(time) : '';
}

/** Date and time for tooltips, e.g. "Mar 12, 2026, 14:05 UTC". */
export function formatDateTime(value: DateInput, locale: Locale): string {
  const time = toTime(value);
  return Number.isFinite(time) ? dateTimeFormat(locale).format(time) : '';
}

export function formatNumber(value: number, locale: Locale): string {
  return numberFormat(locale).format(value);
}
