import { isWordChar } from '../text.js';
import type { Candidate } from './types.js';

const WORD = String.raw`[\p{L}\p{M}]`;
const anyCase = (word: string): string => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`;
const SUFFIXES = [
  'straße strasse str. weg allee platz gasse ring damm ufer chaussee steig pfad markt graben hof berg feld tor brücke kamp',
  'wall stieg zeile promenade anger garten höhe redder twiete wiese bogen park siedlung kai deich hang tal grund winkel',
  'steg reihe bahn leite halde acker koppel heide rain holz busch horst moor aue brink esch gang kreuz',
]
  .join(' ')
  .split(' ')
  .map((s) => anyCase(s).replace('.', String.raw`\.`));
const PREPOSITIONS = String.raw`Am|An\s(?:der|den)|Auf\s(?:der|dem)|Im|In\s(?:der|den)|Zum|Zur|Unter\sden|Hinter\sder|Vor\sdem|Bei\sder`;

/** "Hauptstraße", "Karl-Marx-Allee", "Berliner Str.", "Am Markt", "Unter den Linden". */
const STREET = String.raw`(?:(?:\p{Lu}${WORD}{1,30}\s)?\p{Lu}[\p{L}\p{M}-]{0,40}(?:${SUFFIXES.join('|')})|(?:${PREPOSITIONS})\s\p{Lu}${WORD}{1,30}(?:-\p{Lu}${WORD}{1,30})?)`;
/** "12", "3a", "12 b", "10-12", "7/1". */
const HOUSE_NUMBER = String.raw`\d{1,4}\s?[a-zA-Z]?(?:\s?[-/]\s?\d{1,4}\s?[a-zA-Z]?)?`;
/** Between number and postcode: a comma, a middle dot, a line break, " in ", or a form label ("- Ort:", "PLZ/Ort:"). */
const JOIN = String.raw`(?:\s(?:in|,)\s|[\s,·|–-]{1,4}(?:(?:PLZ\s?[/,]?\s?)?Ort:\s?)?)`;

const POSTCODE_CITY = new RegExp(
  String.raw`\d{5}\s{1,2}\p{Lu}${WORD}{1,30}(?:-\p{Lu}${WORD}{1,30})?(?:\s(?:am|an\sder|im|in\sder|ob\sder|bei)\s\p{Lu}${WORD}{1,30}|\s\(\p{Lu}${WORD}{1,20}\))?`,
  'gu',
);
const NUMBER_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}])${HOUSE_NUMBER}${JOIN}$`, 'u');
const STREET_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}])${STREET}\s?$`, 'u');

/** Street and house number, then a five-digit postcode and a city: "Hauptstraße 12, 10115 Berlin". */
export function detectGermanAddresses(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(POSTCODE_CITY)) {
    if (isWordChar(text[m.index - 1])) continue;
    // "D-10115 Berlin": the country prefix belongs to the postcode.
    const postcode = text.slice(m.index - 2, m.index) === 'D-' ? m.index - 2 : m.index;
    const number = NUMBER_BEFORE.exec(text.slice(Math.max(0, postcode - 24), postcode));
    if (!number) continue;
    const numberStart = postcode - number[0].length;
    const street = STREET_BEFORE.exec(text.slice(Math.max(0, numberStart - 72), numberStart));
    if (!street) continue;
    found.push({ kind: 'address', start: numberStart - street[0].length, end: m.index + m[0].length, rule: 'address-de' });
  }
  return found;
}
