import { isWordChar } from '../text.js';
import type { Candidate, CustomPattern, NumberKind } from './types.js';

/** Words that name the number that follows: "Kundennummer 123456789", "Vertragsnummer: V-2024-77812", "order #4711-2231". */
const CUES: readonly [NumberKind, string][] = [
  [
    'customer_number',
    String.raw`kunden?-?(?:nummer|nr\.?|id|konto(?:nummer)?)|kd\.?-?nr\.?|kundennr\.?|mitglieds-?(?:nummer|nr\.?)|customer\s?(?:number|no\.?|nr\.?|id|#|account(?:\s(?:number|no\.?))?)|client\s(?:number|no\.?|id)|account\s(?:number|no\.?|#|id)|member(?:ship)?\s(?:number|no\.?|id)`,
  ],
  [
    'contract_number',
    String.raw`vertrags?-?(?:nummer|nr\.?|konto(?:nummer)?|id)|versicherungs-?(?:nummer|schein-?nummer)|contract\s?(?:number|no\.?|nr\.?|id|#)|policy\s(?:number|no\.?|#)|agreement\s(?:number|no\.?)`,
  ],
  [
    'order_number',
    String.raw`bestell-?(?:nummer|nr\.?|id)|auftrags-?(?:nummer|nr\.?|id)|order\s?(?:number|no\.?|nr\.?|id|#)|order(?=\s?#)|purchase\s(?:number|no\.?)`,
  ],
];

/** Bare nouns ("Bestellung 2024-118823", "my order 55812003") name a number only when it is long enough (no quantities or years). */
const BARE_CUES: readonly [NumberKind, string][] = [
  ['customer_number', String.raw`kunde|customer|kundenkonto`],
  ['contract_number', String.raw`vertrag|contract`],
  ['order_number', String.raw`bestellung|auftrag|order`],
];
const BARE_MIN_DIGITS = 5;
/** After a label that ends in ":" or "#" ("Kundennummer: 123", "Bestellung: B-4711") a shorter number is still one. */
const LABELLED = /^\s{0,2}[:#]/;

const FILLER = String.raw`(?:\s{0,2}(?:[:=#(-]|ist|is|lautet|wäre|would\sbe|was|war|nr\.?|no\.?|number)){0,3}\s{0,2}#?\s?`;
/** The number itself: digits with optional letter prefixes and separators, at least four digits overall (checked after). */
const VALUE = String.raw`((?:[A-Z]{1,4}-){0,2}(?:[A-Z]{1,4})?\d[\dA-Z]{0,19}(?:[-/. ][A-Z]{0,3}\d[\dA-Z]{0,19}){0,4})(?![\p{L}\p{N}])`;
const GROUPS = [...CUES.map(([kind, cue]) => `(?<${kind}>${cue})`), ...BARE_CUES.map(([kind, cue]) => `(?<bare_${kind}>${cue})`)];
// Cue words first (a fast scan), then what follows them; a leading look-behind would slow the scan down several times.
const CUE = new RegExp(GROUPS.join('|'), 'gi');
const CUED_VALUE = new RegExp(FILLER + VALUE, 'iuy');
const DATE_LIKE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;

export function detectCuedNumbers(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(CUE)) {
    if (isWordChar(text[m.index - 1])) continue;
    CUED_VALUE.lastIndex = m.index + m[0].length;
    const value = CUED_VALUE.exec(text)?.[1];
    if (value === undefined) continue;
    const cue = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)![0];
    const digits = value.replace(/\D/g, '').length;
    const labelled = LABELLED.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3));
    const bare = cue.startsWith('bare_');
    // A bare "Kunde" names a number only as a label ("Kunde: 4711").
    if (bare && cue === 'bare_customer_number' && !labelled) continue;
    const minDigits = bare ? (labelled ? 4 : BARE_MIN_DIGITS) : labelled ? 3 : 4;
    if (digits < minDigits || DATE_LIKE.test(value) || (bare && /^(?:19|20)\d\d$/.test(value))) continue;
    const kind = cue.replace('bare_', '') as NumberKind;
    const end = CUED_VALUE.lastIndex;
    found.push({ kind, start: end - value.length, end, rule: `${kind.replace('_', '-')}-cue` });
  }
  return found;
}

/** A global, non-sticky copy, so the caller's pattern (and its lastIndex) is left alone. */
function globalCopy(pattern: RegExp | string): RegExp {
  if (typeof pattern === 'string') return new RegExp(pattern, 'g');
  return new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '') + 'g');
}

export function detectCustomPatterns(text: string, patterns: readonly CustomPattern[]): Candidate[] {
  const found: Candidate[] = [];
  for (const p of patterns) {
    for (const m of text.matchAll(globalCopy(p.pattern))) {
      if (m[0].length === 0) continue;
      found.push({ kind: p.kind, start: m.index, end: m.index + m[0].length, rule: p.rule ?? `custom-${p.kind}`, severity: p.severity });
    }
  }
  return found;
}
