import { isWordChar } from '../text.js';
import { anchorsOf, matchesAt, notAfterAsciiWord, positionsBefore } from './scan.js';
import type { Candidate } from './types.js';

const WORD = String.raw`[\p{L}\p{M}]`;
const anyCase = (word: string): string => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`;
const SUFFIXES = [
  'straße strasse str. str weg allee platz gasse ring damm ufer chaussee steig pfad markt graben hof berg feld tor brücke kamp',
  'wall stieg zeile promenade anger garten höhe redder twiete wiese bogen park siedlung kai deich hang tal grund winkel',
  'steg reihe bahn leite halde acker koppel heide rain holz busch horst moor aue brink esch gang kreuz gürtel lände',
]
  .join(' ')
  .split(' ')
  .map((s) => anyCase(s).replace('.', String.raw`\.`));
const PREPOSITIONS = String.raw`Am|An\s(?:der|den|dem)|Auf\s(?:der|dem|den)|Im|In\s(?:der|den|dem)|Zum|Zur|Unter\s(?:den|der|dem)|Hinter\s(?:der|dem|den)|Vor\s(?:dem|der|den)|Bei\s(?:der|dem|den)|Beim|Über\s(?:der|dem|den)|Auf'm|Aufm|Unterm|Hinterm|Vorm|Ober\s(?:der|dem)|Neben\s(?:der|dem)`;

/** "Hauptstraße", "Karl-Marx-Allee", "Berliner Str.", "Am Markt", "Unter den Linden". */
/** The type word alone after an adjective: "Mariahilfer Straße", "Berliner Str.", "Frankfurter Allee". */
const TYPE_WORD = String.raw`(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Ring|Damm|Ufer|Chaussee|Markt|Steig|Zeile|Gürtel|Kai|Lände|Promenade|Landstraße|Landstr\.)`;
/** Swiss (and Austrian border) streets in French or Italian put the type word first: "Rue de Lausanne 14", "Via Nassa 5", "Ch. des Vignes 3". */
const ROMANCE_STREET = String.raw`(?:Rue|Route|Rte\.|Chemin|Ch\.|Avenue|Av\.|Place|Quai|Boulevard|Bd\.|Via|Viale|Piazza|Corso|Vicolo|Strada)\s(?:(?:de\sla|de|du|des|la|le|della|delle|del|dei|di|al|alla)\s|[dl]['’])?\p{Lu}${WORD}{1,30}(?:[\s-]\p{Lu}${WORD}{1,30}){0,2}`;
/** Labels are no part of the street name before a suffixed street ("Adresse Konrad-Adenauer-Str. 7"). */
const ADDRESS_WORD = String.raw`(?:Adresse|Anschrift|Wohnort|Wohnhaft|Lieferadresse|Rechnungsadresse|Wohnadresse|Meldeadresse|Postadresse|Privatadresse|Lieferanschrift|Postanschrift|Rechnungsanschrift)`;
/** The type word first, then an article and a name: "Straße des 17. Juni", "Str. des 18. Oktober", "Platz der Einheit", "Weg am Teich". */
const TYPE_FIRST_STREET = String.raw`(?:Straße|Strasse|Str\.|Platz|Weg|Allee|Ring|Damm|Ufer|Gasse)\s(?:des|der|am|an\sder|zum|zur|vom|beim)\s(?:\d{1,2}\.\s)?\p{Lu}${WORD}{1,30}`;
// Abbreviated titles may open a hyphenated name: "Bgm.-Smidt-Str. 12", "Dr.-Külz-Ring 4", "Prof.-Dr.-Helmert-Str. 3".
// A word on the line before (a name in a signature) is no part of the street: the street's own words share a line.
/** A facility, not a name, before a separate type word: "ans Verteilzentrum Straße 7", "im Depot Straße 3". */
const FACILITY = String.raw`(?:\p{Lu}\p{L}*(?:zentrum|lager|depot|halle|gebiet|park|center|werk|filiale|markt|amt)|Zentrum|Lager|Depot|Halle|Center|Werk|Filiale|Amt)[^\S\n]`;
/** Numbered streets, named by their number with the house number after "Nr.": "Straße 70 Nr. 11". */
const NUMBERED_STREET = String.raw`(?:Straße|Strasse|Str\.)\s\d{1,3}(?=\sNr\.?\s?\d|\s?$)`;
const STREET = String.raw`(?:${ROMANCE_STREET}|${TYPE_FIRST_STREET}|${NUMBERED_STREET}|(?!${FACILITY})\p{Lu}${WORD}{1,30}[^\S\n]${TYPE_WORD}|(?:(?!${ADDRESS_WORD}[^\S\n])\p{Lu}${WORD}{1,30}[^\S\n])?(?:\p{Lu}\p{Ll}{0,5}\.-){0,2}\p{Lu}[\p{L}\p{M}-]{0,40}(?:${SUFFIXES.join('|')})|(?:${PREPOSITIONS})(?:\s\d{1,2}\.)?(?:\s\p{Lu}${WORD}{1,30}(?:-\p{Lu}${WORD}{1,30})?){1,2})`;
/** "12", "3a", "12 b", "10-12", "7/1", Austrian "45/3/12" (house, staircase, door), also after "Nr." ("Hauptstraße Nr. 5"), a letter range ("12a-c"). */
const HOUSE_NUMBER = String.raw`(?:Nr\.?\s?)?\d{1,4}\s?[a-zA-Z]?(?:\s?-\s?[a-zA-Z](?![\p{L}]))?(?:\s?[-/]\s?\d{1,4}\s?[a-zA-Z]?){0,3}`;
/** The part of a building behind the number: "/ Hinterhaus", "(Rückgebäude)". */
const BUILDING_PART = String.raw`[HhVv]interhaus|[Vv]orderhaus|[Ss]eitenflügel|[Qq]uergebäude|[Gg]artenhaus|[Rr]ückgebäude|HH|VH`;
/** Staircase, door, flat or floor after the number: "Stiege 2, Tür 5", "Top 7", "Whg. 3", "2. OG", "12a / 3. OG"; a village district, "OT Kleinkmehlen". */
const UNIT = String.raw`(?:(?:,?\s|\s?\/\s?)(?:Stiege|Stg\.?|Tür|Top|Whg\.?|Wohnung|Haus|Block|Stock|Etage|App\.?|Apt\.?)\s?\d{1,3}[a-zA-Z]?|(?:,?\s|\s?\/\s?)\d{1,2}\.\s?(?:OG|Stock|Etage|Hof|Hinterhof)(?:\s(?:rechts|links|Mitte|re\.|li\.))?|\s?\/\s?(?:${BUILDING_PART})|,?\s\((?:${BUILDING_PART})\)|(?:,\s|\n)(?:${BUILDING_PART})(?![\p{L}\p{N}])|,?\s(?:OT|Ortsteil)\s\p{Lu}${WORD}{1,30}(?:-\p{Lu}${WORD}{1,30})?)`;
/** Between number and postcode: a comma, a middle dot, a line break, " in ", or a form label ("- Ort:", "PLZ/Ort:"). */
const FORM_LABEL = String.raw`(?:(?:PLZ|Postleitzahl)(?:\s?[/,+&]\s?(?:Ort|Stadt|Wohnort))?|Ort|Stadt|Wohnort)\s?:\s?`;
/** … also who the post goes to there: ", bei Schmidt, ", ", c/o Weber, ". */
const CARE_OF = String.raw`,?\s(?:bei|c\/o)\s\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?,?\s`;
const JOIN = String.raw`(?:\s(?:in|,)\s|${CARE_OF}|[\s,·|–-]{1,4}(?:${FORM_LABEL})?)`;

