import { lineAfter, lineBefore } from '../text.js';
import { COMPANY_PLACE_LINE, isSample, SIGNED_BY_TEAM } from './context.js';
import { digitCount, digitsOf, splitAtLineBreaks, type DigitGroup, type NumberRun } from './number-runs.js';
import { anchorsOf, firstAt } from './scan.js';
import type { Candidate } from './types.js';

const CUE_TAIL = String.raw`\p{L}{0,16}(?:[^\p{L}\d\n]{1,4}\p{L}{1,12}){0,2}[^\p{L}\d\n]{1,4}$`;
/** A number right after one of these words is an identifier of something else, not a phone number. */
const OTHER_NUMBER_STEMS =
  'imei|seri(?:al|en)|ger[äa]t|z[äa]hler|meter|tracking|sendung|paket|parcel|shipment|ticket|vorgang|iban|konto|account|version|firmware|build|fehler|error|code|rechnung|invoice|artikel|article|gtin|isbn|kunden|customer|vertrag|contract|bestell|order|auftrag|referenz|reference|transa[ck]tion|beleg|aktenzeichen|mandat|model|produkt|product|iccid|batch|teilenummer|hotline|helpline|servicenummer|service-nummer|switchboard|zentrale|nhs|ssn|social|steuer|tax|versicherung|insurance|ausweis|passport|reisepass|licen[cs]e|führerschein|ahv|imsi|track|routing|aba|companies\\shouse|company\\s(?:number|no|reg)|registration|handelsregister|registernummer|amtsgericht|gutschrift|credit\\snote|mahnung|lieferschein|delivery\\snote|receipt|quittung|claim|schaden|incident|quote|angebot|anlage|zeichen|kennung|dokument|document|flight|flug|gift|gutschein|voucher';
/** Short words that only count on their own ("PIN", not "ping"), also the labels of national ids ("SIN 046 454 286"). */
const OTHER_NUMBER_WORDS =
  's/n|sn|case|fall|bic|blz|item|sku|ean|pin|puk|tan|ref|mac|sim|lot|los|typ|type|charge|part|teil|bill|hrb|hra|rma|job|sin|pps|ppsn|bsn|tin|itin|nino|pesel|cpr|hetu|nif|nir|dni';
const OTHER_NUMBER_CUE = new RegExp(String.raw`(?:${OTHER_NUMBER_STEMS}|\b(?:${OTHER_NUMBER_WORDS})\b)${CUE_TAIL}`, 'iu');
const PHONE_CUE = new RegExp(
  String.raw`(?:\btel|phone|mobil|handy|\bcell|festnetz|rufnummer|\bfax|whatsapp|\bcall|anruf|\bruf|rückruf|durchwahl|callback|call-back|erreichbar|\breach|\bunter|nummer|number|kontakt|contact|\bat|\bon|\btext|\bsms|\bring|\bdial|wähl)${CUE_TAIL}`,
  'iu',
);
/** The label right before the number names a phone ("Vertrag, Handy: 0171 …"): other words further back do not count. */
const PHONE_LABEL =
  /(?:\btel(?:efon|ephone|\.)?|phone|mobil(?:e|nummer)?|handy(?:nummer)?|\bcell|festnetz|rufnummer|\bfax|whatsapp)[^\p{L}\d\n]{1,4}$/iu;
