import { isWordChar } from '../text.js';
import { PO_BOX_CUE_AFTER } from './address-de.js';
import { anchorsOf, firstAt, matchesAt, notAfterAsciiWord, positionsBefore, scanner } from './scan.js';
import type { Candidate } from './types.js';

const WORD = String.raw`\p{Lu}[\p{L}\p{M}'.-]{0,24}`;
const STREET_TYPES = [
  'Street St Road Rd Avenue Ave Lane Ln Drive Dr Boulevard Blvd Court Ct Place Pl Square Sq Terrace Close Crescent Way',
  'Parkway Pkwy Highway Hwy Gardens Grove Mews Row Hill Walk Circle Cir Trail Park Green Gate Rise View Wharf Quay Parade',
  'Loop Alley Bend Cove Crossing Expressway Freeway Heights Landing Pike Plaza Point Ridge Run Turnpike Path',
  // Abbreviations: "Evergreen Ter", "Wattle Cres", "Elm Cl", "Rose Gdns", "Marine Pde", "Ocean Esp", "Pine Trl".
  'Ter Terr Cres Cl Gdns Pde Esp Trl Cct',
  // Names of British terraces and lanes: "Manor Farm Cottages", "Station Approach", "Castle Mount".
  'Cottages Approach Mount Vale Meadows Yard Wynd Chase Drove',
]
  .join(' ')
  .split(' ');
const US_STATES =
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR';

/** A word of a street name, also an ordinal ("W 59th St"). */
const NAME_WORD = String.raw`(?:${WORD}|\d{1,3}(?:st|nd|rd|th))`;
/** One-word names that are streets by their ending: "Kingsway", "Eastgate", "Riverside". */
const SUFFIXED_STREET = String.raw`\p{Lu}\p{Ll}{2,20}(?:way|gate|side|fields?|wood|bank|croft|mead|moor|brook|dale|hurst|holme)`;
/** French-Canadian type words come first: "58 Rue Sainte-Catherine", "1200 Boulevard René-Lévesque". */
const FRENCH_STREET = String.raw`(?:Rue|Avenue|Av\.|Boulevard|Boul\.|Chemin|Ch\.|Rang|Côte|Montée|Place)\s(?:(?:de|du|des|la|le)\s|[dl]['’])?${WORD}(?:\s${WORD}){0,2}`;
/** A form label between the lines of an address: "City/ZIP: ", "Town: ", "Postcode: ". */
const FORM_LABEL = String.raw`(?:\p{Lu}[\p{L}/ ]{1,24}:\s?)?`;
/** "221B Baker Street, London", "1600 Pennsylvania Ave NW, Washington,", "Flat 2, 10 Example Road, Leeds", unit/number "7/21 Banksia St". */
/** A rural route or highway contract box instead of a street: "RR 2 Box 152", "Rural Route 3, Box 40", "HC 65 Box 12". */
const RURAL_ROUTE = String.raw`(?:RR|R\.R\.|Rural\sRoute|HC|Star\sRoute)\s\d{1,3},?\s(?:Box|#)\s?\d{1,5},?\s`;
/**
 * A house or building named instead of numbered: "The Old Rectory, Church Lane,", "Rose Cottage, Mill Lane,", "Apt 14, The
 * Maltings," (a flat in a named building).
 */
const HOUSE_NAME = String.raw`(?:The\s${WORD}(?:\s${WORD}){0,2}|${WORD}(?:\s${WORD})?\s(?:Cottage|House|Farm|Farmhouse|Lodge|Barn|Manor|Hall|Villa|Bungalow|Rectory|Vicarage))`;
const NAMED_HOUSE = String.raw`(?:${HOUSE_NAME},\s(?:${NAME_WORD}\s){1,2}(?:${STREET_TYPES.join('|')})\.?|(?:Flat|Apartment|Apt|Unit)\.?\s\w{1,5},?\sThe\s${WORD}(?:\s${WORD})?),\s`;
/** After the street, a flat or suite: "Apt 4B", "Suite 900", "#2R", French-Canadian "app. 7". */
const UNIT_AFTER = String.raw`(?:(?:Apt|Suite|Ste|Unit|Flat|App|app|#)\.?\s?\w{1,6},?\s)?`;
const STREET_LINE = String.raw`(?:${RURAL_ROUTE}|${NAMED_HOUSE}|(?:(?:[Ff]lat|[Aa]partment|[Aa]pt|[Uu]nit)\.?\s\w{1,5},?\s)?(?:\d{1,4}[A-Za-z]?\/)?\d{1,6}[A-Za-z]?,?\s(?:(?:${NAME_WORD}\s){1,3}(?:${STREET_TYPES.join('|')})\.?(?:\s(?:NW|NE|SW|SE|N|S|E|W))?|${SUFFIXED_STREET}|${FRENCH_STREET}),?\s${UNIT_AFTER}${FORM_LABEL})`;
/** A town, also with a district number ("Dublin 2,"). */
const CITY_WORD = String.raw`${WORD}(?:\s\d{1,2}(?=,))?,?\s${FORM_LABEL}`;
const CA_PROVINCES = 'AB BC MB NB NL NS NT NU ON PE QC SK YT';
/** Australian state or territory and four-digit postcode: "Fitzroy VIC 3065". */
const AU_STATES = 'NSW VIC QLD WA SA TAS ACT NT';
/** Full street-type words: with these, number + street + town is an address even without a postcode. */
const FULL_TYPES =
  'Street Road Avenue Lane Drive Boulevard Court Close Crescent Terrace Gardens Grove Mews Place Square Way Row Walk Parade';

