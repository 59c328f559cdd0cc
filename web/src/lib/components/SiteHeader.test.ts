import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '#lib/testing/render.ts';
import SiteHeader from './SiteHeader.svelte';

const agent = {
  id: '7',
  email: 'miriam@example.test',
  displayName: 'Miriam Çelik',
  initials: 'MÇ',
  role: 'AGENT',
  isStaff: true,
  canReview: true,
} as Parameters<typeof SiteHeader>[1]['viewer'];

/** The compact menu: a `<details>` disclosure, so it opens without JavaScript. */
function menu(html: string): string {
  const match = /<details[^>]*data-testid="site-menu"[\s\S]*?<\/details>/.exec(html);
  expect(match, 'a <details> menu').not.toBeNull();
  return match![0];
}

describe('SiteHeader', () => {
  it('keeps "Ask a question" as words, not a bare plus', () => {
    const { html } = renderWithI18n(SiteHeader, { viewer: null, returnTo: '/' });
    expect(html).toMatch(/<a class="button ask[^"]*" href="\/ask">[\s\S]*?<span[^>]*>Ask a question<\/span>/);
  });

  it('gives visitors a menu with sign-in and account creation', () => {
    const { html } = renderWithI18n(SiteHeader, { viewer: null, returnTo: '/' });
    const disclosure = menu(html);
    expect(disclosure).toMatch(/<summary[\s\S]*Menu[\s\S]*<\/summary>/);
    expect(disclosure).toContain('Sign in');
    expect(disclosure).toContain('Create account');
    expect(disclosure).toContain('Leaderboard');
  });

  it('puts staff navigation and signing out in the menu', () => {
    const disclosure = menu(renderWithI18n(SiteHeader, { viewer: agent, returnTo: '/' }).html);
    for (const label of ['Leaderboard', 'Console', 'Review', 'Audit log', 'Sign out', 'Miriam Çelik']) {
      expect(disclosure).toContain(label);
    }
  });

  it('labels the menu in German', () => {
    const disclosure = menu(renderWithI18n(SiteHeader, { viewer: null, returnTo: '/' }, { locale: 'de' }).html);
    expect(disclosure).toContain('Menü');
    expect(disclosure).toContain('Konto erstellen');
  });
});
