import type { Candidate } from './types.js';

/**
 * Any street shape, after words that say an address follows: "I live at Thorvald Meyers gate 23, 0555 Oslo", "Neue Adresse
 * seit Umzug: Mannerheimintie 29 A 13, 00100 Helsinki", "send the replacement to Oudegracht 157 bis, 3511 AP Utrecht",
 * "Address: 84 bis, avenue Jean Jaurès, Bât. B, 69007 Lyon", "ul. Długa 46/16\n31-147 Kraków", "via roma 185, 20121 milano (mi)".
 * The street needs a house number and a postcode of a European shape (1234 AB, 12-345, 123 45, 1234, 12345) with a town
 * after it, so the cue alone names nothing.
 */
const CUE = String.raw`(?:[Aa]dresse|[Aa]nschrift|(?<![\p{L}])(?:[Aa]ddress|[Ll]ive\sat|[Ll]iving\sat|[Ww]ohne|[Ww]ohnhaft|(?:[Ss]end|[Ss]hip|[Dd]eliver|[Mm]ail|[Pp]ost)\s(?:[\p{L}'’]+\s){0,3}?to))`;
/** "… is", "…:", "… seit Umzug:". */
const FILLER = String.raw`(?:\s(?:is|ist|lautet|was|war))?(?:\s[^\n\d:.!?]{1,24}:)?:?\s{1,2}`;
const WORD = String.raw`[\p{L}][\p{L}\p{M}'’.-]{0,30}`;
const NUMBER = String.raw`\d{1,4}(?:\s?[a-zA-Z](?![\p{L}])(?:\s\d{1,3})?|\s(?:bis|ter)(?![\p{L}]))?(?:\s?[/-]\s?\d{1,4}[a-zA-Z]?)?`;
const STREET = String.raw`(?:(?:${WORD}\s){1,4}${NUMBER}|${NUMBER},?\s(?:${WORD}\s){1,4}?${WORD})`;
/** Floors, doors, buildings and flats after the street: ", 2. th.", ", Bât. B", ", apt 11". */
const EXTRA = String.raw`(?:,\s(?![^\n,]{0,14}\d{4})[^\n,]{1,14})`;
const JOIN = String.raw`(?:,\s?|\s|\s?\n\s?)(?:(?:Ort|City|Town|PLZ|Postcode|Postal\scode)[^\n:]{0,12}:\s?)?`;
const POSTCODE = String.raw`(?:\d{4}\s?[A-Z]{2}|\d{2}-\d{3}|\d{3}\s\d{2}|(?:[A-Z]{1,2}-)?\d{4,5})`;
/** A town, with a district letter ("København N"), a province ("milano (mi)") or a river ("Frankfurt am Main"). */
const CITY = String.raw`\p{L}[\p{L}\p{M}'’-]{2,30}(?:\s(?:[A-Z](?![\p{L}])|\([a-zA-Z]{2}\)|(?:am|an\sder|im|ob\sder|bei|upon|on|sur|en)\s\p{Lu}[\p{L}-]{2,20}))?`;
const CUED_ADDRESS = new RegExp(String.raw`${CUE}${FILLER}(${STREET}${EXTRA}{0,2}${JOIN}${POSTCODE}\s${CITY})(?![\p{L}\p{N}])`, 'uy');
/** Where a cue may start: the address is read from there only (scanning the whole text with the pattern is slower). */
const CUE_START = /adresse|anschrift|address|live|living|wohn|send|ship|deliver|mail|post/gi;

export function detectCuedAddresses(text: string): Candidate[] {
  const found: Candidate[] = [];
  let reached = 0;
  for (const cue of text.matchAll(CUE_START)) {
    if (cue.index < reached) continue;
    CUED_ADDRESS.lastIndex = cue.index;
    const m = CUED_ADDRESS.exec(text);
    if (!m) continue;
    reached = m.index + m[0].length;
    found.push({ kind: 'address', start: reached - m[1]!.length, end: reached, rule: 'address-cued' });
  }
  return found;
}
