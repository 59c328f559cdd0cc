import { describe, expect, it } from 'vitest';
import { checkPublicPost } from '../public-post.js';
import { ean13Valid, iso7064Mod11_10Valid, mrzCheckDigit, nhsChecksumValid } from './checksums.js';
import { detectPii } from './detect.js';

const ids = (text: string) => detectPii(text).map((f) => [f.kind, f.rule, text.slice(f.start, f.end)]);

describe('checksums of national identifiers', () => {
  it('validates the German tax id (ISO 7064 MOD 11,10)', () => {
    expect(iso7064Mod11_10Valid('86095742719')).toBe(true);
    expect(iso7064Mod11_10Valid('65929970489')).toBe(true);
    expect(iso7064Mod11_10Valid('86095742718')).toBe(false);
  });

  it('validates NHS numbers (mod 11), AHV numbers (EAN-13) and ICAO check digits (7-3-1)', () => {
    expect(nhsChecksumValid('9434765919')).toBe(true);
    expect(nhsChecksumValid('9434765918')).toBe(false);
    expect(ean13Valid('7569217076985')).toBe(true);
    expect(ean13Valid('7569217076986')).toBe(false);
    expect(mrzCheckDigit('L01X00T47')).toBe(1);
    expect(mrzCheckDigit('T22000129')).toBe(3);
  });
});

