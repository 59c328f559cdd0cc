import { isWordChar } from '../text.js';
import { ean13Valid, iso7064Mod11_10Valid, luhnValid, mrzCheckDigit, nhsChecksumValid } from './checksums.js';
import { codiceFiscale, cpr, dni, fodselsnummer, hetu, nif, nir, personnummer, pesel, rodneCislo, rrn } from './person-id-europe.js';
import { scanner } from './scan.js';
import type { Candidate } from './types.js';

/**
 * National and personal identifiers: tax ids, social security and insurance numbers, passport, ID card and
 * driving licence numbers. Where the number carries a check digit it must be valid; every sub-type needs a
 * label before it ("Steuer-ID", "SSN", "NHS number", "Reisepass", …), except the Swiss AHV number written
 * 756.XXXX.XXXX.XX and the UK National Insurance number written "AB 12 34 56 C", which are unmistakable.
 */

/** A value with its letters upper-cased and separators removed, and how it was written. */
interface Value {
  compact: string;
  raw: string;
}
type Validator = (v: Value) => string | null;

const SSN_SHAPE = /^\d{3}([ -]?)\d{2}\1\d{4}$/;
/** Dates are no document numbers: "12.03.2031", "03/2031" (valid until), "14 MAR 2019" (date of issue). */
const DATE_LIKE =
  /^(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}[./-]\d{4}|\d{1,2}[ ./-]?(?:JAN|FEB|MA[RY]|APR|JUN|JUL|AUG|SEP|OCT|OKT|NOV|DE[CZ])[ ./-]?\d{2,4})$/i;
const ISO_DATE = /^(?:19|20)\d\d([./-])(?:0[1-9]|1[0-2])\1(?:0[1-9]|[12]\d|3[01])$/;
const digitsIn = (s: string): number => s.replace(/\D/g, '').length;
/** Sizes are no document numbers either: "Passport photo 35x45mm", "600x600 px". */
const DIMENSION = /^\d+X\d+(?:MM|CM|PX|M|IN)?$/;

/** First ten digits: exactly one digit appears twice or three times (not three in a row), the others at most once. */
function steuerIdDigitsValid(d: string): boolean {
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < 10; i++) counts[d.charCodeAt(i) - 48]!++;
  const repeated = counts.filter((c) => c > 1);
  if (repeated.length !== 1 || repeated[0]! > 3) return false;
  return !/(\d)\1\1/.test(d.slice(0, 10));
}

const steuerId: Validator = ({ compact }) =>
  /^[1-9]\d{10}$/.test(compact) && steuerIdDigitsValid(compact) && iso7064Mod11_10Valid(compact) ? 'steuer-id' : null;

/**
 * Steuernummer: 10–13 digits, as the tax office prints it ("12/345/67890", "123/456/78901", Baden-Württemberg's
 * "12345/67890", Hesse's "012 345 67890") or unbroken.
 */
const STEUERNUMMER_SHAPE = /^(?:\d{2,5}\/\d{3,4}\/\d{4,5}|\d{5}\/\d{5}|\d{2,3} \d{3,4} \d{4,5}|\d{10,13})$/;
const steuernummer: Validator = ({ compact, raw }) => (/^\d{10,13}$/.test(compact) && STEUERNUMMER_SHAPE.test(raw) ? 'steuernummer' : null);

function ssnParts(compact: string, raw: string): [number, number, number] | null {
  if (!/^\d{9}$/.test(compact) || !(SSN_SHAPE.test(raw) || raw === compact)) return null;
  return [Number(compact.slice(0, 3)), Number(compact.slice(3, 5)), Number(compact.slice(5))];
}

/** German health insurance number (Krankenversichertennummer) "A123456780": a letter (01–26) and nine digits, the last a Luhn-like check digit. */
export function kvnrValid(compact: string): boolean {
  if (!/^[A-Z]\d{9}$/.test(compact)) return false;
  const digits = String(compact.charCodeAt(0) - 64).padStart(2, '0') + compact.slice(1, 9);
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const p = (digits.charCodeAt(i) - 48) * (i % 2 ? 2 : 1);
    sum += Math.floor(p / 10) + (p % 10);
  }
  return sum % 10 === compact.charCodeAt(9) - 48;
}
const kvnr: Validator = ({ compact }) => (kvnrValid(compact) ? 'kvnr' : null);

