import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, isOpen, nextClosing, nextOpening } from './arithmetic.js';
import { InvalidOpeningHoursError } from './calendar.js';
import type { OpeningHours, WeeklyWindow } from './types.js';

const at = (iso: string) => new Date(iso);
const iso = (date: Date | null) => date?.toISOString().replace(':00.000Z', 'Z') ?? null;
const daily = (days: number[], start: string, end: string): WeeklyWindow[] => days.map((day) => ({ day, start, end }));
const calendar = (timeZone: string, weekly: WeeklyWindow[], holidays: string[] = []): OpeningHours => ({ timeZone, weekly, holidays });

const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
const office = (timeZone: string, holidays: string[] = []) => calendar(timeZone, daily(WEEKDAYS, '08:00', '18:00'), holidays);

describe('a Mon–Fri 08:00–18:00 office in Europe/Berlin', () => {
  const berlin = office('Europe/Berlin');

  it('is open from the opening instant up to, not including, the closing instant', () => {
    expect(isOpen(berlin, at('2024-01-08T06:59:59.999Z'))).toBe(false);
    expect(isOpen(berlin, at('2024-01-08T07:00Z'))).toBe(true); // Mon 08:00 CET
    expect(isOpen(berlin, at('2024-01-08T16:59:59.999Z'))).toBe(true);
    expect(isOpen(berlin, at('2024-01-08T17:00Z'))).toBe(false);
    expect(isOpen(berlin, at('2024-07-08T06:30Z'))).toBe(true); // 08:30 CEST
    expect(isOpen(berlin, at('2024-01-13T10:00Z'))).toBe(false); // Saturday
  });

  it('knows the next opening and closing', () => {
    expect(iso(nextOpening(berlin, at('2024-01-12T18:00Z')))).toBe('2024-01-15T07:00Z'); // Fri evening → Mon 08:00
    expect(iso(nextOpening(berlin, at('2024-01-15T07:00Z')))).toBe('2024-01-15T07:00Z'); // opening right now
    expect(iso(nextOpening(berlin, at('2024-01-15T09:00Z')))).toBe('2024-01-16T07:00Z'); // open: the next stretch
    expect(iso(nextOpening(berlin, at('2024-01-15T17:00Z')))).toBe('2024-01-16T07:00Z'); // closing right now
    expect(iso(nextClosing(berlin, at('2024-01-15T09:00Z')))).toBe('2024-01-15T17:00Z');
    expect(iso(nextClosing(berlin, at('2024-01-15T17:00Z')))).toBe('2024-01-16T17:00Z');
    expect(iso(nextClosing(berlin, at('2024-01-13T12:00Z')))).toBe('2024-01-15T17:00Z');
  });

  it('counts the weekend spring-forward as nothing and keeps local opening times', () => {
    // Fri 2024-03-29 17:00 CET (16:00Z) + 120 min → Mon 2024-04-01 09:00 CEST (07:00Z).
    expect(iso(addBusinessMinutes(berlin, at('2024-03-29T16:00Z'), 120))).toBe('2024-04-01T07:00Z');
    expect(businessMinutesBetween(berlin, at('2024-03-29T16:00Z'), at('2024-04-01T07:00Z'))).toBe(120);
  });
});

describe('addBusinessMinutes', () => {
  const utc = office('UTC');

  it('handles 10,000 minutes window by window', () => {
    // 16 full days of 600 minutes plus 400 minutes: Tue 23 Jan 14:40.
    expect(iso(addBusinessMinutes(utc, at('2024-01-01T08:00Z'), 10_000))).toBe('2024-01-23T14:40Z');
    expect(iso(addBusinessMinutes(office('Europe/Berlin'), at('2024-01-01T07:00Z'), 10_000))).toBe('2024-01-23T13:40Z');
  });

  it('starts counting at the next opening when closed', () => {
    expect(iso(addBusinessMinutes(utc, at('2024-01-06T12:00Z'), 30))).toBe('2024-01-08T08:30Z');
    expect(iso(addBusinessMinutes(utc, at('2024-01-05T17:45Z'), 30))).toBe('2024-01-08T08:15Z');
  });

  it('returns the earliest instant, so a deadline can be the closing time', () => {
    expect(iso(addBusinessMinutes(utc, at('2024-01-05T17:00Z'), 60))).toBe('2024-01-05T18:00Z');
  });

  it('gives the next open instant for 0 minutes', () => {
    expect(iso(addBusinessMinutes(utc, at('2024-01-03T12:34Z'), 0))).toBe('2024-01-03T12:34Z');
    expect(iso(addBusinessMinutes(utc, at('2024-01-03T18:00Z'), 0))).toBe('2024-01-04T08:00Z');
  });

  it('keeps sub-minute precision', () => {
    expect(addBusinessMinutes(utc, at('2024-01-03T12:00:30.250Z'), 1).toISOString()).toBe('2024-01-03T12:01:30.250Z');
  });

  it('rejects negative, fractional and unsafe minutes and invalid dates', () => {
    for (const minutes of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addBusinessMinutes(utc, at('2024-01-03T12:00Z'), minutes)).toThrow(RangeError);
    }
    expect(() => addBusinessMinutes(utc, new Date(Number.NaN), 1)).toThrow(RangeError);
  });
});