/** A number followed by masking characters is already hidden: "0171 23XX XXX", "+49 30 1234 ****". */
const MASKED_AFTER = /^[\s.-]?[xX*•#_]{2,}/;
/** … but markdown emphasis closing around the number is no mask: "**0660/115 54 42**", "*0171 2345678*". */
function masked(text: string, start: number, end: number): boolean {
  if (!MASKED_AFTER.test(text.slice(end, end + 4))) return false;
  const open = /(?:\*\*|__|\*|_)$/.exec(text.slice(Math.max(0, start - 2), start))?.[0];
  return !open || !text.startsWith(open, end) || /[xX*•#_]/.test(text[end + open.length] ?? '');
}
/** The digits go on as part of an identifier: "request 0171-4471-2298-aa01", "…_v2". */
const ID_GOES_ON = /^[-_][\p{L}\d]/u;
const UNIT_AFTER =
  /^\s?(?:%|‰|€|\$|£|eur\b|euro|usd\b|chf\b|k?wh\b|kw\b|mah\b|m[²³23]\b|qm\b|kg\b|km\b|gb\b|mb\b|kb\b|tb\b|mbit|ms\b|min\b|uhr\b|h\b|std\b|hz\b|mhz\b|ghz\b|°|x\b|stück|pcs\b|times\b|mal\b)/i;
/** Only the start of a number is meant: "numbers starting with 07700 900", "Nummern, die mit 0171 anfangen", "mit 0171 vorne". */
const PREFIX_BEFORE = /(?:start(?:s|ing)?|begin(?:s|ning)?|beginn\p{L}*|prefix(?:ed)?|präfix)\s(?:with\s|mit\s|in\s)?$/iu;
const PREFIX_AFTER = /^\s?(?:vorne|am\sanfang|anfangen|anfängt|beginnen|beginnt|at\sthe\sstart)(?!\p{L})/iu;
/** Seven equal digits at the end are a placeholder, nobody's line: "0171 0000000", "030 1111111". */
const PLACEHOLDER_DIGITS = /(\d)\1{6}$/;
/** Opening hours written as "0800-1700". */
const TIME_RANGE = /^(?:[01]\d|2[0-3])[0-5]\d\s?-\s?(?:[01]\d|2[0-4])[0-5]\d$/;
const DATE_LIKE =
  /^(?:\d{1,2}\.\s?\d{1,2}\.(?:\s?\d{2,4})?|\d{1,2}([/-])\d{1,2}\1\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{2}\s?-\s?\d{1,2}\.\d{2})$/;

/**
 * Free, shared-cost and premium service numbers belong to organisations, not people: 0800/0808 (DE, AT, CH, NL, UK
 * freephone), 0180x and 0900/0137 (DE). (North American 8xx is left alone: people quote those as the number they were told to call.)
 */
const SERVICE_NATIONAL = /^0(?:80[08]|180|900|137)/;
const SERVICE_INTERNATIONAL = /^\+(?:(?:49|43|41|44|31)80[08]|49(?:180|900|137))/;
/**
 * The organisation's own line: "unsere zentrale Hotline erreichen Sie unter", "call our customer care team on", "Störungsnummer der …",
 * "Fax der Firma:", "Giftnotruf …", "the emergency line …".
 */
const ORGANISATION_TAIL = String.raw`(?:(?<=\b(?:tel|nr|no|fon))\.\s|(?![.!?]\s)[^\n]){0,60}$`;
const ORGANISATION_LINE = new RegExp(
  String.raw`(?:hotline|helpline|infoline|switchboard|störungs\p{L}*|outage\sline|main\sline|hauptnummer|zentrale|kundenservice|kundendienst|kundenbetreuung|customer\s(?:care|service|support)|service[\s-]?(?:nummer|number|line|telefon|center|centre)|(?:support|sales|service|fault|billing|press|accounts?)[\s-]?(?:line|team|desk|dept|department|office)|pressestelle|bereitschaftsdienst|pannen(?:hilfe|dienst)|breakdown|out-of-hours|emergency|toll-?free|gebührenfrei|(?:der|des|vom|von\sder)\s(?:firma|praxis|behörde|unternehmens|kanzlei|filiale|bank|sparkasse|finanzamt|\p{L}*amt(?:s|es)?|gemeinde|stadt|klinik|apotheke|werkstatt|schule|versicherung|krankenkasse|buchhaltung|verwaltung|\p{L}*abteilung|rezeption|poststelle|geschäftsstelle|geschäftsleitung)(?!\p{L})|(?:company|firm|office|shop|store|bank|practice|surgery|vet|clinic|council)'s|(?:gp|doctor'?s?|dental)\spractice|of\sthe\s(?:company|firm|office)|(?:on|auf)\s(?:the\s|der\s)?(?:back|rückseite)|fußzeile|footer|(?:e-?mail[\s-]?)?signatur(?:e)?|(?:auf|on|in)\s(?:der|eurer|ihrer|deren|your|the|their)\s(?:website|webseite|homepage|seite|site|contact\spage|kontaktseite|letterhead|briefkopf)|call-?\s?cent(?:er|re)|impressum|imprint|(?:unser|our)\p{L}*\s(?:\p{L}+\s){0,2}?\p{L}*(?:team|büro|office|support)|(?:steh(?:t|en)|stand)\s(?:ihnen|euch)|(?:erreichen\ssie|rufen\ssie|kontaktieren\ssie)\suns|(?:call|contact|reach|phone|ring)\sus|(?:vom|von|des|from|by)\s(?:the\s)?(?:support|kundenservice|kundendienst|service|help\s?desk)(?!\p{L})|einwahl\p{L}*|dial-?in|telefonkonferenz|conference\sline|(?:eure|euer|eurer)\s(?:\p{L}+\s)?(?:nummer|rufnummer|telefonnummer)|your\s(?:\p{L}+\s)?(?:number|line)|(?:your|eure[rnm]?|ihre[rnm]?|the)\s(?:[\p{L}-]+\s)?(?:shop|store|branch|filiale|laden|geschäft)(?!\p{L}))${ORGANISATION_TAIL}`,
  'iu',
);
/**
 * Compound words ending in a service ("Giftnotruf", "Tierarzt-Notdienst", "Kunden-Service der …") apart: a leading \p{L}* tried at
 * every character is slow, so these are looked for only when the word is there.
 */
const ORGANISATION_COMPOUND = new RegExp(
  String.raw`(?:\p{L}*-service\s(?:der|des|von|vom|of)|\p{L}*notruf|\p{L}*notdienst)${ORGANISATION_TAIL}`,
  'iu',
);
const COMPOUND_WORD = /-service\s|notruf|notdienst/iu;

/** Where the words naming an organisation's line start in `before` (the leftmost), or -1. */
function organisationLine(before: string): number {
  const at = ORGANISATION_LINE.exec(before)?.index ?? -1;
  const compound = COMPOUND_WORD.test(before) ? (ORGANISATION_COMPOUND.exec(before)?.index ?? -1) : -1;
  return at < 0 || (compound >= 0 && compound < at) ? compound : at;
}
/** Opening hours before the number ("Mo–Fr 8–20 Uhr erreichbar unter …") are a business's, unless the writer speaks of themselves. */
const OPENING_HOURS =
  /(?:mo|mon)\p{L}{0,4}\.?\s?[-–]\s?(?:fr|fri|sa|so)\p{L}{0,4}\.?,?\s\d{1,2}(?:[.:]\d\d)?\s?[-–]\s?\d{1,2}(?:[.:]\d\d)?\s?(?:uhr|h)?[^.!?\n]{0,40}$/iu;
/** Opening hours or a free-call note right after the number: "(werktags 8–18 Uhr)", "(Mo–Fr …)", "24/7", "(freephone)". */
const SERVICE_AFTER =
  /^[\s(,–-]{0,4}(?:zentrale\)|switchboard\)|head\soffice\)|hauptsitz\)|(?:\p{L}+\s){0,3}\d{1,3}(?:[.,]\d{1,2})?\s?(?:p|ct|cent|cents|pence|c)\s?(?:\/|per\s|pro\s)\s?min|werktags|mo(?:ntags?)?\.?\s?[-–]|mon(?:day)?\.?\s?[-–]|24\/7|rund\sum\sdie\suhr|gebührenfrei|kostenlos|kostenfrei|(?:zum\s)?(?:orts|festnetz)tarif|local\srate|free(?:phone|fone|call)?\b|toll-?free|office\shours|business\shours|opening\shours|(?:während\sder\s|zu\sden\s)?(?:geschäfts|öffnungs|service)zeiten|(?:for|für)\s(?:the\s|den\s|die\s)?(?:technical\s|technischen\s|customer\s)?(?:support|service|help|billing|hilfe|kundenservice|störungsmeldungen|faults|sales|vertrieb)(?!\p{L}))/iu;
