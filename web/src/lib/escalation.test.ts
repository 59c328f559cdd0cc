import { describe, expect, test } from 'vitest';
import { createTranslator } from '#lib/i18n/index.ts';
import { formatRemaining, formatTarget, queueFilterQuery, readQueueFilter, zonedLocalToIso } from './escalation.ts';

const en = createTranslator('en');
const de = createTranslator('de');

describe('business time labels', () => {
  test('remaining time reads as time left or overdue', () => {
    expect(formatRemaining(en, 200)).toBe('3 h 20 min left');
    expect(formatRemaining(en, 45)).toBe('45 min left');
    expect(formatRemaining(en, 120)).toBe('2 h left');
    expect(formatRemaining(en, -65)).toBe('overdue by 1 h 5 min');
    expect(formatRemaining(de, -65)).toBe('1 Std. 5 Min. überfällig');
  });

  test('a promised target is said in hours when it is whole hours', () => {
    expect(formatTarget(en, 240)).toBe('4 business hours');
    expect(formatTarget(en, 60)).toBe('1 business hour');
    expect(formatTarget(en, 90)).toBe('90 business minutes');
    expect(formatTarget(de, 480)).toBe('8 Arbeitsstunden');
  });
});

describe('queue filters in the URL', () => {
  test('known values are read and written back', () => {
    const { values, filter } = readQueueFilter(new URLSearchParams('team=3&priority=high&status=waiting_on_customer&mine=1'));
    expect(filter).toEqual({ teamId: '3', priority: 'HIGH', status: 'WAITING_ON_CUSTOMER', mine: true, breached: null });
    expect(queueFilterQuery(values)).toEqual({ team: '3', priority: 'high', status: 'waiting_on_customer', mine: '1', breached: '' });
  });

  test('unknown values are dropped instead of reaching the api', () => {
    const { filter } = readQueueFilter(new URLSearchParams('team=x;drop&priority=extreme&status=resolved&breached=yes'));
    expect(filter).toEqual({ teamId: null, priority: null, status: null, mine: null, breached: null });
  });
});

describe('call back windows typed in the visitor’s time zone', () => {
  test('wall-clock times become instants in that zone, across DST', () => {
    expect(zonedLocalToIso('2026-11-24T09:30', 'Europe/Berlin')).toBe('2026-11-24T08:30:00.000Z');
    expect(zonedLocalToIso('2026-07-01T09:30', 'Europe/Berlin')).toBe('2026-07-01T07:30:00.000Z');
    expect(zonedLocalToIso('2026-07-01T09:30', 'UTC')).toBe('2026-07-01T09:30:00.000Z');
    expect(zonedLocalToIso('2026-03-29T02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
  });

  test('bad text or zones give null', () => {
    expect(zonedLocalToIso('tomorrow', 'Europe/Berlin')).toBeNull();
    expect(zonedLocalToIso('2026-07-01T09:30', 'Mars/Olympus')).toBeNull();
  });
});