describe('businessMinutesBetween', () => {
  const utc = office('UTC');

  it('counts open minutes in [from, to)', () => {
    expect(businessMinutesBetween(utc, at('2024-01-01T00:00Z'), at('2024-01-08T00:00Z'))).toBe(3000);
    expect(businessMinutesBetween(utc, at('2024-01-01T17:00Z'), at('2024-01-02T09:00Z'))).toBe(120);
    expect(businessMinutesBetween(utc, at('2024-01-01T12:00Z'), at('2024-01-01T12:00Z'))).toBe(0);
  });

  it('is negative when to is before from (antisymmetric), and never -0', () => {
    expect(businessMinutesBetween(utc, at('2024-01-02T09:00Z'), at('2024-01-01T17:00Z'))).toBe(-120);
    expect(businessMinutesBetween(utc, at('2024-01-07T12:00Z'), at('2024-01-06T12:00Z'))).toBe(0);
  });

  it('is exact for instants between minutes', () => {
    expect(businessMinutesBetween(utc, at('2024-01-01T12:00:00Z'), at('2024-01-01T12:00:30Z'))).toBe(0.5);
  });
});

describe('DST: real elapsed minutes during local wall-clock windows', () => {
  const nights = calendar('Europe/Berlin', daily(EVERY_DAY, '01:00', '04:00'));

  it('Europe/Berlin 01:00–04:00 holds 120 minutes on spring-forward night and 240 on fall-back night', () => {
    expect(businessMinutesBetween(nights, at('2024-03-30T12:00Z'), at('2024-03-31T12:00Z'))).toBe(120);
    expect(businessMinutesBetween(nights, at('2024-10-26T12:00Z'), at('2024-10-27T12:00Z'))).toBe(240);
    expect(businessMinutesBetween(nights, at('2024-10-25T12:00Z'), at('2024-10-26T12:00Z'))).toBe(180);
  });

  it('adds across the gap and through the repeated hour', () => {
    // 01:00 CET + 90 min: 01:00–02:00 CET, then 03:00–03:30 CEST.
    expect(iso(addBusinessMinutes(nights, at('2024-03-31T00:00Z'), 90))).toBe('2024-03-31T01:30Z');
    // 01:00 CEST + 150 min: 01:00–03:00 CEST, 02:00–02:30 CET.
    expect(iso(addBusinessMinutes(nights, at('2024-10-26T23:00Z'), 150))).toBe('2024-10-27T01:30Z');
    expect(iso(nextClosing(nights, at('2024-10-26T23:00Z')))).toBe('2024-10-27T03:00Z');
  });

  it('never opens a window that lies in the skipped hour', () => {
    const skipped = calendar('Europe/Berlin', [{ day: 0, start: '02:00', end: '02:30' }]);
    expect(businessMinutesBetween(skipped, at('2024-03-30T12:00Z'), at('2024-03-31T12:00Z'))).toBe(0);
    expect(businessMinutesBetween(skipped, at('2024-03-23T12:00Z'), at('2024-03-24T12:00Z'))).toBe(30);
    expect(iso(nextOpening(skipped, at('2024-03-30T12:00Z')))).toBe('2024-04-07T00:00Z');
  });

  it('opens a window in the repeated hour twice', () => {
    const repeated = calendar('Europe/Berlin', [{ day: 0, start: '02:15', end: '02:45' }]);
    expect(businessMinutesBetween(repeated, at('2024-10-26T12:00Z'), at('2024-10-27T12:00Z'))).toBe(60);
    expect(isOpen(repeated, at('2024-10-27T00:30Z'))).toBe(true); // 02:30 CEST
    expect(isOpen(repeated, at('2024-10-27T01:00Z'))).toBe(false); // 02:00 CET
    expect(isOpen(repeated, at('2024-10-27T01:30Z'))).toBe(true); // 02:30 CET
    expect(iso(nextOpening(repeated, at('2024-10-27T00:30Z')))).toBe('2024-10-27T01:15Z');
  });

  it('counts real minutes around the clock: 1440 business minutes are 24 real hours on a 23-hour day', () => {
    const always = calendar('Europe/Berlin', daily(EVERY_DAY, '00:00', '24:00'));
    expect(iso(addBusinessMinutes(always, at('2024-03-30T12:00Z'), 1440))).toBe('2024-03-31T12:00Z');
    expect(businessMinutesBetween(always, at('2024-03-30T23:00Z'), at('2024-03-31T22:00Z'))).toBe(1380); // local Sunday
  });

  it('America/New_York: the Sunday 01:00–04:00 window holds 120 minutes on 2024-03-10, the office shifts with local time', () => {
    expect(
      businessMinutesBetween(calendar('America/New_York', daily([0], '01:00', '04:00')), at('2024-03-09T12:00Z'), at('2024-03-11T00:00Z')),
    ).toBe(120);
    // Fri 17:00 EST (22:00Z) + 120 → Mon 09:00 EDT (13:00Z).
    expect(iso(addBusinessMinutes(office('America/New_York'), at('2024-03-08T22:00Z'), 120))).toBe('2024-03-11T13:00Z');
  });

  it('Australia/Lord_Howe shifts by 30 minutes: 01:00–04:00 holds 150 minutes in October and 210 in April', () => {
    const lordHowe = calendar('Australia/Lord_Howe', daily([0], '01:00', '04:00'));
    expect(businessMinutesBetween(lordHowe, at('2024-10-05T00:00Z'), at('2024-10-06T12:00Z'))).toBe(150);
    expect(businessMinutesBetween(lordHowe, at('2024-04-06T00:00Z'), at('2024-04-07T12:00Z'))).toBe(210);
    expect(businessMinutesBetween(lordHowe, at('2024-06-01T00:00Z'), at('2024-06-02T12:00Z'))).toBe(180);
  });

  it('America/Santiago skips midnight: a Sunday 00:00–02:00 window holds 60 minutes on 2024-09-08', () => {
    const santiago = calendar('America/Santiago', daily([0], '00:00', '02:00'));
    expect(businessMinutesBetween(santiago, at('2024-09-07T12:00Z'), at('2024-09-08T12:00Z'))).toBe(60);
    expect(iso(nextOpening(santiago, at('2024-09-07T12:00Z')))).toBe('2024-09-08T04:00Z'); // 01:00 -03
  });
});