/** The writer's own number even near those words: "hab die Hotline nicht erreicht, ruft mich zurück: …". */
const FIRST_PERSON = /(?<!\p{L})(?:ich|mich|mir|mein\p{L}{0,2}|me|my)(?!\p{L})|(?<!\p{L})I(?:'m)?(?!\p{L})/iu;

/**
 * A German company's switchboard ends in the extension "-0", also typed as a lone last group after a block: "040 123456-0", "07131 987 0"
 * (not in pairs, "089 / 47 11 82 0"; not when a direct extension follows, "-0 bzw. -57", nor when the writer calls it theirs, "… – das ist mein eigenes Büro").
 */
const SWITCHBOARD_END = /(?:-\s?|\d{3}\s)0$/;
const DIRECT_AFTER = /^\s?(?:bzw\.?|oder|or|\/)\s?-\s?\d/iu;

/**
 * The company's line named in brackets right after the number, whoever dialled it: "0161 496 0000 (your head office)", "… an
 * (Kundenservice)", "… (your billing department)", "… (Rechnungsabteilung)".
 */
const NAMED_IN_BRACKETS_AFTER =
  /^(?:\s\p{L}{1,12})?\s{0,2}\((?:(?:das\sist|that'?s|it'?s)\s)?(?:(?:your|the|eure[rnm]?|ihre[rnm]?|die|der|unsere?|our)\s)?(?:zentrale|switchboard|head\soffice|hauptsitz|kundenservice|kundendienst|customer\s(?:service|care)|hotline|helpline|support|service-?team|filiale|branch|store|shop|(?:[\p{L}-]+\s)?(?:department|dept\.?)|\p{L}*abteilung)\)/iu;

/** The writer's own line even at a company: "… -12 für mich direkt", "… (that's me directly)". */
const REACHES_ME_AFTER =
  /^[^\n!?]{0,32}(?<!\p{L})(?:für\smich|for\sme|mich\sdirekt|me\sdirect(?:ly)?|meine\sdurchwahl|my\s(?:direct\s)?extension)(?!\p{L})/iu;

/**
 * A number to call in a notice the team signs right after it: "Questions? … or call 0330 088 2000.\n\nThe Peerdesk Team",
 * "Fragen? Ruft an: …\nEuer Stadtwerke-Team".
 */
const CALL_BEFORE =
  /(?<!\p{L})(?:call|ring|dial|phone)(?:\sus)?(?:\s(?:on|at))?\s$|(?<!\p{L})(?:ruft|anrufen|erreichbar)(?:\s(?:uns|an))?(?:\sunter)?:?\s$/iu;
const TEAM_SIGNED_AFTER =
  /^[^\n]{0,60}\n(?:[^\S\n]*\n)?[^\S\n]*(?:(?:the|your|das|ihr|euer|dein)\s)?\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)?[\s-](?:[Tt]eam|[Ss]upport)[^\S\n]*(?:\n|$)/u;

