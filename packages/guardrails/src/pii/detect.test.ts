import { describe, expect, it } from 'vitest';
import { detectPii } from './detect.js';

describe('detectPii', () => {
  it('reports findings in text order with original offsets, kind, severity, masked preview and rule', () => {
    const text = 'Mail max@example.com, IBAN DE89 3704 0044 0532 0130 00';
    expect(detectPii(text)).toEqual([
      { kind: 'email', severity: 'medium', start: 5, end: 20, text: 'ma•@•••••••.•om', rule: 'email' },
      { kind: 'iban', severity: 'high', start: 27, end: 54, text: 'DE•• •••• •••• •••• •••• 00', rule: 'iban' },
    ]);
  });

  it('finds nothing in ordinary support prose full of numbers', () => {
    const text = [
      'Seit Firmware v2.4.13 (Build 4471) verliert das FW-3000X die Verbindung; Fehler 0x80070005 bzw. E-1042.',
      'Zählerstand 12.345,6 kWh am 01.03.2024, Abschlag 129,99 € statt 119,99 € (+8,3 %).',
      'Log: 2024-03-12T08:15:30Z reset, IP 192.168.178.24, Router 1.2.3.4, seit 2019 Kunde.',
      'The plan went up to $1,299.00; SMGW-200 shows 88:88; serial SN 0045-7782-1190; invoice total 1,234.56 EUR.',
    ].join('\n');
    expect(detectPii(text)).toEqual([]);
  });

  describe('Unicode tricks', () => {
    it.each([
      ['full-width digits', 'IBAN ', 'ＤＥ８９ ３７０４ ００４４ ０５３２ ０１３０ ００', 'iban'],
      ['zero-width spaces', 'IBAN ', 'DE89\u200b3704\u200b0044\u200b0532\u200b0130\u200b00', 'iban'],
      ['no-break and thin spaces', 'Karte ', '4111\u00a01111\u20091111\u202f1111', 'card'],
      ['soft hyphen', 'Handy ', '0171\u00ad1234567', 'phone'],
      ['en dashes', 'Karte ', '4242\u20134242\u20134242\u20134242', 'card'],
      ['full-width at sign', 'Mail: ', 'anna\uff20example.com', 'email'],
      ['full-width digits and dots', 'Karte ', '４１１１．１１１１．１１１１．１１１１', 'card'],
      ['dots inside an IBAN', 'IBAN ', 'DE89.3704.0044.0532.0130.00', 'iban'],
      ['a space between every digit', 'Karte ', '4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1', 'card'],
      ['word joiner in an e-mail', 'Mail: ', 'emma@\u2060example.net', 'email'],
    ])('sees through %s, with the span in the original text', (_name, prefix, value, kind) => {
      const text = `${prefix}${value} danke`;
      expect(detectPii(text).map((f) => [f.kind, text.slice(f.start, f.end)])).toEqual([[kind, value]]);
    });

    it('maps spans back across surrogate pairs', () => {
      const text = '😀😀 Tel 0171 1234567';
      const [finding] = detectPii(text);
      expect(text.slice(finding!.start, finding!.end)).toBe('0171 1234567');
    });
  });

  it('keeps the more specific finding when two overlap', () => {
    const text = 'Kundennummer 01711234567';
    expect(detectPii(text).map((f) => f.kind)).toEqual(['customer_number']);
  });

  it('limits the kinds when asked', () => {
    const text = 'max@example.com, 0171 1234567';
    expect(detectPii(text, { kinds: ['phone'] }).map((f) => f.kind)).toEqual(['phone']);
  });
});