describe('person_id', () => {
  it.each([
    ['Meine Steuer-ID ist 86095742719.', 'steuer-id', '86095742719'],
    ['Steueridentifikationsnummer: 86 095 742 719', 'steuer-id', '86 095 742 719'],
    ['Steuer-Identifikationsnr. 86 095 742 719 liegt bei', 'steuer-id', '86 095 742 719'],
    ['Die steuerliche Identifikationsnummer lautet 65929970489', 'steuer-id', '65929970489'],
    ['Steuernummer 12/345/67890 beim Finanzamt Köln', 'steuernummer', '12/345/67890'],
    ['St.-Nr. 123/456/78901', 'steuernummer', '123/456/78901'],
    ['My SSN is 123-45-6788', 'ssn', '123-45-6788'],
    ['social security number 078-05-1121, please update it', 'ssn', '078-05-1121'],
    ['Tax ID 123456788', 'ssn', '123456788'],
    ['ITIN 912-70-1234', 'itin', '912-70-1234'],
    ['tax id 12-3456789 for the business', 'ein', '12-3456789'],
    ['NI number: AB 12 34 56 C', 'ni-number', 'AB 12 34 56 C'],
    ['National Insurance AB123456C', 'ni-number', 'AB123456C'],
    ['my national insurance number is CE 123456 A', 'ni-number', 'CE 123456 A'],
    ['NHS number 943 476 5919', 'nhs-number', '943 476 5919'],
    ['AHV-Nummer 756.9217.0769.85', 'ahv', '756.9217.0769.85'],
    ['Sozialversicherungsnummer: 7569217076985', 'ahv', '7569217076985'],
    ['Sozialversicherungsnummer 65 170839 J 003', 'svnr-de', '65 170839 J 003'],
    ['Rentenversicherungsnummer: 65170839J003', 'svnr-de', '65170839J003'],
    ['SV-Nummer 1237 010180', 'svnr-at', '1237 010180'],
    ['social insurance number 130 692 544', 'sin', '130 692 544'],
    ['Reisepass Nummer C01X00T47', 'passport', 'C01X00T47'],
    ['passport no. 533380006', 'passport', '533380006'],
    ['Ausweisnummer L01X00T471', 'id-card', 'L01X00T471'],
    ['Personalausweis T22000129, gültig bis 2031', 'id-card', 'T22000129'],
    ['ID card number: 8F3K29471', 'id-card', '8F3K29471'],
    ['Führerschein B072RRE2I55', 'driving-licence', 'B072RRE2I55'],
    ['Führerscheinnummer: J010000SD51', 'driving-licence', 'J010000SD51'],
    ['driving licence MORGA 657054 SM9IJ', 'driving-licence', 'MORGA 657054 SM9IJ'],
    ["Driver's license D1234567", 'driving-licence', 'D1234567'],
  ])('finds it in %j', (text, rule, value) => {
    expect(ids(text)).toEqual([['person_id', rule, value]]);
  });

  it.each([
    ['Pass-Nr. HJK4LMN7P, ausgestellt in Köln', 'passport', 'HJK4LMN7P'],
    ['die Ausweis-ID VX41K2M09 wird abgelehnt', 'id-card', 'VX41K2M09'],
    ['Perso-ID: RTZ7HG2K5', 'id-card', 'RTZ7HG2K5'],
    ['my Steuernummer 21815/30765 from Stuttgart', 'steuernummer', '21815/30765'],
    ['Steuernummer 013 815 08153 (Hessen)', 'steuernummer', '013 815 08153'],
    ['driver license no. W2281-77310', 'driving-licence', 'W2281-77310'],
    ['Fahrerlaubnis-Nr. K510ZZ4M92', 'driving-licence', 'K510ZZ4M92'],
  ])('reads more label variants and value shapes: %j', (text, rule, value) => {
    expect(ids(text)).toEqual([['person_id', rule, value]]);
  });

  it.each([
    ['Krankenversichertennummer: B314159264', 'kvnr', 'B314159264'],
    ['KVNR vom Kleinen: K271828185, bitte prüfen', 'kvnr', 'K271828185'],
    ['Health insurance card number for my German insurer: B314159264', 'kvnr', 'B314159264'],
    ['Meine Versichertennr B314159264 sei nicht aktiv', 'kvnr', 'B314159264'],
    ['PPS No.: 2718281G', 'pps', '2718281G'],
    ['meine PPS-Nummer ist 3141592EA, muss ich die angeben?', 'pps', '3141592EA'],
    ['my BSN is 271828109 but the form rejects it', 'bsn', '271828109'],
    ['burgerservicenummer 2718.28.109 with dots', 'bsn', '2718.28.109'],
    ['Austrian social security number 4287 120576, born in May', 'svnr-at', '4287 120576'],
    ['auf der e-card steht 7318030391, welche stimmt?', 'svnr-at', '7318030391'],
    ['German pension insurance number 53 140382 M 072, I worked there', 'svnr-de', '53 140382 M 072'],
    ['Steuerliche IdNr.: 86 095 742 719', 'steuer-id', '86 095 742 719'],
    ['Steuernummer im Elster-Format 9240059444818', 'steuernummer', '9240059444818'],
    ['Passport No.: CJZKTLRNV', 'passport', 'CJZKTLRNV'],
  ])('reads health insurance, Irish, Dutch and Austrian numbers and more label variants: %j', (text, rule, value) => {
    expect(ids(text)).toEqual([['person_id', rule, value]]);
  });

  it('needs no label for a health insurance number in a post about health insurance, if its check digit holds', () => {
    const post = 'Die Kassen-App will meine Versichertennummer, meldet aber „ungültig“. Eingegeben hab ich B314159264, genau so.';
    expect(ids(post)).toEqual([['person_id', 'kvnr', 'B314159264']]);
    expect(ids('Die Kassen-App will meine Versichertennummer. Eingegeben hab ich B314159265, genau so.')).toEqual([]);
    expect(ids('Artikel B314159264 ist wieder lieferbar.')).toEqual([]);
  });

  it('reads a document number with its label in brackets after it', () => {
    expect(ids('Bitte löscht das, die Nummer C4J7MR2X9 (deutscher Reisepass) steht im Profil.')).toEqual([
      ['person_id', 'passport', 'C4J7MR2X9'],
    ]);
    expect(ids('Uploaded as 5537201948 (Irish passport).')).toEqual([['person_id', 'passport', '5537201948']]);
    expect(ids('Ticket 4471203 (Reisepass-Antrag) ist offen, Maße 35x45mm (passport).')).toEqual([]);
  });

  it('takes no document number from the start of an ISO date after the label', () => {
    expect(detectPii('Laut Personalausweis 1987-11-04 geboren, das Portal sagt 04.11.').map((f) => f.kind)).not.toContain('person_id');
    expect(detectPii('Passport 2020.03.15 issued, expires 2030').map((f) => f.kind)).not.toContain('person_id');
    expect(ids('Ausweisnummer 2020-0315-77')).toEqual([['person_id', 'id-card', '2020-0315-77']]);
  });

  it('needs no label right before a German tax id in a post about it, if its digits and check digit hold', () => {
    const post = 'Das Finanzamt-Formular fragt nach der Steuer-ID. Es lädt nicht. Eingetragen hatte ich 65929970489, ohne Leerzeichen.';
    expect(ids(post)).toEqual([['person_id', 'steuer-id', '65929970489']]);
    expect(ids('The portal wants my tax ID for the grant. Fine: 65929970489. Still an error.')).toEqual([
      ['person_id', 'steuer-id', '65929970489'],
    ]);
    expect(ids('Das Formular fragt nach der Steuer-ID. Eingetragen hatte ich 65929970488, ohne Leerzeichen.')).toEqual([]);
    expect(ids('Sendungsnummer 65929970489 hängt seit Tagen im Verteilzentrum.')).toEqual([]);
  });

  it('needs no label for a German pension insurance number spaced as printed, if its check digit holds', () => {
    expect(ids('Kurze Frage zu 53 140382 M 072 – ist das M mein Geburtsname?')).toEqual([['person_id', 'svnr-de', '53 140382 M 072']]);
    expect(ids('Kurze Frage zu 53 140382 M 073 – ist das M mein Geburtsname?')).toEqual([]);
  });

  it('takes no date on the same or the next line for a second document number', () => {
    expect(ids('Perso-Nr. M7GKX52H7, gültig bis 03/2031.')).toEqual([['person_id', 'id-card', 'M7GKX52H7']]);
    expect(ids('Passport number 533380006\nDate of issue 14 MAR 2019')).toEqual([['person_id', 'passport', '533380006']]);
  });

  it.each([
    'Die Musterkarte der Krankenkasse zeigt B314159264 als Versichertennummer.',
    'PPS No.: 2718281H',
    'BSN 271828108',
    'e-card 4287 120577',
  ])('leaves %j alone (a specimen or a failing check digit)', (text) => {
    expect(ids(text).filter(([kind]) => kind === 'person_id')).toEqual([]);
  });

  it('needs no label for the unmistakable AHV and NI forms', () => {
    expect(ids('Hier meine 756.9217.0769.85')).toEqual([['person_id', 'ahv', '756.9217.0769.85']]);
    expect(ids('It is AB 12 34 56 C')).toEqual([['person_id', 'ni-number', 'AB 12 34 56 C']]);
  });

  it('finds a second value after the same label', () => {
    expect(ids('Steuer-ID: 86095742719 und die meiner Frau 65929970489')).toEqual([
      ['person_id', 'steuer-id', '86095742719'],
      ['person_id', 'steuer-id', '65929970489'],
    ]);
  });

  it('finds a value on the line after a form label', () => {
    expect(ids('Steuer-ID:\n86095742719')).toEqual([['person_id', 'steuer-id', '86095742719']]);
  });

  it('is high severity and blocks a public post', () => {
    const check = checkPublicPost('Meine Steuer-ID ist 86095742719, bitte korrigieren.');
    expect(check.blocking).toBe(true);
    expect(check.findings[0]).toMatchObject({ kind: 'person_id', severity: 'high', blocking: true });
    expect(check.findings[0]!.messageDe).toMatch(/Steuer-ID/);
  });

  it.each([
    'Steuer-ID 86095742718', // check digit wrong
    'Steuer-ID 11195742712', // a digit three times in a row
    'SSN: 666-45-6789',
    'SSN: 000-45-6789',
    'SSN: 123-00-6789',
    'SSN: 123-45-0000',
    'SSN: XXX-XX-1234',
    'my NI no is BG123456A',
    'NI number: QQ 12 34 56 C',
    'NHS number 943 476 5918',
    'AHV 756.9217.0769.86',
    'Sozialversicherungsnummer 65 170839 J 004',
    'Ausweisnummer L01X00T472',
    'Steuer-ID: 12 *** *** 901',
    'Die Steuer-ID bekommt man vom BZSt, Bearbeitung dauert 3 Wochen',
    'passport photo size 35x45 mm',
    'Reisepass seit 12.03.2019 abgelaufen',
    'Ausweis und Führerschein 2019 verloren',
    'Ausweis vergessen, Ticket 4711',
    'Mein Ausweis läuft 2027 ab',
    'Passwort 12345678 geht nicht',
    'Firmware 1.2.3.4, IMEI 356938035643809, MAC 00:1A:2B:3C:4D:5E',
    'Social media reach was 12345 this week',
    'Product code AB 12 34 56 E',
  ])('leaves %j alone', (text) => {
    expect(ids(text).filter(([kind]) => kind === 'person_id')).toEqual([]);
  });
});

