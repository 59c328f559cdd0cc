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

  it.each([
    // abbreviations, typos and spaced labels
    ['KdNr 5530917 bitte prüfen', 'customer_number', '5530917', 'medium'],
    ['Kd.-Nr. 7781203', 'customer_number', '7781203', 'medium'],
    ['meine Kundenummer: 3390127', 'customer_number', '3390127', 'medium'],
    ['Kunden Nr. 6620183', 'customer_number', '6620183', 'medium'],
    ['cust# 20198877 still not migrated', 'customer_number', '20198877', 'medium'],
    ['acct no 33-1029-4410 shows a double charge', 'customer_number', '33-1029-4410', 'medium'],
    ['Geschäftspartnernummer 2000481177', 'customer_number', '2000481177', 'medium'],
    ['I am customer 48812093 and nobody calls back', 'customer_number', '48812093', 'medium'],
    ['Vertr.-Nr. 7712093384, Kündigung zum 30.06.', 'contract_number', '7712093384', 'medium'],
    ['Vertragskonto 410077881', 'contract_number', '410077881', 'medium'],
    ['contract ref: HX-2025-0031 was never updated', 'contract_number', 'HX-2025-0031', 'medium'],
    ['Polizzennummer 55-8812-3', 'contract_number', '55-8812-3', 'medium'],
    ['Auftragsnr. 99120344', 'order_number', '99120344', 'low'],
    ['Best.-Nr. 300718822 fehlt', 'order_number', '300718822', 'low'],
    ['order ID A9K-55013 never shipped', 'order_number', 'A9K-55013', 'low'],
    ['order ref XT-401882 arrived broken', 'order_number', 'XT-401882', 'low'],
    // German compounds that end in the label
    ['Die Mobilfunkvertragsnummer lautet 88301177', 'contract_number', '88301177', 'medium'],
    ['Stromkundennummer 60044719', 'customer_number', '60044719', 'medium'],
    // slashes and capital prefixes set off by a space
    ['Agreement no. LS/77/201948', 'contract_number', 'LS/77/201948', 'medium'],
    ['Vertragsnummer VK 3381 0027', 'contract_number', 'VK 3381 0027', 'medium'],
  ])('reads the label phrasing in %j', (text, kind, match, severity) => {
    expect(numbers(text)).toEqual([[kind, match, severity]]);
  });

  it.each([
    ['**Kundennummer:** 77310284', 'customer_number', '77310284'],
    ['| Vertragsnr | 4400918 |', 'contract_number', '4400918'],
    ['| Bestellung | #660193 |', 'order_number', '660193'],
    ['Bestellnummer `7001238841` – Erstattung fehlt', 'order_number', '7001238841'],
    ['order no.`QP-55-10382`', 'order_number', 'QP-55-10382'],
    ['Vertragsnummer („VX-44019“)', 'contract_number', 'VX-44019'],
    ['Kundennummer (steht oben auf jeder Rechnung): 5510392', 'customer_number', '5510392'],
    ['Brauchen Sie die Kundennummer? – Gern: 448120', 'customer_number', '448120'],
    ['- Name: Jo\n- customer no:\n  9920113', 'customer_number', '9920113'],
  ])('finds a value in markdown, tables, quotes and forms: %j', (text, kind, match) => {
    const t = text.replace(/\\n/g, '\n');
    expect(numbers(t)).toEqual([[kind, match, expect.any(String)]]);
  });

  it.each([
    ['XR-55120938 (das ist meine Vertragsnummer)', 'contract_number', 'XR-55120938'],
    ['I keep quoting 66120945, which is my customer number.', 'customer_number', '66120945'],
  ])('finds a number whose label comes after it: %j', (text, kind, match) => {
    expect(numbers(text)).toEqual([[kind, match, expect.any(String)]]);
  });

  it.each([
    'Order of 15000 units shipped in 2023.',
    'Kundennummer? Die steht oben rechts auf der Rechnung.',
    'Sort code 40-11-22 and account 71203388 for the transfer',
    'Mein Stromvertrag kostet 89,90 € im Monat.',
    'acct no longer works after update 4.2.11',
    'Vertragsnummer vom 01.02.2024 fehlt',
  ])('still ignores %j', (text) => {
    expect(numbers(text)).toEqual([]);
  });

  it('leaves the value of the next label in a list to its own detector', () => {
    expect(detectPii('Vertragsnummer und Handy: 0152 3344 5566').map((f) => f.kind)).toEqual(['phone']);
    expect(detectPii('Vertrag, Mobil: 0160 9988 7766').map((f) => f.kind)).toEqual(['phone']);
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

describe('numbers named loosely, listed, or given in reply', () => {
  it.each([
    ['Meine Nummer bei Ihnen ist 3318 2290 41, bitte prüfen.', 'customer_number', '3318 2290 41'],
    ['my number with you is 77-4012-55 since last year', 'customer_number', '77-4012-55'],
    ['Laut Brief ist meine Vertragsnummer nur 6630, seltsam.', 'contract_number', '6630'],
    ['account number with you (water, quarterly) is 5501 2298 3', 'customer_number', '5501 2298 3'],
    ['order number 8812-40-C went missing', 'order_number', '8812-40-C'],
  ])('reads %j', (text, kind, match) => {
    expect(numbers(text)).toEqual([[kind, match, expect.any(String)]]);
  });

  it.each([
    ['Auftragsnr. 66120 und 66127 kamen beschädigt an.', 'order_number', ['66120', '66127']],
    ['Contract IDs: 88410, 88415, 88503 all renewed twice', 'contract_number', ['88410', '88415', '88503']],
    ['Drei Bestellungen, 712040, 712044 und 712051, sind offen.', 'order_number', ['712040', '712044', '712051']],
  ])('takes every value of a list: %j', (text, kind, matches) => {
    expect(numbers(text)).toEqual(matches.map((m) => [kind, m, expect.any(String)]));
  });

  it.each([
    ['Bestellnummer 300718 und 2 weitere Artikel fehlen.', ['300718']],
    ['I have 3 orders, 2 of them late.', []],
  ])('stops a list at values of another size: %j', (text, matches) => {
    expect(numbers(text).map((f) => f[1])).toEqual(matches);
  });

  it.each([
    ['Team: Wie lautet Ihre Kundennummer?\nKunde: 55301\nTeam: Danke!', 'customer_number', ['55301']],
    ['Agent: And your contract number, please?\nMe: uh, KT 8812 04\nAgent: Got it.', 'contract_number', ['KT 8812 04']],
    ['> Nennen Sie uns bitte die Auftragsnummer.\n\nKlar: 2025-77104.', 'order_number', ['2025-77104']],
    ['The lady on the phone asked for my customer number, I read out 44-901-7 twice.', 'customer_number', ['44-901-7']],
    ['Man fragte nach der Bestellnummer. Das war die 99031.', 'order_number', ['99031']],
    ['Ich habe die Vertragsnummer unten angehängt.\n\n`VX-2210-4471`', 'contract_number', ['VX-2210-4471']],
    ['> which order was it?\n\nThe second one, 70412. The first (70398) was fine.', 'order_number', ['70412', '70398']],
    ['Support: Kundennummer?\nIch: 4471\nSupport: Da fehlt ein Präfix.\nIch: ach so, KX4471', 'customer_number', ['4471', 'KX4471']],
  ])('takes a value given in reply to a request for it: %j', (text, kind, matches) => {
    expect(numbers(text)).toEqual(matches.map((m) => [kind, m, expect.any(String)]));
  });

  it.each([
    'Bitte nennen Sie uns Ihre Kundennummer per Nachricht, nicht hier.',
    'Could you send us your order number? Ticket 58812 stays open until then.',
    'Support: Ihre Vertragsnummer bitte?\nIch: Die habe ich seit 2019 nicht mehr, sorry.',
    'Wo finde ich die Kundennummer? Sie ist 10-stellig, oder?',
    'Welche Bestellung meinst du? Die vom 12.03.2025 über 129,99 €?',
  ])('finds no value in a request that got none: %j', (text) => {
    expect(numbers(text)).toEqual([]);
  });
});

describe('tables whose header names the column, and file references', () => {
  it('reads the cells under a header that is a label', () => {
    const text =
      '| Kunde | Kd-Nr | Bestellnr |\n| --- | --- | --- |\n| Frau Ott | 771204 | **B-30921** |\n| Herr Lutz | 771388 | B-30977 |';
    expect(numbers(text)).toEqual([
      ['customer_number', '771204', 'medium'],
      ['order_number', 'B-30921', 'low'],
      ['customer_number', '771388', 'medium'],
      ['order_number', 'B-30977', 'low'],
    ]);
  });

  it('leaves the cells of other columns alone', () => {
    expect(numbers('| item | qty | price |\n|---|---|---|\n| cable | 2 | 4711 |')).toEqual([]);
  });

  it.each([
    ['Schreiben der Krankenversicherung, Az. KV-5512/209, ist falsch adressiert.', 'contract_number', 'KV-5512/209'],
    ['Re your letter about my order, Ref. 7730-1192 — still nothing shipped.', 'order_number', '7730-1192'],
    ['Unser Zeichen 4471-KD steht im Brief zu meinem Kundenkonto.', 'customer_number', '4471-KD'],
  ])('names a reference by the nearest word for a kind: %j', (text, kind, match) => {
    expect(numbers(text)).toEqual([[kind, match, expect.any(String)]]);
  });

  it.each([
    'Aktenzeichen 2 C 1184/25 beim Amtsgericht, Ticket dazu offen.',
    'Ref. 4471-0092 in your incident mail',
    'Az. 12345/26 vom Bürgeramt',
  ])('ignores a reference that names no such number: %j', (text) => {
    expect(numbers(text)).toEqual([]);
  });
});

describe('further label words', () => {
  it.each([
    ['Debitorennummer 40012877 steht auf dem Mahnschreiben.', 'customer_number', '40012877'],
    ['subscriber ID 55018832 was charged twice', 'customer_number', '55018832'],
    ['rewards card number 6301 8842 1109 not linked', 'customer_number', '6301 8842 1109'],
    ['Darlehensnummer 7712-009341 – die Sondertilgung fehlt.', 'contract_number', '7712-009341'],
    ['loan account number 88120377 shows the old rate', 'contract_number', '88120377'],
    ['Buchungsnummer BK-449021, Hotel storniert.', 'order_number', 'BK-449021'],
    ['booking ref ZX-20318 was never confirmed', 'order_number', 'ZX-20318'],
    ['Die Kundennummer lautet bei mir 6610029.', 'customer_number', '6610029'],
  ])('reads %j', (text, kind, match) => {
    expect(numbers(text)).toEqual([[kind, match, expect.any(String)]]);
  });
});

describe('more label shapes', () => {
  it.each([
    ['KNR 6620931 bitte umstellen', 'customer_number', '6620931'],
    ['customer-id=8830192 in the export', 'customer_number', '8830192'],
    ['KD 5501283, Anschluss gestört', 'customer_number', '5501283'],
    ['billing account 60018822 shows two plans', 'customer_number', '60018822'],
    ['Client ID 20-KX-7713 was merged', 'customer_number', '20-KX-7713'],
    ['Versicherungsschein Nr 33 018 229', 'contract_number', '33 018 229'],
    ['the policy 7Y-330912 covers the car', 'contract_number', '7Y-330912'],
    ['Ordernummer 66102 fehlt', 'order_number', '66102'],
    ['Ich bin Kunde unter der Nummer 7710293.', 'customer_number', '7710293'],
    ['Kundennummer neu 8810294', 'customer_number', '8810294'],
    ['Die Lieferung zum Auftrag mit der Nummer 550128 fehlt.', 'order_number', '550128'],
    ['Bestellung vom 14. Mai, Nr. 7703915, kam leer an.', 'order_number', '7703915'],
    ['my contract from 2 June 2024, no. 44-1189-0, was renewed', 'contract_number', '44-1189-0'],
  ])('reads %j', (text, kind, match) => {
    expect(numbers(text)).toEqual([[kind, match, expect.any(String)]]);
  });

  it.each([
    'Bestellung vom 14. Mai, Ticket Nr. 7703915 offen',
    'our privacy policy 2025 changed',
    'Vertrag vom 01.02.2024, Zählernummer 1EMH0012345678',
  ])('ignores %j', (text) => {
    expect(numbers(text)).toEqual([]);
  });
});

describe('corrections, registrations, casual labels and catalogue numbers', () => {
  const cued = (text: string) => numbers(text).map(([kind, match]) => [kind, match]);

  it.each([
    ['Kundennr. 3381920 stimmt nicht, richtig ist 3381902.', 'customer_number', '3381902'],
    ['account no 66120934 — sorry, typo, it is 66120943', 'customer_number', '66120943'],
    ['Vertragsnummer (alt): 55410, neu: 0055410-02', 'contract_number', '0055410-02'],
  ])('a correction replaces the retracted value in %j', (text, kind, match) => {
    expect(cued(text)).toEqual([[kind, match]]);
  });

  it.each([
    ['Ich bin bei Ihnen unter 7781203 registriert.', '7781203'],
    ['bei euch bin ich als KD2231907 geführt', 'KD2231907'],
    ['Ich bin Kundin mit der Nummer 60993127.', '60993127'],
    ['Die Kundennummer ist die 71 402 889, danke', '71 402 889'],
    ['my account is 5530917, please check', '5530917'],
  ])('finds a casually named customer number in %j', (text, match) => {
    expect(cued(text)).toEqual([['customer_number', match]]);
  });

  it('reads a year-first order number that is no date', () => {
    expect(cued('Bestellnr. 2025-03-0412 kam unvollständig')).toEqual([['order_number', '2025-03-0412']]);
  });

  it.each(['Die Bestellnummer laut Katalog ist 7720-114-00.', 'the product order number 5512-340 for the adapter'])(
    'ignores an article number in %j',
    (text) => {
      expect(cued(text)).toEqual([]);
    },
  );

  it("does not take an account that is not the writer's for a customer number", () => {
    expect(cued('the account was 4410992 days old')).toEqual([]);
  });
});

describe('customer numbers under account, login, membership and subscription labels', () => {
  const cued = (text: string) => numbers(text).map(([kind, match]) => [kind, match]);

  it.each([
    ['Login-ID 4471203 geht seit gestern nicht mehr', 'customer_number', '4471203'],
    ['my login id is 220918, reset fails', 'customer_number', '220918'],
    ['player ID 55-210-8841 lost all items after the patch', 'customer_number', '55-210-8841'],
    ['Patron ID P-55120 shows as expired', 'customer_number', 'P-55120'],
    ['Viele Grüße, A. Weber (Kd. 4471209)', 'customer_number', '4471209'],
    ['Vertragspartnernummer 200 5512 771 – Abschlag erhöht', 'customer_number', '200 5512 771'],
    ['acct 5512 7730 19 - login fails since the update', 'customer_number', '5512 7730 19'],
    ['Regards,\nJo Smith (acct 66120934)', 'customer_number', '66120934'],
    ['Acct ref Q-5512-8830, still waiting for a reply', 'customer_number', 'Q-5512-8830'],
    ['we are on account 441 220 9931 and got switched to a new tariff', 'customer_number', '441 220 9931'],
    ['Abo-Nr. ZX-441208, die Zeitung fehlt', 'customer_number', 'ZX-441208'],
    ['Abonummer B-55120934 – seit Montag keine Zeitung', 'customer_number', 'B-55120934'],
    ['Mein Konto bei euch: KX55120. Seit dem Update geht nichts.', 'customer_number', 'KX55120'],
    ['Plan ID PLN-5512093 still shows as active', 'contract_number', 'PLN-5512093'],
  ])('reads %j', (text, kind, match) => {
    expect(cued(text)).toEqual([[kind, match]]);
  });

  it.each([
    'The account page shows 2 devices.',
    'Login-ID vergessen, wie setze ich sie zurück?',
    'Mein Konto bei euch ist seit 2019 aktiv.',
    'on account of the 3 outages last week',
  ])('ignores %j', (text) => {
    expect(cued(text)).toEqual([]);
  });
});

describe('customer numbers as a subject line, in plural lists, as a login name and in reply to a request', () => {
  const cued = (text: string) => numbers(text).map(([kind, match]) => [kind, match]);

  it.each([
    ['6620931: Router tot seit Freitag, bitte um Rückruf', '6620931'],
    ['44120983 - cannot log in since the password reset', '44120983'],
    ['  5512 2093 – Rechnung doppelt abgebucht', '5512 2093'],
  ])('takes a number that opens a post as its subject for a customer number: %j', (text, match) => {
    expect(cued(text)).toEqual([['customer_number', match]]);
  });

  it.each([
    '404: page not found when I open the invoice',
    '2025 - was für ein Jahr mit diesem Anbieter',
    'Seit 6620931 Jahren: Kunde hier',
    '12.05.2025: Ausfall den ganzen Tag',
    'Error 0x80070005 - access denied',
  ])('leaves other openings alone: %j', (text) => {
    expect(cued(text)).toEqual([]);
  });

  it.each([
    ['Ich hab zwei Kundennummern bei euch (5512093 und 5512107), bitte zusammenlegen.', ['5512093', '5512107']],
    ['I have two accounts with you (7730 1122 and 7730 1190), can you merge them?', ['7730 1122', '7730 1190']],
    ['my customer numbers: 88120, 88127', ['88120', '88127']],
  ])('takes every number of a plural label: %j', (text, matches) => {
    expect(cued(text)).toEqual(matches.map((m) => ['customer_number', m]));
  });

  it.each([
    ['My login is jsmith_4471, not the email address.', 'jsmith_4471'],
    ['Benutzername: anna.k1988 – das Passwort geht nicht', 'anna.k1988'],
  ])('takes a login name with digits: %j', (text, match) => {
    expect(cued(text)).toEqual([['customer_number', match]]);
  });

  it.each(['My login is my email address, not a name.', 'Login is v2.3 compatible', 'Username: admin'])(
    'ignores a login without a personal name: %j',
    (text) => {
      expect(cued(text)).toEqual([]);
    },
  );

  it('reads the answer below a quoted request that says "nenne"', () => {
    expect(cued('> Bitte nenne uns deine Kundennummer per PN.\n\nhab ich gemacht, 55120934, seit 3 Tagen nichts')).toEqual([
      ['customer_number', '55120934'],
    ]);
  });
});

it('leaves a phone number that opens a post to the phone detector', () => {
  expect(detectPii('030 1234 5678 - bitte ruft mich zurück').map((f) => f.kind)).toEqual(['phone']);
});

describe('customer numbers after a relative clause, on loyalty cards, and as the customer one is registered as', () => {
  const cued = (text: string) => numbers(text).map(([kind, match]) => [kind, match]);

  it.each([
    ['Die Kundennummer, die auf meiner Rechnung steht, ist 6610392.', 'customer_number', '6610392'],
    ['The customer number that is printed on the letter is 44-901-77.', 'customer_number', '44-901-77'],
    ['Ich bin unter 7730192 bei euch Kunde.', 'customer_number', '7730192'],
    ['Payback-Karte 3083 1234 5678 90 wird nicht erkannt', 'customer_number', '3083 1234 5678 90'],
    ['Kundenkarte Nr. 4471 2093 abgelaufen', 'customer_number', '4471 2093'],
    ['club card 6301 4471 2093 not linked to the app', 'customer_number', '6301 4471 2093'],
    ['frequent flyer number 992004471209 missing miles', 'customer_number', '992004471209'],
    ['K.-Nr. 4471209, bitte um Rückruf', 'customer_number', '4471209'],
    ['cust. ref 4471209 on the bill', 'customer_number', '4471209'],
  ])('reads %j', (text, kind, match) => {
    expect(cued(text)).toEqual([[kind, match]]);
  });

  it.each([
    'Die Kundennummer, die ihr wollt, steht nicht auf der Karte.',
    'Die Kundenkarte habe ich 2019 bekommen.',
    'I was a customer under 3 different names.',
  ])('ignores %j', (text) => {
    expect(cued(text)).toEqual([]);
  });
});

describe('adverbs and asides between a label and its value', () => {
  const cued = (text: string) => numbers(text).map(([kind, match]) => [kind, match]);

  it.each([
    ['Meine Kundennummer ist übrigens immer noch die 0301 234 567.', 'customer_number', '0301 234 567'],
    ['my customer number is still 0771 220 934, nothing changed', 'customer_number', '0771 220 934'],
    ['Vertragsnummer, falls ihr die braucht: 0040 1234 567', 'contract_number', '0040 1234 567'],
    ['order number, in case you need it: 0123-4567', 'order_number', '0123-4567'],
  ])('reads %j', (text, kind, match) => {
    expect(cued(text)).toEqual([[kind, match]]);
  });

  it('leaves a phone number after a list of labels to the phone detector', () => {
    expect(detectPii('Kundennummer, falls nötig, und Telefon: 0171 2345678').map((f) => f.kind)).toEqual(['phone']);
  });
});

describe('business partners, loyalty cards, "my real account", booking references and orders after a catalogue number', () => {
  it.each([
    ['Vertragskonto 800412339917, Geschäftspartner 1004471882. Abschlag erhöht.', 'customer_number', '1004471882'],
    ['Loyalty card 6004 4712 2093 didn’t get the points.', 'customer_number', '6004 4712 2093'],
    ['Your letter lists my account as 55012874, which is wrong.', 'customer_number', '55012874'],
    ['but my real account is 55012847 – typo on your side.', 'customer_number', '55012847'],
    ['Booking reference QX4T7M — the hotel never received it.', 'order_number', 'QX4T7M'],
    ['Buchungsnummer FW7K2Q – Flug gestrichen.', 'order_number', 'FW7K2Q'],
    ['Artikel 8840-112 aus dem Katalog bestellt, meine Bestellung hat die Nummer BE-20240611-8831.', 'order_number', 'BE-20240611-8831'],
  ])('reads %j', (text, kind, value) => {
    expect(numbers(text).map(([k, v]) => [k, v])).toContainEqual([kind, value]);
  });

  it.each(['Booking reference Please', 'Buchungsnummer 12 für den Tisch', 'the account was 4410992 days old'])(
    'leaves %j alone',
    (text) => {
      expect(numbers(text)).toEqual([]);
    },
  );
});

describe('where the number was read, values before a spaced label, asides in lists, requests without a question mark', () => {
  it.each([
    ['Kundennummer laut Brief A-40917-3, seit Montag tot', 'customer_number', 'A-40917-3'],
    ['Vertragsnummer lt. Rechnung 55 019 227', 'contract_number', '55 019 227'],
    ['customer number on my letter 77120934', 'customer_number', '77120934'],
    ['Kontonummer bei euch (nicht Bank): 7742 1093', 'customer_number', '7742 1093'],
    ['ref on my letter is CR 5510 2293 (customer ref)', 'customer_number', 'CR 5510 2293'],
    ['VNr 40081123 bitte ändern', 'contract_number', '40081123'],
    ['VK-Nr. 3007 7719 204', 'contract_number', '3007 7719 204'],
    ['Ich hab zwei Verträge, der mit der Nummer V-55190 soll weg', 'contract_number', 'V-55190'],
    ['account 7710293 / router never arrived', 'customer_number', '7710293'],
  ])('finds the number in %j', (text, kind, match) => {
    expect(numbers(text).map(([k, m]) => [k, m])).toEqual([[kind, match]]);
  });

  it('reads a list whose values carry an aside in brackets', () => {
    expect(numbers('VK-Nr. 3007 7719 204 (Strom) und 3007 7719 212 (Gas) bitte zusammenlegen').map(([, m]) => m)).toEqual([
      '3007 7719 204',
      '3007 7719 212',
    ]);
  });

  it.each([
    ['> Ihre Vertragsnummer bitte\nDSL-0088-1923\nlg', 'DSL-0088-1923'],
    ['> please provide your contract ID\n> \nC2210-0047', 'C2210-0047'],
  ])('reads the answer below a request without a question mark: %j', (text, match) => {
    expect(numbers(text)).toEqual([['contract_number', match, 'medium']]);
  });

  it.each([
    'the account was locked for 4410992 seconds', // "account" inside a sentence, not a label
    'Kontonummer 1234567 und BLZ bitte nie posten', // a bank account number is no customer number
    'Kundennummer laut Brief fehlt noch',
  ])('ignores %j', (text) => {
    expect(numbers(text).filter(([k]) => k !== 'phone')).toEqual([]);
  });
});

describe('label words that are easy to misread, user ids, and numbers shaped like impossible dates', () => {
  it.each([
    ['Kundenreferenz 4471203', 'customer_number', '4471203'],
    ['Kundenkennzahl 4471203', 'customer_number', '4471203'],
    ['Debitor 4471203', 'customer_number', '4471203'],
    ['User-ID: 4471203', 'customer_number', '4471203'],
    ['Konto bei euch: 4471203', 'customer_number', '4471203'],
    ['Kundennummer: 44-71-203', 'customer_number', '44-71-203'],
    ['Versicherungs-Nr. 4471203', 'contract_number', '4471203'],
    ['Mietvertrag Nr. 4471203', 'contract_number', '4471203'],
    ['Kundennummer → 2290415', 'customer_number', '2290415'],
    ['Kundennr. (steht auf jeder Rechnung oben rechts, neben dem Datum): 0041882190', 'customer_number', '0041882190'],
  ])('finds the number in %j', (text, kind, match) => {
    expect(numbers(text).map(([k, m]) => [k, m])).toEqual([[kind, match]]);
  });

  it.each(['Kundennummer vom 12-03-2024 fehlt', 'Vertrag vom 03/12/24'])('still takes a real date for no number: %j', (text) => {
    expect(numbers(text)).toEqual([]);
  });
});

describe('reservations and booking confirmations', () => {
  it.each([
    ['Reservierung 4471203 bitte stornieren', '4471203'],
    ['booking confirmation XK7P2Q – need to move it', 'XK7P2Q'],
  ])('finds the order number in %j', (text, match) => {
    expect(numbers(text)).toEqual([['order_number', match, 'low']]);
  });

  it('ignores a short number after a bare reservation', () => {
    expect(numbers('Reservierung für 4 Personen um 1930')).toEqual([]);
  });
});

describe('short or spaced numbers after loose and abbreviated labels', () => {
  it.each([
    ['meine nr bei euch 88 12 37, bitte prüfen', 'customer_number', '88 12 37'],
    ['my no with you 40 71 29', 'customer_number', '40 71 29'],
    ['Mitgl.-Nr. 00412, Karte defekt', 'customer_number', '00412'],
    ['Mitgl. Nr 7712 seit 2009', 'customer_number', '7712'],
    ['Abo 12 345 – das Heft fehlt', 'customer_number', '12 345'],
    ['acct 55-019 — bill doubled', 'customer_number', '55-019'],
    ['acc num 30 77 19 (broadband)', 'customer_number', '30 77 19'],
    ['membership # 0041 2293, card not scanning', 'customer_number', '0041 2293'],
    ['membership num 88 120 at the gym', 'customer_number', '88 120'],
    ['ich bin unter der 61 22 83 bei euch gespeichert', 'customer_number', '61 22 83'],
    ['bei Ihnen unter 5510 98 hinterlegt', 'customer_number', '5510 98'],
    ['Vertragskto 2100 4471 88 – Abschlag zu hoch', 'contract_number', '2100 4471 88'],
    ['Vertr.-Kto. 4410 9921', 'contract_number', '4410 9921'],
    ['VK 2100 3345 9912 – Abschlag zu hoch', 'contract_number', '2100 3345 9912'],
    ['lease agreement 7712/23 – the car goes back', 'contract_number', '7712/23'],
    ['rental agreement 44 1290 ends in May', 'contract_number', '44 1290'],
    ['Auftrag A-4471 wurde storniert', 'order_number', 'A-4471'],
    ['order B-7720 never came', 'order_number', 'B-7720'],
    ['PO 66120 was shipped to the wrong branch', 'order_number', '66120'],
    ['hab die Bestellung unter 4 40 21 aufgegeben', 'order_number', '4 40 21'],
  ])('reads %j', (text, kind, match) => {
    expect(numbers(text).map(([k, m]) => [k, m])).toEqual([[kind, match]]);
  });

  it.each([
    'Bestellung unter 50000 € bitte ohne Anzahlung',
    'PO Box 17 is closed',
    'VK 19,99 € im Laden',
    'Abo 12 Monate verlängert',
    'acct 2024 review',
    'Auftrag A-12 erledigt',
    'Mitgl. seit 2009',
  ])('ignores %j', (text) => {
    expect(numbers(text)).toEqual([]);
  });
});

describe('several labels sharing their values, in order', () => {
  const found = (text: string) => detectPii(text).map((f) => [f.kind, text.slice(f.start, f.end)]);

  it.each([
    [
      'Kunden-/Vertragsnummer: 4471190 / 2100887',
      [
        ['customer_number', '4471190'],
        ['contract_number', '2100887'],
      ],
    ],
    [
      'Kunden- und Vertragsnr. 100234 bzw. 500991 – bitte zusammenlegen',
      [
        ['customer_number', '100234'],
        ['contract_number', '500991'],
      ],
    ],
    [
      'Bestell- und Kundennummer: 40212 und 88123',
      [
        ['order_number', '40212'],
        ['customer_number', '88123'],
      ],
    ],
    [
      'Customer/contract no.: 33019 / C-7719',
      [
        ['customer_number', '33019'],
        ['contract_number', 'C-7719'],
      ],
    ],
    [
      'Order and customer numbers: 5512093, 771 902 – refund missing',
      [
        ['order_number', '5512093'],
        ['customer_number', '771 902'],
      ],
    ],
    [
      'Kd./Vertr.-Nr.: 88 123 / 55 120-1',
      [
        ['customer_number', '88 123'],
        ['contract_number', '55 120-1'],
      ],
    ],
    [
      'Vertrag / Kunde: 7712 009 / 4410',
      [
        ['contract_number', '7712 009'],
        ['customer_number', '4410'],
      ],
    ],
    ['Order no. / invoice no.: 77129 / RE-2024-11873', [['order_number', '77129']]],
    ['Rechnungs- und Bestellnummer: R-88120 / 40 771', [['order_number', '40 771']]],
    [
      'Name, Geburtsdatum, Kundennr: Jonas Weber, 3.7.1990, 220 431',
      [
        ['dob', '3.7.1990'],
        ['customer_number', '220 431'],
      ],
    ],
  ])('gives each value its own label in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('takes the kind a value is given in brackets', () => {
    const text = 'Vertrags- bzw. Kundennummer stehen auf dem Brief: 20 91 88 (Kunde) und 7700 4471 (Vertrag)';
    expect(found(text)).toEqual([
      ['customer_number', '20 91 88'],
      ['contract_number', '7700 4471'],
    ]);
  });

  it('falls back to one label per value when the values do not fit the labels', () => {
    expect(found('Vertragsnummer und Handy: 0152 3344 5566').map(([k]) => k)).toEqual(['phone']);
    expect(found('Kunden- und Vertragsnummer: 5510098').map(([k]) => k)).toHaveLength(1);
  });
});

describe("a company's care line after a bare noun", () => {
  const cued = (text: string) =>
    detectPii(text, { kinds: ['customer_number', 'contract_number', 'order_number'] }).map((f) => text.slice(f.start, f.end));

  it.each([
    'Tried the Irish customer care number 1800 200 300, they told me to call the UK one.',
    'customer care line no. 0345 600 7788 is always busy',
    'The customer hotline number 0345 600 7788 never answers.',
    'Die Kunden-Hotline Nr. 0800 4471 200 ist dauerbesetzt.',
  ])('no customer number in %j', (text) => {
    expect(cued(text)).toEqual([]);
  });

  it('still reads a customer number after a bare noun and a label', () => {
    expect(cued('the customer (me) number 48812093')).toEqual(['48812093']);
  });
});

describe('booking codes of six letters, and a number named the order after it', () => {
  const orders = (text: string) => detectPii(text, { kinds: ['order_number'] }).map((f) => text.slice(f.start, f.end));

  it.each([
    ['Ordered Monday, booking ref QHYIVS.', 'QHYIVS'],
    ['my order no. is BFBQRR', 'BFBQRR'],
    ['Buchungsnummer: KXMPTA', 'KXMPTA'],
    ['Card used: 4643 501 183 811. 2041178 is the order (the second charge has no order at all).', '2041178'],
    ['55120934 is my order, 55120935 the second one', '55120934'],
  ])('finds the order number in %j', (text, match) => {
    expect(orders(text)).toContain(match);
  });

  it.each([
    'booking ref please help',
    'Order number: UNKNOWN',
    'my booking code is QHY',
    '3 is the order of magnitude',
    'In 2024 is the order placed',
  ])('reports nothing in %j', (text) => {
    expect(orders(text)).toEqual([]);
  });
});

describe('a bare noun the writer calls theirs takes four digits', () => {
  it.each([
    ["I'm customer 88123, please check.", 'customer_number', '88123'],
    ['Ich bin Kunde 4471 und warte seit Wochen.', 'customer_number', '4471'],
    ['Meine Bestellung 2291 ist nicht angekommen.', 'order_number', '2291'],
    ['my order 8812 was charged twice', 'order_number', '8812'],
  ])('reads %j', (text, kind, value) => {
    expect(numbers(text).map(([k, v]) => [k, v])).toEqual([[kind, value]]);
  });

  it.each([
    'Meine Bestellung 2024 war besser.',
    'my order 1500 pieces arrived',
    'meine Bestellung 4471 Stück Schrauben',
    'the customer 4471 times asked',
  ])('leaves %j alone', (text) => {
    expect(numbers(text)).toEqual([]);
  });
});

describe('the number "of my contract", "meines Vertrags"', () => {
  it.each([
    ['Die Nummer meines Vertrags ist 7781234', 'contract_number', '7781234'],
    ['Die Nummer meiner Bestellung lautet 55-4471.', 'order_number', '55-4471'],
    ['the number of my account is 99812', 'customer_number', '99812'],
    ['The reference number of my order: 4471203', 'order_number', '4471203'],
    ['Nr. meines Kundenkontos: 4471 2209', 'customer_number', '4471 2209'],
    ['Nr. meines Vertrags: 55123', 'contract_number', '55123'],
    ['Nummer meines Auftrags: 77123', 'order_number', '77123'],
    ['Mitglied Nr. 4471', 'customer_number', '4471'],
  ])('reads %j', (text, kind, value) => {
    expect(numbers(text).map(([k, v]) => [k, v])).toEqual([[kind, value]]);
  });

  it.each([
    'Die Nummer meines Vertrags ist mir nicht bekannt, seit 2019',
    'the number of my orders is 12',
    'Nummer meiner Rechnung: 4471203',
  ])('leaves %j alone', (text) => {
    expect(numbers(text)).toEqual([]);
  });
});

describe('a plural label right before a list of values, without a colon', () => {
  it.each([
    ['Vertragsnummern 5512883 und 5512884', ['5512883', '5512884']],
    ['Kundennummern 4471203, 4471204', ['4471203', '4471204']],
    ['order numbers 77120 and 77121', ['77120', '77121']],
  ])('reads every value in %j', (text, values) => {
    expect(numbers(text).map(([, v]) => v)).toEqual(values);
  });
});

describe('whose number it is between label and value, snake_case keys and "being"', () => {
  it.each([
    ['Kundennummer von meinem Vater 4471203', 'customer_number', '4471203'],
    ['the contract number of my mother 5512883 was cancelled', 'contract_number', '5512883'],
    ['customer_id: 4471203', 'customer_number', '4471203'],
    ['{"order_id": "7712044"}', 'order_number', '7712044'],
    ['customer number being 4471203', 'customer_number', '4471203'],
  ])('reads %j', (text, kind, value) => {
    expect(numbers(text).map(([k, v]) => [k, v])).toEqual([[kind, value]]);
  });

  it.each(['Kundennummer von 2019 bis 2023 geändert', 'order_id_seq: 7712044'])('leaves %j alone', (text) => {
    expect(numbers(text)).toEqual([]);
  });
});

describe('more German labels: Vertragskennung, Versicherungsschein, Kundenkarte, Service- and Nutzerkonto', () => {
  it.each([
    ['Vertragskennung 5512883', 'contract_number', '5512883'],
    ['Versicherungsschein 5512883', 'contract_number', '5512883'],
    ['Kundenkarte 4471203', 'customer_number', '4471203'],
    ['Servicekonto 4471203', 'customer_number', '4471203'],
    ['Nutzerkonto: 4471203', 'customer_number', '4471203'],
  ])('reads %j', (text, kind, value) => {
    expect(numbers(text).map(([k, v]) => [k, v])).toEqual([[kind, value]]);
  });
});

describe('service accounts, customer codes and order confirmations', () => {
  it.each([
    ['Broadband account 44712033', 'customer_number', '44712033'],
    ['my gas account 4471203 was closed', 'customer_number', '4471203'],
    ['Customer code 4471203', 'customer_number', '4471203'],
    ['Order confirmation 7712044', 'order_number', '7712044'],
    ['Confirmation number: 7712044', 'order_number', '7712044'],
  ])('reads %j', (text, kind, value) => {
    expect(numbers(text).map(([k, v]) => [k, v])).toEqual([[kind, value]]);
  });

  it.each(['Confirmation code 4471 sent by SMS', 'my broadband account is slow since 2023'])('leaves %j alone', (text) => {
    expect(numbers(text)).toEqual([]);
  });
});

describe('dev-10: answers, genitive labels, confirmations and accounts in forms', () => {
  it.each([
    // A device's firmware or serial in the lines after a question that lists labels answers nothing.
    'Welche Daten braucht ihr von mir? Vertragsnummer, Geburtsdatum, Adresse?\n\nMein Handy: Galaxy S23, Modem-Firmware S911BXXS3BXJ1.',
    // … nor does a value cut off.
    'Welche Daten braucht ihr? Vertragsnummer, Adresse?\n\nDie EID beginnt mit 8904903200… – reicht das?',
    // A thread number after a bare noun is no order.
    'Bestellung ist angekommen, siehe Thread #48213 für die Details.',
  ])('leaves %j alone', (text) => {
    expect(numbers(text)).toEqual([]);
  });
});

describe('dev-10: order confirmations, genitive labels, "#" values after a bare noun, prefixed account values', () => {
  it.each([
    ['Vorgangsnummer aus eurem Brief: AU-009912 (das ist meine Auftragsbestätigung für den Anschluss).', [['order_number', 'AU-009912']]],
    [
      'KdNr 88-120447, Auftragsnummer der Umzugsbestellung UZ-77130.',
      [
        ['customer_number', '88-120447'],
        ['order_number', 'UZ-77130'],
      ],
    ],
    [
      'Hab zwei Bestellungen aufgegeben, #558210 und #558214, die zweite bitte stornieren.',
      [
        ['order_number', '558210'],
        ['order_number', '558214'],
      ],
    ],
    ['Old prov.: account EIR-7731902', [['customer_number', 'EIR-7731902']]],
  ])('reads %j', (text, expected) => {
    expect(numbers(text).map(([k, v]) => [k, v])).toEqual(expected);
  });
});

describe('short labels before a colon or a prefixed value, a member, and a number a confirmation came with', () => {
  it.each([
    ['Rückruf bitte, Kd.: 4471 2093', [['customer_number', '4471 2093']]],
    ['our sub number is SUB-44120-KB, please check', [['contract_number', 'SUB-44120-KB']]],
    ['PO AB-55021 was approved by finance', [['order_number', 'AB-55021']]],
    ['Thanks, Priya (member 77102384)', [['customer_number', '77102384']]],
    ['Die Bestellbestätigung kam mit der Nummer HX-2025-11873, seitdem nichts.', [['order_number', 'HX-2025-11873']]],
    ['subscription id sub_4471-2209-B is still billed', [['contract_number', 'sub_4471-2209-B']]],
    ['Hab im Mai bei euch bestellt, die Nummer war 55102984, Lieferung fehlt.', [['order_number', '55102984']]],
    ['I ordered a router in May, the number is 77120345.', [['order_number', '77120345']]],
    ['Kundennummer KD_55120934, bitte prüfen', [['customer_number', 'KD_55120934']]],
  ])('reads %j', (text, expected) => {
    expect(numbers(text).map(([k, v]) => [k, v])).toEqual(expected);
  });

  it.each([
    'The member 2 of our team left.',
    'PO box 4471 is closed.',
    'Die Bestellbestätigung kam mit der Post.',
    'Hab 12000 Stück bestellt.',
  ])('leaves %j alone', (text) => {
    expect(numbers(text)).toEqual([]);
  });
});

describe('an answer to a question for a number is no position in a stack trace', () => {
  it('skips "line:column" after the question and still reads a plain answer', () => {
    expect(numbers('Welche Kundennummer braucht ihr? Fehler: at app.3f2a.js:12:40871')).toEqual([]);
    expect(numbers('Which customer number do you need? Trace at main.js:3:55012:9')).toEqual([]);
    expect(numbers('Welche Kundennummer braucht ihr? Hier: 40871234').map(([k, v]) => [k, v])).toEqual([['customer_number', '40871234']]);
  });
});
