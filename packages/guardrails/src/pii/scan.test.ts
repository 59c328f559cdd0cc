import { describe, expect, it } from 'vitest';
import { anchorsOf, firstAt, matchesAt, positionsBefore } from './scan.js';

const spans = (matches: Iterable<RegExpExecArray>) => [...matches].map((m) => [m.index, m[0]]);

describe('positionsBefore', () => {
  it('lists each position once, in order, up to each anchor', () => {
    expect(positionsBefore([3, 5, 20], 2)).toEqual([1, 2, 3, 4, 5, 18, 19, 20]);
    expect(positionsBefore([1], 4)).toEqual([0, 1]);
  });
});

describe('matchesAt', () => {
  // Matches that overlap, start after a look-behind and are anchored on their end: the sticky scan must agree with a global one.
  const pattern = String.raw`(?<![a-z])[a-z]{1,6}(?:weg|gasse) ?\d{1,3} \d{5}`;
  const texts = [
    'am ring 5 12345 und ringweg 7 54321, oderweg 12 11111 und wegweg 1 22222',
    'xgasse 1 12345 ygasse 2 23456 zzzzzzzzzzgasse 3 34567 a weg 4 45678',
    'nothing here 12345',
  ];

  it.each(texts)('finds what a global scan finds in %j', (text) => {
    const starts = positionsBefore(anchorsOf(/\d{5}/g, text), 16);
    expect(spans(matchesAt(new RegExp(pattern, 'y'), text, starts))).toEqual(spans(text.matchAll(new RegExp(pattern, 'g'))));
  });

  it('misses a match whose start is not offered', () => {
    const text = 'wegweg 1 22222';
    expect(spans(matchesAt(new RegExp(pattern, 'y'), text, [1, 2]))).toEqual([]);
    expect(firstAt(new RegExp(pattern, 'y'), text, [0])?.[0]).toBe(text);
  });
});