describe('a National Insurance number in lower case, and sizes after a passport word', () => {
  it('reads a lower-case NI number after its label', () => {
    expect(ids('ni no hj 38 80 87 d (lower case, the form allows it)')).toEqual([['person_id', 'ni-number', 'hj 38 80 87 d']]);
  });

  it.each(['Passport photo dimensions 35x45mm for the ID check?', 'passport no. is on page 2', 'Führerschein 600x400 px scan'])(
    'ignores %j',
    (text) => {
      expect(ids(text)).toEqual([]);
    },
  );
});

describe('more label shapes for person ids', () => {
  it.each([
    ['my SS number 803-46-5096', 'ssn', '803-46-5096'],
    ['Perso: L7H3R9KZ2', 'id-card', 'L7H3R9KZ2'],
    ['die ID-Nr. vom Finanzamt ist 86095742719', 'steuer-id', '86095742719'],
  ])('finds %j', (text, rule, match) => {
    expect(ids(text)).toEqual([['person_id', rule, match]]);
  });
});

describe('person ids of more countries, checked where they carry a check digit', () => {
  it.each([
    ['Ich lebe in Valencia, DNI 74919751B, und die Bank will einen Nachweis', 'dni', '74919751B'],
    ['DNI: 48213377-H', 'dni', '48213377-H'],
    ['my NIE is Y-4471203-V (Spain)', 'dni', 'Y-4471203-V'],
    ['PESEL 92031501232 im Formular', 'pesel', '92031501232'],
    ['PESEL: 88031424497', 'pesel', '88031424497'],
    ['personnummer 850709-9805 – moved from Sweden', 'personnummer', '850709-9805'],
    ['Personnummer: 19880712-1234', 'personnummer', '19880712-1234'],
    ['Numéro de sécurité sociale: 1 85 07 75 123 456 08 (Frankreich)', 'nir', '1 85 07 75 123 456 08'],
    ['my French social security number is 290016912308850', 'nir', '290016912308850'],
    ['henkilötunnus 311280-888Y', 'hetu', '311280-888Y'],
    ['finnische Personenkennziffer (HETU) meiner Tochter: 150603A1238', 'hetu', '150603A1238'],
    ['NIF (Portugal) 231456786 – Steuerbescheinigung', 'nif', '231456786'],
    ['Rijksregisternummer 79.04.15-123.47, wohne in Eupen', 'rrn', '79.04.15-123.47'],
    ['Belgian national number: 05031245618', 'rrn', '05031245618'],
    ['Rodné číslo 905613/1238 – die tschechische Geburtsnummer', 'rodne-cislo', '905613/1238'],
    ['CPR-nr 120384-1429, Danish', 'cpr', '120384-1429'],
    ['Steuernummer lt. Bescheid 143/255/60817, Veranlagung 2023 fehlt', 'steuernummer', '143/255/60817'],
  ])('finds %j', (text, rule, match) => {
    expect(ids(text)).toEqual([['person_id', rule, match]]);
  });

  it.each([
    'DNI 74919751C', // wrong check letter
    'Das klappt nie 12345678Z', // German "nie" is no NIE
    'PESEL 92031501233',
    'personnummer 850709-9806',
    'Numéro de sécurité sociale: 1 85 07 75 123 456 09',
    'henkilötunnus 311280-888X',
    'NIF 231456787',
    'Rijksregisternummer 79.04.15-123.48',
    'Rodné číslo 905613/1239',
    'CPR-nr 451384-1429', // no such day
    'Die Steuernummer im Impressum (143/255/60817) gehört der Firma.',
  ])('leaves %j alone', (text) => {
    expect(ids(text).filter(([kind]) => kind === 'person_id')).toEqual([]);
  });

  it('does not take a PESEL for a phone number', () => {
    expect(ids('PESEL: 03270248282').map(([kind]) => kind)).not.toContain('phone');
  });
});