const UK_POSTCODE = /[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}/g;
const US_ZIP = new RegExp(String.raw`(?:${US_STATES.replace(/ /g, '|')}),?\s\d{5}(?:-\d{4})?`, 'g');
const AU_POSTCODE = new RegExp(String.raw`(?:${AU_STATES.replace(/ /g, '|')}),?\s\d{4}`, 'g');
const CA_POSTCODE = new RegExp(String.raw`(?:${CA_PROVINCES.replace(/ /g, '|')}),?\s[A-Z]\d[A-Z]\s?\d[A-Z]\d`, 'g');
/** Irish Eircode: routing key (letter, two digits; D6W) and a four-character identifier. */
const EIRCODE = /(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?[0-9AC-FHKNPRTV-Y]{4}/g;
const EIRCODE_CUE = /eircode[^\n\d]{0,12}$/i;
/** "Flat 2, 15 High Street, Leeds", "Apartment 3, 45 Merrion Square, Dublin 2": a town after the street ends it, no postcode needed. */
const STREET_TOWN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:[Ff]lat|[Aa]partment|[Aa]pt|[Uu]nit)\.?\s\w{1,5},?\s)?\d{1,5}[A-Za-z]?,?\s(?:${WORD}\s){1,3}(?:${FULL_TYPES.replace(/ /g, '|')}),\s\p{Lu}[\p{L}'-]{2,24}(?:\s(?:upon|on)\s\p{Lu}[\p{L}'-]{2,24}|(?<=Dublin)\s\d{1,2}(?=[.,;!?)]|\s*$))?(?![\p{L}\p{N}]|,?\s(?:[A-Z]{1,2}\d|\d))`,
  'uy',
);
/**
 * Its type word before a comma and a town is rare in text: the scan starts there and looks back over the flat, the number
 * and at most three words of the name (25 letters of up to two UTF-16 units each).
 */
const STREET_TOWN_TYPE = new RegExp(String.raw`(?:${FULL_TYPES.replace(/ /g, '|')}),\s\p{Lu}`, 'gu');
const STREET_TOWN_REACH = 180;
const BEFORE_UK = new RegExp(String.raw`(?<![\p{L}\p{N}])${STREET_LINE}(?:${CITY_WORD}){0,3}$`, 'u');
const BEFORE_US = new RegExp(String.raw`(?<![\p{L}\p{N}])${STREET_LINE}(?:${CITY_WORD}){1,3}$`, 'u');
/** Irish rural addresses have no street: townland, town and county before the Eircode ("Cloonagh, Ballina, Co. Mayo F26 K5P3"). */
const BEFORE_IE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${STREET_LINE}(?:${CITY_WORD}){0,3}|${WORD}(?:,\s${WORD}){0,2},\s(?:Co\.|County)\s${WORD}\s)$`,
  'u',
);

/** An Irish county ends an address without an Eircode: "17 Harbour View, Cobh, Co. Cork". */
const IE_COUNTY = /(?:Co\.|County)\s\p{Lu}\p{Ll}{2,15}/gu;
const BEFORE_IE_COUNTY = new RegExp(String.raw`(?<![\p{L}\p{N}])${STREET_LINE}(?:${CITY_WORD}){0,2}$`, 'u');

