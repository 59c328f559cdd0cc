import { describe, expect, it } from 'vitest';
import { normalizeText, toOriginalSpan } from './normalize.js';

describe('normalizeText', () => {
  it('leaves ordinary text alone', () => {
    const text = 'Tel 0171 1234567, Grüße aus Köln 😀';
    expect(normalizeText(text)).toEqual({ text, changes: [] });
  });

  it('folds full-width characters, exotic spaces and dashes, and drops invisible characters', () => {
    const input = '４１１１\u00a01111\u2009\u200b1111\u202f1111 \u2013 max\uff20example.com\u00ad';
    expect(normalizeText(input).text).toBe('4111 1111 1111 1111 - max@example.com');
  });

  it('maps spans back to the original, across dropped, expanded and surrogate-pair characters', () => {
    const input = 'Ｎr ½ IBAN 𝟒𝟐\u200b42 ok';
    const n = normalizeText(input);
    expect(n.text).toBe('Nr 1⁄2 IBAN 4242 ok');
    const span = (value: string) => {
      const at = n.text.indexOf(value);
      const [start, end] = toOriginalSpan(n, at, at + value.length);
      return input.slice(start, end);
    };
    expect(span('4242')).toBe('𝟒𝟐\u200b42');
    expect(span('1⁄2')).toBe('½');
    expect(span('⁄')).toBe('½');
    expect(span('Nr')).toBe('Ｎr');
    expect(span('ok')).toBe('ok');
  });
});
