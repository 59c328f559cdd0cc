import { describe, expect, it } from 'vitest';
import { detectPii } from './detect.js';

const births = (text: string) => detectPii(text, { kinds: ['dob'] }).map((f) => text.slice(f.start, f.end));

describe('date of birth detection', () => {
  it.each([
    ['geb 21.06.1983 in Ulm', '21.06.1983'],
    ['my bday is 2 Aug 1994, the form rejects it', '2 Aug 1994'],
    ['Jahrgang 68, genau gesagt 30.01.1968', '30.01.1968'],
    ['Jg. 1975 (15.10.1975)', '15.10.1975'],
  ])('reads more birth cues in %j', (text, match) => {
    expect(births(text)).toEqual([match]);
  });

  it('takes a date after a birth year only when it carries that year', () => {
    expect(births('Jahrgang 1968, der Termin ist am 30.01.2025')).toEqual([]);
  });

  it.each([
    ['geb. 04.11.1952', '04.11.1952'],
    ['geboren am 3. März 1979', '3. März 1979'],
    ['Geburtsdatum: 01.07.1990', '01.07.1990'],
    ['Ich bin am 12.03.1985 geboren', '12.03.1985'],
    ['DOB: 1985-03-12', '1985-03-12'],
    ['born on July 4, 1976', 'July 4, 1976'],
    ['date of birth 9th of November 1989', '9th of November 1989'],
    ['my birthday is 14/02/1988', '14/02/1988'],
    ['DOB: 1985.03.12', '1985.03.12'],
    ['d.o.b. 12 Mar 1985', '12 Mar 1985'],
    ['d.o.b. 12-Mar-1985', '12-Mar-1985'],
    ['date of birth: 12 Mar. 1985', '12 Mar. 1985'],
    ['geboren am 12. März 1985', '12. März 1985'],
    ['geb. 12.März 1985', '12.März 1985'],
    ['Geburtsdatum: 1. Dezember 1979', '1. Dezember 1979'],
    ['Geb.-Dat.: 03.04.1961', '03.04.1961'],
  ])('finds the date in %j', (text, match) => {
    expect(births(text)).toEqual([match]);
  });

  it.each([
    ["My DOB is 12/03/1985 and my son's: 04/07/2015", ['12/03/1985', '04/07/2015']],
    ['Geburtsdaten: 12.03.1985 (ich), 04.07.2015 (Sohn)', ['12.03.1985', '04.07.2015']],
    ['Geburtsdatum 12. März 1985, meine Tochter ist am 4. Juli 2015 geboren', ['12. März 1985', '4. Juli 2015']],
    ['geboren am 12.03.1985, Termin am 14.02.2024', ['12.03.1985']],
    ['born 1985-03-12, the meter was installed 2019-04-01', ['1985-03-12']],
    ['DOB 12/03/1985; install date 04/07/2015', ['12/03/1985']],
  ])('finds a second birth date only when it is one, in %j', (text, expected) => {
    expect(births(text)).toEqual(expected);
  });

  it.each([
    'Die Jahresabrechnung vom 01.03.2024',
    'Firmware 2024.03.12 released', // a dotted-ISO version without a birth cue
    'Meter swap on May 12, 2025',
    'Mein Sohn hat am 12.03. Geburtstag',
    'bought it as a birthday present on 12/03/2024',
    'born in 1985', // a year alone is not a date
    'Geburtsdatum: 32.13.1985', // not a date
  ])('ignores %j', (text) => {
    expect(births(text)).toEqual([]);
  });

  it.each([
    ['Ruth Keller *14.02.1949, bitte Vertrag übertragen', '14.02.1949'],
    ['Mein Vater (*3.11.1951) ist umgezogen', '3.11.1951'],
    ['GebDat 09.06.1983, Tel folgt', '09.06.1983'],
  ])('takes the genealogical star and "GebDat" as birth cues in %j', (text, match) => {
    expect(births(text)).toEqual([match]);
  });

  it.each(['* 12.05.2019 Rechnung erhalten', '**12.05.2019** war die Abrechnung', 'Preis 9,99 €*12.05.2019'])(
    'does not take a markdown bullet, bold or footnote star for one in %j',
    (text) => {
      expect(births(text)).toEqual([]);
    },
  );
});

describe('dates near a birth word that are no birth dates, and corrected ones', () => {
  it.each([
    'Happy 10th birthday to our club, founded 3 March 2016!',
    'Zum Geburtstag des Vereins, gegründet am 12.04.2001, gibt es Kuchen.',
    'Das Formular hat mein Geburtsdatum auf 01.01.1900 gesetzt.',
  ])('ignores %j', (text) => {
    expect(births(text)).toEqual([]);
  });

  it.each([
    ['d.o.b 7th Dec 1961 for the security questions', ['7th Dec 1961']],
    ['The form set my date of birth to 01/01/1900, it should be 1984-03-17.', ['1984-03-17']],
    ['Geburtsdatum steht als 01.01.1900 drin, richtig wäre 17.03.1984.', ['17.03.1984']],
  ])('reads %j', (text, matches) => {
    expect(births(text)).toEqual(matches);
  });
});

describe('"b." before a date and "mine is" after one', () => {
  it('reads the abbreviation "b." right before a date as born', () => {
    expect(detectPii('b. 1 Feb 1969 – too old for this policy?').map((f) => f.kind)).toEqual(['dob']);
    expect(detectPii('Siehe z.B. 1 Feb 1969 als Stichtag.').map((f) => f.kind)).toEqual([]);
  });

  it('reads a second birth date after "and mine is"', () => {
    const text = "My wife's DOB is 19/06/1987 and mine is 02/12/1984; you've swapped them.";
    expect(detectPii(text).map((f) => text.slice(f.start, f.end))).toEqual(['19/06/1987', '02/12/1984']);
  });
});

