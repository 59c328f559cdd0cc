import { LABELS, type Locale } from './labels.js';
import type { OpeningHours } from './types.js';
import { isWellFormed } from './window.js';

const MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0];

/**
 * The weekly hours in one line, e.g. "Mon–Fri 08:00–18:00; Sat 10:00–14:00 (Europe/Berlin)".
 * Windows are listed under the day they start on; consecutive days (Monday first) with the same
 * windows are grouped. Holidays are not listed.
 */
export function describeOpeningHours(hours: OpeningHours, locale: Locale): string {
  const labels = LABELS[locale];
  const times = MONDAY_FIRST.map((day) =>
    hours.weekly
      .filter((window) => window.day === day && isWellFormed(window))
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((window) => `${window.start}–${window.end}`)
      .join(', '),
  );

  const groups: string[] = [];
  for (let i = 0; i < MONDAY_FIRST.length;) {
    let last = i;
    while (last + 1 < MONDAY_FIRST.length && times[last + 1] === times[i]) last++;
    if (times[i]) {
      const first = labels.days[MONDAY_FIRST[i]!];
      const days = last > i ? `${first}–${labels.days[MONDAY_FIRST[last]!]}` : first;
      groups.push(`${days} ${times[i]}${labels.clockSuffix}`);
    }
    i = last + 1;
  }
  return `${groups.length > 0 ? groups.join('; ') : labels.closed} (${hours.timeZone})`;
}
