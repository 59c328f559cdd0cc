import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatRelativeTime, readTimeZone } from './format.ts';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

describe('formatRelativeTime', () => {
  it('says "now" for the last seconds', () => {
    expect(formatRelativeTime(ago(10), NOW, 'en')).toBe('now');
    expect(formatRelativeTime(ago(10), NOW, 'de')).toBe('jetzt');
  });

  it('counts minutes, hours and days', () => {
    expect(formatRelativeTime(ago(5 * 60), NOW, 'en')).toBe('5 minutes ago');
    expect(formatRelativeTime(ago(3 * 3600), NOW, 'de')).toBe('vor 3 Stunden');
    expect(formatRelativeTime(ago(3 * 86400), NOW, 'en')).toBe('3 days ago');
    expect(formatRelativeTime(ago(3 * 86400), NOW, 'de')).toBe('vor 3 Tagen');
  });

  it('uses words for yesterday', () => {
    expect(formatRelativeTime(ago(86400), NOW, 'en')).toBe('yesterday');
    expect(formatRelativeTime(ago(86400), NOW, 'de')).toBe('gestern');
  });

  it('moves to months and years for old posts', () => {
    expect(formatRelativeTime(ago(65 * 86400), NOW, 'en')).toBe('2 months ago');
    expect(formatRelativeTime(ago(800 * 86400), NOW, 'de')).toBe('vor 2 Jahren');
  });

  it('handles future dates and bad input', () => {
    expect(formatRelativeTime(new Date(NOW + 2 * 3600 * 1000).toISOString(), NOW, 'en')).toBe('in 2 hours');
    expect(formatRelativeTime('not a date', NOW, 'en')).toBe('');
  });
});

describe('formatDate', () => {
  it('writes a calendar date in the chosen language', () => {
    expect(formatDate('2026-03-12T10:00:00Z', 'en')).toBe('March 12, 2026');
    expect(formatDate('2026-03-12T10:00:00Z', 'de')).toBe('12. März 2026');
  });
});

describe('formatDateTime', () => {
  it('gives date and time in UTC for tooltips', () => {
    expect(formatDateTime('2026-03-12T14:05:00Z', 'en')).toBe('Mar 12, 2026, 02:05 PM UTC');
    expect(formatDateTime('2026-03-12T14:05:00Z', 'de')).toBe('12. März 2026, 14:05 UTC');
  });
});

describe('formatDateTime in the reader’s time zone', () => {
  it('shows local time, labelled, 24-hour in German', () => {
    expect(formatDateTime('2026-03-12T14:05:00Z', 'de', 'Europe/Berlin')).toBe('12. März 2026, 15:05 MEZ');
    expect(formatDateTime('2026-07-12T14:05:00Z', 'de', 'Europe/Berlin')).toBe('12. Juli 2026, 16:05 MESZ');
    expect(formatDateTime('2026-03-12T14:05:00Z', 'en', 'America/New_York')).toBe('Mar 12, 2026, 10:05 AM EDT');
  });

  it('never writes AM/PM in German, also in UTC', () => {
    expect(formatDateTime('2026-03-12T02:05:00Z', 'de')).toBe('12. März 2026, 02:05 UTC');
    expect(formatDateTime('2026-03-12T14:05:00Z', 'de', 'Europe/Berlin')).not.toMatch(/AM|PM/);
  });
});

describe('readTimeZone', () => {
  it('takes a zone Intl knows and falls back to UTC', () => {
    expect(readTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(readTimeZone(undefined)).toBe('UTC');
    expect(readTimeZone('Mars/Olympus')).toBe('UTC');
    expect(readTimeZone('x'.repeat(100))).toBe('UTC');
  });
});
