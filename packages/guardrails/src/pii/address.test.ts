import { describe, expect, it } from 'vitest';
import { detectPii } from './detect.js';

const addresses = (text: string) => detectPii(text, { kinds: ['address'] }).map((f) => text.slice(f.start, f.end));

describe('postal address detection', () => {
  it.each([
    ['an Hauptstraße 12, 10115 Berlin geliefert', 'Hauptstraße 12, 10115 Berlin'],
    ['Am Markt 3a · 80331 München', 'Am Markt 3a · 80331 München'],
    ['Karl-Marx-Allee 93, 10243 Berlin', 'Karl-Marx-Allee 93, 10243 Berlin'],
    ['Bahnhofstr. 3 in 50667 Köln', 'Bahnhofstr. 3 in 50667 Köln'],
    ['Lindenstraße 7\n04109 Leipzig', 'Lindenstraße 7\n04109 Leipzig'],
    ['Goethestraße 45a, 60313 Frankfurt am Main.', 'Goethestraße 45a, 60313 Frankfurt am Main'],
    ['sent to 221B Baker Street, London NW1 6XE', '221B Baker Street, London NW1 6XE'],
    ['1600 Pennsylvania Ave NW, Washington, DC 20500', '1600 Pennsylvania Ave NW, Washington, DC 20500'],
    ['123 Main St, Apt 4B, Springfield, OR 97477.', '123 Main St, Apt 4B, Springfield, OR 97477'],
    // German streets without a "-straße" suffix, hyphenated and abbreviated names
    ['Adresse: An der Alster 12, 20099 Hamburg', 'An der Alster 12, 20099 Hamburg'],
    ['Unter den Linden 7, 10117 Berlin', 'Unter den Linden 7, 10117 Berlin'],
    ['Auf dem Berg 5, 72070 Tübingen', 'Auf dem Berg 5, 72070 Tübingen'],
    ['Im Winkel 2, 50667 Köln', 'Im Winkel 2, 50667 Köln'],
    ['Am Alten Markt 3, 12345 Musterstadt', 'Am Alten Markt 3, 12345 Musterstadt'],
    ['Konrad-Adenauer-Str. 5, 53113 Bonn', 'Konrad-Adenauer-Str. 5, 53113 Bonn'],
    ['Hauptstr. 12a, 69117 Heidelberg', 'Hauptstr. 12a, 69117 Heidelberg'],
    ['Berliner Str. 5, 10115 Berlin', 'Berliner Str. 5, 10115 Berlin'],
    // without a postcode, when the text says someone lives there
    ['Ich wohne Am Markt 3 in Musterstadt.', 'Am Markt 3 in Musterstadt'],
    ['Meine Adresse: Hauptstraße 12', 'Hauptstraße 12'],
    ['Lieferadresse: Konrad-Adenauer-Str. 5a, Bonn', 'Konrad-Adenauer-Str. 5a, Bonn'],
    // Austria and Switzerland: four-digit postcodes, staircase and door
    ['Mariahilfer Straße 45/3/12, 1060 Wien', 'Mariahilfer Straße 45/3/12, 1060 Wien'],
    ['Hauptstraße 5, Stiege 2, Tür 5, 1010 Wien', 'Hauptstraße 5, Stiege 2, Tür 5, 1010 Wien'],
    ['Lerchenweg 4, A-5020 Salzburg', 'Lerchenweg 4, A-5020 Salzburg'],
    ['Bahnhofstrasse 10, 8001 Zürich', 'Bahnhofstrasse 10, 8001 Zürich'],
    // UK with and without postcode, Ireland, US with apartment, Canada
    ['Flat 2, 15 High Street, Leeds LS1 4AB', 'Flat 2, 15 High Street, Leeds LS1 4AB'],
    ['I live at 15 High Street, Leeds.', '15 High Street, Leeds'],
    ['12 Main Street, Dublin 2, D02 X285', '12 Main Street, Dublin 2, D02 X285'],
    ['my Eircode is D02 X285', 'D02 X285'],
    ['1234 Elm St Apt 5B, Springfield, IL 62704', '1234 Elm St Apt 5B, Springfield, IL 62704'],
    ['221 King St W, Toronto, ON M5H 1K5', '221 King St W, Toronto, ON M5H 1K5'],
  ])('finds the address in %j', (text, match) => {
    expect(addresses(text)).toEqual([match]);
  });

  it.each([
    // form dumps with separate street and postcode/city fields: one span across the line break and the label
    ['Straße: Ulmenweg 9\nPLZ/Ort: 28195 Bremen', 'Ulmenweg 9\nPLZ/Ort: 28195 Bremen'],
    ['Name: Jana Vogt\nStraße: Ulmenweg 9\nPostleitzahl/Ort: 28195 Bremen', 'Ulmenweg 9\nPostleitzahl/Ort: 28195 Bremen'],
    ['Straße: Ulmenweg 9\nPLZ: 28195\nOrt: Bremen', 'Ulmenweg 9\nPLZ: 28195\nOrt: Bremen'],
    // a street without a type word, when an address word comes before it and a postcode and city after it
    ['Lieferadresse: Kaiserkai 14, 20457 Hamburg', 'Kaiserkai 14, 20457 Hamburg'],
    ['Bitte an Neumarkt 2, 50667 Köln schicken', 'Neumarkt 2, 50667 Köln'],
    // a label or a parcel names a street without a postcode
    ['Straße + Hausnr.: Neuer Markt 8 (Ort folgt)', 'Neuer Markt 8'],
    ['Straße und Hausnummer: Ulmenweg 9', 'Ulmenweg 9'],
    ['Das Päckchen ging an Lindenallee 41 statt an die Packstation', 'Lindenallee 41'],
  ])('reads German forms and cues: %j', (text, match) => {
    expect(addresses(text)).toEqual([match]);
  });

  it.each([
    'Das Paket liegt in der Packstation 118.',
    'Version 3, 10115 Berlin ist der Standort des Rechenzentrums',
    'PLZ: 28195',
    'Straße: bitte selbst eintragen',
  ])('still ignores %j', (text) => {
    expect(addresses(text)).toEqual([]);
  });

  it.each([
    ['Ship to: 318 E 72nd St, New York, NY 10021', '318 E 72nd St, New York, NY 10021'],
    ['Street: 7 Orchard Grove\nTown/Postcode: Bath BA1 5LP', '7 Orchard Grove\nTown/Postcode: Bath BA1 5LP'],
    ['Address: 7 Orchard Grove\nTown: Bath\nPostcode: BA1 5LP', '7 Orchard Grove\nTown: Bath\nPostcode: BA1 5LP'],
    ['from 44 Eastgate, Chester CH1 1LE last year', '44 Eastgate, Chester CH1 1LE'],
    ['visit 1200 Boulevard Saint-Laurent, Montréal, QC H2X 2S6 after 5', '1200 Boulevard Saint-Laurent, Montréal, QC H2X 2S6'],
    ["We're at 31 Willow Rise if the van gets lost", '31 Willow Rise'],
    ['I live at 5 Mill Lane and the meter is outside', '5 Mill Lane'],
  ])('reads English forms, ordinals, one-word and French street names and cues: %j', (text, match) => {
    expect(addresses(text)).toEqual([match]);
  });

  it.each(['I am at 3 different sites today', 'We moved to 2 Routers last year', 'Send to 4 people at once'])(
    'still ignores %j',
    (text) => {
      expect(addresses(text)).toEqual([]);
    },
  );

  it('finds two addresses in one post', () => {
    const text =
      'Alte Adresse: Hauptstraße 12, 10115 Berlin, neue Adresse: Mariahilfer Straße 45/3/12, 1060 Wien. Und für die Rechnung 1234 Elm St Apt 5B, Springfield, IL 62704 and 221B Baker Street, London NW1 6XE.';
    expect(addresses(text)).toEqual([
      'Hauptstraße 12, 10115 Berlin',
      'Mariahilfer Straße 45/3/12, 1060 Wien',
      '1234 Elm St Apt 5B, Springfield, IL 62704',
      '221B Baker Street, London NW1 6XE',
    ]);
  });

  it.each([
    'Die Postleitzahl 10115 Berlin ist im Tarifrechner nicht auswählbar.',
    'Im Raum 80331 München gibt es mehrere Netzbetreiber.',
    'Ich habe 3 Geräte, 10115 Berlin',
    'ZIP code 94105 is not available',
    'Model WR-10K-3P, built 2021',
    'Seit Januar 2020 wohne ich in 10115 Berlin',
    'Firmware 2.4 in 1010 Wien',
    'Die Adresse vom Portal ist falsch, Version 3',
    'Ich wohne seit 2019 in der Nähe',
    'Chapter 3 Main Street, Version 2',
    'Tracking D02 X285Q7 is stuck',
    'Update 1.2.3.4 from 8001 devices',
  ])('ignores %j', (text) => {
    expect(addresses(text)).toEqual([]);
  });
});

