import { isWordChar } from '../text.js';
import { ibanChecksumValid } from './checksums.js';
import type { Candidate } from './types.js';

/** IBAN length per country (SWIFT IBAN registry). */
const IBAN_LENGTH = new Map(
  [
    'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 DO28 EE20 EG29',
    'ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20',
    'LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25',
    'QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30',
  ]
    .join(' ')
    .split(' ')
    .map((entry) => [entry.slice(0, 2), Number(entry.slice(2))] as const),
);

/** Country code and check digits, also typed character by character ("D E 8 9 …"). */
const START = /([A-Za-z]) ?([A-Za-z]) ?(\d) ?(\d)/g;
const ALNUM = /[A-Za-z0-9]/;
const SEPARATOR = /[ .\-/]/;
const LINE_BREAK = /^ ?\r?\n ?(?=[A-Za-z0-9])/;

/** Reads `count` letters or digits from `from`, skipping single separators (written in blocks of four, or not at all). */
function readBban(text: string, from: number, count: number): { value: string; end: number } | null {
  let value = '';
  let i = from;
  while (value.length < count && i < text.length) {
    const ch = text[i]!;
    if (ALNUM.test(ch)) {
      value += ch;
      i++;
    } else if (SEPARATOR.test(ch) && value.length > 0 && ALNUM.test(text[i + 1] ?? '')) {
      i++;
    } else if (value.length > 0 && LINE_BREAK.test(text.slice(i, i + 4))) {
      // Wrapped onto the next line ("DE89 3704 0044\n0532 0130 00").
      i += LINE_BREAK.exec(text.slice(i, i + 4))![0].length;
    } else if (i === from && SEPARATOR.test(ch)) {
      i++;
    } else break;
  }
  return value.length === count ? { value, end: i } : null;
}

export function detectIbans(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(START)) {
    if (isWordChar(text[m.index - 1])) continue;
    const country = (m[1]! + m[2]!).toUpperCase();
    const length = IBAN_LENGTH.get(country);
    if (!length) continue;
    const bban = readBban(text, m.index + m[0].length, length - 4);
    if (!bban || ALNUM.test(text[bban.end] ?? '')) continue;
    if (!ibanChecksumValid(country + m[3]! + m[4]! + bban.value)) continue;
    found.push({ kind: 'iban', start: m.index, end: bban.end, rule: 'iban' });
  }
  return found;
}
