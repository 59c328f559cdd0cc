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
const CITY_WORD = String.raw`${WORD},?\s`;

const UK_POSTCODE = /[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}/g;
const US_ZIP = new RegExp(String.raw`(?:${US_STATES.replace(/ /g, '|')}),?\s\d{5}(?:-\d{4})?`, 'g');
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

/** British (house number, street, town, postcode) and US (number, street, city, state, ZIP) addresses. */
export function detectEnglishAddresses(text: string): Candidate[] {
  return [...detect(text, UK_POSTCODE, BEFORE_UK, 'address-uk'), ...detect(text, US_ZIP, BEFORE_US, 'address-us')];
}