describe('Australian addresses', () => {
  it.each([
    ['Please post it to 7/21 Banksia Street, Fitzroy VIC 3065 by Friday.', '7/21 Banksia Street, Fitzroy VIC 3065'],
    ['Billing: 40 Harbour Rd, Manly NSW 2095', '40 Harbour Rd, Manly NSW 2095'],
  ])('finds %j', (text, match) => {
    expect(detectPii(text, { kinds: ['address'] }).map((f) => text.slice(f.start, f.end))).toEqual([match]);
  });

  it('needs the street before the state and postcode', () => {
    expect(detectPii('Our warehouse is somewhere in VIC 3065 I think', { kinds: ['address'] })).toEqual([]);
  });

  it.each([
    ['Schickt die Unterlagen an Postfach 40 11 22, 50667 Köln', 'Postfach 40 11 22, 50667 Köln'],
    ['Lieferadresse: Pf. 2210, 80331 München bitte', 'Pf. 2210, 80331 München'],
    ['please mail it to P.O. Box 9921, Boise, ID 83707 thanks', 'P.O. Box 9921, Boise, ID 83707'],
    ['neue adresse: ahornstrase 7 28195 bremen', 'ahornstrase 7 28195 bremen'],
    ['ich wohne in der gartenweg 12 in 79098 freiburg', 'gartenweg 12 in 79098 freiburg'],
    ['my address is 14 eastgate, leeds ls2 7jq', '14 eastgate, leeds ls2 7jq'],
  ])('finds post office boxes and addresses typed in lower case in %j', (text, match) => {
    expect(addresses(text)).toEqual([match]);
  });

  it.each(['Postfach 20 30 40, 50667 Köln – ist das eure Rechnungsstelle?', 'the form has 14 fields, version 2 3ab'])(
    'ignores a post office box nothing is sent to, and lower-case text without a postcode, in %j',
    (text) => {
      expect(addresses(text)).toEqual([]);
    },
  );
});