describe('birth dates after a format hint, below a form label, and "zur Welt"', () => {
  it.each([
    ['Geburtsdatum (TT.MM.JJJJ): 04.07.1990', '04.07.1990'],
    ['Geburtsdatum\n03.04.1985', '03.04.1985'],
    ['meine Tochter kam am 3.3.2018 zur Welt', '3.3.2018'],
  ])('finds the date in %j', (text, match) => {
    expect(detectPii(text, { kinds: ['dob'] }).map((f) => text.slice(f.start, f.end))).toEqual([match]);
  });

  it.each(['Geburtsdatum (TT.MM.JJJJ) fehlt noch\nLieferung 03.04.2025', 'Vertragsbeginn\n03.04.2015'])('ignores %j', (text) => {
    expect(detectPii(text, { kinds: ['dob'] })).toEqual([]);
  });
});

describe('dates of birth phrased indirectly', () => {
  it.each([
    ['my date of birth (they asked for it on the phone) is 07/19/1983', '07/19/1983'],
    ['ich hab am 21.3.1985 Geburtstag, deshalb wundert mich die Altersangabe', '21.3.1985'],
    ['hab am 09.09.1999 das Licht der Welt erblickt', '09.09.1999'],
    ['Geb.-Dat. 7.VIII.1977', '7.VIII.1977'],
    ['geboren am 14. XI. 1966', '14. XI. 1966'],
    ['Ich (Baujahr 03.05.1987 😉) bin seit 2010 Kunde', '03.05.1987'],
    ['birth date on the account should be 1984-11-23, not 1984-11-22', '1984-11-23'],
    ['Wiegenfest am 08.01.1993 – so steht es im Perso', '08.01.1993'],
    ["I'm a 1979 baby, 12th of August 1979 to be exact", '12th of August 1979'],
    ['GebDat 010290', '010290'],
    ['DOB: 23111984', '23111984'],
  ])('reads %j', (text, match) => {
    expect(births(text)).toEqual([match]);
  });

  it.each([
    'am 12.05.2024 hat meine Tochter Geburtstag', // a birthday party this year
    'Baujahr 03.05.1987 steht auf dem Typenschild', // a machine's
    'a 1979 baby grand piano, bought 12th of August 2019',
    'GebDat 450290', // no such day
    'Bestellung 7.VIII.2024 geliefert',
  ])('leaves %j alone', (text) => {
    expect(births(text)).toEqual([]);
  });
});

describe('birth dates with spaces for separators and French, Italian, Spanish and Dutch month names', () => {
  it.each([
    ['PS: Geburtsdatum: 02 07 2005', '02 07 2005'],
    ['Geb.-Datum 27 07 1962', '27 07 1962'],
    ['Zur Identifizierung: geboren 2 juin 1982.', '2 juin 1982'],
    ['They asked for my date of birth (16 août 1981) and still hung up.', '16 août 1981'],
    ['Edit: DOB 25 marzo 1948', '25 marzo 1948'],
    ['*3 ottobre 1961', '3 ottobre 1961'],
    ['die hotline wollte mein geburtsdatum (24 de junio de 1944) und hat aufgelegt', '24 de junio de 1944'],
    ['geboren op 12 maart 1977', '12 maart 1977'],
  ])('finds the date in %j', (text, match) => {
    expect(births(text)).toEqual([match]);
  });

  it.each(['Geburtsdatum: 02 07', 'born in 12 2005 somewhere', 'Rendez-vous le 2 juin 2026 à 10h, merci'])(
    'reports nothing in %j',
    (text) => {
      expect(births(text)).toEqual([]);
    },
  );
});

describe('a birth place between the date and "geboren"', () => {
  it.each([
    ['Ich wurde am 03.04.1985 in Ulm geboren.', '03.04.1985'],
    ['Sie ist am 12. Mai 1950 in Bad Homburg geboren', '12. Mai 1950'],
  ])('finds the date in %j', (text, match) => {
    expect(births(text)).toEqual([match]);
  });

  it('does not read a later "geboren" in another clause', () => {
    expect(births('Termin am 03.04.2025 in Ulm, dort bin ich geboren')).toEqual([]);
  });
});

describe('days written as ordinal words', () => {
  it.each([
    ["born on the twenty-first of August 1987, if that's what the security question wants", 'twenty-first of August 1987'],
    ['DOB: third of March 1990', 'third of March 1990'],
    ['date of birth is the thirty first of May 1975', 'thirty first of May 1975'],
  ])('finds the date in %j', (text, match) => {
    expect(births(text)).toEqual([match]);
  });

  it('needs a birth cue', () => {
    expect(births('the meeting is on the twenty-first of August 2025')).toEqual([]);
  });
});

describe('the thirtieth', () => {
  it('reads "thirtieth of June 1980" as a valid day', () => {
    expect(births('DOB: thirtieth of June 1980')).toEqual(['thirtieth of June 1980']);
  });
});

describe('whose birth date it is between the label and the date', () => {
  it.each([
    ['Geburtsdatum der Kontoinhaberin (meine Mutter): 2. Oktober 1944. Sie ist im Pflegeheim.', '2. Oktober 1944'],
    ['Date of birth of the account holder: 14/02/1951', '14/02/1951'],
  ])('finds it in %j', (text, match) => {
    expect(births(text)).toEqual([match]);
  });
});
