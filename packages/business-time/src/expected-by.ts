import { compileOpeningHours } from './calendar.js';
import { DAY_MS, MINUTE_MS, formatClock, instantOf } from './clock.js';
import { LABELS, type Locale } from './labels.js';
import type { OpeningHours } from './types.js';
import { toLocal } from './zone.js';

/**
 * A short promise of when `due` is, in the team's time zone, relative to `now`: "today 10:30",
 * "tomorrow 10:30", "Tue 10:30" within the coming week, else "Tue 14 Jan 10:30" (with the year when
 * it differs from now's). German: "heute, 10:30", "morgen, 10:30", "Di., 10:30", "Di., 14. Jan., 10:30".
 * A due time between minutes is rounded up, so the promise is never earlier than the commitment.
 */
export function formatExpectedBy(hours: OpeningHours, due: Date, now: Date, locale: Locale): string {
  const { timeZone } = compileOpeningHours(hours);
  const labels = LABELS[locale];
  const dueLocal = Math.ceil(toLocal(timeZone, instantOf(due)) / MINUTE_MS) * MINUTE_MS;
  const dueDate = new Date(dueLocal);
  const nowDate = new Date(toLocal(timeZone, instantOf(now)));
  const days = Math.floor(dueLocal / DAY_MS) - Math.floor(nowDate.getTime() / DAY_MS);
  const time = formatClock(dueDate.getUTCHours() * 60 + dueDate.getUTCMinutes());
  const separator = locale === 'de' ? ', ' : ' ';

  if (days === 0) return `${labels.today}${separator}${time}`;
  if (days === 1) return `${labels.tomorrow}${separator}${time}`;
  const weekday = labels.dateDays[dueDate.getUTCDay()]!;
  if (days > 1 && days < 7) return `${weekday}${separator}${time}`;

  const year = dueDate.getUTCFullYear() === nowDate.getUTCFullYear() ? '' : ` ${dueDate.getUTCFullYear()}`;
  const month = labels.months[dueDate.getUTCMonth()]!;
  const date = locale === 'de' ? `${dueDate.getUTCDate()}. ${month}${year}` : `${dueDate.getUTCDate()} ${month}${year}`;
  return `${weekday}${separator}${date}${separator}${time}`;
}
