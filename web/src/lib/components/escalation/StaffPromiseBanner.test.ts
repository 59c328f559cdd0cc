import { describe, expect, it } from 'vitest';
import type { StaffPromiseFieldsFragment } from '#lib/graphql/generated.ts';
import { renderWithI18n } from '#lib/testing/render.ts';
import StaffPromiseBanner from './StaffPromiseBanner.svelte';

const promise: StaffPromiseFieldsFragment = {
  teamName: 'Customer care',
  responded: false,
  waitingOnAsker: false,
  firstResponseMinutes: 30,
  hours: 'Mon–Fri 08:00–18:00 (Europe/Berlin)',
  openNow: true,
  awayUntil: null,
  expectedAt: '2026-11-24T07:30:00.000Z',
  expectedBy: 'today 08:30',
  late: false,
};

describe('StaffPromiseBanner', () => {
  it('names the expected time while it is ahead', () => {
    const { text } = renderWithI18n(StaffPromiseBanner, { promise });
    expect(text).toContain('Customer care replies here within 30 business minutes — expected by today 08:30.');
  });

  it('says plainly that we are late once that time has passed, never "expected by" a time in the past', () => {
    const { text } = renderWithI18n(StaffPromiseBanner, { promise: { ...promise, late: true } });
    expect(text).toContain('We are late — Customer care should have replied by today 08:30. An agent has been alerted');
    expect(text).not.toContain('expected by');
  });

  it('is late about the resolution after a first reply, in German too', () => {
    const { text } = renderWithI18n(
      StaffPromiseBanner,
      { promise: { ...promise, responded: true, late: true, expectedBy: 'heute, 12:00' } },
      { locale: 'de' },
    );
    expect(text).toContain('Wir sind spät dran – Customer care wollte das bis heute, 12:00 lösen.');
    expect(text).not.toContain('zu erwarten');
  });
});
