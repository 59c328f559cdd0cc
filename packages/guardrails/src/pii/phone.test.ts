import { describe, expect, it } from 'vitest';
import { detectPii } from './detect.js';

const phones = (text: string) => detectPii(text, { kinds: ['phone'] }).map((f) => text.slice(f.start, f.end));

describe('phone number detection', () => {
  it.each([
    ['erreichbar unter 0171 1234567.', '0171 1234567'],
    ['Tel. +49 (0)30 123456-78', '+49 (0)30 123456-78'],
    ['Festnetz 030/1234567', '030/1234567'],
    ['Rückruf 089 / 123 456 78 bitte', '089 / 123 456 78'],
    ['Nummer: 01711234567', '01711234567'],
    ['Rufnummer (0221) 9876543', '(0221) 9876543'],
    ['call +44 20 7946 0958', '+44 20 7946 0958'],
    ['US +1 (415) 555-0100', '+1 (415) 555-0100'],
    ['cell 212-555-0199', '212-555-0199'],
    ['Number: 415.555.0132', '415.555.0132'],
    ['0049 89 12345678 (Vermieter)', '0049 89 12345678'],
  ])('finds the number in %j', (text, match) => {
    expect(phones(text)).toEqual([match]);
  });

  it('splits two numbers joined by " / "', () => {
    expect(phones('0171 1234567 / 030 1234567')).toEqual(['0171 1234567', '030 1234567']);
  });

  it('needs a cue for weak shapes', () => {
    expect(phones('415 555 0190')).toEqual([]);
    expect(phones('Call me at 415 555 0190')).toEqual(['415 555 0190']);
  });

  it.each([
    ['text me: 555.013.8842', '555.013.8842'],
    ['ring me on (555) 017-6610 after six', '(555) 017-6610'],
  ])('accepts a made-up North American exchange when punctuated and introduced as a phone: %j', (text, match) => {
    expect(phones(text)).toEqual([match]);
  });

  it('ignores an unpunctuated made-up North American number even after a cue', () => {
    expect(phones('call 555 013 8842')).toEqual([]);
  });

  it('does not read a sample word inside an address or link before the number', () => {
    expect(phones('jo@example.org, 0157 2233 4455')).toEqual(['0157 2233 4455']);
  });

  it('takes the label right before the number over another word further back', () => {
    expect(phones('Rückfragen zum Vertrag, Handy: 0176 55443322')).toEqual(['0176 55443322']);
  });

  it.each([
    'Example NHS number 943 476 5870 from the leaflet',
    'Steuer-ID: 0412 3456 789 (so steht es im Formular-Beispiel)',
    'Unsere Hotline 0800 330 1122 ist kostenlos',
    'call the helpline on 0345 600 1122',
    'Handy 0170 23XX XXX (gekürzt)',
    'Tel. +49 89 1234 **** maskiert',
    'Das Feld erwartet z. B. +49 151 2345 6789',
    'use the format 07700 900 456 without spaces',
    'Handy 0176 3344 5566 (Beispiel), bitte eure eigene eintragen',
    'ABA routing number 026009593',
    'Charge 2231 und Los 0177 6621 09',
  ])('ignores identifiers of other kinds, service lines and masked numbers: %j', (text) => {
    expect(phones(text)).toEqual([]);
  });

  it.each([
    'Firmware v2.4.13 und 1.2.3.4',
    'Rechnung vom 01.03.2024',
    'am 01/03/2024 bestellt',
    'Fehler 0x80070005',
    'Modell FW-3000X, E-1042',
    'Zählerstand 0012345678 kWh',
    'Seriennummer 0045-7782-1190',
    'Tracking 00340434161234567890',
    'IP 192.168.0.1, Gateway 010.000.000.001',
    'Öffnungszeiten 0800-1700',
    'Mein Zähler hat die Nummer 1 EMH 00 1234 5678',
    'Preis 0171 €',
  ])('ignores %j', (text) => {
    expect(phones(text)).toEqual([]);
  });
});

