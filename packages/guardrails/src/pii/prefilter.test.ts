import { describe, expect, it } from 'vitest';
import { prefilter, prefixes } from './prefilter.js';
import { scanner } from './scan.js';

const joined = (source: string) => prefixes(source)?.map((p) => p.join(''));

describe('prefixes', () => {
  it.each([
    ['kunden?nummer|kd\\.?-?nr', ['kund', 'kd\\.-', 'kd\\.n', 'kd-n', 'kdnr']],
    ['(?:my|mein)\\s(?:konto|account)', ['my\\sk', 'my\\sa', 'mein']],
    ['(?<kind>vertrag|contract)(?=\\s)', ['vert', 'cont']],
    ['(?<![\\p{L}])az\\.|(?:geschäfts)?partner', ['az\\.', 'gesc', 'part']],
    ['s[ée]curit', ['s[ée]cu']],
    ['po+l', ['po']],
    ['\\d\\sbaby|(?<![A-Za-z0-9_])jg\\.', ['\\d\\sba', 'jg\\.']],
  ])('of %j are %j', (source, expected) => {
    expect(joined(source)).toEqual(expected);
  });

  it.each(['kunde|\\bkd', 'nummer|(?:^|\\n)straße', '.*nr', '\\d{4}', 'x{2}y'])(
    'are missing for %j (some way starts with no fixed character)',
    (source) => {
      expect(prefixes(source)).toBeNull();
    },
  );
});

describe('scanner', () => {
  const pattern =
    /(?<customer>kunden?[\s-]?(?:numm?er|nr\.?)|kd\.?-?\s?nr\.?|(?:my|mein)\s(?:konto|account))|(?<order>bestell(?:nummer|nr\.?)|order\s?#)/giu;
  const texts = [
    'Meine Kundennummer ist 4711, KD-Nr. 12, Kd. Nr. 3 und Kunde-Nr 9; mein Konto 5, my account 6.',
    'Bestellnummer 1, order #2, ORDER#3, bestellnr. 4 — kundennummernkundennr',
    'nothing to see here',
  ];

  it.each(texts)('finds what matchAll finds in %j', (text) => {
    const spans = (matches: Iterable<RegExpExecArray>) => [...matches].map((m) => [m.index, m[0], JSON.stringify(m.groups)]);
    expect(prefilter(pattern)).not.toBeNull();
    expect(spans(scanner(pattern)(text))).toEqual(spans(text.matchAll(pattern)));
  });
});