describe('other zones', () => {
  it('Asia/Kolkata (+05:30)', () => {
    const kolkata = calendar('Asia/Kolkata', daily(WEEKDAYS, '09:30', '18:00'));
    expect(iso(addBusinessMinutes(kolkata, at('2024-01-01T04:00Z'), 510))).toBe('2024-01-01T12:30Z');
    expect(iso(addBusinessMinutes(kolkata, at('2024-01-01T04:00Z'), 511))).toBe('2024-01-02T04:01Z');
    expect(iso(nextOpening(kolkata, at('2024-01-05T12:30Z')))).toBe('2024-01-08T04:00Z');
  });
});

describe('midnight, overnight windows and the weekly wrap', () => {
  it('a Friday 22:00–02:00 window runs into Saturday', () => {
    const night = calendar('UTC', [{ day: 5, start: '22:00', end: '02:00' }]);
    expect(isOpen(night, at('2024-01-06T01:59Z'))).toBe(true);
    expect(isOpen(night, at('2024-01-06T02:00Z'))).toBe(false);
    expect(businessMinutesBetween(night, at('2024-01-05T12:00Z'), at('2024-01-06T12:00Z'))).toBe(240);
    expect(iso(addBusinessMinutes(night, at('2024-01-05T23:00Z'), 60))).toBe('2024-01-06T00:00Z');
  });

  it('a Saturday 22:00–02:00 window wraps into the next week', () => {
    const wrap = calendar('UTC', [{ day: 6, start: '22:00', end: '02:00' }]);
    expect(isOpen(wrap, at('2024-01-07T01:00Z'))).toBe(true); // Sunday
    expect(iso(addBusinessMinutes(wrap, at('2024-01-06T23:00Z'), 120))).toBe('2024-01-07T01:00Z');
    expect(iso(addBusinessMinutes(wrap, at('2024-01-06T23:00Z'), 181))).toBe('2024-01-13T22:01Z');
  });

  it('merges windows that meet at midnight into one stretch', () => {
    const long = calendar('UTC', [
      { day: 1, start: '12:00', end: '24:00' },
      { day: 2, start: '00:00', end: '06:00' },
    ]);
    expect(iso(nextClosing(long, at('2024-01-01T13:00Z')))).toBe('2024-01-02T06:00Z');
    expect(iso(nextOpening(long, at('2024-01-01T23:00Z')))).toBe('2024-01-08T12:00Z');
  });
});