describe('organisations’ lines, extensions and numbers read out as words', () => {
  it.each([
    'Bei Fragen: unsere Servicezentrale ist unter 040 3344 5500 erreichbar.',
    'Die kostenlose Nummer 0800 4455 667 hat mir auch nicht geholfen.',
    'Service line +49 800 2233 4455 was busy for an hour.',
    'Die Störungsstelle der Netzbetreiber (089 2211 0, rund um die Uhr) nimmt nicht ab.',
    'Just ring our support desk on 0161 555 7788 (Mon–Fri 9–5).',
    'Kontakt: 030 2299 4411 (werktags 9–17 Uhr)',
    'Freundliche Grüße\nAylin, Kundenservice\nTel. 0221 5566 7788',
  ])('ignores %j', (text) => {
    expect(phones(text)).toEqual([]);
  });

  it.each([
    ['Die Hotline ruft nie zurück, meine Nummer: 0157 8899 0011', '0157 8899 0011'],
    ['you can reach me on 020 3344 5566 during office hours', '020 3344 5566'],
    ['Hi support\ncall me back on 0176 1122 3344', '0176 1122 3344'],
  ])('keeps the writer’s own number near such words: %j', (text, match) => {
    expect(phones(text)).toEqual([match]);
  });

  it.each([
    ['Büro 089 4455 66 Durchwahl -31, vormittags', '089 4455 66 Durchwahl -31'],
    ['desk phone 0117 496 0555, ext 88', '0117 496 0555, ext 88'],
    ['work: +1 (646) 555-0177 ext. 9', '+1 (646) 555-0177 ext. 9'],
    ['cell +1 646 555 0177 x12 after 6', '+1 646 555 0177 x12'],
    ['Telefon 0 40 / 22 33 44 - 0 bzw. -57 direkt', '0 40 / 22 33 44 - 0 bzw. -57'],
  ])('takes the extension into the span: %j', (text, match) => {
    expect(phones(text)).toEqual([match]);
  });

  it.each([
    [
      'Meine Handynummer: null-eins-fünf-zwo, drei-drei-acht, sieben-sieben-eins-null',
      'null-eins-fünf-zwo, drei-drei-acht, sieben-sieben-eins-null',
    ],
    ['call me: oh seven seven double oh, nine one two three four five', 'oh seven seven double oh, nine one two three four five'],
  ])('reads digits written as words after a phone cue: %j', (text, match) => {
    expect(phones(text)).toEqual([match]);
  });

  it.each([
    'one two three four five six seven, that is how we counted',
    'Wir waren zu sechs, sieben oder acht Leuten und neun Hunde, null Problem.',
  ])('needs a phone cue for spoken digits: %j', (text) => {
    expect(phones(text)).toEqual([]);
  });
});

describe('lines priced per minute, and digits read out with hundreds', () => {
  const phones = (text: string) => detectPii(text, { kinds: ['phone'] }).map((f) => text.slice(f.start, f.end));

  it.each(['Calls to 0345 600 1234 cost me 45p/min on PAYG.', 'Anrufe bei 01806 123456 kosten 20 ct/min aus dem Festnetz.'])(
    'takes a number charged per minute for a service line: %j',
    (text) => {
      expect(phones(text)).toEqual([]);
    },
  );

  it('reads "nine hundred" as three digits', () => {
    expect(phones('ring me on oh seven seven double oh nine hundred one two three')).toEqual([
      'oh seven seven double oh nine hundred one two three',
    ]);
  });
});

describe("a company's, office's or emergency line named as such", () => {
  const all = (text: string) => detectPii(text).map((f) => [f.kind, text.slice(f.start, f.end)]);

  it.each([
    'Customer service number 0345 600 1234 from the website never answers.',
    'Fax der Firma: 030 123456-99',
    'WhatsApp-Business der Firma: +49 151 2345 6789',
    'Notruf 112, Polizei 110, Giftnotruf 030 19240',
    'The emergency line 0161 496 0000 is staffed 24 hours.',
  ])('reports nothing in %j', (text) => {
    expect(all(text)).toEqual([]);
  });

  it.each([
    ['Meine Firma: 030 1234567, da bin ich tagsüber.', '030 1234567'],
    ['Fax: 030 123456-99, Firma habe ich nicht.', '030 123456-99'],
    // The sentence is read from the first words naming a line, the compound "Notdienst", and there the writer speaks.
    ['Notdienst, den ich im Impressum fand: 0171 2345678', '0171 2345678'],
  ])('still reports %j', (text, match) => {
    expect(all(text)).toEqual([['phone', match]]);
  });
});