/** Irish PPS number "1234567T" or "1234567TA": seven digits, a check letter (mod 23, weights 8…2, the second letter ×9). */
const pps: Validator = ({ compact }) => {
  const m = /^(\d{7})([A-W])([A-IW])?$/.exec(compact);
  if (!m) return null;
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += (m[1]!.charCodeAt(i) - 48) * (8 - i);
  if (m[3] && m[3] !== 'W') sum += (m[3].charCodeAt(0) - 64) * 9;
  const r = sum % 23;
  return (r === 0 ? 'W' : String.fromCharCode(64 + r)) === m[2] ? 'pps' : null;
};

/** Dutch citizen service number (BSN): nine digits (eight with a leading zero dropped), the "11-test". */
const bsn: Validator = ({ compact, raw }) => {
  if (!/^\d{8,9}$/.test(compact) || !/^(?:\d{8,9}|\d{4}\.\d{2}\.\d{3}|\d{3}([ .])\d{3}\1\d{3})$/.test(raw)) return null;
  const d = compact.padStart(9, '0');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (d.charCodeAt(i) - 48) * (9 - i);
  sum -= d.charCodeAt(8) - 48;
  return sum % 11 === 0 && /[1-9]/.test(d) ? 'bsn' : null;
};

/** US SSN: area 001–899 without 666, group 01–99, serial 0001–9999. */
/** Never anyone's: the Woolworth wallet card, the 1940s advertising number and the SSA's own invalid example. */
const NEVER_ISSUED_SSN = new Set(['078051120', '219099999', '123456789']);
const ssn: Validator = ({ compact, raw }) => {
  const p = ssnParts(compact, raw);
  return p && !NEVER_ISSUED_SSN.has(compact) && p[0] !== 0 && p[0] !== 666 && p[0] < 900 && p[1] !== 0 && p[2] !== 0 ? 'ssn' : null;
};

/** US ITIN: area 9xx, group 50–65, 70–88, 90–92, 94–99. */
const itin: Validator = ({ compact, raw }) => {
  const p = ssnParts(compact, raw);
  const g = p?.[1] ?? 0;
  return p && p[0] >= 900 && ((g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || g >= 94) ? 'itin' : null;
};

/** US employer id, written 12-3456789. */
const ein: Validator = ({ raw }) => (/^\d{2}-\d{7}$/.test(raw) && !raw.startsWith('00') ? 'ein' : null);

const NINO = /^(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]?$/;
const ninoValue: Validator = ({ compact }) => (NINO.test(compact) && !/^[A-Z]{2}0{6}/.test(compact) ? 'ni-number' : null);

const nhs: Validator = ({ compact, raw }) =>
  /^\d{10}$/.test(compact) && /^(?:\d{3}([ -]?)\d{3}\1\d{4}|\d{10})$/.test(raw) && nhsChecksumValid(compact) ? 'nhs-number' : null;

const ahv: Validator = ({ compact }) => (/^756\d{10}$/.test(compact) && ean13Valid(compact) ? 'ahv' : null);

/** German Rentenversicherungsnummer "65 170839 J 003": area, birth date, initial, serial, check digit. */
const svnrDe: Validator = ({ compact }) => {
  if (!/^\d{2}[0-7]\d[01]\d{3}[A-Z]\d{3}$/.test(compact)) return null;
  const letter = String(compact.charCodeAt(8) - 64).padStart(2, '0');
  const digits = compact.slice(0, 8) + letter + compact.slice(9, 11);
  const weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const p = (digits.charCodeAt(i) - 48) * weights[i]!;
    sum += Math.floor(p / 10) + (p % 10);
  }
  return sum % 10 === compact.charCodeAt(11) - 48 ? 'svnr-de' : null;
};

/** Austrian Sozialversicherungsnummer "1237 010180": serial, check digit, birth date. */
const svnrAt: Validator = ({ compact }) => {
  if (!/^[1-9]\d{3}[0-3]\d[01]\d{3}$/.test(compact)) return null;
  const weights = [3, 7, 9, 0, 5, 8, 4, 2, 1, 6];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (compact.charCodeAt(i) - 48) * weights[i]!;
  return sum % 11 === compact.charCodeAt(3) - 48 ? 'svnr-at' : null;
};

