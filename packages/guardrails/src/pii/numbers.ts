import { isWordChar } from '../text.js';
import type { Candidate, CustomPattern, NumberKind } from './types.js';

/** Words that name the number that follows: "Kundennummer 123456789", "Vertragsnummer: V-2024-77812", "order #4711-2231". */
const REF = String.raw`ref(?:\.|erence|erenz)?`;
const CUES: readonly [NumberKind, string][] = [
  [
    'customer_number',
    String.raw`kunden?[\s-]?(?:numm?er|nr\.?|id|konto(?:nummer)?)|kunden-?(?:kennung|referenz|code)|kd\.?-?\s?nr\.?|kdnr\.?|knr\.|kundennr\.?|(?:geschäfts)?partner-?(?:nummer|nr\.?)|gp-?nr\.?|mitglieds-?(?:nummer|nr\.?)|customer\s?(?:number|no\.?|nr\.?|id|#|${REF}|account(?:\s(?:number|no\.?))?)|cust\.?\s?(?:#|no\.?|nr\.?|id|number)|client\s(?:number|no\.?|id|#|${REF})|(?:billing\s)?(?:account|acct\.?|acc\.?)[\s-]?(?:number|no\.?|nr\.?|#|id)|a/c\s?(?:no\.?|#)|member(?:ship)?\s(?:number|no\.?|id)`,
  ],
  [
    'contract_number',
    String.raw`vertrags?[\s-]?(?:numm?er|nr\.?|konto(?:nummer)?|id|${REF})|vertr\.-?\s?nr\.?|versicherungs-?(?:nummer|schein-?(?:nummer|nr\.?))|poli[cz]?(?:en|zen)-?(?:nummer|nr\.?)|abo(?:nnement)?-?(?:nummer|nr\.?)|subscription\s(?:number|no\.?|id|#)|contract\s?(?:number|no\.?|nr\.?|id|#|${REF})|policy\s(?:number|no\.?|#)|agreement\s(?:number|no\.?|#|${REF})`,
  ],
  [
    'order_number',
    String.raw`bestell[\s-]?(?:numm?er|nr\.?|id)|best\.-?\s?nr\.?|auftrags[\s-]?(?:numm?er|nr\.?|id)|auftragsnr\.?|order[\s-]?(?:number|no\.?|nr\.?|id|#|${REF})|po\s?(?:#|number|no\.)|order(?=\s?#)|purchase\s(?:number|no\.?)`,
  ],
];
/** German compounds end in the cue: "Rahmenvertragsnummer", "Mobilfunkvertrags-Nr.", "Sammelbestellnummer". */
const COMPOUND_TAIL = /^(?:vertrags?(?:-?(?:nummer|nr))?|kunden-?(?:nummer|nr)|bestell-?(?:nummer|nr)|auftrags-?(?:nummer|nr))\.?$/i;