describe('holidays: the local date is closed from 00:00 to 24:00', () => {
  it('skips holidays when adding', () => {
    const christmas = office('Europe/Berlin', ['2024-12-25', '2024-12-26']);
    // Tue 24 Dec 17:00 CET + 120 → 60 that day, the rest on Fri 27 Dec.
    expect(iso(addBusinessMinutes(christmas, at('2024-12-24T16:00Z'), 120))).toBe('2024-12-27T08:00Z');
    expect(businessMinutesBetween(christmas, at('2024-12-23T00:00Z'), at('2024-12-30T00:00Z'))).toBe(3 * 600);
  });

  it('cuts an overnight window at the holiday midnight, either side', () => {
    const night = [{ day: 5, start: '22:00', end: '02:00' }];
    const saturdayOff = calendar('UTC', night, ['2024-01-06']);
    expect(isOpen(saturdayOff, at('2024-01-05T23:00Z'))).toBe(true);
    expect(isOpen(saturdayOff, at('2024-01-06T01:00Z'))).toBe(false);
    const fridayOff = calendar('UTC', night, ['2024-01-05']);
    expect(isOpen(fridayOff, at('2024-01-05T23:00Z'))).toBe(false);
    expect(isOpen(fridayOff, at('2024-01-06T01:00Z'))).toBe(true);
  });

  it('uses the local date, not the UTC date', () => {
    const tokyo = calendar('Asia/Tokyo', daily(EVERY_DAY, '00:00', '24:00'), ['2024-01-02']);
    expect(isOpen(tokyo, at('2024-01-01T14:59Z'))).toBe(true);
    expect(isOpen(tokyo, at('2024-01-01T15:00Z'))).toBe(false); // 2024-01-02 00:00 JST
    expect(iso(nextClosing(tokyo, at('2024-01-01T00:00Z')))).toBe('2024-01-01T15:00Z');
    expect(iso(nextOpening(tokyo, at('2024-01-01T16:00Z')))).toBe('2024-01-02T15:00Z');
  });
});

describe('calendars that never change state', () => {
  const empty = calendar('UTC', []);
  const always = calendar('UTC', daily(EVERY_DAY, '00:00', '24:00'));

  it('an empty calendar is never open', () => {
    expect(isOpen(empty, at('2024-01-01T12:00Z'))).toBe(false);
    expect(nextOpening(empty, at('2024-01-01T12:00Z'))).toBeNull();
    expect(nextClosing(empty, at('2024-01-01T12:00Z'))).toBeNull();
    expect(businessMinutesBetween(empty, at('2024-01-01T12:00Z'), at('2024-02-01T12:00Z'))).toBe(0);
    expect(() => addBusinessMinutes(empty, at('2024-01-01T12:00Z'), 1)).toThrow(RangeError);
  });

  it('an always-open calendar never closes', () => {
    expect(isOpen(always, at('2024-01-01T12:00Z'))).toBe(true);
    expect(nextClosing(always, at('2024-01-01T12:00Z'))).toBeNull();
    expect(nextOpening(always, at('2024-01-01T12:00Z'))).toBeNull();
    expect(iso(addBusinessMinutes(always, at('2024-01-01T12:00Z'), 10_000))).toBe('2024-01-08T10:40Z');
  });

  it('an always-open calendar closes for a holiday', () => {
    const withHoliday = { ...always, holidays: ['2026-05-01'] };
    expect(iso(nextClosing(withHoliday, at('2024-01-01T12:00Z')))).toBe('2026-05-01T00:00Z');
    expect(iso(nextOpening(withHoliday, at('2024-01-01T12:00Z')))).toBe('2026-05-02T00:00Z');
  });
});

describe('invalid calendars', () => {
  it('throw InvalidOpeningHoursError with the fatal problems', () => {
    const broken = calendar('Nowhere/City', [{ day: 1, start: '8:00', end: '18:00' }]);
    const error = (() => {
      try {
        isOpen(broken, at('2024-01-01T12:00Z'));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidOpeningHoursError);
    expect((error as InvalidOpeningHoursError).problems.map((p) => p.code)).toEqual(['unknown_time_zone', 'invalid_time']);
  });

  it('treat overlapping windows as their union', () => {
    const overlapping = calendar('UTC', [
      { day: 1, start: '08:00', end: '12:00' },
      { day: 1, start: '10:00', end: '14:00' },
    ]);
    expect(businessMinutesBetween(overlapping, at('2024-01-01T00:00Z'), at('2024-01-02T00:00Z'))).toBe(360);
  });
});