function serviceLine(text: string, start: number, end: number, digits: string, rule: string): boolean {
  if (REACHES_ME_AFTER.test(lineAfter(text, end, 48))) return false;
  if (
    SWITCHBOARD_END.test(text.slice(end - 5, end)) &&
    !DIRECT_AFTER.test(lineAfter(text, end, 16)) &&
    !FIRST_PERSON.test(lineBefore(text, start, 48) + ' ' + lineAfter(text, end, 48))
  )
    return true;
  // A direct line or fax of a switchboard given in the same post: "0221 98765-0 … Telefax: 0221 98765-199".
  const base = /^(.*\d)\s?-\s?(?!0$)\d{1,5}$/.exec(text.slice(start, end));
  if (base && base[1]!.replace(/\D/g, '').length >= 6) {
    const others = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
    if (new RegExp(String.raw`${base[1]!.replace(/[^\d]/g, '\\D?')}\s?-\s?0(?!\s?\d)`).test(others)) return true;
  }
  const international = text.slice(start, start + 2).includes('+') || digits.startsWith('00');
  if (
    international ? SERVICE_INTERNATIONAL.test(digits.replace(/^(?:00)?/, '+')) : rule === 'phone-national' && SERVICE_NATIONAL.test(digits)
  )
    return true;
  if (SIGNED_BY_TEAM.test(text.slice(Math.max(0, start - 200), start))) return true;
  if (CALL_BEFORE.test(lineBefore(text, start, 24)) && TEAM_SIGNED_AFTER.test(text.slice(end, end + 160))) return true;
  const line = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  if (COMPANY_PLACE_LINE.test(line) && !FIRST_PERSON.test(line)) return true;
  if (NAMED_IN_BRACKETS_AFTER.test(lineAfter(text, end, 48))) return true;
  const before = lineBefore(text, start, 96);
  if (OPENING_HOURS.test(before) && !FIRST_PERSON.test(before.slice(Math.max(0, before.search(/[^.!?]*$/))))) return true;
  const organisation = organisationLine(before);
  if (organisation < 0 && !SERVICE_AFTER.test(lineAfter(text, end, 24))) return false;
  const sentence = before.slice(organisation >= 0 ? organisation : Math.max(0, before.search(/[^.!?]*$/)));
  return !FIRST_PERSON.test(sentence);
}