/** Bare nouns ("Bestellung 2024-118823", "my order 55812003") name a number only when it is long enough (no quantities or years). */
const BARE_CUES: readonly [NumberKind, string][] = [
  ['customer_number', String.raw`kunde|customer|kundenkonto|account|acct`],
  ['contract_number', String.raw`vertrag|contract`],
  ['order_number', String.raw`bestellung|auftrag|order`],
];
const BARE_MIN_DIGITS = 5;
/** After a label that ends in ":" or "#" ("Kundennummer: 123", "Bestellung: B-4711") a shorter number is still one. */
const LABELLED = /^[*_`\s]{0,3}[:#|]/;

/** Also markdown and table punctuation around the label or value: "**Kundennummer:** 123", "| Kd-Nr | 123 |", "`123`". */
const FILLER = String.raw`(?:\s{0,2}(?:[:=#(|*_"'„“‚‘\x60-]|ist|is|lautet|wäre|would\sbe|was|war|nr\.?|no\.?|number)){0,5}\s{0,2}#?\s?`;
/** The number itself: digits with optional letter prefixes and separators, at least four digits overall (checked after). */
const VALUE = String.raw`((?:[A-Z]{1,4}[-/]){0,2}(?:[A-Z]{1,4} ?)?\d[\dA-Z]{0,19}(?:[-/. ][A-Z]{0,3}\d[\dA-Z]{0,19}){0,4})(?![\p{L}\p{N}])`;
const GROUPS = [...CUES.map(([kind, cue]) => `(?<${kind}>${cue})`), ...BARE_CUES.map(([kind, cue]) => `(?<bare_${kind}>${cue})`)];
// Cue words first (a fast scan), then what follows them; a leading look-behind would slow the scan down several times.
const CUE = new RegExp(GROUPS.join('|'), 'gi');
const CUED_VALUE = new RegExp(FILLER + VALUE, 'iuy');
/**
 * After a full label a few words may come before the value ("Kundennummer (steht auf der Rechnung): 4711",
 * "customer number on my letter is 4711"), but not a further item of a list ("Vertragsnummer und Telefon: …").
 */
const WORDS_THEN = String.raw`(?:(?![,;|&/]|\s(?:und|and|oder|or|sowie|plus)\s)[^\d\n.!:]){1,40}?(?::|\s(?:ist|is|lautet|was|war)\s)`;
const LOOSE_VALUE = new RegExp(WORDS_THEN + FILLER + VALUE, 'iuy');
const DATE_LIKE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;
/** The number before its label: "PX-20931877 (das ist meine Vertragsnummer)", "77120934, which is my customer no.". */
const VALUE_BEFORE =
  /(?<![\p{L}\p{N}-])((?:[A-Z]{1,4}[-/]){0,2}[A-Z]{0,4}\d[\dA-Z]{0,19}(?:[-/.][A-Z]{0,3}\d[\dA-Z]{0,19}){0,4})\s{0,2}[(,–—-]?\s{0,2}(?:that'?s|that\sis|which\sis|is|=|ist|das\sist)?\s{0,2}(?:(?:my|meine?|the|die|our|unsere?)\s(?:\p{L}{2,20}\s)?)?$/u;

export function detectCuedNumbers(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(CUE)) {
    if (isWordChar(text[m.index - 1]) && !COMPOUND_TAIL.test(m[0])) continue;
    const cue = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)![0];
    let pattern = CUED_VALUE;
    pattern.lastIndex = m.index + m[0].length;
    let value = pattern.exec(text)?.[1];
    if (value === undefined && !cue.startsWith('bare_')) {
      pattern = LOOSE_VALUE;
      pattern.lastIndex = m.index + m[0].length;
      value = pattern.exec(text)?.[1];
    }
    if (value === undefined) {
      const before = cue.startsWith('bare_') ? null : VALUE_BEFORE.exec(text.slice(Math.max(0, m.index - 72), m.index));
      if (before && before[1]!.replace(/\D/g, '').length >= BARE_MIN_DIGITS && !DATE_LIKE.test(before[1]!)) {
        const start = m.index - before[0].length;
        found.push({ kind: cue as NumberKind, start, end: start + before[1]!.length, rule: `${cue.replace('_', '-')}-cue` });
      }
      continue;
    }
    // A letter prefix set off by a space ("VN 4419 2203") is part of the number only when typed in capitals ("order of 15000" is not).
    const spaced = /^[-/A-Za-z]*?([A-Za-z]{1,4}) \d/.exec(value);
    if (spaced && spaced[1] !== spaced[1]!.toUpperCase()) continue;
    const digits = value.replace(/\D/g, '').length;
    const labelled = LABELLED.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3));
    const bare = cue.startsWith('bare_');
    // A bare "Kunde" names a number only as a label ("Kunde: 4711") or when the number is long ("customer 48812093").
    if (bare && cue === 'bare_customer_number' && !labelled && (digits < 6 || /^ac/i.test(m[0]))) continue;
    const minDigits = bare ? (labelled ? 4 : BARE_MIN_DIGITS) : labelled ? 3 : 4;
    if (digits < minDigits || DATE_LIKE.test(value) || (bare && /^(?:19|20)\d\d$/.test(value))) continue;
    const kind = cue.replace('bare_', '') as NumberKind;
    const end = pattern.lastIndex;
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
