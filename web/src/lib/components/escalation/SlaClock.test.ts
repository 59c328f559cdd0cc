import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '#lib/testing/render.ts';
import SlaClock from './SlaClock.svelte';

const escalation = {
  nextDueAt: '2026-11-24T12:00:00.000Z',
  remainingBusinessMinutes: -209,
  slaPaused: false,
  firstResponseBreached: true,
  resolutionBreached: false,
};

describe('console due times', () => {
  it('are in the reader’s zone, labelled, 24-hour in German', () => {
    const { html } = renderWithI18n(SlaClock, { escalation }, { locale: 'de', timeZone: 'Europe/Berlin' });
    expect(html).toContain('title="24. Nov. 2026, 13:00 MEZ"');
    expect(html).not.toMatch(/AM|PM/);
  });

  it('say UTC when the zone is not known yet', () => {
    expect(renderWithI18n(SlaClock, { escalation }).html).toContain('title="Nov 24, 2026, 12:00 PM UTC"');
  });
});
