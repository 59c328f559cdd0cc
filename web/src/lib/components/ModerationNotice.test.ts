import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '#lib/testing/render.ts';
import ModerationNotice from './ModerationNotice.svelte';

describe('a held first post', () => {
  it('tells its author what happens and roughly when', () => {
    const { text } = renderWithI18n(ModerationNotice, { state: 'PENDING_REVIEW', own: true });
    expect(text).toContain('Your post is waiting for a moderator');
    expect(text).toContain('usually within a few hours');
    expect(text).toContain('once it is approved, it appears here for everyone');
  });

  it('says the same in German', () => {
    const { text } = renderWithI18n(ModerationNotice, { state: 'PENDING_REVIEW', own: true }, { locale: 'de' });
    expect(text).toContain('meist innerhalb weniger Stunden');
  });

  it('tells moderators only that it waits', () => {
    const { text } = renderWithI18n(ModerationNotice, { state: 'PENDING_REVIEW' });
    expect(text).toContain('Waiting for review');
    expect(text).not.toContain('few hours');
  });
});

describe('the page others get instead', () => {
  it('is a neutral "not available", never "moved or deleted"', async () => {
    const { en } = await import('#lib/i18n/en.ts');
    const { de } = await import('#lib/i18n/de.ts');
    for (const text of [en['error.notFound'], en['error.notFoundText'], de['error.notFound'], de['error.notFoundText']]) {
      expect(text).not.toMatch(/moved|deleted|verschoben|gelöscht/i);
    }
    expect(en['error.notFound']).toBe('Not available');
  });
});