/**
 * A number right after a fax label ("Fax 030 …", "Telefax:", "Faxnummer ist …", "sent it to fax number …") is a fax line, nearly
 * always an office's: people do not give their own fax to be called back. It is the writer's when they say so ("mein Fax",
 * "my home fax", "fax me on …"), or when the label names a phone too ("Tel./Fax", "Fax und Telefon").
 */
const FAX_LABEL = /(?<!\p{L})(?:tele)?fax(?:nummer|[\s-]?nr\.?|\snumber|\sno\.?|-?anschluss|gerät)?(?:\s\p{L}+){0,3}[^\p{L}\d\n]{0,4}$/iu;
const FAX_OWN =
  /(?<!\p{L})(?:mein\p{L}{0,2}|my|unser\p{L}{0,2}|our|privat\p{L}*|private|home)\s(?:\p{L}+\s)?(?:tele)?fax|(?:tele)?fax\p{L}*\s(?:me|mir|uns|us)(?!\p{L})|(?:tel\p{L}*|phone|fon)\.?\s?(?:\/|und|and|&|,|\+)\s?(?:tele)?fax|fax\s?(?:\/|und|and|&|,|\+)\s?(?:tel|phone|fon)/iu;

function faxLine(text: string, start: number, end: number): boolean {
  const before = lineBefore(text, start, 48);
  const label = FAX_LABEL.exec(before);
  if (!label || /[.!?]\s/.test(label[0])) return false;
  // The writer says it is theirs before the number, or speaks of themselves after it ("Fax: 030 …, Firma habe ich nicht"),
  // but not in a question about sending there ("kann ich da hinschicken?").
  const after = lineAfter(text, end, 40);
  const clause = after.split(/(?<=[.!?])\s/)[0]!;
  return !FAX_OWN.test(before + ' ' + after) && !(FIRST_PERSON.test(clause) && !clause.includes('?'));
}

/** An extension after the number is part of it: "Durchwahl -23", "ext. 45", ", ext 214", "x203", "- 0 bzw. -12". */
const EXTENSION =
  /^(?:,?\s?(?:ext\.?|extension|durchwahl|dw\.?|apparat|app\.?|nebenstelle)\s?-?\s?\d{1,5}|\s?x\s?\d{1,5}(?!\p{L}|\d))(?:\s?(?:bzw\.?|oder|or|\/)\s?-\s?\d{1,5})?|^\s?(?:bzw\.?|oder|or)\s?-\s?\d{1,5}/iu;