describe("the writer's own id after a sample one", () => {
  it.each([
    ['BSN 111222333 is the sample one right? mine is 328110279', '328110279'],
    ['Die Steuer-ID im Beispiel war 12345678901. Meine ist 86095742719, die nimmt das Formular nicht.', '86095742719'],
    ['Steuer-ID aus der Anleitung geht nicht - meine lautet 86095742719', '86095742719'],
  ])('finds it in %j', (text, match) => {
    expect(ids(text).map(([, , value]) => value)).toEqual([match]);
  });

  it('needs the checksum to hold', () => {
    expect(ids('BSN 111222333 is the sample one right? mine is 328110270')).toEqual([]);
  });
});

describe('US numbers that were never anyone’s SSN, and a value called the dummy one', () => {
  it.each([
    'SSN: 123-45-6789',
    'my SSN 078-05-1120',
    'Social Security number 219-09-9999',
    'Steuer-ID 86095742719 (that’s the dummy value in their tests)',
    "NHS number 943 476 5919 - it's the test number from the docs",
  ])('reports nothing in %j', (text) => {
    expect(ids(text)).toEqual([]);
  });

  it('still reports a valid SSN', () => {
    expect(ids('SSN: 123-45-6788')).toEqual([['person_id', 'ssn', '123-45-6788']]);
  });
});

