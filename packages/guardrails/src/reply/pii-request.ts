import { phrase, phrasesFor, type Phrase } from './phrases.js';
import type { Finding, Locale } from './types.js';

/** What counts as personal data, preceded by a possessive ("Ihre Kundennummer", "your order number"). */
const REQUESTED_DATA: readonly Phrase[] = [
  phrase(
    'de',
    ['ihr', 'dein', 'euer', 'eure'],
    String.raw`\b(?:Ihre?[nrms]?|deine?[nrms]?|eure?[nrms]?)\s(?:[\p{L}-]{2,20}\s){0,2}?(?:Kunden-?(?:nummer|nr\.?|ID)|Vertrags-?(?:nummer|nr\.?|konto(?:nummer)?)|Bestell-?(?:nummer|nr\.?)|Auftrags-?(?:nummer|nr\.?)|Rechnungs-?(?:nummer|nr\.?)|Zähler-?(?:nummer|nr\.?)|(?:Post-?|Wohn-?|Liefer-?|Rechnungs-?|E-?Mail-?)?(?:Adresse|Anschrift)|IBAN|Bankverbindung|Bankdaten|Kontonummer|Kontodaten|Kreditkarten-?(?:nummer|daten)?|Kartennummer|Geburtsdatum|(?:Telefon|Handy|Mobil|Ruf)-?nummer|(?:vollständigen|vollen|ganzen|echten)\sNamen|Passwort|Kennwort|PIN|Zugangsdaten|Login-?Daten|Ausweisnummer|Steuer-?ID)\b`,
  ),
  phrase(
    'en',
    ['your'],
    String.raw`\byour\s(?:[\p{L}-]{2,20}\s){0,2}?(?:customer\s(?:number|no\.?|ID|account\snumber)|account\s(?:number|details|ID)|contract\s(?:number|no\.?)|order\s(?:number|no\.?|ID)|invoice\s(?:number|no\.?)|meter\s(?:number|ID)|address|IBAN|bank\s(?:details|account(?:\snumber)?)|card\s(?:number|details)|credit\scard|date\sof\sbirth|DOB|birth\s?date|(?:phone|mobile|cell|telephone)\snumber|(?:full|real|legal)\sname|password|PIN|login\sdetails|credentials|social\ssecurity\snumber|SSN|passport\snumber|tax\sID)\b`,
  ),
];

/** Asking for it: a verb of handing over or needing, anywhere in the same sentence. */
const REQUEST: readonly Phrase[] = [
  phrase(
    'de',
    [],
    String.raw`\b(?:nennen|nenne|nenn|nennt|teilen|teile|teilt|mitteilen|mitzuteilen|schicken|schick|schickt|senden|sende|sendet|zusenden|zuschicken|schreiben|schreib|schreibt|posten|poste|postet|angeben|anzugeben|hinterlassen|hinterlasse|ergänzen|ergänze|lautet|verraten|verrate|nachreichen)\b|\b(?:wir|ich)\s(?:\S+\s){0,3}?(?:benötigen|benötige|brauchen|brauche|bräuchten|bräuchte)\b|\b(?:benötigen|benötige|brauchen|brauche|bräuchten|bräuchte)\s(?:wir|ich)\b`,
    'i',
  ),
  phrase(
    'en',
    [],
    String.raw`\b(?:send|post|share|provide|paste|leave|drop|confirm|give\s(?:us|me)|tell\s(?:us|me)|please\sinclude|reply\swith|let\s(?:us|me)\sknow|(?:we|I)(?:'ll|\swill|\swould|'d)?\s(?:need|require)|what(?:'s|\sis|\swas))\b`,
    'i',
  ),
];

/** Fine: asking in the private conversation, pointing to self-service (portal, app), or telling the customer NOT to post it. */
const EXEMPT =
  /\b(?:im|ins)\s(?:Portal|Kundenportal|Kundenkonto|Profil)|in\sder\sApp|\bin\s(?:your|the)\s(?:account|app|portal|profile|settings)|privat|private|\bDM\b|direct\smessage|Direktnachricht|persönliche[nr]?\sNachricht|\b1:1\b|unter\svier\sAugen|nicht\s(?:hier|öffentlich)|keine?\s(?:persönlichen|privaten)\s|(?:posten|teilen|nennen|schreiben|veröffentlichen)\s(?:Sie\s)?(?:[\p{L}-]{1,20}\s){0,4}?(?:nicht|keine?)\b|not\s(?:here|publicly|in\spublic)|(?:don't|do\snot|never|no\sneed\sto)\s(?:[\p{L}-]{1,20}\s){0,2}?(?:post|share|send|include|publish)/iu;

const SENTENCE_END = /[.!?\n](?=\s|$)/g;
const NEXT_SENTENCE_END = /[.!?\n](?=\s|$)/;

function sentenceAround(text: string, start: number, end: number): [number, number] {
  const window = 200;
  const windowStart = Math.max(0, start - window);
  let from = windowStart;
  for (const m of text.slice(windowStart, start).matchAll(SENTENCE_END)) from = windowStart + m.index + 1;
  while (from < start && /\s/.test(text[from]!)) from++;
  const rest = text.slice(end, end + window);
  const stop = rest.search(NEXT_SENTENCE_END);
  return [from, stop < 0 ? end + rest.length : end + stop + 1];
}

const MESSAGE = 'Asks for personal data in public. Open a private conversation and ask there; everyone can read this thread.';
const MESSAGE_DE =
  'Fragt öffentlich nach persönlichen Daten. Öffnen Sie eine private Unterhaltung und fragen Sie dort; diesen Thread kann jede und jeder lesen.';

export function checkPiiRequest(text: string, locale?: Locale): Finding[] {
  const found: Finding[] = [];
  const requests = phrasesFor(REQUEST, locale);
  for (const { pattern } of phrasesFor(REQUESTED_DATA, locale, text)) {
    for (const m of text.matchAll(pattern)) {
      const [from, to] = sentenceAround(text, m.index, m.index + m[0].length);
      const sentence = text.slice(from, to);
      if (!requests.some((r) => r.pattern.test(sentence)) || EXEMPT.test(sentence)) continue;
      if (found.some((f) => f.start === from)) continue;
      found.push({ rule: 'pii-request-in-public', severity: 'error', message: MESSAGE, messageDe: MESSAGE_DE, start: from, end: to });
    }
  }
  return found;
}
