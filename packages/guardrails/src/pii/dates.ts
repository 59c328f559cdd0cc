/**
 * Calendar dates written out in German or English, numeric or with a month name; also with the month names of French,
 * Italian, Spanish and Dutch ("2 juin 1982", "3 ottobre 1961", "24 de junio de 1944", "12 maart 1977").
 */

const MONTH_NAMES = [
  'jan januar january jänner janvier janv gennaio enero januari',
  'feb februar february février févr fevrier febbraio febrero februari',
  'mär mrz märz mar march mars marzo maart',
  'apr april avril avr aprile abril',
  'mai may maggio mayo mei',
  'jun juni june juin giugno junio',
  'jul juli july juillet juil luglio julio',
  'aug august août aout agosto augustus',
  'sep sept september septembre settembre septiembre setiembre',
  'okt oktober oct october octobre ottobre octubre',
  'nov november novembre noviembre',
  'dez dezember dec december décembre déc decembre dicembre diciembre',
];
const MONTHS = new Map(MONTH_NAMES.flatMap((names, i) => names.split(' ').map((name) => [name, i + 1] as const)));
// Longest names first, so "march" is not read as "mar" + "ch".
const MONTH = `(${[...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th|\.)?`;
const YEAR = String.raw`(\d{4}|\d{2})`;

const ALTERNATIVES = [
  String.raw`(\d{4})[-./](\d{1,2})[-./](\d{1,2})`,
  String.raw`(\d{1,2})\s?([./-])\s?(\d{1,2})\s?\5\s?(\d{4}|\d{2})`,
  String.raw`${DAY}(?:\s?|[/-])(?:of\s|de\s)?${MONTH}(?:,?\s|[/-]|\sde\s)${YEAR}`,
  String.raw`${MONTH}\s${DAY},?\s${YEAR}`,
  // Roman month, as on older documents: "7.VIII.1977", "14. XI. 1966".
  String.raw`(\d{1,2})\.\s?(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.\s?(\d{4})`,
  // Spaces for separators, with a four-digit year: "02 07 2005".
  String.raw`(\d{1,2})\s(\d{1,2})\s(\d{4})`,
  // A day as an ordinal word: "twenty-first of August 1987", "third of March 1990".
  String.raw`((?:(?:twenty|thirty)[\s-])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth))\s(?:of\s)?${MONTH},?\s(\d{4})`,
];
const ORDINALS = [
  'first second third fourth fifth sixth seventh eighth ninth tenth',
  'eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth',
]
  .join(' ')
  .split(' ');
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const DATE = new RegExp(String.raw`(?<![\p{L}\p{N}.])(?:${ALTERNATIVES.join('|')})(?![\p{L}\p{N}]|\.\d)`, 'giu');

export interface DateMatch {
  start: number;
  end: number;
  year: number;
}

function fullYear(year: string): number {
  const y = Number(year);
  return year.length === 4 ? y : y > 30 ? 1900 + y : 2000 + y;
}

function plausible(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/** Dates that start within [from, to) of the text. */
export function findDates(text: string, from = 0, to = text.length): DateMatch[] {
  const dates: DateMatch[] = [];
  // A few characters past `to` keep the context the pattern looks at after a date.
  const scope = text.slice(0, to + 8);
  DATE.lastIndex = from;
  for (let m = DATE.exec(scope); m && m.index < to; m = DATE.exec(scope)) {
    const g = m.slice(1);
    let ok = false;
    let year = '';
    if (g[0]) {
      [year, ok] = [g[0], plausible(Number(g[2]), Number(g[1]))];
    } else if (g[3]) {
      const [a, b] = [Number(g[3]), Number(g[5])];
      [year, ok] = [g[6]!, plausible(a, b) || plausible(b, a)];
    } else if (g[7]) {
      [year, ok] = [g[9]!, plausible(Number(g[7]), MONTHS.get(g[8]!.toLowerCase()) ?? 0)];
    } else if (g[10]) {
      [year, ok] = [g[12]!, plausible(Number(g[11]), MONTHS.get(g[10].toLowerCase()) ?? 0)];
    } else if (g[13]) {
      [year, ok] = [g[15]!, plausible(Number(g[13]), ROMAN.indexOf(g[14]!.toUpperCase()) + 1)];
    } else if (g[19]) {
      const words = g[19].toLowerCase().split(/[\s-]/);
      const last = words[words.length - 1]!;
      const day = last === 'thirtieth' ? 30 : (words.length > 1 ? (words[0] === 'thirty' ? 30 : 20) : 0) + ORDINALS.indexOf(last) + 1;
      [year, ok] = [g[21]!, plausible(day, MONTHS.get(g[20]!.toLowerCase()) ?? 0)];
    } else if (g[16]) {
      [year, ok] = [g[18]!, plausible(Number(g[16]), Number(g[17])) || plausible(Number(g[17]), Number(g[16]))];
    }
    if (ok) dates.push({ start: m.index, end: m.index + m[0].length, year: fullYear(year) });
  }
  return dates;
}