describe('Norwegian fødselsnummer and Italian codice fiscale, checked', () => {
  it.each([
    ['Im Formular steht bei Norwegian national ID 11010223972 – ist das richtig so?', 'fodselsnummer', '11010223972'],
    ['fødselsnummer: 11010223972', 'fodselsnummer', '11010223972'],
    ['Im Formular steht bei codice fiscale RSSGPP03B23F205U – ist das richtig so?', 'codice-fiscale', 'RSSGPP03B23F205U'],
  ])('finds it in %j', (text, rule, match) => {
    expect(ids(text)).toEqual([['person_id', rule, match]]);
  });

  it.each(['fødselsnummer: 11010223973', 'codice fiscale RSSGPP03B23F205A', 'Norwegian national ID 12345678901'])(
    'needs the check to hold: %j',
    (text) => {
      expect(ids(text)).toEqual([]);
    },
  );
});

describe('German document labels in the genitive and more Steuer-ID label forms', () => {
  it.each([
    ['Die Nummer meines Personalausweises ist L01X00T47.', 'L01X00T47'],
    ['Die Nummer des Reisepasses lautet C01X00T47', 'C01X00T47'],
    ['Nummer meines Führerscheins: B072RRE2I55', 'B072RRE2I55'],
    ['Steueridentnummer 86095742719', '86095742719'],
    ['Identifikationsnr. 86095742719', '86095742719'],
  ])('finds it in %j', (text, match) => {
    expect(ids(text).map(([, , value]) => value)).toEqual([match]);
  });
});

describe('a bare "ID-Nummer" or "ID number" with a valid Steuer-ID', () => {
  it.each([
    ['Die ID-Nummer fürs Finanzamt: 86095742719', '86095742719'],
    ['my ID number is 86095742719 (German tax)', '86095742719'],
  ])('finds it in %j', (text, match) => {
    expect(ids(text).map(([, , value]) => value)).toEqual([match]);
  });

  it('needs the Steuer-ID check', () => {
    expect(ids('ID number 12345678901')).toEqual([]);
  });
});

describe("a value after the label's question, a semicolon or an aside in brackets", () => {
  it.each([
    ['Mein Sohn braucht seine Steuer-ID? Hier: 92603758109, geboren 2009-04-17.', 'steuer-id', '92603758109'],
    ["your portal wants my SSN; I entered 601-38-2247 and it says 'invalid'.", 'ssn', '601-38-2247'],
    ['Meine Steuernummer (Freiberufler, für die Rechnung mit ausgewiesener USt): 181/815/44103.', 'steuernummer', '181/815/44103'],
  ])('reads %j', (text, rule, value) => {
    expect(ids(text)).toContainEqual(['person_id', rule, value]);
  });

  it.each(['Braucht ihr die Steuer-ID? Die Kundennummer ist 92603758109.', 'SSN; the form also asks for 601-38-2247 (a sample)'])(
    'leaves %j alone',
    (text) => {
      expect(ids(text).filter(([kind]) => kind === 'person_id')).toEqual([]);
    },
  );
});

describe("a company's tax number named so after it", () => {
  it('leaves "Steuernummer 21/815/08150 der Firma" alone', () => {
    expect(ids('Steuernummer 21/815/08150 der Firma').filter(([kind]) => kind === 'person_id')).toEqual([]);
  });
});