type Strength = 'strong' | 'weak' | null;

/** The line before ends with the start of an IBAN: this line is its wrapped rest, not a phone number. */
const IBAN_LINE_END = /\b[A-Z]{2}\d{2}(?:[ .]?[A-Z0-9]{4}){1,6}[ .]?\r?\n\s*$/i;

/** "0171.234.56.78", "030.1234.567": an area code of 3–5 digits with the trunk 0, not four short groups like an IP address. */
function dottedNational(text: string, groups: readonly DigitGroup[], rule: string): boolean {
  const first = groups[0]!.end - groups[0]!.start;
  const ipLike = groups.length === 4 && groups.every((g) => g.end - g.start <= 3);
  return rule === 'phone-national' && first >= 3 && first <= 5 && text[groups[0]!.start] === '0' && !ipLike;
}

function inParens(text: string, group: DigitGroup): boolean {
  return text[group.start - 1] === '(' && text[group.end] === ')';
}

/** Judges the shape: international (+ or 00), national with trunk 0 (DE, UK, …), or North American 3-3-4. */
function shape(text: string, groups: readonly DigitGroup[], separators: readonly string[], plus: boolean): [Strength, string] {
  if (digitCount(groups) < 7) return [null, ''];
  const lengths = groups.map((g) => g.end - g.start);
  const digits = digitsOf(text, groups);
  const trunk = groups.some((g, i) => i > 0 && g.end - g.start === 1 && text[g.start] === '0' && inParens(text, g)) ? 1 : 0;
  // "00" opens an international number only when the country code follows in the same group (0049…, not "00 1234").
  if (plus || (digits.startsWith('00') && digits[2] !== '0' && lengths[0]! > 2)) {
    const significant = digits.length - trunk - (plus ? 0 : 2);
    return [significant >= 8 && significant <= 15 && !digits.startsWith(plus ? '0' : '000') ? 'strong' : null, 'phone-international'];
  }
  if (digits[0] === '0' && digits[1] !== '0') {
    if (digits.length < 7 || digits.length > 13) return [null, ''];
    // The area code is the first group, one in brackets, or everything before a slash ("0 22 03 / 55 41 90").
    const slash = separators.findIndex((sep) => sep.includes('/'));
    const beforeSlash = slash < 0 ? 0 : digitCount(groups.slice(0, slash + 1));
    const areaCode =
      groups.length > 1 && ((lengths[0]! >= 3 && lengths[0]! <= 5) || inParens(text, groups[0]!) || (beforeSlash >= 3 && beforeSlash <= 5));
    const strong = (digits.length >= 10 && (groups.length === 1 || areaCode)) || (digits.length >= 8 && areaCode);
    return [strong ? 'strong' : 'weak', 'phone-national'];
  }
  const north = lengths.join('-');
  if ((north === '3-3-4' || (north === '1-3-3-4' && digits[0] === '1')) && /^1?[2-9]\d\d/.test(digits)) {
    const punctuated =
      inParens(text, groups[lengths.length - 3]!) || separators.every((s) => s === '-') || separators.every((s) => s === '.');
    // An exchange starting 0 or 1 is never dialled, but people write made-up numbers that way ("(555) 014-2290"):
    // punctuated like a phone number and introduced as one, it still is one.
    if (!/^1?[2-9]\d\d[2-9]/.test(digits)) return [punctuated ? 'weak' : null, 'phone-nanp'];
    return [punctuated ? 'strong' : 'weak', 'phone-nanp'];
  }
  return [null, ''];
}

/**
 * Countries without a trunk 0 (Italian mobiles "338 5107286", Spanish "688 17 79 16", …): nine or ten digits count right
 * after a phone label ("My mobile is", "Handy:") or next to a phone emoji.
 */