const CUED_STREET = new RegExp(
  String.raw`(?:(?<![A-Za-z0-9_])(?:I|[Ww]e)(?:'m|'re|\sam|\sare|\slive|\smoved)\s(?:now\s)?(?:at|to|on)|(?<![A-Za-z0-9_])[Ll]ives?\sat|(?<![A-Za-z0-9_])[Ll]iving\sat|(?<![A-Za-z0-9_])[Aa]ddress(?:\sis)?:?|(?<![A-Za-z0-9_])(?:[Ss]hip|[Dd]eliver|[Ss]end|[Pp]ost|[Mm]ail)(?:\sit)?\sto:?)\s(?<![\p{L}\p{N}])(\d{1,5}[A-Za-z]?\s(?:(?:${NAME_WORD}\s){1,3}(?:${STREET_TYPES.join('|')})\.?|${SUFFIXED_STREET}))(?![\p{L}\p{N}])`,
  'gu',
);
const cuedStreets = scanner(CUED_STREET);
const CUE_WORD =
  /\b(?:I|we)(?:'m|'re|\sam|\sare|\slive|\smoved)|\blives?\sat|\bliving\sat|\baddress|\bship|\bdeliver|\bsend|\bpost|\bmail/i;

/** A post office box with its town: "P.O. Box 1180, Denver, CO 80201", "PO Box 77, Leeds LS1 4AP". */
const PO_BOX = new RegExp(
  String.raw`(?<![\p{L}\p{N}])P\.?\s?O\.?\s?Box\s\d{1,6},?\s(?:${WORD},?\s){1,3}(?:(?:${US_STATES.replace(/ /g, '|')}),?\s\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|(?:${AU_STATES.replace(/ /g, '|')}),?\s\d{4}|(?:${CA_PROVINCES.replace(/ /g, '|')}),?\s[A-Z]\d[A-Z]\s?\d[A-Z]\d)(?![\p{L}\p{N}])`,
  'gu',
);
const poBoxes = scanner(PO_BOX);
/**
 * It is someone's only when the text sends something there ("mail only to: P.O. Box …", "my address is PO Box …"), or when
 * the writer opens a line with it ("PO Box 17, Gympie QLD 4570 – rural, no street delivery here").
 */
/** … unless the words after it give it to an organisation: "… is the address of the returns department". */
const PO_BOX_OTHERS_AFTER =
  /^[^\n]{0,40}?(?<!\p{L})(?:department|dept|office|company|firm|returns?|support|service|headquarters|team|store|shop|bank|branch|council)(?!\p{L})/iu;
const PO_BOX_CUE = /(?:address|mail|post|send|ship|deliver|write|\bto)[^\n\d]{0,30}$/iu;
/**
 * A British address typed in lower case after an address word, with or without commas: "address is 12 elmway, leeds ls6 2pq",
 * "address: 12 the green, little snoring, norfolk nr21 0aa".
 */
const LOWER_UK = new RegExp(
  String.raw`(?:address|live\sat|living\sat|ship\sto|send\sto|deliver\sto)[^\n\d]{0,16}?(?<![\p{L}\p{N}])(\d{1,4}[a-z]?,?\s(?:[a-z][a-z'-]{1,24}\s){0,3}[a-z][a-z'-]{2,24},?\s(?:[a-z][a-z'-]{1,24},?\s){1,4}[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2})(?![\p{L}\p{N}])`,
  'giu',
);

/** Typed in lower case or mixed, a street type word and a British postcode need no address word: "come to 33 high st, oxford ox1 4aw". */
const TYPED_UK = new RegExp(
  String.raw`(?<![\p{L}\p{N}])\d{1,4}[a-z]?,?\s(?:[a-z][a-z'-]{1,24}\s){1,3}(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|crescent|way|terrace|place|gardens|grove|court|ct|hill|row|walk|square|sq|mews|park)\.?,?\s(?:[a-z][a-z'-]{2,24},?\s){1,2}[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2}(?![\p{L}\p{N}])`,
  'giu',
);
/**
 * A US address typed in lower case, commas optional: "200 pine st apt 14 austin tx 78701", "9 elm rd, dayton oh 45402-1234",
 * "512 w 110th st apt 6b new york ny 10025".
 */
const TYPED_US = new RegExp(
  String.raw`(?<![\p{L}\p{N}])\d{1,6}\s(?:[a-z][a-z'-]{0,24}\s|\d{1,3}(?:st|nd|rd|th)\s){1,3}(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|court|ct|place|pl|way|terrace|ter|parkway|pkwy|highway|hwy|circle|cir|trail|trl)\.?,?\s(?:(?:apt|unit|suite|ste|#)\.?\s?[a-z\d]{1,6},?\s)?(?:[a-z][a-z'-]{2,24}\s){1,3}(?:${US_STATES.toLowerCase().replace(/ /g, '|')}),?\s\d{5}(?:-\d{4})?(?![\p{L}\p{N}])`,
  'gu',
);

/**
 * A form pasted a field per line, from the first address line to the postcode field: "address line 1: flat 7, 19 st
 * mary's road\naddress line 2: \ntown: southampton\npostcode: so14 0ab". The first line starts with a number or a flat.
 */