describe('numbers from a website, letterhead or imprint, and switchboards', () => {
  const phones = (text: string) => detectPii(text, { kinds: ['phone'] }).map((f) => text.slice(f.start, f.end));

  it.each([
    'Auf der Website steht 030 2345 6789 als Kontakt, da geht keiner ran.',
    'Die Nummer auf eurer Seite, 089 2345 6789, ist falsch.',
    'the number on your letterhead 0161 496 0123 does not work',
    'Impressum: Tel. 040 234567-0, Fax -99',
    'Telefon 0221 23456-0 (Zentrale)',
    'Tel. +44 20 7946 0123 (head office)',
    'Die Werkstatt erreicht man unter 0621 456 0, sehr freundlich dort.',
  ])('ignores %j', (text) => {
    expect(phones(text)).toEqual([]);
  });

  it.each([
    ['Auf der Website steht meine alte Nummer, die neue ist 0171 2345678.', '0171 2345678'],
    ['Tel. 040 234567-12 (mein Büro)', '040 234567-12'],
    ['ruft mich an: 040 234567-0, das ist mein eigenes Büro', '040 234567-0'],
    ['Ruft mich an unter 0621 456 0, ich bin ab 18 Uhr da.', '0621 456 0'],
    ['Festnetz 0621 / 45 61 23 0, bitte abends.', '0621 / 45 61 23 0'],
    ['Phone: +44 20 7946 0123 (Leeds office)', '+44 20 7946 0123'],
  ])('still reads %j', (text, match) => {
    expect(phones(text)).toEqual([match]);
  });
});

describe('company document and register numbers', () => {
  it.each([
    'Bill number 0045521987 — the itemisation is missing the roaming charges.',
    'Companies House number 09912044, registered office in Leeds.',
    'Gutschrift 0049123456 kam nie an.',
    'Handelsregister HRB 0301234567 beim Amtsgericht.',
    'Claim 07700123456 was rejected.',
  ])('leaves %j alone', (text) => {
    expect(phones(text)).toEqual([]);
  });

  it('still reads a phone number labelled as such after them', () => {
    expect(phones('Bill number 4471, call me on 07700 900123')).toEqual(['07700 900123']);
  });
});

describe("the support's numbers and number prefixes", () => {
  it.each([
    'In der Signatur vom Support stand +49 30 44182700 – ist das die richtige Zentrale?',
    'Call 0345 600 7788 for technical support (Mon–Fri)',
    'numbers starting with 07700 900 are fake drama numbers, right?',
    'Nummern, die mit 0171 44 anfangen, sind doch Telekom?',
  ])('ignores %j', (text) => {
    expect(phones(text)).toEqual([]);
  });

  it('still finds a number given for support to call back', () => {
    expect(phones('Ruft mich für den Rückruf unter 0171 4488203 an')).toEqual(['0171 4488203']);
  });
});

describe('company lines named in brackets after the number, dial-in numbers and "eure Nummer"', () => {
  it.each([
    'I rang 0161 496 0000 (your head office) twice',
    'Ich rief gestern bei 089 12345678 an (Kundenservice)',
    'I rang 0161 496 0000 (the complaints department) twice',
    'Habe dreimal 089 2345 6789 gewählt (Rechnungsabteilung), nichts.',
    'Telefonkonferenz: Einwahl 069 1234 5678, PIN 4471 #',
    'Eure Nummer 0221 9988770 ist immer besetzt',
  ])('ignores %j', (text) => {
    expect(phones(text)).toEqual([]);
  });

  it("still finds the writer's number with a bracketed note that is no company line", () => {
    expect(phones('ruft mich an: 0171 4488203 (Handy)')).toEqual(['0171 4488203']);
  });
});

describe('more ways a company line is named, and its direct lines beside a switchboard', () => {
  it.each([
    'Für Rückfragen steht Ihnen unser Serviceteam unter 0711 8901-2345 gerne zur Verfügung.',
    'Pannenhilfe vom ADAC 089 20 20 4000 kam nach 2 Stunden.',
    'Telefonnummer der Filiale: 0621 / 33 44 55 – die nehmen nie ab.',
    'Die Faxnummer vom Finanzamt ist 0341 559 1540.',
    'WhatsApp-Service der Bahn: +49 1520 1234 567 – antwortet da jemand?',
    'Support line: +1 (800) 555-0199, open 24/7 according to the website.',
    'The toll-free number 1-866-555-0142 is disconnected.',
    'Your billing dept fax 617-555-0177 is on the letter.',
    'The number on the back of the card (0345 300 0000) is the one for lost cards, right?',
    "The shop's number is 0161 496 0000 per Google Maps.",
    'Press office: +44 (0)20 7946 0958',
    'Telefon: 0221 98765-0\nTelefax: 0221 98765-199',
    'Im Log steht: request 0171-4471-2298-aa01',
  ])('ignores %j', (text) => {
    expect(phones(text)).toEqual([]);
  });

  it.each([
    ['Tel. 0221 98765-12 (das bin ich)', '0221 98765-12'],
    ['Fax und Telefon: 0 30 / 88 77 66 - 0 bzw. -12 für mich direkt.', '0 30 / 88 77 66 - 0 bzw. -12'],
  ])('still finds the writer’s own line in %j', (text, phone) => {
    expect(phones(text)).toEqual([phone]);
  });
});