/** Canadian SIN: nine digits, Luhn. */
const sin: Validator = ({ compact, raw }) =>
  /^[1-79]\d{8}$/.test(compact) && /^(?:\d{3}([ -]?)\d{3}\1\d{3})$/.test(raw) && luhnValid(compact) ? 'sin' : null;

/** German passports and ID cards since 2010: nine characters from a reduced alphabet; a tenth is the ICAO check digit. */
const GERMAN_DOCUMENT = /^[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}\d?$/;

function documentNumber(rule: string, minDigits: number): Validator {
  return ({ compact, raw }) => {
    // German documents use a reduced alphabet and may hold no digit at all ("CJZKTLRNV"), if typed in capitals.
    const german = compact.length === 9 && GERMAN_DOCUMENT.test(raw.replace(/[ ./-]/g, ''));
    if (!/^[A-Z0-9]{6,10}$/.test(compact) || digitsIn(compact) < (german ? 0 : minDigits) || DATE_LIKE.test(raw)) return null;
    if (/^(\d)\1+$/.test(compact) || DIMENSION.test(compact)) return null;
    if (compact.length === 10 && GERMAN_DOCUMENT.test(compact) && mrzCheckDigit(compact.slice(0, 9)) !== Number(compact[9])) return null;
    return rule;
  };
}

const passport = documentNumber('passport', 4);
const idCard = documentNumber('id-card', 4);
const drivingLicence: Validator = ({ compact, raw }) =>
  /^[A-Z0-9]{5,18}$/.test(compact) &&
  digitsIn(compact) >= 3 &&
  !DATE_LIKE.test(raw) &&
  !/^(\d)\1+$/.test(compact) &&
  !DIMENSION.test(compact)
    ? 'driving-licence'
    : null;