const NO_TRUNK_LABEL =
  /(?:\btel(?:efon|ephone|\.)?|phone|mobile?|mobil(?:nummer)?|handy(?:nummer)?|\bcell|móvil|cellulare|portable)(?:\s?(?:number|no\.?|nummer|nr\.?))?(?:\s(?:is|ist|lautet))?[^\p{L}\d\n]{0,4}$/iu;
const EMOJI_BEFORE = /[📞☎📱]\uFE0F?[^\p{L}\d\n]{0,3}$/u;
const EMOJI_AFTER = /^[^\p{L}\d\n]{0,3}[📞☎📱]/u;

function emojiNear(text: string, start: number, end: number): boolean {
  return EMOJI_BEFORE.test(lineBefore(text, start, 8)) || EMOJI_AFTER.test(lineAfter(text, end, 8));
}

function withoutTrunk(text: string, groups: readonly DigitGroup[], start: number, end: number): boolean {
  const digits = digitsOf(text, groups);
  return (
    groups.length >= 2 &&
    digits.length >= 9 &&
    digits.length <= 10 &&
    /^[2-9]/.test(digits) &&
    (NO_TRUNK_LABEL.test(lineBefore(text, start, 48)) || emojiNear(text, start, end))
  );
}

function judge(text: string, groups: readonly DigitGroup[], separators: readonly string[], start: number, plus: boolean): Candidate | null {
  const end = groups[groups.length - 1]!.end;
  let [strength, rule] = shape(text, groups, separators, plus);
  if (strength === null && !plus && withoutTrunk(text, groups, start, end)) [strength, rule] = ['strong', 'phone-national'];
  if (strength === null) return null;
  const body = text.slice(groups[0]!.start, end);
  if (DATE_LIKE.test(body) || TIME_RANGE.test(body) || PLACEHOLDER_DIGITS.test(digitsOf(text, groups))) return null;
  // Versions and IP addresses; dotted North American (415.555.0132) and national numbers with an area code (0171.234.56.78) are the exception.
  if (!plus && groups.length >= 3 && separators.every((s) => s === '.') && rule !== 'phone-nanp' && !dottedNational(text, groups, rule))
    return null;
  if (UNIT_AFTER.test(lineAfter(text, end, 12)) || /[€$£]\s?$/.test(lineBefore(text, start, 2))) return null;
  const before = lineBefore(text, start, 48);
  if (before.trim() === '' && IBAN_LINE_END.test(text.slice(Math.max(0, start - 40), start))) return null;
  if (masked(text, start, end) || ID_GOES_ON.test(text.slice(end, end + 3))) return null;
  if (PREFIX_BEFORE.test(before) || PREFIX_AFTER.test(lineAfter(text, end, 24))) return null;
  if (isSample(text, start, end)) return null;
  if (serviceLine(text, start, end, digitsOf(text, groups), rule)) return null;
  if (faxLine(text, start, end)) return null;
  if (
    (OTHER_NUMBER_CUE.test(before) && !PHONE_LABEL.test(before)) ||
    (strength === 'weak' && !PHONE_CUE.test(before) && !emojiNear(text, start, end))
  )
    return null;
  const extension = EXTENSION.exec(lineAfter(text, end, 32));
  return { kind: 'phone', start, end: end + (extension?.[0].length ?? 0), rule };
}

/** Separators like " / " or " - " may join two numbers ("0171 1234567 / 030 1234567"), so a run may split there. */
function isCompound(separator: string): boolean {
  return separator.length > 1 && /\s/.test(separator) && separator.trim() !== '(' && separator.trim() !== ')';
}