describe('fax lines', () => {
  it.each([
    'Fax 030 4418 2799 – faxt das noch jemand?',
    'Fax an 030 1234 5699 hat angeblich nie jemand bekommen.',
    'Fax: +44 20 7946 0000 — who still sends faxes in 2025?',
    'Telefax 0221 334455, steht so auf dem Schreiben.',
    'Die Faxnummer ist 0341 559 1540, kann ich da hinschicken?',
    'I sent it to fax number 020 7946 0123 twice.',
  ])('a number after a bare fax label is a fax line, not a person: %j', (text) => {
    expect(phones(text)).toEqual([]);
  });

  it.each([
    ['mein Fax: 030 4418 2799', '030 4418 2799'],
    ['Tel./Fax 030 4418 2799', '030 4418 2799'],
    ['you can fax me on 020 7946 0123', '020 7946 0123'],
    ['Fax und Telefon: 0 30 / 88 77 66 - 0 bzw. -12 für mich direkt.', '0 30 / 88 77 66 - 0 bzw. -12'],
  ])("still finds the writer's own fax or a shared phone/fax line: %j", (text, match) => {
    expect(phones(text)).toEqual([match]);
  });
});

describe('numbers in markdown bold or italics', () => {
  it.each([
    ['Erreichbar bin ich unter **0660/115 54 42**.', '0660/115 54 42'],
    ['Best number for the engineer: **+44 7013 135248**', '+44 7013 135248'],
    ['Ruft mich an: *0171 2345678* danke', '0171 2345678'],
    ['Best number for the engineer: **0221.2493845**', '0221.2493845'],
  ])('finds the number in %j', (text, match) => {
    expect(phones(text)).toEqual([match]);
  });

  it('still takes a number followed by masking characters as hidden', () => {
    expect(phones('Tel. 0171 23** ****')).toEqual([]);
    expect(phones('Tel. **0171 2345**** bitte')).toEqual([]);
  });
});

describe('numbers of countries without a trunk 0, after a phone label or next to a phone emoji', () => {
  it.each([
    ['My mobile is 338 5107286', '338 5107286'],
    ['@Support Falls was ist: 688 17 79 16 📞', '688 17 79 16'],
    ['Handy: 612 34 56 78 (Spanien)', '612 34 56 78'],
    ['📱 347 123 4567', '347 123 4567'],
  ])('finds the number in %j', (text, match) => {
    expect(phones(text)).toEqual([match]);
  });

  it.each([
    'Bestellung 338 5107286 ist unterwegs',
    'my mobile plan is 338 5107286 bytes',
    'Seriennummer: 612 34 56 78',
    'Mobile data used: 612 345 678 KB',
  ])('reports nothing in %j', (text) => {
    expect(phones(text)).toEqual([]);
  });
});

describe('call-back and direct-dial labels before a weak shape', () => {
  it.each([
    ['Rückrufnr.: 0 5 1 1 / 4 4 7 1 9 2', '0 5 1 1 / 4 4 7 1 9 2'],
    ['Durchwahl 0 5 1 1 / 4 4 7 1 9 2', '0 5 1 1 / 4 4 7 1 9 2'],
    ['callback no. 0 1 6 1 / 4 9 6 0 1 2 3', '0 1 6 1 / 4 9 6 0 1 2 3'],
  ])('finds the number in %j', (text, match) => {
    expect(phones(text)).toEqual([match]);
  });
});

describe("installation numbers and a letter's reference are no phone numbers", () => {
  it.each([
    'Anlagennummer 0401 2345 678',
    'Laut Brief vom 12.03.2024 Zeichen 0221/12345-678',
    'Ihr Zeichen: 0221/4471-22, unser Zeichen 0301/55',
    'Anschlusskennung 0012 3456 7890',
    'Dokumentnummer 0171 2345 678 im Portal',
  ])('reports nothing in %j', (text) => {
    expect(phones(text)).toEqual([]);
  });

  it('still reads a phone number labelled as such after them', () => {
    expect(phones('Anlagennummer steht oben, Tel. 0401 2345 678')).toEqual(['0401 2345 678']);
  });
});

