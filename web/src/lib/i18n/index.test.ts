import { describe, expect, it } from 'vitest';
import { createTranslator, fieldErrorMessage } from './index.ts';
import { negotiateLocale } from './locale.ts';

describe('negotiateLocale', () => {
  it('prefers a valid lang cookie', () => {
    expect(negotiateLocale('de', 'en-US,en;q=0.9')).toBe('de');
    expect(negotiateLocale('en', 'de-DE')).toBe('en');
  });

  it('ignores an unknown cookie value and falls back to Accept-Language', () => {
    expect(negotiateLocale('fr', 'de-AT,de;q=0.9')).toBe('de');
  });

  it('picks the best supported language by q-value, then order', () => {
    expect(negotiateLocale(undefined, 'fr-FR,fr;q=0.9,de;q=0.8,en;q=0.7')).toBe('de');
    expect(negotiateLocale(undefined, 'en;q=0.5, de;q=0.9')).toBe('de');
    expect(negotiateLocale(undefined, 'de-CH, en')).toBe('de');
    expect(negotiateLocale(undefined, 'DE')).toBe('de');
  });

  it('skips languages with q=0 and defaults to English', () => {
    expect(negotiateLocale(undefined, 'de;q=0, fr')).toBe('en');
    expect(negotiateLocale(undefined, '')).toBe('en');
    expect(negotiateLocale(null, null)).toBe('en');
    expect(negotiateLocale(undefined, '*')).toBe('en');
  });
});

describe('createTranslator', () => {
  it('fills placeholders', () => {
    expect(createTranslator('en')('search.resultsFor', { q: 'wifi' })).toBe('Results for “wifi”');
    expect(createTranslator('de')('search.resultsFor', { q: 'WLAN' })).toBe('Ergebnisse für „WLAN“');
  });

  it('chooses plural forms per language', () => {
    const en = createTranslator('en');
    const de = createTranslator('de');
    expect(en('post.answers', { count: 1 })).toBe('1 answer');
    expect(en('post.answers', { count: 0 })).toBe('0 answers');
    expect(de('post.answers', { count: 1 })).toBe('1 Antwort');
    expect(de('post.answers', { count: 1200 })).toBe('1.200 Antworten');
  });

  it('maps api field errors to the most specific text it has', () => {
    const t = createTranslator('en');
    expect(fieldErrorMessage(t, 'title', 'too_short', 'Title too short')).toBe('Use at least 10 characters.');
    expect(fieldErrorMessage(t, 'body', 'too_short', 'Body too short')).toBe('This is too short.');
    expect(fieldErrorMessage(t, 'body', 'mystery', 'The api explains')).toBe('The api explains');
    expect(fieldErrorMessage(t, 'body', 'mystery')).toBe('This value is not valid.');
    expect(fieldErrorMessage(createTranslator('de'), 'email', 'taken')).toBe('Mit dieser E-Mail-Adresse gibt es schon ein Konto.');
  });
});