/** Digits written as words, read out for someone to note down: "null-eins-sieben-sechs, zwo-zwo-vier …", "five five five, oh one …". */
const DIGIT_WORD = String.raw`(?:null|eins|ein|zwei|zwo|drei|vier|fünf|fuenf|sechs|sieben|acht|neun|zero|oh|one|two|three|four|five|six|seven|eight|nine)`;
const HUNDRED = String.raw`(?:[\s-](?:hundred|hundert))?`;
const SPOKEN_DIGITS = new RegExp(
  String.raw`(?<!\p{L})${DIGIT_WORD}${HUNDRED}(?:[\s,–-]{1,3}(?:(?:area\scode|vorwahl)\s)?(?:(?:double|triple|doppel)[\s-]?)?${DIGIT_WORD}${HUNDRED}(?!\p{L})){6,}`,
  'giu',
);
/** One of these words on its own comes first in nearly every number read out; the scan looks for the words, then checks what precedes them. */
const HINT_WORD = String.raw`(?:null|zwo|zero|oh|five|fünf|eins|one|neun|nine)[\s,–-]`;
const SPOKEN_HINT_ANCHOR = new RegExp(HINT_WORD, 'giu');
const SPOKEN_HINT = new RegExp(String.raw`(?<!\p{L})${HINT_WORD}`, 'iuy');

function spokenPhones(text: string): Candidate[] {
  if (!firstAt(SPOKEN_HINT, text, anchorsOf(SPOKEN_HINT_ANCHOR, text))) return [];
  const found: Candidate[] = [];
  for (const m of text.matchAll(SPOKEN_DIGITS)) {
    const digits =
      (m[0].match(new RegExp(DIGIT_WORD, 'giu'))?.length ?? 0) +
      (m[0].match(/double|doppel/gi)?.length ?? 0) +
      2 * (m[0].match(/triple|hundred|hundert/gi)?.length ?? 0);
    if (digits < 7 || digits > 15 || !PHONE_CUE.test(lineBefore(text, m.index, 48))) continue;
    found.push({ kind: 'phone', start: m.index, end: m.index + m[0].length, rule: 'phone-spoken' });
  }
  return found;
}

/**
 * A North American number whose last four digits are spelled as letters, after a phone label: "My cell is (206) 555-LUKE".
 * Toll-free ones (800, 888, …) are companies'.
 */
const VANITY = /(?<![\p{L}\d(])\(?(?!8(?:00|33|44|55|66|77|88))[2-9]\d{2}\)?[\s.-]?[2-9]\d{2}-[A-Z]{4}(?![\p{L}\d])/gu;

function vanityPhones(text: string): Candidate[] {
  const found: Candidate[] = [];
  if (/\d-[A-Z]{4}/.test(text))
    for (const m of text.matchAll(VANITY)) {
      const end = m.index + m[0].length;
      if (
        PHONE_CUE.test(lineBefore(text, m.index, 48)) &&
        !isSample(text, m.index, end) &&
        !serviceLine(text, m.index, end, '', 'phone-nanp')
      )
        found.push({ kind: 'phone', start: m.index, end, rule: 'phone-vanity' });
    }
  return found;
}

export function detectPhones(text: string, runs: readonly NumberRun[]): Candidate[] {
  const found: Candidate[] = [...spokenPhones(text), ...vanityPhones(text)];
  for (const run of runs.flatMap((r) => splitAtLineBreaks(text, r))) {
    if (run.gluedLeft || run.gluedRight || digitCount(run.groups) < 7) continue;
    const whole = judge(text, run.groups, run.separators, run.start, run.plus);
    if (whole) {
      found.push(whole);
      continue;
    }
    let from = 0;
    for (let i = 0; i <= run.separators.length; i++) {
      if (i < run.separators.length && !isCompound(run.separators[i]!)) continue;
      if (from > 0 || i < run.separators.length) {
        const groups = run.groups.slice(from, i + 1);
        const first = groups[0]!;
        const start = from === 0 ? run.start : text[first.start - 1] === '(' ? first.start - 1 : first.start;
        const part = judge(text, groups, run.separators.slice(from, i), start, from === 0 && run.plus);
        if (part) found.push(part);
      }
      from = i + 1;
    }
  }
  return found;
}