/** Five-digit German postcodes, four-digit Austrian and Swiss ones ("1060 Wien", "8001 Zürich"), Dutch ones with two letters ("1015 CJ Amsterdam"). */
const POSTCODE_CITY = new RegExp(
  String.raw`\d{4,5}(?:\s[A-Z]{2}(?=\s\p{Lu}\p{Ll}))?(?:\s?\n(?:Ort|Stadt|Wohnort)\s?:\s?|\s{1,2})\p{Lu}${WORD}{1,30}(?:-\p{Lu}${WORD}{1,30})?(?:\s(?:am|an\sder|im|in\sder|ob\sder|bei)\s\p{Lu}${WORD}{1,30}|\s\(\p{Lu}${WORD}{1,20}\))?`,
  'gu',
);
const NUMBER_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}])${HOUSE_NUMBER}${UNIT}{0,3}${JOIN}$`, 'u');
const STREET_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}])${STREET}\s?$`, 'u');

/** Without a postcode, a street and number count when the text says it is where someone lives: "Ich wohne Am Markt 3". */
const CUED_STREET = new RegExp(
  String.raw`(?:wohne|wohnen|wohnt|wohnhaft|adresse|anschrift|zustellen\san|liefern\san|lieferung\san|paket|päckchen|sendung|stra(?:ß|ss)e\s?(?:[+/&,]|und)\s?(?:haus)?(?:nr\.?|nummer)\s?:|hausnummer\s?:|(?:^|\n)stra(?:ß|ss)e\s?:)[^\n.!?\d]{0,30}?(?<![\p{L}\p{N}])(${STREET}\s?${HOUSE_NUMBER}(?![\p{L}\p{N}]|[.,]\d)(?:${UNIT}{0,3}(?:,\s|\sin\s)\p{Lu}${WORD}{2,30}(?:-\p{Lu}${WORD}{1,30})?)?)`,
  'giu',
);
const STREET_AFTER = new RegExp(String.raw`^(?:,\s?|\s[-–]\s|[^\S\n])${STREET}\s?${HOUSE_NUMBER}(?![\p{L}\p{N}]|[.,]\d)`, 'u');
const STREET_START = new RegExp(String.raw`^(?:${STREET})\s?\d`, 'u');
const MOVED_TO = /(?:bin|sind|zieh\p{L}{1,2}|zog\p{L}{0,2})\s(?:jetzt\s|gerade\s)?nach\s/u;
const CUE_WORD = /wohn|adresse|anschrift|zustell|liefer|paket|päckchen|sendung|stra(?:ß|ss)e\s?[:+/&,u]|hausnummer/i;