const FORM_DUMP =
  /(?<![\p{L}])address(?:\sline\s?1)?\s?:[^\S\n]?((?:\d{1,5}[a-z]?|flat|apartment|apt|unit)\b[^\n]{2,60}(?:\n[^\n]{0,40}){0,4}?\npost\s?code\s?:[^\S\n]?[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2})(?![\p{L}\p{N}])/giu;
const TYPED_US_HINT = new RegExp(String.raw`\b(?:${US_STATES.toLowerCase().replace(/ /g, '|')}),?\s\d{5}(?!\d)`, 'y');
/** … whose ZIP code, a space and five digits, is where the scan starts. */
const ZIP = /\s\d{5}(?!\d)/g;

function detect(text: string, anchor: RegExp, before: RegExp, rule: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(anchor)) {
    // Whole tokens only (checked here: a leading look-behind makes the scan several times slower).
    if (isWordChar(text[m.index - 1]) || isWordChar(text[m.index + m[0].length])) continue;
    const street = before.exec(text.slice(Math.max(0, m.index - 120), m.index));
    if (street) found.push({ kind: 'address', start: m.index - street[0].length, end: m.index + m[0].length, rule });
  }
  return found;
}

/** British, Irish (Eircode), US (state and ZIP), Canadian (province and postal code) and Australian (state and postcode) addresses. */
export function detectEnglishAddresses(text: string): Candidate[] {
  const found = [
    ...detect(text, UK_POSTCODE, BEFORE_UK, 'address-uk'),
    ...detect(text, US_ZIP, BEFORE_US, 'address-us'),
    ...detect(text, CA_POSTCODE, BEFORE_US, 'address-ca'),
    ...detect(text, AU_POSTCODE, BEFORE_US, 'address-au'),
    ...detect(text, EIRCODE, BEFORE_IE, 'address-ie'),
    ...detect(text, IE_COUNTY, BEFORE_IE_COUNTY, 'address-ie'),
  ];
  // An Eircode names a single building: with its label it is an address on its own.
  for (const m of text.matchAll(EIRCODE)) {
    if (isWordChar(text[m.index - 1]) || isWordChar(text[m.index + m[0].length])) continue;
    if (EIRCODE_CUE.test(text.slice(Math.max(0, m.index - 24), m.index)))
      found.push({ kind: 'address', start: m.index, end: m.index + m[0].length, rule: 'address-ie' });
  }
  for (const m of matchesAt(
    STREET_TOWN,
    text,
    notAfterAsciiWord(text, positionsBefore(anchorsOf(STREET_TOWN_TYPE, text), STREET_TOWN_REACH)),
  ))
    found.push({ kind: 'address', start: m.index, end: m.index + m[0].length, rule: 'address-uk' });
  // Without a town, a street counts when the text says someone is there: "I live at 4 Elm Close", "ship to 9 Quay Street".
  if (CUE_WORD.test(text)) {
    for (const m of cuedStreets(text)) {
      const end = m.index + m[0].length;
      found.push({ kind: 'address', start: end - m[1]!.length, end, rule: 'address-en' });
    }
    for (const m of text.matchAll(LOWER_UK)) {
      const end = m.index + m[0].length;
      found.push({ kind: 'address', start: end - m[1]!.length, end, rule: 'address-uk' });
    }
  }
  if (/\d[a-z]{2}(?![a-z])/i.test(text))
    for (const m of text.matchAll(TYPED_UK))
      found.push({ kind: 'address', start: m.index, end: m.index + m[0].length, rule: 'address-uk' });
  if (/post\s?code\s?:/i.test(text))
    for (const m of text.matchAll(FORM_DUMP)) {
      const end = m.index + m[0].length;
      found.push({ kind: 'address', start: end - m[1]!.length, end, rule: 'address-uk' });
    }
  if (firstAt(TYPED_US_HINT, text, positionsBefore(anchorsOf(ZIP, text), 3)))
    for (const m of text.matchAll(TYPED_US))
      found.push({ kind: 'address', start: m.index, end: m.index + m[0].length, rule: 'address-us' });
  for (const m of poBoxes(text))
    if (
      PO_BOX_CUE.test(text.slice(Math.max(0, m.index - 40), m.index)) ||
      (/(?:^|\n)[^\S\n]*$/.test(text.slice(Math.max(0, m.index - 8), m.index)) &&
        !PO_BOX_OTHERS_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 60))) ||
      PO_BOX_CUE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 48))
    )
      found.push({ kind: 'address', start: m.index, end: m.index + m[0].length, rule: 'address-en' });
  return found;
}
