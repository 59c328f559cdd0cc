import { describe, expect, it } from 'vitest';
import { describeOpeningHours } from './describe.js';
import type { OpeningHours, WeeklyWindow } from './types.js';

const hours = (weekly: WeeklyWindow[], timeZone = 'Europe/Berlin'): OpeningHours => ({ timeZone, weekly, holidays: [] });
const daily = (days: number[], start: string, end: string): WeeklyWindow[] => days.map((day) => ({ day, start, end }));

describe('describeOpeningHours', () => {
  it('groups consecutive days with the same windows', () => {
    const office = hours(daily([1, 2, 3, 4, 5], '08:00', '18:00'));
    expect(describeOpeningHours(office, 'en')).toBe('Mon–Fri 08:00–18:00 (Europe/Berlin)');
    expect(describeOpeningHours(office, 'de')).toBe('Mo–Fr 08:00–18:00 Uhr (Europe/Berlin)');
  });

  it('lists several windows per day in time order and breaks groups where the windows differ', () => {
    const split = hours([
      ...daily([1, 2, 3, 4], '13:00', '17:00'),
      ...daily([1, 2, 3, 4], '08:00', '12:00'),
      { day: 5, start: '08:00', end: '14:00' },
      { day: 6, start: '10:00', end: '14:00' },
    ]);
    expect(describeOpeningHours(split, 'en')).toBe('Mon–Thu 08:00–12:00, 13:00–17:00; Fri 08:00–14:00; Sat 10:00–14:00 (Europe/Berlin)');
    expect(describeOpeningHours(split, 'de')).toBe(
      'Mo–Do 08:00–12:00, 13:00–17:00 Uhr; Fr 08:00–14:00 Uhr; Sa 10:00–14:00 Uhr (Europe/Berlin)',
    );
  });

  it('starts the week on Monday, does not group across closed days, and shows overnight and 24:00 ends as given', () => {
    const shifts = hours(
      [...daily([0, 1, 3], '00:00', '24:00'), { day: 5, start: '22:00', end: '02:00' }, { day: 6, start: '22:00', end: '02:00' }],
      'America/New_York',
    );
    expect(describeOpeningHours(shifts, 'en')).toBe(
      'Mon 00:00–24:00; Wed 00:00–24:00; Fri–Sat 22:00–02:00; Sun 00:00–24:00 (America/New_York)',
    );
  });

  it('says closed when there are no windows', () => {
    expect(describeOpeningHours(hours([]), 'en')).toBe('Closed (Europe/Berlin)');
    expect(describeOpeningHours(hours([]), 'de')).toBe('Geschlossen (Europe/Berlin)');
  });
});