/** With a postcode and city after it and an address word before it, a street needs no type word: "Adresse: Plöck 44, 69117 Heidelberg". */
const LOOSE_STREET_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}-]{2,30}(?:\s\p{Lu}[\p{L}\p{M}-]{1,30})?\s?$`, 'u');
const LOOSE_CUE = /(?:ad{1,2}res|anschrift|wohn|liefer|zustell|schick|send|stra(?:ß|ss)e|\ban|\bnach)[^\n\d]{0,30}$/iu;
/** … or none when the street is a hyphenated name and a German postcode follows: "für Alt-Moabit 88b, 10559 Berlin". */
const HYPHENATED_STREET_BEFORE = /(?<![\p{L}\p{N}-])\p{Lu}\p{Ll}{1,20}-\p{Lu}\p{Ll}{2,30}\s?$/u;

/** A post office box: "Postfach 10 20 30, 70173 Stuttgart", "Pf. 1234, 80331 München". */
const PO_BOX = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:Postfach|Pf\.|PF)\s?\d{1,6}(?:\s\d{2,3}){0,3},?\s(?:D-)?\d{5}\s\p{Lu}${WORD}{1,30}(?:-\p{Lu}${WORD}{1,30})?`,
  'uy',
);
const PO_BOX_WORD = /Postfach|Pf\.|PF/g;
const PO_BOX_CUE = /(?:adress|address|anschrift|liefer|zustell|schick|send|post|mail|\ban|\bnach|\bto)[^\n\d]{0,30}$/iu;
/** Or says so after it (German and English): "… ist meine Postadresse", "… is where I get my mail", "… is my address". */
export const PO_BOX_CUE_AFTER =
  /^[^\n\d]{0,24}?(?<!\p{L})(?:ist\s(?:meine|unsere)|is\s(?:my|our)|is\swhere\s(?:I|we)|where\s(?:I|we)\s(?:get|receive|collect))(?!\p{L})/iu;
/**
 * Typed all in lower case, also misspelt or without the dot: "lindenstrase 4 04109 leipzig", "in der bahnhofstraße 3 in
 * 67655 kaiserslautern", "hauptstr 112 66111 saarbrücken".
 */