describe('addresses typed in lower case without punctuation', () => {
  it.each([
    ['neue anschrift: bahnhofstr 18 79098 freiburg, bitte ändern', 'bahnhofstr 18 79098 freiburg'],
    ['we live at 22 mill lane oxford ox1 4ab and the parcel went to 12', '22 mill lane oxford ox1 4ab'],
  ])('finds %j', (text, match) => {
    expect(addresses(text)).toEqual([match]);
  });

  it('finds the longest street name (31 letters) with a building part, however far it starts before its type word', () => {
    const match = 'generalfeldmarschallvonbluecherstrasse 1234 b / seitenflügel in 12345 neustadt';
    expect(addresses(`das kommt nach ${match} bitte`)).toEqual([match]);
  });

  it.each(['we live at the end of the street, see 12 photos', 'das instr 12 34567 abc ist kaputt'])('ignores %j', (text) => {
    expect(addresses(text)).toEqual([]);
  });
});

describe('"str" without its dot', () => {
  it('reads "Rosenstr 8, 86150 Augsburg"', () => {
    const text = 'Neue Adresse ab 1.7.: Rosenstr 8, 86150 Augsburg. Ummelden geht nicht.';
    expect(detectPii(text).map((f) => [f.kind, text.slice(f.start, f.end)])).toEqual([['address', 'Rosenstr 8, 86150 Augsburg']]);
  });
});