const CUES: readonly [string, string, readonly Validator[]][] = [
  [
    'steuerid',
    String.raw`steuer-?ident-?(?:nummer|nr\.?)|id-?nummer|id\s(?:number|no\.?)|steuer-?\s?(?:identifikations)?-?\s?(?:identifikationsnummer|identifikations-?nr\.?|idnr\.?|id-nr\.?|id)|steuerliche\s(?:identifikationsnummer|idnr\.?|id-nr\.?|id)|identifikationsnummer|identifikations-?nr\.?|idnr\.?|ident-nr\.?|id-nr\.?`,
    [steuerId],
  ],
  ['steuernummer', String.raw`steuer-?\s?(?:nummer|nr\.?)|st\.?-?\s?nr\.?`, [steuernummer, steuerId]],
  [
    'taxid',
    String.raw`tax\s?(?:id(?:entification)?|payer)?\s?(?:number|no\.?|id|#)|tax\sid|tin|taxpayer\sid`,
    [steuerId, ssn, itin, ein, ninoValue],
  ],
  [
    'ssn',
    String.raw`ssn|ss#|ss\s(?:number|no\.?|#)|social\ssecurity(?:\s(?:number|no\.?|#))?|soc\.?\ssec\.?|social(?!\sinsurance)`,
    [ssn, itin, svnrAt, nir],
  ],
  ['dni', String.raw`dni|nie|n\.i\.e\.|documento\snacional(?:\sde\sidentidad)?`, [dni]],
  ['pesel', String.raw`pesel`, [pesel]],
  [
    'fnr',
    String.raw`f(?:ø|o|oe)dselsnummer|f\.?\s?nr\.?(?=\s?:?\s?\d{6})|norwegian\s(?:national\s)?id(?:entity)?(?:\s(?:number|no\.?))?`,
    [fodselsnummer],
  ],
  ['cf', String.raw`codice\sfiscale|cod\.\s?fisc\.?|c\.f\.|italian\stax\scode`, [codiceFiscale]],
  ['personnummer', String.raw`personnummer|personnr\.?|person(?:al)?\sidentity\snumber`, [personnummer, cpr]],
  [
    'nir',
    String.raw`num[ée]ro\s(?:de\s)?s[ée]cu(?:rit[ée]\ssociale)?|n°\s?(?:de\s)?s[ée]cu(?:rit[ée]\ssociale)?|s[ée]curit[ée]\ssociale|nir|insee`,
    [nir],
  ],
  ['hetu', String.raw`henkilötunnus|hetu|personenkennziffer|personal\sidentity\scode`, [hetu]],
  ['nif', String.raw`nif|contribuinte|n\.?º?\s?contribuinte`, [nif, dni]],
  [
    'rrn',
    String.raw`rijksregister(?:nummer)?|registre\snational|num[ée]ro\snational|national(?:\sregister)?\snumber|nationalregisternummer|insz|niss`,
    [rrn],
  ],
  ['rodne', String.raw`rodn[ée]\s[čc][íi]slo|geburtsnummer|birth\snumber`, [rodneCislo]],
  ['cpr', String.raw`cpr(?:-?\s?(?:nr\.?|nummer|number|no\.?))?`, [cpr]],
  ['ecard', String.raw`e-card(?:-?(?:nummer|nr\.?|number))?`, [svnrAt]],
  [
    'kvnr',
    String.raw`kranken-?versicherten-?(?:nummer|nr\.?)|versicherten-?(?:nummer|nr\.?|id)|versichertennr\.?|kvnr|egk-?(?:nummer|nr\.?)|(?:health\s(?:insurance\s)?|insurance\s)card(?:\s(?:number|no\.?))?`,
    [kvnr, ahv, svnrAt],
  ],
  ['pps', String.raw`pps(?:n|\s?(?:number|no\.?|nr\.?)|-?nummer)?|personal\spublic\sservice(?:\s(?:number|no\.?))?`, [pps]],
  ['bsn', String.raw`bsn|burger-?service-?nummer|citizen\sservice\snumber|sofi-?nummer`, [bsn]],
  ['itin', String.raw`itin`, [itin]],
  ['nino', String.raw`national\sinsurance(?:\s(?:number|no\.?|#))?|ni\s?(?:number|no\.?|#)|nino|nin`, [ninoValue]],
  ['nhs', String.raw`nhs(?:\s(?:number|no\.?|#))?`, [nhs]],
  [
    'social',
    String.raw`ahv(?:-?\s?(?:nummer|nr\.?|number|no\.?))?|avs|sozialversicherungs-?(?:nummer|nr\.?)|sv-?\s?(?:nummer|nr\.?)|svnr|versicherungsnummer|renten-?versicherungs-?(?:nummer|nr\.?)|rv-?(?:nummer|nr\.?)|pension\s(?:insurance\s)?(?:number|no\.?)|social\sinsurance(?:\s(?:number|no\.?))?|sin`,
    [ahv, svnrDe, svnrAt, sin, nir],
  ],
  [
    'passport',
    String.raw`passport(?:\s?(?:number|no\.?|nr\.?|#|id))?|reisepasses|reisepass(?:-?(?:nummer|nr\.?))?|pass-?(?:nummer|nr\.?)|passnr\.?`,
    [passport],
  ],
  [
    'idcard',
    String.raw`personalausweises|personalausweis(?:-?(?:nummer|nr\.?))?|ausweises|ausweis-?(?:nummer|nr\.?)|ausweis-?\s?id|ausweis|perso(?:-?(?:nummer|nr\.?|id))?|personal\sid(?:\s(?:number|no\.?))?|id[-\s]?card(?:\s(?:number|no\.?))?|identity\scard(?:\s(?:number|no\.?))?|national\sid(?:\s(?:card|number|no\.?))?|identitätskarte|id-?karte|ausweisdokument|document\s(?:number|no\.?)|dokumentennummer`,
    [idCard, fodselsnummer],
  ],
  [
    'driving',
    String.raw`f(?:ü|ue)hrerscheins|f(?:ü|ue)hrerschein(?:-?(?:nummer|nr\.?))?|driv(?:ing|er'?s?)\slicen[cs]e(?:\s(?:number|no\.?|#))?|licen[cs]e\s(?:number|no\.?|#)|dl\s?(?:#|no\.?|number)|lenkberechtigung|führerausweis|fahrerlaubnis(?:-?(?:nummer|nr\.?))?`,
    [drivingLicence],
  ],
];

const CUE = new RegExp(CUES.map(([name, cue]) => `(?<${name}>${cue})`).join('|'), 'giu');
const cues = scanner(CUE);
const VALIDATORS = new Map(CUES.map(([name, , validators]) => [name, validators]));