const LOWER_CASE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}\p{M}-]{1,30}(?:stra(?:ß|ss|s)e|(?<=\p{Ll}{4})str\.?|weg|allee|platz|gasse|ring|damm|ufer)\s?\d{1,4}\s?[a-z]?(?:\s?\/\s?(?:${BUILDING_PART}))?(?:,\s?|\s(?:in\s)?)\d{5}\s\p{Ll}[\p{Ll}\p{M}-]{1,30}`,
  'uy',
);
/**
 * Its type word and house number are rare in text: the scan starts there and looks back as far as the street's name can
 * reach (31 letters of up to two UTF-16 units each).
 */
const LOWER_CASE_TYPE = /(?:stra(?:ß|ss|s)e|str\.?|weg|allee|platz|gasse|ring|damm|ufer)\s?\d/gu;
const LOWER_CASE_REACH = 62;

/**
 * Typed in lower case after an address word or a move, any street name: "meine adresse ist am 1. mai 7 06749
 * bitterfeld-wolfen", "anschrift: an der alten mühle 3, 01234 dorfhain", "bin nach in der aue 17 b 69118 heidelberg gezogen".
 */
const LOWER_CUED = new RegExp(
  String.raw`(?:(?:adresse|anschrift|wohne|wohnhaft)(?:\s(?:ist|lautet|in|im|am))?|(?:bin|sind|zieh\p{L}{1,2}|zog\p{L}{0,2})\s(?:jetzt\s|gerade\s)?nach)\s?:?\s((?:(?:\p{Ll}[\p{Ll}\p{M}-]{1,30}\.?|\d{1,2}\.)\s){1,4}\d{1,4}\s?[a-z]?,?\s\d{5}\s\p{Ll}[\p{Ll}\p{M}-]{1,30})(?![\p{L}\p{N}])`,
  'gu',
);

/** Street and house number, then a postcode and a city: "Hauptstraße 12, 10115 Berlin", "Bahnhofstrasse 10, 8001 Zürich". */
export function detectGermanAddresses(text: string): Candidate[] {
  const found: Candidate[] = [];
  if (CUE_WORD.test(text)) {
    for (const m of text.matchAll(CUED_STREET)) {
      // The cue is matched without regard to case, the street is not: "an Lindenallee 41" starts at "Lindenallee".
      let street = m[1]!.trimEnd();
      const end = m.index + m[0].length - (m[1]!.length - street.length);
      while (street && !STREET_START.test(street)) street = street.replace(/^\S+\s?/, '');
      if (street) found.push({ kind: 'address', start: end - street.length, end, rule: 'address-de' });
    }
  }
  const postcodes = [...text.matchAll(POSTCODE_CITY)];
  for (const m of postcodes) {
    if (isWordChar(text[m.index - 1])) continue;
    // "D-10115 Berlin", "A-1060 Wien", "CH-8001 Zürich": the country prefix belongs to the postcode.
    const prefix = /(?:^|[^\p{L}])(D|A|CH)-$/u.exec(text.slice(Math.max(0, m.index - 4), m.index));
    const postcode = prefix ? m.index - prefix[1]!.length - 1 : m.index;
    const number = NUMBER_BEFORE.exec(text.slice(Math.max(0, postcode - 48), postcode));
    if (!number) continue;
    const numberStart = postcode - number[0].length;
    const before = text.slice(Math.max(0, numberStart - 72), numberStart);
    let street = STREET_BEFORE.exec(before);
    if (!street) {
      street = LOOSE_STREET_BEFORE.exec(before);
      const hyphenated = /^\d{5}\s/.test(m[0]) ? HYPHENATED_STREET_BEFORE.exec(before) : null;
      if (hyphenated) street = hyphenated;
      else if (!street || !LOOSE_CUE.test(before.slice(0, before.length - street[0].length))) continue;
    }
    found.push({ kind: 'address', start: numberStart - street[0].length, end: m.index + m[0].length, rule: 'address-de' });
  }
  // Postcode and city first, then the street: "10115 Berlin, Invalidenstr. 44".
  for (const m of postcodes) {
    if (isWordChar(text[m.index - 1])) continue;
    const end = m.index + m[0].length;
    const street = STREET_AFTER.exec(text.slice(end, end + 80));
    if (!street) continue;
    const prefix = /(?:^|[^\p{L}])(D|A|CH)-$/u.exec(text.slice(Math.max(0, m.index - 4), m.index));
    const start = prefix ? m.index - prefix[1]!.length - 1 : m.index;
    found.push({ kind: 'address', start, end: end + street[0].trimEnd().length, rule: 'address-de' });
  }
  if (CUE_WORD.test(text) || MOVED_TO.test(text))
    for (const m of text.matchAll(LOWER_CUED)) {
      const end = m.index + m[0].length;
      found.push({ kind: 'address', start: end - m[1]!.length, end, rule: 'address-de' });
    }
  for (const m of matchesAt(PO_BOX, text, anchorsOf(PO_BOX_WORD, text))) {
    // A post office box is someone's only when the text sends something there ("Post bitte an Postfach …").
    const end = m.index + m[0].length;
    if (!PO_BOX_CUE.test(text.slice(Math.max(0, m.index - 40), m.index)) && !PO_BOX_CUE_AFTER.test(text.slice(end, end + 48))) continue;
    found.push({ kind: 'address', start: m.index, end, rule: 'address-de' });
  }
  const lowerCaseStarts = notAfterAsciiWord(text, positionsBefore(anchorsOf(LOWER_CASE_TYPE, text), LOWER_CASE_REACH));
  for (const m of matchesAt(LOWER_CASE, text, lowerCaseStarts))
    found.push({ kind: 'address', start: m.index, end: m.index + m[0].length, rule: 'address-de' });
  return found;
}