describe('addresses with the city first, Romance street names, building parts, lower case and PO boxes claimed after', () => {
  it.each([
    ['10115 Berlin, Invalidenstr. 44 – da wohn ich seit Oktober', '10115 Berlin, Invalidenstr. 44'],
    ['Adr.: Rue de Lausanne 14, 1202 Genève', 'Rue de Lausanne 14, 1202 Genève'],
    ['Lieferung an Via Nassa 5, 6900 Lugano bitte', 'Via Nassa 5, 6900 Lugano'],
    ['wohnort kirchgasse 2 / hinterhaus, 55116 mainz', 'kirchgasse 2 / hinterhaus, 55116 mainz'],
    ['Gartenweg 5 / Hinterhaus, 31134 Hildesheim', 'Gartenweg 5 / Hinterhaus, 31134 Hildesheim'],
    ['engineer should come to 33 high st, oxford ox1 4aw not the old place', '33 high st, oxford ox1 4aw'],
    ['PO Box 3321, Austin, TX 78764 is where I get mail', 'PO Box 3321, Austin, TX 78764'],
    ['Postfach 11 03, 79098 Freiburg ist meine Postadresse', 'Postfach 11 03, 79098 Freiburg'],
  ])('finds the address in %j', (text, match) => {
    expect(addresses(text)).toEqual([match]);
  });

  it.each([
    '10115 Berlin, Hauptbahnhof, Gleis 7',
    'PO Box 3321, Austin, TX 78764 is the address of the returns department',
    'Die Rue de Lausanne in Genf ist gesperrt',
  ])('ignores %j', (text) => {
    expect(addresses(text)).toEqual([]);
  });
});

describe('abbreviated titles in street names, "/Top" units, labels before the street', () => {
  it.each([
    ['Paket an Bgm.-Smidt-Str. 12, 28195 Bremen', 'Bgm.-Smidt-Str. 12, 28195 Bremen'],
    ['Hauptstraße 12/Top 4, 5020 Salzburg', 'Hauptstraße 12/Top 4, 5020 Salzburg'],
    ['Adresse Konrad-Adenauer-Str. 7, 53113 Bonn', 'Konrad-Adenauer-Str. 7, 53113 Bonn'],
  ])('spans the address in %j', (text, match) => {
    expect(addresses(text)).toEqual([match]);
  });
});

describe('German streets whose type word comes first, and floors with a side', () => {
  const found = (text: string) => detectPii(text, { kinds: ['address'] }).map((f) => text.slice(f.start, f.end));
  it.each([
    ['wohne jetzt Straße des 17. Juni 110, 10623 Berlin – bitte ändern', 'Straße des 17. Juni 110, 10623 Berlin'],
    ['Lieferung bitte an Str. des 18. Oktober 40, 04103 Leipzig', 'Str. des 18. Oktober 40, 04103 Leipzig'],
    ['Platz der Einheit 3, 14467 Potsdam – Wohnung 2.04', 'Platz der Einheit 3, 14467 Potsdam'],
    ['Zustellung an: Weg am Teich 1a, 2. Hof links, 99610 Sömmerda', 'Weg am Teich 1a, 2. Hof links, 99610 Sömmerda'],
    ['Bahnhofstr. 12 / Hinterhaus, 2. OG rechts, 01099 Dresden', 'Bahnhofstr. 12 / Hinterhaus, 2. OG rechts, 01099 Dresden'],
  ])('reads %j', (text, match) => {
    expect(found(text)).toEqual([match]);
  });

  it('leaves a street type word with no name alone', () => {
    expect(found('Die Straße der Zukunft 2030 wird grün.')).toEqual([]);
  });
});

