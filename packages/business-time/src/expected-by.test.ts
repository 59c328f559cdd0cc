import { describe, expect, it } from 'vitest';
import { formatExpectedBy } from './expected-by.js';
import type { OpeningHours } from './types.js';

const berlin: OpeningHours = { timeZone: 'Europe/Berlin', weekly: [{ day: 1, start: '08:00', end: '18:00' }], holidays: [] };
const now = new Date('2024-01-08T09:00Z'); // Mon 10:00 CET
const expected = (due: string, locale: 'en' | 'de', from = now) => formatExpectedBy(berlin, new Date(due), from, locale);

describe('formatExpectedBy', () => {
  it.each([
    ['2024-01-08T15:30Z', 'today 16:30', 'heute, 16:30'],
    ['2024-01-09T09:30Z', 'tomorrow 10:30', 'morgen, 10:30'],
    ['2024-01-09T23:30Z', 'Wed 00:30', 'Mi., 00:30'],
    ['2024-01-14T22:59Z', 'Sun 23:59', 'So., 23:59'],
    ['2024-01-15T09:30Z', 'Mon 15 Jan 10:30', 'Mo., 15. Jan., 10:30'],
    ['2024-03-05T09:30Z', 'Tue 5 Mar 10:30', 'Di., 5. März, 10:30'],
    ['2025-01-07T09:30Z', 'Tue 7 Jan 2025 10:30', 'Di., 7. Jan. 2025, 10:30'],
  ])('%s', (due, en, de) => {
    expect(expected(due, 'en')).toBe(en);
    expect(expected(due, 'de')).toBe(de);
  });

  it('uses the team’s local dates, not UTC dates', () => {
    // 23:30Z on Monday is already Tuesday in Berlin.
    expect(expected('2024-01-08T23:30Z', 'en')).toBe('tomorrow 00:30');
    // Sunday 23:30Z is Monday in Berlin, as is "now" here.
    expect(expected('2024-01-08T09:30Z', 'en', new Date('2024-01-07T23:30Z'))).toBe('today 10:30');
  });

  it('rounds a due time between minutes up, never promising too early', () => {
    expect(expected('2024-01-08T15:30:00.001Z', 'en')).toBe('today 16:31');
    expect(expected('2024-01-08T22:59:30Z', 'en')).toBe('tomorrow 00:00');
  });

  it('shows the date of a due time already past', () => {
    expect(expected('2024-01-05T09:30Z', 'en')).toBe('Fri 5 Jan 10:30');
  });
});
