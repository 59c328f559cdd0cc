import { luhnValid } from './checksums.js';

/**
 * National identifiers of further European countries, each with its check digit or, where it has none (Danish CPR),
 * a valid birth date. `compact` is the value with separators removed and letters upper-cased, `raw` as written.
 */
export interface IdValue {
  compact: string;
  raw: string;
}

/** Remainder of a long digit string, without BigInt. */
function mod(digits: string, m: number): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i++) rest = (rest * 10 + digits.charCodeAt(i) - 48) % m;
  return rest;
}

/** A day and month that can be a birth date. */
function dayMonthValid(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI "12345678Z" and NIE "X1234567L": the letter is the number mod 23 (NIE: X, Y, Z stand for 0, 1, 2). */
export function dni({ compact }: IdValue): string | null {
  const m = /^([XYZ]\d{7}|\d{8})([A-Z])$/.exec(compact);
  if (!m) return null;
  const n = Number(m[1]!.replace(/^[XYZ]/, (c) => String('XYZ'.indexOf(c))));
  return DNI_LETTERS[n % 23] === m[2] ? 'dni' : null;
}

/** Polish PESEL: eleven digits, weights 1-3-7-9; the month carries the century (+20, +40, +60, +80). */
export function pesel({ compact, raw }: IdValue): string | null {
  if (!/^\d{11}$/.test(compact) || raw !== compact) return null;
  if (!dayMonthValid(Number(compact.slice(4, 6)), Number(compact.slice(2, 4)) % 20)) return null;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (compact.charCodeAt(i) - 48) * weights[i]!;
  return (10 - (sum % 10)) % 10 === compact.charCodeAt(10) - 48 ? 'pesel' : null;
}

/** Swedish personnummer "YYMMDD-NNNN" or "YYYYMMDD-NNNN": Luhn over the last ten digits (a co-ordination number adds 60 to the day). */
export function personnummer({ compact, raw }: IdValue): string | null {
  if (!/^(?:\d{2})?\d{6}[-+ ]?\d{4}$/.test(raw)) return null;
  const ten = compact.slice(-10);
  if (!dayMonthValid(Number(ten.slice(4, 6)) % 60, Number(ten.slice(2, 4)))) return null;
  return luhnValid(ten) ? 'personnummer' : null;
}

/** French NIR (numéro de sécurité sociale): 13 characters and a key, 97 minus the number mod 97 (Corsica 2A/2B count as 19/18). */
export function nir({ compact, raw }: IdValue): string | null {
  if (!/^[12]\d{4}(?:\d{2}|2A|2B)\d{6}\d{2}$/.test(compact) || !/^[\dAB ]+$/i.test(raw)) return null;
  if (Number(compact.slice(3, 5)) < 1 || (Number(compact.slice(3, 5)) > 12 && Number(compact.slice(3, 5)) < 20)) return null;
  const body = compact.slice(0, 13).replace('2A', '19').replace('2B', '18');
  return 97 - mod(body, 97) === Number(compact.slice(13)) ? 'nir' : null;
}

const HETU_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** Finnish HETU "DDMMYYCZZZQ": century sign, serial, and a check character, the nine digits mod 31. */
export function hetu({ raw }: IdValue): string | null {
  const m = /^(\d{6})([-+A-FU-Y])(\d{3})([0-9A-Y])$/.exec(raw.toUpperCase());
  if (!m || !dayMonthValid(Number(m[1]!.slice(0, 2)), Number(m[1]!.slice(2, 4)))) return null;
  return HETU_CHECK[Number(m[1]! + m[3]!) % 31] === m[4] ? 'hetu' : null;
}

/** Portuguese NIF: nine digits, weights 9 … 2, 11 minus the sum mod 11 (10 and 11 are 0). */
export function nif({ compact, raw }: IdValue): string | null {
  if (!/^[1-35689]\d{8}$/.test(compact) || !/^\d{9}$|^\d{3} \d{3} \d{3}$/.test(raw)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (compact.charCodeAt(i) - 48) * (9 - i);
  const check = 11 - (sum % 11);
  return (check >= 10 ? 0 : check) === compact.charCodeAt(8) - 48 ? 'nif' : null;
}

/** Belgian national number "YY.MM.DD-XXX.CC": 97 minus the first nine digits mod 97 (born 2000 or later: with a 2 before them). */
export function rrn({ compact, raw }: IdValue): string | null {
  if (!/^\d{11}$/.test(compact) || !/^\d{2}\.?\d{2}\.?\d{2}[-. ]?\d{3}\.?\d{2}$/.test(raw)) return null;
  const body = compact.slice(0, 9);
  const check = Number(compact.slice(9));
  return 97 - mod(body, 97) === check || 97 - mod('2' + body, 97) === check ? 'rrn' : null;
}

/** Czech or Slovak rodné číslo "YYMMDD/XXXX": the ten digits are divisible by 11 (women add 50 to the month, some 20). */
export function rodneCislo({ compact, raw }: IdValue): string | null {
  if (!/^\d{10}$/.test(compact) || !/^\d{6}\/?\d{4}$/.test(raw)) return null;
  if (!dayMonthValid(Number(compact.slice(4, 6)), (Number(compact.slice(2, 4)) % 50) % 20 || 20)) return null;
  const rest = mod(compact.slice(0, 9), 11);
  return rest === (compact.charCodeAt(9) - 48) % 11 || (rest === 10 && compact[9] === '0') ? 'rodne-cislo' : null;
}

/** Danish CPR "DDMMYY-SSSS": no check digit since 2007, so the birth date must be valid. */
export function cpr({ compact, raw }: IdValue): string | null {
  if (!/^\d{10}$/.test(compact) || !/^\d{6}[- ]?\d{4}$/.test(raw)) return null;
  return dayMonthValid(Number(compact.slice(0, 2)), Number(compact.slice(2, 4))) ? 'cpr' : null;
}

/** Norwegian fødselsnummer "11010223972": a birth date (D-numbers add 40 to the day), three digits and two mod-11 check digits. */
export function fodselsnummer({ compact }: IdValue): string | null {
  if (!/^\d{11}$/.test(compact)) return null;
  const d = [...compact].map(Number);
  const day = d[0]! * 10 + d[1]!;
  if (!dayMonthValid(day > 40 ? day - 40 : day, d[2]! * 10 + d[3]!)) return null;
  const check = (weights: readonly number[]): number => {
    const r = 11 - (weights.reduce((sum, w, i) => sum + w * d[i]!, 0) % 11);
    return r === 11 ? 0 : r;
  };
  return check([3, 7, 6, 1, 8, 9, 4, 5, 2]) === d[9] && check([5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) === d[10] ? 'fodselsnummer' : null;
}

/** Values of the odd positions (1st, 3rd, …) of an Italian codice fiscale, for 0–9 and A–Z alike. */
const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

/** Italian codice fiscale "RSSMRA85T10A562S": surname and name letters, birth year, month letter, day, place, check letter. */
export function codiceFiscale({ compact }: IdValue): string | null {
  if (!/^[A-Z]{6}[\dLMNPQRSTUV]{2}[ABCDEHLMPRST][\dLMNPQRSTUV]{2}[A-Z][\dLMNPQRSTUV]{3}[A-Z]$/.test(compact)) return null;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = compact.charCodeAt(i);
    const v = c <= 57 ? c - 48 : c - 65;
    sum += i % 2 === 0 ? CF_ODD[v]! : v;
  }
  return String.fromCharCode(65 + (sum % 26)) === compact[15] ? 'codice-fiscale' : null;
}