describe('German streets named after a date, numbered streets with "Nr.", village districts (OT) and cued lower-case addresses', () => {
  it.each([
    ['Meine Adresse ist Am 1. Mai 7, 06749 Bitterfeld-Wolfen', 'Am 1. Mai 7, 06749 Bitterfeld-Wolfen'],
    ['Lieferung an Platz des 17. Juni 3, 99084 Erfurt', 'Platz des 17. Juni 3, 99084 Erfurt'],
    ['ich wohne Straße 70 Nr. 11, 13059 Berlin (ja, die heißt wirklich so)', 'Straße 70 Nr. 11, 13059 Berlin'],
    ['Lieferadresse: Hauptstraße Nr. 5, 10115 Berlin', 'Hauptstraße Nr. 5, 10115 Berlin'],
    ['Dorfstr. 3, OT Kleinkmehlen, 01990 Ortrand – das Navi findet das nie', 'Dorfstr. 3, OT Kleinkmehlen, 01990 Ortrand'],
    ['Lindenweg 12, Ortsteil Neudorf, 04509 Delitzsch', 'Lindenweg 12, Ortsteil Neudorf, 04509 Delitzsch'],
    ['meine adresse ist am 1. mai 7 06749 bitterfeld-wolfen', 'am 1. mai 7 06749 bitterfeld-wolfen'],
    ['meine anschrift: an der alten mühle 3, 01234 dorfhain', 'an der alten mühle 3, 01234 dorfhain'],
  ])('finds the address in %j', (text, match) => {
    expect(addresses(text)).toEqual([match]);
  });

  it.each([
    'Sendung wurde ans Verteilzentrum Straße 7, Gewerbegebiet Süd umgeleitet.',
    'Das Paket liegt im Depot Straße 3 in Gewerbepark.',
    'meine adresse ist noch die alte, seit 3 jahren 12345 mal geändert',
    'Bestellung Nr. 5, 10115 Stück geliefert',
  ])('reports nothing in %j', (text) => {
    expect(addresses(text)).toEqual([]);
  });
});

describe('rural routes, PO boxes with Australian and Canadian postcodes, abbreviated street types', () => {
  it.each([
    ['my address is RR 2 Box 152, Hillsboro, WI 54634, the courier cannot find it', 'RR 2 Box 152, Hillsboro, WI 54634'],
    ['HC 65 Box 12, Marfa, TX 79843 is where I live', 'HC 65 Box 12, Marfa, TX 79843'],
    ['Rural Route 3, Box 40, Elgin, IA 52141', 'Rural Route 3, Box 40, Elgin, IA 52141'],
    ['PO Box 17, Gympie QLD 4570 – rural, no street delivery here', 'PO Box 17, Gympie QLD 4570'],
    ['send it to PO Box 882, Yellowknife, NT X1A 2N6 please', 'PO Box 882, Yellowknife, NT X1A 2N6'],
    ['Shipping: 742 Evergreen Ter Apt 2, Columbus, OH 43215-0042 / Billing: same', '742 Evergreen Ter Apt 2, Columbus, OH 43215-0042'],
    ['I live at 12 Wattle Cres, Ringwood VIC 3134', '12 Wattle Cres, Ringwood VIC 3134'],
  ])('finds the address in %j', (text, match) => {
    expect(addresses(text)).toEqual([match]);
  });

  it.each([
    'Our returns depot: PO Box 17, Gympie QLD 4570.',
    'Kind regards,\nThe Support Team\nPO Box 4410, Sydney NSW 2001',
    'Order 3 of 5 shipped from RR 2 warehouse',
  ])('reports nothing in %j', (text) => {
    expect(addresses(text)).toEqual([]);
  });
});