describe('flight, voucher and job numbers, and the lines of a shop, branch or "your number"', () => {
  it.each([
    'Flight BA 0117 2345 delayed',
    'Flug LH 0401 2345 gestrichen',
    'Gift card 0161 496 0013 balance is wrong',
    'Gutschein 0171 2345 678 wird nicht angenommen',
    'Engineer job number 0161 496 0014',
    'Your shop in Leeds, 0113 496 0000, said to post here',
    'The Leeds branch (0113 496 0001) was closed',
    'I called your number 0345 600 7788 three times',
    'Eure Filiale in Köln, 0221 4471 000, hat zu',
  ])('reports nothing in %j', (text) => {
    expect(phones(text)).toEqual([]);
  });

  it.each([
    ['my number is 0113 496 0002, the branch has it too', '0113 496 0002'],
    ['Job done, call me on 0161 496 0015', '0161 496 0015'],
  ])('still reports %j', (text, match) => {
    expect(phones(text)).toEqual([match]);
  });
});

describe('dev-10: an area code spaced out before a slash', () => {
  it.each([['Festnetz bei meinen Eltern: 0 22 03 / 55 41 90, die Leitung knackt.', '0 22 03 / 55 41 90']])('finds %j', (text, match) => {
    expect(phones(text)).toEqual([match]);
  });
});

describe('dev-10: a private vanity number', () => {
  it.each([["My cell is (206) 555-LUKE, yes I paid extra for that, please don't judge", '(206) 555-LUKE']])('finds %j', (text, match) => {
    expect(phones(text)).toEqual([match]);
  });

  it.each(['Call 1-800-555-SHOP for orders.', 'Our hotline (206) 555-HELP is open 24/7.', 'Error code 404-NOTE in the log'])(
    'leaves %j alone',
    (text) => {
      expect(phones(text)).toEqual([]);
    },
  );
});

describe("a company's line named after the number, and placeholder digits", () => {
  it.each([
    "Call Fibrenet on +44 20 7946 0000 – that's their billing line.",
    'Ich hab bei 0341 1234567 angerufen (das ist die Hotline), keiner geht ran.',
    'Bitte nicht mehr an 0171 0000000 schreiben.',
  ])('leaves %j alone', (text) => {
    expect(phones(text)).toEqual([]);
  });

  it.each([
    ["Call me on 020 7946 0123 – that's my home line.", '020 7946 0123'],
    ['Ruf mich an: 0171 2000000', '0171 2000000'],
  ])('still finds %j', (text, match) => {
    expect(phones(text)).toEqual([match]);
  });
});

describe("opening hours, a local-rate note and a department's extension make a company's line", () => {
  it.each([
    'Mo–Fr 8–20 Uhr erreichbar unter 030 2345 6789.',
    'Erreichbar unter 030 2345 6789 (Ortstarif).',
    'Durchwahl der Buchhaltung: 030 1234567-45',
  ])('leaves %j alone', (text) => {
    expect(phones(text)).toEqual([]);
  });

  it("still finds the writer's own hours and number", () => {
    expect(phones('Ich bin Mo–Fr 8–16 Uhr erreichbar unter 0171 2345678.')).toEqual(['0171 2345678']);
  });
});

describe('a number after the label of a national id', () => {
  it.each(['SIN 046 454 286', 'PPS 0123 456 78', 'BSN 012 345 678'])('is no phone in %j', (text) => {
    expect(phones(text)).toEqual([]);
  });
});

describe('a number to call in a notice the team signs right after it', () => {
  const phones = (text: string) => detectPii(text, { kinds: ['phone'] }).map((f) => text.slice(f.start, f.end));

  it.each([
    'Wartung am Sonntag. Bei Fragen ruft an: 0221 4477 120\n\nEuer Stadtwerke-Team',
    'Service resumes at 6am. Questions? Email or call 0161 496 0871.\n\nThe Fibrely Team',
  ])('ignores %j', (text) => {
    expect(phones(text)).toEqual([]);
  });

  it.each([
    ['Please call 0171 2233445 after six.\n\nThanks, Anna', '0171 2233445'],
    ['Bitte ruft mich an unter 0171 2233445.\nGrüße aus dem Team Süd', '0171 2233445'],
  ])('still reads %j', (text, match) => {
    expect(phones(text)).toEqual([match]);
  });
});
