import { describe, expect, it } from 'vitest';
import { detectPii } from './pii/detect.js';
import { redactionPlaceholder, redactSpans } from './redact.js';

describe('redactSpans', () => {
  it('keeps the sentence readable: each value becomes a placeholder in the sentence', () => {
    const text = 'Please refund it to my account DE89 3704 0044 0532 0130 00 or call me on 0171 1234567.';
    const redaction = redactSpans(text, detectPii(text), 'en');
    expect(redaction.text).toBe('Please refund it to my account [IBAN removed] or call me on [phone number removed].');
    expect(redaction.removed).toEqual([
      { kind: 'iban', count: 1 },
      { kind: 'phone', count: 1 },
    ]);
  });

  it('speaks the composer’s language', () => {
    const text = 'Erreichbar unter 0171 1234567, oder per Mail max@example.com. Danke!';
    expect(redactSpans(text, detectPii(text), 'de').text).toBe(
      'Erreichbar unter [Telefonnummer entfernt], oder per Mail [E-Mail-Adresse entfernt]. Danke!',
    );
    expect(redactionPlaceholder('iban', 'de')).toBe('[IBAN entfernt]');
  });

  it('replaces right to left, so every span is taken from the original offsets whatever the placeholder lengths', () => {
    const text = 'a 1 b 22 c 333 d';
    const spans = [
      { kind: 'phone' as const, start: 2, end: 3 },
      { kind: 'email' as const, start: 11, end: 14 },
      { kind: 'dob' as const, start: 6, end: 8 },
    ];
    expect(redactSpans(text, spans, 'en').text).toBe('a [phone number removed] b [date of birth removed] c [e-mail address removed] d');
  });

  it('counts per kind, in the order the kinds first occur', () => {
    const text = 'x 1 y 2 z 3';
    const spans = [
      { kind: 'phone' as const, start: 2, end: 3 },
      { kind: 'iban' as const, start: 6, end: 7 },
      { kind: 'phone' as const, start: 10, end: 11 },
    ];
    expect(redactSpans(text, spans, 'en').removed).toEqual([
      { kind: 'phone', count: 2 },
      { kind: 'iban', count: 1 },
    ]);
  });

  it('keeps emoji and other surrogate pairs whole, next to a span and when an offset falls inside one', () => {
    const text = '📞0171 1234567😀 ok';
    // "📞" is two UTF-16 units: the number starts at 2 and ends at 14, before "😀".
    expect(redactSpans(text, [{ kind: 'phone', start: 2, end: 14 }], 'en').text).toBe('📞[phone number removed]😀 ok');
    // A span that starts or ends between the halves of an emoji takes the whole emoji, never half of it.
    const split = redactSpans(text, [{ kind: 'phone', start: 1, end: 15 }], 'en').text;
    expect(split).toBe('[phone number removed] ok');
    expect(split).not.toMatch(/[\uD800-\uDFFF]/);
  });

  it('finds spans after emoji in the detector’s UTF-16 offsets', () => {
    const text = '🙂🙂 Meine Nummer: 0171 1234567 🙏';
    expect(redactSpans(text, detectPii(text), 'de').text).toBe('🙂🙂 Meine Nummer: [Telefonnummer entfernt] 🙏');
  });

  it('separates adjacent spans and merges overlapping ones', () => {
    const text = 'AAAABBBB and CCCC';
    const adjacent = redactSpans(
      text,
      [
        { kind: 'phone', start: 0, end: 4 },
        { kind: 'email', start: 4, end: 8 },
      ],
      'en',
    );
    expect(adjacent.text).toBe('[phone number removed] [e-mail address removed] and CCCC');
    const overlapping = redactSpans(
      text,
      [
        { kind: 'iban', start: 0, end: 6 },
        { kind: 'phone', start: 3, end: 8 },
        { kind: 'email', start: 13, end: 17 },
      ],
      'en',
    );
    expect(overlapping.text).toBe('[IBAN removed] and [e-mail address removed]');
    expect(overlapping.removed).toEqual([
      { kind: 'iban', count: 1 },
      { kind: 'email', count: 1 },
    ]);
  });

  it('clips spans to the text and ignores empty ones', () => {
    expect(redactSpans('abc', [{ kind: 'phone', start: -3, end: 1 }], 'en').text).toBe('[phone number removed]bc');
    expect(redactSpans('abc', [{ kind: 'phone', start: 2, end: 99 }], 'en').text).toBe('ab[phone number removed]');
    expect(redactSpans('abc', [{ kind: 'phone', start: 2, end: 2 }], 'en')).toEqual({ text: 'abc', removed: [] });
    expect(redactSpans('', [], 'de')).toEqual({ text: '', removed: [] });
  });

  it('leaves nothing the detector would find again', () => {
    const text =
      'IBAN DE89 3704 0044 0532 0130 00, Karte 4111 1111 1111 1111, Tel. +49 171 1234567, Mail max@example.com, geboren am 12.03.1985';
    const redaction = redactSpans(text, detectPii(text), 'de');
    expect(detectPii(redaction.text)).toEqual([]);
    expect(redaction.removed.map((r) => r.kind).sort()).toEqual(['card', 'dob', 'email', 'iban', 'phone']);
  });
});