describe('addresses of other European countries after an address word', () => {
  it.each([
    ['I live at Thorvald Meyers gate 23, 0555 Oslo and the courier never showed.', 'Thorvald Meyers gate 23, 0555 Oslo'],
    ['I live at Nørrebrogade 6, 2. th., 2200 København N and the courier never showed.', 'Nørrebrogade 6, 2. th., 2200 København N'],
    ['PS: Installationsadresse Storgatan 31 B, 114 55 Stockholm Grüße', 'Storgatan 31 B, 114 55 Stockholm'],
    ['Neue Adresse seit Umzug: Mannerheimintie 29 A 13, 00100 Helsinki', 'Mannerheimintie 29 A 13, 00100 Helsinki'],
    ['Please send the replacement to Oudegracht 157 bis, 3511 AP Utrecht.', 'Oudegracht 157 bis, 3511 AP Utrecht'],
    ['Please send the replacement to ul. Długa 46/16\n31-147 Kraków.', 'ul. Długa 46/16\n31-147 Kraków'],
    ['Address: 84 bis, avenue Jean Jaurès, Bât. B, 69007 Lyon\nSupport told me', '84 bis, avenue Jean Jaurès, Bât. B, 69007 Lyon'],
    ['edit: service address is via roma 185, 20121 milano (mi)', 'via roma 185, 20121 milano (mi)'],
    ['Edit: I live at Neue Reihe 18 A\nOrt: 70173 Stuttgart and the courier never showed.', 'Neue Reihe 18 A\nOrt: 70173 Stuttgart'],
    ['Please send the replacement to unter den eichen 92 70173 stuttgart.', 'unter den eichen 92 70173 stuttgart'],
  ])('finds the address in %j', (text, match) => {
    expect(addresses(text)).toEqual([match]);
  });

  it.each([
    'my address is the same since 2019, 3 of 5 1234 Stück',
    'I live at the end of road 5, 12345 is my postcode',
    'send it to me by 12 May 2025 please',
    'Die Adresse ist seit 3 Jahren 12345 mal geändert worden',
    'Returns address: Retourenlager 4, 36037 Fulda – steht im Impressum',
  ])('reports nothing in %j', (text) => {
    expect(addresses(text)).toEqual([]);
  });
});

describe('a Postfach after an English address word, and a company’s right after its legal form', () => {
  it('finds a private Postfach after "Delivery address:"', () => {
    expect(addresses('Delivery address: Postfach 74 39, 99084 Erfurt')).toEqual(['Postfach 74 39, 99084 Erfurt']);
  });

  it.each([
    'Ich hab jetzt per Einschreiben an Peerdesk GmbH, Postfach 10 20 30, 40001 Düsseldorf geschrieben.',
    'I wrote to Fennwatt Ltd, 1 Canal Wharf, Leeds LS11 5PS, and heard nothing.',
  ])('reports nothing in %j', (text) => {
    expect(addresses(text)).toEqual([]);
  });
});

describe('US addresses typed in lower case without commas', () => {
  it.each([
    ['Installationsadresse 200 pine st apt 14 austin tx 78701 Support told me', '200 pine st apt 14 austin tx 78701'],
    ['ship it to 45 oak avenue unit 3 salt lake city ut 84101 thanks', '45 oak avenue unit 3 salt lake city ut 84101'],
    ['im at 9 elm rd, dayton oh 45402-1234', '9 elm rd, dayton oh 45402-1234'],
  ])('finds the address in %j', (text, match) => {
    expect(addresses(text)).toEqual([match]);
  });

  it.each(['we ran 5 laps on the main st in 2024 ok 12345 times', 'version 3 road map for ca 90210 users'])(
    'reports nothing in %j',
    (text) => {
      expect(addresses(text)).toEqual([]);
    },
  );
});

describe('house numbers with a letter range', () => {
  it.each([
    ['Hafenstraße 12a-c, 20457 Hamburg', 'Hafenstraße 12a-c, 20457 Hamburg'],
    ['Lieferadresse: Gartenweg 4 a–d, 12345 Neustadt', 'Gartenweg 4 a–d, 12345 Neustadt'],
  ])('finds the address in %j', (text, match) => {
    expect(addresses(text)).toEqual([match]);
  });
});

