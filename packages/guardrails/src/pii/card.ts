import { luhnValid } from './checksums.js';
import { lineAfter, lineBefore } from '../text.js';
import { digitCount, digitsOf, hasLineBreak, type NumberRun } from './number-runs.js';
import type { Candidate } from './types.js';

/** Issuer prefixes and the lengths each network issues; a Luhn-valid number outside them is more likely an IMEI or a reference. */
const NETWORKS: readonly [RegExp, readonly number[]][] = [
  [/^4/, [13, 16, 19]], // Visa (13-digit numbers are rare and EAN-13 codes look like them: they need a card word before)
  [/^(5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/, [16]], // Mastercard
  [/^3[47]/, [15]], // American Express
  [/^3(0[0-5]|[689])/, [14, 15, 16, 17, 18, 19]], // Diners Club
  [/^(6011|64[4-9]|65)/, [16, 17, 18, 19]], // Discover
  [/^35(2[89]|[3-8]\d)/, [16, 17, 18, 19]], // JCB
  [/^62/, [16, 17, 18, 19]], // UnionPay
  [/^(5[06-9]|6\d)/, [13, 14, 15, 16, 17, 18, 19]], // Maestro
];

export function isCardNumber(digits: string): boolean {
  return NETWORKS.some(([prefix, lengths]) => prefix.test(digits) && lengths.includes(digits.length)) && luhnValid(digits);
}

/**
 * Cards are printed unbroken, in fours (4-4-4-4, 4-4-4-4-3, 4-4-4-1) or as 4-6-5 / 4-6-4; a number typed digit by digit
 * ("4 1 1 1 …") is someone hiding one.
 */
function printedLikeACard(lengths: readonly number[]): boolean {
  if (lengths.length === 1 || lengths.every((l) => l === 1)) return true;
  const shape = lengths.join('-');
  if (shape === '4-6-5' || shape === '4-6-4') return true;
  return lengths.slice(0, -1).every((l) => l === 4) && lengths[lengths.length - 1]! <= 4;
}

/** Group lengths as printed: a line break inside a group ("4111 11\n11 1111 …") joins its halves again. */
function printedLengths(groups: NumberRun['groups'], separators: readonly string[]): number[] {
  const lengths: number[] = [];
  groups.forEach((g, i) => {
    const length = g.end - g.start;
    const wrapped = i > 0 && hasLineBreak(separators[i - 1]!) && separators[i - 1]!.trim() === '';
    if (wrapped && (lengths[lengths.length - 1]! + length <= 4 || lengths[lengths.length - 1]! % 4 !== 0))
      lengths[lengths.length - 1]! += length;
    else lengths.push(length);
  });
  return lengths;
}

const CARD_WORD =
  /kart|card|visa|kredit|credit|debit|\bcc\b|zahlung|payment|paid|bezahlt|maestro|mastercard|amex|american\sexpress|diners|\bjcb\b|discover|unionpay|abbuchung/i;
/** The network named in brackets right after the number: "4129389820468 (Visa)". */
const NETWORK_AFTER =
  /^\s?[([]\s?(?:visa|mastercard|maestro|amex|american\sexpress|diners(?:\sclub)?|jcb|discover|unionpay|kreditkarte|credit\scard|debit\scard)/i;
/**
 * The label right before names another id: "Transaktions-ID 4829 …", "Device ID …", "Geschenkkarte PIN …", "terminal ID is …",
 * also of something named after it: "Transaktions-ID der Zahlung: …", "the transaction id of the payment is …".
 */
const OTHER_ID_LABEL =
  /(?:(?<!\p{L})(?:id|pin|code|ref)|transa[ck]tion\p{L}*|referen[cz]\p{L}*|mandat\p{L}*|vorgang\p{L}*|beleg\p{L}*|tracking|sendung\p{L}*|imei|iccid|serial|serien\p{L}*)(?:\s?(?:#|no\.?|nr\.?|number|nummer))?(?:\s(?:der|des|of\sthe|for\sthe|from\sthe)\s\p{L}{3,20})?[\s:#=]{0,3}(?:(?:is|ist|lautet|was|war)\s)?$/iu;
/** Published test numbers are mostly zeros: "4000 0000 0000 0002", "3700 0000 0000 002", "5100 0000 0000 0000". */
const mostlyZeros = (digits: string) => (digits.match(/0/g)?.length ?? 0) >= digits.length - 5;

export function detectCards(text: string, runs: readonly NumberRun[]): Candidate[] {
  const found: Candidate[] = [];
  for (const run of runs) {
    if (run.plus || run.gluedLeft || digitCount(run.groups) < 13 || run.separators.some((s) => s.includes('(') || s.includes(')')))
      continue;
    // The card may be followed in the same run by an expiry date or CVC: keep the longest valid prefix.
    let best = -1;
    // After a card word the writer's own grouping counts too ("Karte 45253780 30478893", "mastercard 56 4022 … 62").
    const named =
      CARD_WORD.test(lineBefore(text, run.start, 60)) || NETWORK_AFTER.test(lineAfter(text, run.groups[run.groups.length - 1]!.end, 24));
    for (let g = 0; g < run.groups.length; g++) {
      const groups = run.groups.slice(0, g + 1);
      const count = digitCount(groups);
      if (count > 19) break;
      if (count >= 13 && (printedLikeACard(printedLengths(groups, run.separators)) || named) && isCardNumber(digitsOf(text, groups))) {
        if (count === 13 && !named) continue;
        best = g;
      }
    }
    if (best < 0) continue;
    if (run.gluedRight && best === run.groups.length - 1) continue;
    if (OTHER_ID_LABEL.test(lineBefore(text, run.start, 40)) || mostlyZeros(digitsOf(text, run.groups.slice(0, best + 1)))) continue;
    found.push({ kind: 'card', start: run.groups[0]!.start, end: run.groups[best]!.end, rule: 'card' });
  }
  return found;
}
