import { describe, expect, it } from 'vitest';
import { detectPii } from './detect.js';

const births = (text: string) => detectPii(text, { kinds: ['dob'] }).map((f) => text.slice(f.start, f.end));

describe('date of birth detection', () => {
  it.each([
    ['geb. 04.11.1952', '04.11.1952'],
    ['geboren am 3. März 1979', '3. März 1979'],
    ['Geburtsdatum: 01.07.1990', '01.07.1990'],
    ['Ich bin am 12.03.1985 geboren', '12.03.1985'],
    ['DOB: 1985-03-12', '1985-03-12'],
    ['born on July 4, 1976', 'July 4, 1976'],
    ['date of birth 9th of November 1989', '9th of November 1989'],
    ['my birthday is 14/02/1988', '14/02/1988'],
  ])('finds the date in %j', (text, match) => {
    expect(births(text)).toEqual([match]);
  });

  it.each([
    'Die Jahresabrechnung vom 01.03.2024',
    'Meter swap on May 12, 2025',
    'Mein Sohn hat am 12.03. Geburtstag',
    'bought it as a birthday present on 12/03/2024',
    'born in 1985', // a year alone is not a date
    'Geburtsdatum: 32.13.1985', // not a date
  ])('ignores %j', (text) => {
    expect(births(text)).toEqual([]);
  });
});