describe('more British street types and "post to" / "live on"', () => {
  it.each([
    ['my address is 7 Manor Farm Cottages, Little Hadham', '7 Manor Farm Cottages'],
    ['please post to 3 Station Approach, Woking', '3 Station Approach'],
    ['I live on 45 Oak Drive in Springfield', '45 Oak Drive'],
    ['mail it to 8 Castle Mount, Dover', '8 Castle Mount'],
  ])('finds the address in %j', (text, match) => {
    expect(addresses(text).join(' | ')).toContain(match);
  });

  it.each(['we post to 3 channels every day', 'I live on 45 pounds a week'])('reports nothing in %j', (text) => {
    expect(addresses(text)).toEqual([]);
  });
});

describe('British form dumps with a line per field', () => {
  it.each([
    [
      "address line 1: flat 7, 19 st mary's road\naddress line 2: \ntown: southampton\npostcode: so14 0ab",
      "flat 7, 19 st mary's road\naddress line 2: \ntown: southampton\npostcode: so14 0ab",
    ],
    ['Address: 4 Elm Close\nTown: Leeds\nPostcode: LS6 2AB', '4 Elm Close\nTown: Leeds\nPostcode: LS6 2AB'],
  ])('finds the address in %j', (text, match) => {
    expect(addresses(text)).toEqual([match]);
  });

  it('needs a postcode field', () => {
    expect(addresses('Address line 1: see below\nTown: Leeds\nCountry: UK')).toEqual([]);
  });
});

describe('dev-10: named houses, Irish rural addresses, French-Canadian flats and lower-case Manhattan', () => {
  it.each([
    [
      'Parcel was left at The Old Rectory, Church Lane, Ashby, LE65 1HF even though I asked.',
      'The Old Rectory, Church Lane, Ashby, LE65 1HF',
    ],
    [
      'New address after the move: Apt 14, The Maltings, Kilkenny R95 T2X4 – you serve that building.',
      'Apt 14, The Maltings, Kilkenny R95 T2X4',
    ],
    ["We're rural: Cloonagh, Ballina, Co. Mayo F26 K5P3 – does the plan cover us?", 'Cloonagh, Ballina, Co. Mayo F26 K5P3'],
    ['Ship it to 3045 Boul. Laurier, app. 7, Québec, QC G1V 2M2 or it will bounce.', '3045 Boul. Laurier, app. 7, Québec, QC G1V 2M2'],
    ['address: 512 w 110th st apt 6b new york ny 10025 – is fiber available?', '512 w 110th st apt 6b new york ny 10025'],
  ])('finds the address in %j', (text, match) => {
    expect(addresses(text)).toEqual([match]);
  });

  it.each([
    'The Old Rectory is a listed building near Ashby.',
    'Co. Mayo has no fibre yet, says the map.',
    'We visited The Maltings, a pub in Kilkenny, last summer.',
  ])('finds none in %j', (text) => {
    expect(addresses(text)).toEqual([]);
  });
});

describe('dev-10: a lower-case address after a move', () => {
  it.each([
    ['bin nach in der aue 17 b 69118 heidelberg gezogen und das kabel-tv geht nicht', 'in der aue 17 b 69118 heidelberg'],
    ['wir sind jetzt nach am rain 4, 01234 dorfhain gezogen', 'am rain 4, 01234 dorfhain'],
  ])('finds %j', (text, match) => {
    expect(addresses(text)).toEqual([match]);
  });
});

describe('two abbreviated titles before a street name', () => {
  it('keeps both in the span', () => {
    expect(addresses('Schickt die Unterlagen an Prof.-Dr.-Helmert-Str. 3, 14482 Potsdam.')).toEqual([
      'Prof.-Dr.-Helmert-Str. 3, 14482 Potsdam',
    ]);
  });
});

