import { describe, expect, it } from 'vitest';
import { detectPii } from './detect.js';

const numbers = (text: string, options = {}) => detectPii(text, options).map((f) => [f.kind, text.slice(f.start, f.end), f.severity]);

describe('customer, contract and order numbers', () => {
  it.each([
    ['Kundennummer 123456789', 'customer_number', '123456789', 'medium'],
    ['Vertragsnummer: V-2024-77812', 'contract_number', 'V-2024-77812', 'medium'],
    ['order #4711-2231', 'order_number', '4711-2231', 'low'],
    ['customer no. 12345678', 'customer_number', '12345678', 'medium'],
    ['Meine Kunden-Nr. lautet 40 1188 2734', 'customer_number', '40 1188 2734', 'medium'],
    ['Auftragsnummer ist FW-A-88123', 'order_number', 'FW-A-88123', 'low'],
    ['Die Bestellung 2024-118823 fehlt', 'order_number', '2024-118823', 'low'],
  ])('finds the number in %j', (text, kind, match, severity) => {
    expect(numbers(text)).toEqual([[kind, match, severity]]);
  });

  it.each([
    'Meine Kundennummer habe ich nicht zur Hand.',
    'Kundennummer ist 10-stellig',
    'Bestellung vom 03.04.2024',
    'my order 2024 arrived', // bare cue, too short
    'order 3 of 5',
  ])('ignores %j', (text) => {
    expect(numbers(text)).toEqual([]);
  });

  it('applies custom patterns with their own kind, severity and rule', () => {
    const options = {
      customPatterns: [{ kind: 'customer_number' as const, pattern: /\bFW\d{8}\b/, severity: 'high' as const, rule: 'fennwatt-id' }],
    };
    expect(detectPii('Konto FW12345678 gesperrt', options)).toMatchObject([
      { kind: 'customer_number', severity: 'high', rule: 'fennwatt-id' },
    ]);
    expect(numbers('Vertrag K-55/123', { customPatterns: [{ kind: 'contract_number', pattern: 'K-\\d{2}/\\d{3}' }] })).toEqual([
      ['contract_number', 'K-55/123', 'medium'],
    ]);
  });

  it('does not trip over a custom pattern that matches the empty string', () => {
    expect(detectPii('abc', { customPatterns: [{ kind: 'order_number', pattern: /x*/g }] })).toEqual([]);
  });
});
