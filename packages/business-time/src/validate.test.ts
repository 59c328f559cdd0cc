import { describe, expect, it } from 'vitest';
import type { OpeningHours, WeeklyWindow } from './types.js';
import { validateOpeningHours } from './validate.js';

const hours = (weekly: WeeklyWindow[], extra: Partial<OpeningHours> = {}): OpeningHours => ({
  timeZone: 'Europe/Berlin',
  weekly,
  holidays: [],
  ...extra,
});
const problems = (value: OpeningHours) => validateOpeningHours(value).map((p) => `${p.field} ${p.code}`);

describe('validateOpeningHours', () => {
  it('accepts a sound calendar, including overnight windows, 24:00 and touching windows', () => {
    const weekly = [
      ...[1, 2, 3, 4].map((day) => ({ day, start: '08:00', end: '18:00' })),
      { day: 5, start: '22:00', end: '02:00' },
      { day: 6, start: '02:00', end: '24:00' },
      { day: 0, start: '00:00', end: '06:00' },
    ];
    expect(validateOpeningHours(hours(weekly, { holidays: ['2024-12-25', '2024-02-29'] }))).toEqual([]);
  });

  it('reports an unknown time zone', () => {
    expect(validateOpeningHours(hours([{ day: 1, start: '08:00', end: '18:00' }], { timeZone: 'Europe/Atlantis' }))).toEqual([
      { field: 'timeZone', code: 'unknown_time_zone', message: '"Europe/Atlantis" is not a known IANA time zone.' },
    ]);
  });

  it('reports a calendar without windows', () => {
    expect(problems(hours([]))).toEqual(['weekly no_windows']);
  });

  it('reports malformed times and days per field', () => {
    const weekly = [
      { day: 1, start: '8:00', end: '18:00' },
      { day: 2, start: '08:00', end: '18:60' },
      { day: 3, start: '24:00', end: '24:00' },
      { day: 7, start: '08:00', end: '25:00' },
      { day: 1.5, start: 'noon', end: '' },
    ];
    expect(problems(hours(weekly))).toEqual([
      'weekly.0.start invalid_time',
      'weekly.1.end invalid_time',
      'weekly.2.start invalid_time',
      'weekly.3.day invalid_day',
      'weekly.3.end invalid_time',
      'weekly.4.day invalid_day',
      'weekly.4.start invalid_time',
      'weekly.4.end invalid_time',
    ]);
  });

  it('reports zero-length windows', () => {
    expect(problems(hours([{ day: 1, start: '08:00', end: '08:00' }]))).toEqual(['weekly.0 zero_length_window']);
  });

  it.each<[string, WeeklyWindow[]]>([
    [
      'on one day',
      [
        { day: 1, start: '08:00', end: '12:00' },
        { day: 1, start: '11:59', end: '13:00' },
      ],
    ],
    [
      'when one contains the other',
      [
        { day: 1, start: '08:00', end: '18:00' },
        { day: 1, start: '09:00', end: '10:00' },
      ],
    ],
    [
      'across midnight',
      [
        { day: 5, start: '22:00', end: '02:00' },
        { day: 6, start: '01:00', end: '05:00' },
      ],
    ],
    [
      'across the Saturday to Sunday wrap',
      [
        { day: 6, start: '22:00', end: '02:00' },
        { day: 0, start: '00:00', end: '08:00' },
      ],
    ],
    [
      'with a 24:00 end',
      [
        { day: 2, start: '12:00', end: '24:00' },
        { day: 2, start: '23:30', end: '01:00' },
      ],
    ],
  ])('reports overlapping windows %s', (_, weekly) => {
    expect(validateOpeningHours(hours(weekly))).toEqual([
      { field: 'weekly.1', code: 'overlapping_windows', message: 'Overlaps window 1.' },
    ]);
  });

  it('does not count touching windows as overlapping', () => {
    const weekly = [
      { day: 6, start: '22:00', end: '02:00' },
      { day: 0, start: '02:00', end: '08:00' },
      { day: 0, start: '08:00', end: '24:00' },
      { day: 1, start: '00:00', end: '12:00' },
    ];
    expect(validateOpeningHours(hours(weekly))).toEqual([]);
  });

  it('reports invalid holiday dates', () => {
    const holidays = ['2024-02-30', '2023-02-29', '24-12-25', '2024-12-25', '2024-13-01', '2024-12-25T00:00'];
    expect(problems(hours([{ day: 1, start: '08:00', end: '18:00' }], { holidays }))).toEqual([
      'holidays.0 invalid_holiday',
      'holidays.1 invalid_holiday',
      'holidays.2 invalid_holiday',
      'holidays.4 invalid_holiday',
      'holidays.5 invalid_holiday',
    ]);
  });

  it('returns every problem at once and survives values of the wrong type', () => {
    const garbage = { timeZone: 42, weekly: [null, { day: '1', start: 800, end: null }], holidays: [20241225] } as unknown as OpeningHours;
    expect(problems(garbage)).toEqual([
      'timeZone unknown_time_zone',
      'weekly.0.day invalid_day',
      'weekly.0.start invalid_time',
      'weekly.0.end invalid_time',
      'weekly.1.day invalid_day',
      'weekly.1.start invalid_time',
      'weekly.1.end invalid_time',
      'holidays.0 invalid_holiday',
    ]);
    expect(problems({ timeZone: 'UTC' } as unknown as OpeningHours)).toEqual(['weekly no_windows']);
  });
});