const ALNUM = /[A-Za-z0-9]/;
const SEPARATORS = ' ./-';
/** How far after the label the value may start, and how many words (fillers such as "ist", "number:") may come first. */
const REACH = 48;
const MAX_SKIPPED = 4;
/** Seven for a French NIR as printed: "2 84 11 69 123 088 19". */
const MAX_GROUPS = 7;

interface Group {
  start: number;
  end: number;
  /** Joined to the next group by a single separator. */
  joined: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** A dot that ends an abbreviation ("lt. Bescheid", "gem. Karte", "Nr. ") ends no sentence. */
const ABBREVIATION = /(?<![\p{L}])(?:lt|gem|lfd|ca|vgl|bzw|nr|no|acc)\.$/iu;

/** An aside in brackets right after the label: "Steuernummer (Freiberufler, für die Rechnung): …". */
const ASIDE = /^\s?\([^()\n\d]{1,80}\)/;
/** The writer answers the label's question or goes on about it: "Steuer-ID? Hier: …", "my SSN; I entered …". */
const ANSWERED_AFTER = /^[?;]\s(?:hier|here|bitte|please|ich|I)(?!\p{L})/iu;

/** Alphanumeric groups and the single separators between them, from `from`, up to a sentence end or a blank line. */
function groupsAfter(text: string, from: number, to: number): Group[] {
  const groups: Group[] = [];
  let i = from;
  while (i < to) {
    const ch = text[i]!;
    if (WORD_CHAR.test(ch)) {
      const start = i;
      while (i < text.length && WORD_CHAR.test(text[i]!)) i++;
      const sep = text[i];
      const joined = sep !== undefined && SEPARATORS.includes(sep) && ALNUM.test(text[i + 1] ?? '');
      groups.push({ start, end: i, joined });
      if (joined) i++;
      continue;
    }
    if (
      (ch === '.' || ch === '!' || ch === '?' || ch === ';') &&
      /\s/.test(text[i + 1] ?? ' ') &&
      !ABBREVIATION.test(text.slice(Math.max(from, i - 6), i + 1)) &&
      !ANSWERED_AFTER.test(text.slice(i, i + 16))
    )
      break;
    if (ch === '\n' && text.slice(from, i).includes('\n')) break;
    if (ch === '*' || ch === '•' || ch === '…' || (ch === '#' && groups.length > 0)) break;
    i++;
  }
  return groups;
}

/**
 * A group of letters only belongs to a value when typed in capitals and short ("AB 12 34 56 C", "MORGA 657054 SM9IJ"),
 * or, for a National Insurance number typed all in lower case ("ni no hj 38 80 87 d"), one or two letters.
 */
function canBePart(text: string, g: Group, lowerCase = false): boolean {
  const s = text.slice(g.start, g.end);
  return (
    ALNUM_ONLY.test(s) &&
    (/\d/.test(s) ||
      (s.length <= 5 && s === s.toUpperCase()) ||
      (s.length === 9 && GERMAN_DOCUMENT.test(s)) ||
      (lowerCase && s.length <= 2))
  );
}
const ALNUM_ONLY = /^[A-Za-z0-9]+$/;

/** The longest run of joined groups from `groups[from]` that one of the validators accepts. */
function validPrefix(
  text: string,
  groups: readonly Group[],
  from: number,
  validators: readonly Validator[],
): [Group, string, number] | null {
  const lowerCase = validators.includes(ninoValue);
  let last = from;
  while (last + 1 < groups.length && groups[last]!.joined && last - from + 1 < MAX_GROUPS && canBePart(text, groups[last + 1]!, lowerCase))
    last++;
  if (!canBePart(text, groups[from]!, lowerCase)) return null;
  // No document number is the start of a date: "laut Ausweis 1991-08-30" is no "1991-08".
  if (ISO_DATE.test(text.slice(groups[from]!.start, groups[last]!.end))) return null;
  for (let n = last; n >= from; n--) {
    const start = groups[from]!.start;
    const end = groups[n]!.end;
    const raw = text.slice(start, end);
    const value = { compact: raw.replace(/[ ./-]/g, '').toUpperCase(), raw };
    // Lower-case letters are only read as a National Insurance number, whose shape is strict ("is 12345678" is no passport).
    const typedLower = /[a-z]/.test(raw) && raw.replace(/[^a-z]/g, '').length !== 0 && raw !== raw.toUpperCase();
    for (const validate of typedLower && lowerCase ? [ninoValue] : validators) {
      const rule = validate(value);
      if (rule) return [{ start, end, joined: false }, rule, n];
    }
  }
  return null;
}

/**
 * Both sides of a value: AHV 756.1234.5678.97, "AB 12 34 56 C" and the German pension insurance number spaced as
 * printed, "65 170839 J 003" (its check digit must hold), need no label.
 */
const UNMISTAKABLE =
  /(?<![\w.])756\.\d{4}\.\d{4}\.\d{2}(?![\w]|\.\d)|(?<![\w])[A-Z]{2} \d{2} \d{2} \d{2} [A-D](?!\w)|(?<![\w.,/-])\d{2} \d{6} [A-Z] \d{3}(?![\w]|[.,/-]\d)/g;

/**
 * A German health insurance number needs no label right before it when the post is about health insurance: "die
 * Kassen-App will meine Versichertennummer … Eingegeben hab ich U972828614", "von der Gesundheitskarte abgetippt: …".
 * Its check digit must hold.
 */
const KVNR_SHAPE = /(?<![\w.-])[A-Z]\d{9}(?![\w]|[.,/-]\d)/g;
const HEALTH_CONTEXT =
  /gesundheitskarte|versicherten|krankenkasse|krankenversicher|kassen-?app|\begk|\bkvnr|health\sinsurance|insurance\scard|\b(?:aok|tk|barmer|dak|ikk|bkk|hkk)\b/iu;
const HEALTH_REACH = 160;
/**
 * Likewise an 11-digit German tax id in a post about it: "soll meine Steuer-ID angeben. … Meine ID ist 92278145303", "my Steuer-ID
 * is needed … Fine: 60461928754". Its digit pattern and check digit must hold.
 */
const STEUER_ID_SHAPE = /(?<![\w.,/-])[1-9]\d{10}(?![\w]|[.,/-]\d)/g;
const TAX_ID_CONTEXT =
  /steuer-?\s?(?:id|identifikationsnummer|ident-?nummer)|steuerliche\sidentifikationsnummer|identifikationsnummer|idnr|\btax\sid|taxpayer\sid/iu;
/** … unless the value is named as something else right before it: "Braucht ihr die Steuer-ID? Die Kundennummer ist …". */
const OTHER_NUMBER_BEFORE =
  /(?:kunden|customer|vertrag|contract|bestell|order|auftrag|rechnung|invoice|konto|account|sendung|tracking|artikel|ticket|serien|serial)[^\n.!?]{0,24}$/iu;
/** "mine is", "meine ist", "meine lautet", "my own one is": the writer's value follows, after a sample or another's one. */
const MINE =
  /(?<!\p{L})(?:mine|meine(?:\seigene)?|meins|my\sown(?:\sone)?|die\smeine)(?:\s(?:ist|is|lautet|wäre|would\sbe)(?!\p{L}))?\s?[:=]?\s?(?=[A-Za-z]{0,2}\s?\d)/iu;
const MINE_REACH = 120;

/**
 * A document number with its label in brackets right after it: "It's 925076473 (UK passport)", "L01X00T47 (Personalausweis)",
 * "… (deutscher Reisepass)".
 */
const DOCUMENT_LABEL_IN_BRACKETS =
  /\((?:[\p{L}.]+\s){0,2}?(?:(passport|reisepass|pass)|(personalausweis|ausweis|id[\s-]?card|identity\scard))(?:[\s-]?(?:number|no\.?|nummer|nr\.?))?\)/giu;
/** … and the value right before that bracket (found from the bracket: a scan for the value first is slow). */
const DOCUMENT_VALUE_BEFORE = /(?<![\w.-])([A-Za-z0-9]{6,10})\s?$/;

export function detectPersonIds(text: string): Candidate[] {
  const found: Candidate[] = [];
  const push = (start: number, end: number, rule: string) => {
    if (!found.some((c) => start < c.end && c.start < end)) found.push({ kind: 'person_id', start, end, rule });
  };
  for (const m of cues(text)) {
    if (isWordChar(text[m.index - 1])) continue;
    const end = m.index + m[0].length;
    if (/[\p{L}\p{N}]/u.test(text[end] ?? '') && isWordChar(text[end - 1])) continue;
    const name = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)![0];
    // German "nie" (never) is no Spanish NIE.
    if (name === 'dni' && m[0].toLowerCase() === 'nie' && m[0] !== 'NIE') continue;
    const validators = VALIDATORS.get(name)!;
    // An aside in brackets right after the label does not count towards the reach: "Steuernummer (Freiberufler, für …): …".
    const valueFrom = end + (ASIDE.exec(text.slice(end, end + 90))?.[0].length ?? 0);
    const groups = groupsAfter(text, valueFrom, Math.min(text.length, valueFrom + REACH));
    let skipped = 0;
    for (let g = 0; g < groups.length; g++) {
      // Values start at a word's start, not after a separator inside a longer value ("12-3456789" is not "3456789").
      if (g > 0 && groups[g - 1]!.joined && canBePart(text, groups[g - 1]!)) continue;
      const hit = validPrefix(text, groups, g, validators);
      if (hit) {
        push(hit[0].start, hit[0].end, hit[1]);
        // A second value may follow ("… und die meiner Frau: …"); look on after this one, on the same line only
        // (the next line of a form holds the next field: "Date of issue 14 MAR 2019").
        g = hit[2];
        if (text.slice(hit[0].end, groups[g + 1]?.start ?? hit[0].end).includes('\n')) break;
        continue;
      }
      if (++skipped > MAX_SKIPPED) break;
    }
    // The writer's own value after a sample or someone else's, in the next sentence too: "BSN 111222333 is the sample one
    // right? mine is 328110279", "Die Steuer-ID im Beispiel war …. Meine ist …".
    const lineEnd = text.indexOf('\n', end);
    const rest = text.slice(end, Math.min(lineEnd < 0 ? text.length : lineEnd, end + MINE_REACH));
    const mine = MINE.exec(rest);
    if (mine) {
      const from = end + mine.index + mine[0].length;
      const next = groupsAfter(text, from, Math.min(text.length, from + REACH));
      const hit = next.length > 0 ? validPrefix(text, next, 0, validators) : null;
      if (hit) push(hit[0].start, hit[0].end, hit[1]);
    }
  }
  if (text.includes('756.') || /[A-Z]{2} \d|\d [A-Z] \d/.test(text)) {
    for (const m of text.matchAll(UNMISTAKABLE)) {
      const value = { compact: m[0].replace(/[ .]/g, ''), raw: m[0] };
      const rule = m[0].startsWith('756') && m[0][3] === '.' ? ahv(value) : /^[A-Z]/.test(m[0]) ? ninoValue(value) : svnrDe(value);
      if (rule) push(m.index, m.index + m[0].length, rule);
    }
  }
  if (text.includes('(')) {
    for (const m of text.matchAll(DOCUMENT_LABEL_IN_BRACKETS)) {
      const value = DOCUMENT_VALUE_BEFORE.exec(text.slice(Math.max(0, m.index - 12), m.index));
      if (!value) continue;
      const start = m.index - value[0].length;
      const rule = (m[1] ? passport : idCard)({ compact: value[1]!.toUpperCase(), raw: value[1]! });
      if (rule) push(start, start + value[1]!.length, rule);
    }
  }
  if (/\d{11}/.test(text)) {
    for (const m of text.matchAll(STEUER_ID_SHAPE)) {
      if (
        steuerId({ compact: m[0], raw: m[0] }) &&
        TAX_ID_CONTEXT.test(text.slice(Math.max(0, m.index - HEALTH_REACH), m.index)) &&
        !OTHER_NUMBER_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))
      )
        push(m.index, m.index + m[0].length, 'steuer-id');
    }
  }
  if (/[A-Z]\d{9}/.test(text)) {
    for (const m of text.matchAll(KVNR_SHAPE)) {
      if (kvnrValid(m[0]) && HEALTH_CONTEXT.test(text.slice(Math.max(0, m.index - HEALTH_REACH), m.index)))
        push(m.index, m.index + 9 + 1, 'kvnr');
    }
  }
  return found;
}
