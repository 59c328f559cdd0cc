import { isWordChar } from '../text.js';
import type { Candidate } from './types.js';

const WORD = String.raw`\p{Lu}[\p{L}\p{M}'.-]{0,24}`;
const STREET_TYPES = [
  'Street St Road Rd Avenue Ave Lane Ln Drive Dr Boulevard Blvd Court Ct Place Pl Square Sq Terrace Close Crescent Way',
  'Parkway Pkwy Highway Hwy Gardens Grove Mews Row Hill Walk Circle Cir Trail Park Green Gate Rise View Wharf Quay Parade',
  'Loop Alley Bend Cove Crossing Expressway Freeway Heights Landing Pike Plaza Point Ridge Run Turnpike Path',
]
  .join(' ')
  .split(' ');
const US_STATES =
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR';

/** "221B Baker Street, London", "1600 Pennsylvania Ave NW, Washington,", "Flat 2, 10 Example Road, Leeds". */
const STREET_LINE = String.raw`(?:(?:Flat|Apartment|Apt|Unit)\.?\s\w{1,5},?\s)?\d{1,6}[A-Za-z]?,?\s(?:${WORD}\s){1,3}(?:${STREET_TYPES.join('|')})\.?(?:\s(?:NW|NE|SW|SE|N|S|E|W))?,?\s(?:(?:Apt|Suite|Ste|Unit|Flat|#)\.?\s?\w{1,6},?\s)?`;
/** A town, also with a district number ("Dublin 2,"). */
const CITY_WORD = String.raw`${WORD}(?:\s\d{1,2}(?=,))?,?\s`;
const CA_PROVINCES = 'AB BC MB NB NL NS NT NU ON PE QC SK YT';
/** Full street-type words: with these, number + street + town is an address even without a postcode. */
const FULL_TYPES =
  'Street Road Avenue Lane Drive Boulevard Court Close Crescent Terrace Gardens Grove Mews Place Square Way Row Walk Parade';

const UK_POSTCODE = /[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}/g;
const US_ZIP = new RegExp(String.raw`(?:${US_STATES.replace(/ /g, '|')}),?\s\d{5}(?:-\d{4})?`, 'g');
const CA_POSTCODE = new RegExp(String.raw`(?:${CA_PROVINCES.replace(/ /g, '|')}),?\s[A-Z]\d[A-Z]\s?\d[A-Z]\d`, 'g');
/** Irish Eircode: routing key (letter, two digits; D6W) and a four-character identifier. */
const EIRCODE = /(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?[0-9AC-FHKNPRTV-Y]{4}/g;
const EIRCODE_CUE = /eircode[^\n\d]{0,12}$/i;
/** "Flat 2, 15 High Street, Leeds": a town after the street ends it, no postcode needed. */
const STREET_TOWN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:Flat|Apartment|Apt|Unit)\.?\s\w{1,5},?\s)?\d{1,5}[A-Za-z]?,?\s(?:${WORD}\s){1,3}(?:${FULL_TYPES.replace(/ /g, '|')}),\s\p{Lu}[\p{L}'-]{2,24}(?:\s(?:upon|on)\s\p{Lu}[\p{L}'-]{2,24})?(?![\p{L}\p{N}]|,?\s(?:[A-Z]{1,2}\d|\d))`,
  'gu',
);
const BEFORE_UK = new RegExp(String.raw`(?<![\p{L}\p{N}])${STREET_LINE}(?:${CITY_WORD}){0,3}$`, 'u');
const BEFORE_US = new RegExp(String.raw`(?<![\p{L}\p{N}])${STREET_LINE}(?:${CITY_WORD}){1,3}$`, 'u');

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

/** British, Irish (Eircode), US (state and ZIP) and Canadian (province and postal code) addresses. */
export function detectEnglishAddresses(text: string): Candidate[] {
  const found = [
    ...detect(text, UK_POSTCODE, BEFORE_UK, 'address-uk'),
    ...detect(text, US_ZIP, BEFORE_US, 'address-us'),
    ...detect(text, CA_POSTCODE, BEFORE_US, 'address-ca'),
    ...detect(text, EIRCODE, BEFORE_UK, 'address-ie'),
  ];
  // An Eircode names a single building: with its label it is an address on its own.
  for (const m of text.matchAll(EIRCODE)) {
    if (isWordChar(text[m.index - 1]) || isWordChar(text[m.index + m[0].length])) continue;
    if (EIRCODE_CUE.test(text.slice(Math.max(0, m.index - 24), m.index)))
      found.push({ kind: 'address', start: m.index, end: m.index + m[0].length, rule: 'address-ie' });
  }
  for (const m of text.matchAll(STREET_TOWN))
    found.push({ kind: 'address', start: m.index, end: m.index + m[0].length, rule: 'address-uk' });
  return found;
}
