import { describe, expect, it } from 'vitest';
import { isKnownTimeZone, offsetAt, offsetSegments, toLocal } from './zone.js';

const HOUR = 3_600_000;
const ms = (iso: string) => Date.parse(iso);

describe('offsetAt', () => {
  it.each([
    ['Europe/Berlin', '2024-01-15T12:00Z', 1 * HOUR],
    ['Europe/Berlin', '2024-07-15T12:00Z', 2 * HOUR],
    ['America/New_York', '2024-01-15T12:00Z', -5 * HOUR],
    ['America/New_York', '2024-07-15T12:00Z', -4 * HOUR],
    ['Asia/Kolkata', '2025-03-01T00:00Z', 5.5 * HOUR],
    ['Australia/Lord_Howe', '2024-07-01T00:00Z', 10.5 * HOUR],
    ['Australia/Lord_Howe', '2025-01-01T00:00Z', 11 * HOUR],
    ['Asia/Kathmandu', '2026-05-05T05:05Z', 5.75 * HOUR],
    ['UTC', '2027-12-31T23:59Z', 0],
  ])('%s at %s', (zone, iso, offset) => {
    expect(offsetAt(zone, ms(iso))).toBe(offset);
  });

  it('changes exactly at the transition instant', () => {
    const springForward = ms('2024-03-31T01:00Z');
    expect(offsetAt('Europe/Berlin', springForward - 1)).toBe(HOUR);
    expect(offsetAt('Europe/Berlin', springForward)).toBe(2 * HOUR);
    const lordHoweBack = ms('2024-04-06T15:00Z'); // 02:00 +11:00 becomes 01:30 +10:30
    expect(offsetAt('Australia/Lord_Howe', lordHoweBack - 1)).toBe(11 * HOUR);
    expect(offsetAt('Australia/Lord_Howe', lordHoweBack)).toBe(10.5 * HOUR);
  });

  it('gives local wall-clock time', () => {
    expect(new Date(toLocal('Asia/Kolkata', ms('2024-01-01T00:00Z'))).toISOString()).toBe('2024-01-01T05:30:00.000Z');
  });
});

describe('offsetSegments', () => {
  it('yields contiguous constant-offset stretches across transitions and years', () => {
    const segments = offsetSegments('Europe/Berlin', ms('2024-02-01T00:00Z'));
    const taken = Array.from({ length: 4 }, () => segments.next().value!);
    expect(taken.map((s) => [new Date(s.start).toISOString(), new Date(s.end).toISOString(), s.offset / HOUR])).toEqual([
      ['2024-01-01T00:00:00.000Z', '2024-03-31T01:00:00.000Z', 1],
      ['2024-03-31T01:00:00.000Z', '2024-10-27T01:00:00.000Z', 2],
      ['2024-10-27T01:00:00.000Z', '2025-01-01T00:00:00.000Z', 1],
      ['2025-01-01T00:00:00.000Z', '2025-03-30T01:00:00.000Z', 1],
    ]);
  });
});

describe('isKnownTimeZone', () => {
  it('accepts IANA names and rejects anything else', () => {
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
    expect(isKnownTimeZone(undefined)).toBe(false);
  });
});