describe('a British street and town without a postcode, however long its name', () => {
  it('finds a flat, a number and three long words before the type word', () => {
    const match = 'Flat 12345, 12345A, Abcdefghijklmnopqrstuvwxy Bbcdefghijklmnopqrstuvwxy Cbcdefghijklmnopqrstuvwxy Road, Leeds';
    expect(addresses(`Please post it to ${match}.`)).toEqual([match]);
  });
});

describe('a lower-case US address with a comma before the ZIP code', () => {
  it('finds it', () => {
    expect(addresses('ship to 200 pine st apt 14 austin tx, 78701 please')).toEqual(['200 pine st apt 14 austin tx, 78701']);
  });
});

describe('a floor after a slash, who the post goes to, and a Dutch postcode after an address word', () => {
  it.each([
    ['Adresse: Musterweg 12a / 3. OG links, 12345 Musterstadt', 'Musterweg 12a / 3. OG links, 12345 Musterstadt'],
    ['Lieferadresse: Am Bahnhof 1, bei Schmidt, 12345 Musterdorf', 'Am Bahnhof 1, bei Schmidt, 12345 Musterdorf'],
    ['Adres: Keizersgracht 123, 1015 CJ Amsterdam', 'Keizersgracht 123, 1015 CJ Amsterdam'],
  ])('finds the whole address in %j', (text, match) => {
    expect(addresses(text)).toEqual([match]);
  });
});

describe('more British, Irish and German address shapes found by probing', () => {
  it.each([
    ["I'm in flat 4, 12 High St, Oxford OX1 1AA", 'flat 4, 12 High St, Oxford OX1 1AA'],
    ['address: 12 the green, little snoring, norfolk nr21 0aa', '12 the green, little snoring, norfolk nr21 0aa'],
    ['My address is Apartment 3, 45 Merrion Square, Dublin 2.', 'Apartment 3, 45 Merrion Square, Dublin 2'],
    ['Wohnadresse Bahnhofplatz 1, CH-3011 Bern', 'Bahnhofplatz 1, CH-3011 Bern'],
  ])('finds %j', (text, match) => {
    expect(addresses(text)).toEqual([match]);
  });
});

describe('a hyphenated German street name before a postcode, and a building part on its own line', () => {
  it.each([
    ['Der Techniker war bei Klein-Flottbek 7, 22609 Hamburg nie da.', 'Klein-Flottbek 7, 22609 Hamburg'],
    ['Rechnungsanschrift:\nLindenhof 12\nVorderhaus, 3. OG\n04109 Leipzig', 'Lindenhof 12\nVorderhaus, 3. OG\n04109 Leipzig'],
    ['Wohnung: Lessingstraße 9, Hinterhaus 2. OG, 65189 Wiesbaden', 'Lessingstraße 9, Hinterhaus 2. OG, 65189 Wiesbaden'],
  ])('finds %j', (text, match) => {
    expect(addresses(text)).toEqual([match]);
  });

  it.each(['Siehe Seite 12, 10559 Exemplare gedruckt.', 'Version Pre-Release 3, 2024 Builds'])('leaves %j alone', (text) => {
    expect(addresses(text)).toEqual([]);
  });
});

describe('a British house named without "The", and an Irish county ending an address without an Eircode', () => {
  it.each([
    ['Please post it to Ivy Farmhouse, Church Lane, Ambleside LA22 0BU.', 'Ivy Farmhouse, Church Lane, Ambleside LA22 0BU'],
    ['The courier left it at 4 Strand Road, Bray, Co. Wicklow yesterday.', '4 Strand Road, Bray, Co. Wicklow'],
    ['I now live at 22 Quay View, Kinsale, County Cork.', '22 Quay View, Kinsale, County Cork'],
  ])('finds %j', (text, match) => {
    expect(addresses(text)).toEqual([match]);
  });

  it.each(['We toured County Cork in 2019, 3 days.', 'Rose Cottage is lovely, LA22 is the postcode area.'])('leaves %j alone', (text) => {
    expect(addresses(text)).toEqual([]);
  });
});
