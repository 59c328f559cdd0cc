import { isWordChar, lineBefore } from '../text.js';
import { scanner } from './scan.js';
import type { Candidate, CustomPattern, NumberKind } from './types.js';

/** Words that name the number that follows: "Kundennummer 123456789", "Vertragsnummer: V-2024-77812", "order #4711-2231". */
const REF = String.raw`ref(?:\.|erence|erenz)?`;
/** "Konto" and its abbreviation "Kto.": "Vertragskto", "Vertr.-Kto.", "Kundenkto". */
const KONTO = String.raw`(?:konto|kto\.?)`;
const CUES: readonly [NumberKind, string][] = [
  [
    'customer_number',
    String.raw`(?:broadband|energy|gas|electricity|power|water|mobile|phone|internet|utility|tv)\saccount(?:\s(?:number|no\.?|#))?|customer\scode|(?:service|nutzer|benutzer|kunden)-?konto(?:-?(?:nummer|nr\.?))?|kundenkarte(?:n-?(?:nummer|nr\.?))?|kunden?[\s-]?(?:numm?er|nr\.?(?![a-zäöüß])|id(?![a-zäöüß])|${KONTO}(?:nummer)?)|kunden-?(?:kennung|referenz|code|kennzahl)|kd\.?-?\s?nr\.?|kdnr\.?|k\.-?\s?nr\.?|kd\.?(?=:?\s\d)|knr\.?|kundennr\.?|(?:geschäfts)?partner-?(?:nummer|nr\.?)|geschäftspartner|gp-?nr\.?|mitgl(?:ieds?)?\.?-?\s?(?:nummer|nr\.?)|customer[\s_-]?(?:number|no\.?|nr\.?|id|#|${REF}|account(?:\s(?:number|no\.?))?)|cust\.?\s?(?:#|no\.?|nr\.?|id|number|${REF})|client\s(?:number|no\.?|id|#|${REF})|(?:billing\s)?(?:account|acct\.?|acc\.?)[\s-]?(?:number|num|no\.?|nr\.?|#|id)|a/c\s?(?:no\.?|#)|billing\saccount|(?:account|acct\.?)\s${REF}|member(?:ship)?\s?(?:number|num|no\.?|id|#)|debitor(?:en)?(?:-?(?:nummer|nr\.?))?|(?:user|nutzer|benutzer)[\s-]?(?:id|nummer|nr\.?|number|no\.?)|teilnehmer-?(?:nummer|nr\.?)|abonnenten-?(?:nummer|nr\.?)|abo-?(?:nummer|nr\.?)|login[\s-]?(?:id|nr\.?|nummer|number|no\.?)|(?:player|patron|gamer)[\s-]?(?:id|number|no\.?|#)|subscriber\s(?:number|no\.?|id)|(?:loyalty|rewards?)\s(?:card(?:\s(?:number|no\.?|id))?|number|no\.?|id)|(?:payback|bonus|club|treue|mitglieds)-?karte(?:n-?(?:nummer|nr\.?))?|(?:club|member(?:ship)?|library|store|bonus)\scard(?:\s(?:number|no\.?|#))?|frequent\sflyer\s(?:number|no\.?|id)|vielflieger-?(?:nummer|nr\.?)|(?:meine?|my)\s(?:nummer|nr\.?|number|no\.?|id|konto|account)(?=\s(?:bei\s(?:euch|ihnen|dir)|with\syou|on\syour\ssystem))|(?:konto|account)(?:-?\s?(?:nummer|nr\.?|number|no\.?))?(?=\s(?:bei\s(?:euch|ihnen|dir)|with\syou|on\syour\ssystem))`,
  ],
  [
    'contract_number',
    String.raw`vertrags-?kennung|versicherungsschein(?![\s-]?(?:numm|nr))|vertrags?[\s-]?(?:numm?er|nr\.?|${KONTO}(?:nummer)?|id|${REF})|vertr\.-?\s?(?:nr\.?|${KONTO})|versicherungs-?(?:nummer|nr\.?|schein[\s-]?(?:nummer|nr\.?))|poli[cz]?(?:en|zen)-?(?:nummer|nr\.?)|abonnement-?(?:nummer|nr\.?)|sub(?:scription)?\s(?:number|no\.?|id|#)|contract[\s_]?(?:number|no\.?|nr\.?|id|#|${REF})|(?:plan|tarif)[\s-]?(?:id|number|no\.?|nr\.?|nummer|#)|policy\s(?:number|no\.?|#)|agreement\s(?:number|no\.?|#|${REF})|darlehens-?(?:nummer|nr\.?|konto)|kredit-?(?:nummer|nr\.?|konto)|loan\s(?:number|no\.?|id|ref|account(?:\s(?:number|no\.?))?)|mortgage\s(?:number|no\.?|account(?:\s(?:number|no\.?))?)|leasing-?(?:nummer|nr\.?|vertrag)|lease\s(?:number|no\.?|id)|vsnr\.?|v-?nr\.?|vk-?nr\.?|vk(?=\s\d{4}\s?\d{3})`,
  ],
  [
    'order_number',
    String.raw`bestell[\s-]?(?:numm?er|nr\.?|id)|best\.-?\s?nr\.?|auftrags[\s-]?(?:numm?er|nr\.?|id)|auftragsnr\.?|order[\s_-]?(?:number|nummer|no\.?|nr\.?|id|#|${REF})|po\s?(?:#|number|no\.)|po(?=\s(?:#?\d|[A-Z]{1,4}-\d))|order(?=\s?#)|purchase\s(?:number|no\.?)|buchungs-?(?:nummer|nr\.?|code)|booking\s(?:number|no\.?|id|code|confirmation|${REF})|reservierungs-?(?:nummer|nr\.?)|reservation\s(?:number|no\.?|id|code)|order\sconfirmation(?:\s(?:number|no\.?|#))?|confirmation\s(?:number|no\.?|#)|(?:auftrags|bestell)best(?:ä|ae)tigung`,
  ],
];
/** German compounds end in the cue: "Rahmenvertragsnummer", "Mobilfunkvertrags-Nr.", "Sammelbestellnummer". */
const COMPOUND_TAIL =
  /^(?:vertrags?(?:[\s-]?(?:nummer|nr))?|kunden-?(?:nummer|nr)|partner-?(?:nummer|nr)|bestell-?(?:nummer|nr)|auftrags-?(?:nummer|nr))\.?$/i;

/** Bare nouns ("Bestellung 2024-118823", "my order 55812003") name a number only when it is long enough (no quantities or years). */
const BARE_CUES: readonly [NumberKind, string][] = [
  ['customer_number', String.raw`kunde|kundin|customer|kundenkonto|account|acct\.?|acc(?=\s\d)|abo(?=\s\d)|member(?=\s\d)`],
  ['contract_number', String.raw`verträge|vertrag(?:e?s)?(?=\s?:|\s(?:ist|lautet))|vertrag|contract|police|policy|polizze|agreement`],
  [
    'order_number',
    String.raw`bestellung|bestellt|auftrag(?:e?s)?(?=\s?:|\s(?:ist|lautet))|auftrag|order|reservierung|reservation|buchung|booking`,
  ],
];
const BARE_MIN_DIGITS = 5;
/** The writer's own: "my order", "meine Bestellung", "I'm customer", "ich bin Kunde". */
const CLAIMED_BEFORE = /(?<!\p{L})(?:my|mein\p{L}{0,2}|our|unser\p{L}{0,2}|i'?m|i\sam|ich\sbin|bin)\s$/iu;
/** A quantity, not an id: "my order 1500 pieces", "Bestellung 4471 Stück". */
const QUANTITY_AFTER = /^[^\S\n]?(?:stück|stk\b|pieces|pcs\b|units|items|mal\b|times\b|x\b|teile|exemplare|copies)/iu;
const PREFIXED = /^[A-Z]{1,3}-\d/;
/** After a label that ends in ":" or "#" ("Kundennummer: 123", "Bestellung: B-4711") a shorter number is still one. */
const LABELLED = /^[*_`\s]{0,3}[:#|]/;

/** Where the writer read the number: "Kundennummer laut Brief …", "lt. Rechnung", "auf der Karte", "on my bill". */
const WHERE_READ = String.raw`(?:laut|lt\.|gemäß|gem\.)\s\p{L}{2,20}|(?:auf|in)\s(?:dem|der|meinem|meiner)\s\p{L}{2,20}|(?:on|from|in)\s(?:the|my|your)\s(?:letter|bill|invoice|card|app|screen|e-?mail|portal|statement|account)`;
/** Also markdown and table punctuation around the label or value: "**Kundennummer:** 123", "| Kd-Nr | 123 |", "`123`". */
/**
 * Also a short adverb or aside: "als Kundennummer nur 8812", "number with you (gas, monthly) is …", "Nummer bei euch lautet …",
 * or whose it is in the genitive: "Auftragsnummer der Umzugsbestellung UZ-77130".
 */
const FILLER = String.raw`(?:\s{0,2}(?:[:=#(|*_"'„“‚‘\x60→⇒>-]|ist|is|as|lautet|wäre|die|the|would\sbe|was|war|nr\.?|no\.?|number|nur|only|just|alt|old|neu|new|übrigens|immer\snoch|noch|weiterhin|eigentlich|still|actually|btw|mit\sder\s(?:nummer|nr\.?)|with\s(?:the\s)?(?:number|no\.?)|unter\s(?:der\s)?(?:nummer|nr\.?)|under\s(?:the\s)?(?:number|no\.?)|unter(?:\sder)?|under|bei\s(?:euch|ihnen|dir|mir)|with\syou|for\sme|on\syour\ssystem|being|(?:von|vom|of|for|für)\s(?:meine[mrs]?|my|unsere[mr]?|our|his|her|seine[mr]?|ihre[mr]?)\s\p{L}{2,20}|(?:der|des)\s\p{Lu}\p{L}{2,30}|\([^()\n\d]{1,80}\)|${WHERE_READ})){0,5}\s{0,2}#?\s?`;
/** The number itself: digits with optional letter prefixes and separators, at least four digits overall (checked after). */
const VALUE_CORE = String.raw`(?:[A-Z]{1,4}[-/_]){0,2}(?:[A-Z]{1,4} ?)?\d[\dA-Z]{0,19}(?:[-/. ](?:[A-Z]{1,3}-)?[A-Z]{0,3}\d[\dA-Z]{0,19}){0,4}(?:-[A-Z]{1,3})?`;
const VALUE = String.raw`(${VALUE_CORE})(?![\p{L}\p{N}])`;
const GROUPS = [...CUES.map(([kind, cue]) => `(?<${kind}>${cue})`), ...BARE_CUES.map(([kind, cue]) => `(?<bare_${kind}>${cue})`)];
// Cue words first (a fast scan), then what follows them; a leading look-behind would slow the scan down several times.
const CUE = new RegExp(GROUPS.join('|'), 'gi');
const cues = scanner(CUE);
const CUED_VALUE = new RegExp(FILLER + VALUE, 'iuy');
/**
 * Or a relative clause set off by commas: "Die Kundennummer, die auf meiner Rechnung steht, ist 4711", "the number that
 * is on the letter is …"; or a conditional aside before a colon: "Vertragsnummer, falls ihr die braucht: …".
 */
const RELATIVE_CLAUSE = String.raw`(?:(?:,\s(?:die|der|das|den|which|that)\s[^,\n\d.!?]{1,50},|\s(?:that|which)\s[^,\n\d.!?]{1,40}?)\s(?:ist|is|lautet|was|war)\s|,\s(?:falls|wenn|sofern|if|in\scase)\s[^,;\n\d.!?:]{1,40}:)`;
/**
 * After a full label a few words may come before the value ("Kundennummer (steht auf der Rechnung): 4711",
 * "customer number on my letter is 4711", "Auftragsbestätigung kam mit der Nummer …"), but not a further item of a list ("Vertragsnummer und Telefon: …").
 */
const WORDS_THEN = String.raw`(?:(?:(?![,;|&/]|\s(?:und|and|oder|or|sowie|plus)\s)[^\d\n.!:]){1,40}?(?::|\s(?:ist|is|lautet|was|war)\s|\s(?=mit\sder\s(?:nummer|nr\.?)|with\s(?:the\s)?(?:number|no\.?)))|${RELATIVE_CLAUSE})`;
const LOOSE_VALUE = new RegExp(WORDS_THEN + FILLER + VALUE, 'iuy');
/**
 * After a bare noun, a few words (often a date) and then a number label: "Bestellung vom 3. März, Nr. 4471", "the order placed
 * on 2 May, no. 5512", "zwei Bestellungen aufgegeben, #558210 und #558214".
 */
const BARE_THEN_LABEL = new RegExp(
  String.raw`[^\n!?:;]{1,32}?(?:(?<![\p{L}-])(?:nr\.|no\.|nummer|number)(?:\s(?:war|ist|lautet|was|is))?\s?:?\s?#?|(?<=[\s(,])#)` + VALUE,
  'iuy',
);
/** Other things the words between name: a document, a device, or a company's line ("customer care number", "care line no."). */
const OTHER_LABEL =
  /ticket|thread|beitrag|issue|kommentar|comment|rechnung|invoice|sendung|tracking|\bfall\b|\bcase\b|artikel|\bitem|sku|seri|teil|part\b|model|gerät|device|tel|fon|phone|handy|fax|hotline|helpline|service|support|\bcare\b|\bline\b|\bdesk\b|notruf|zentrale|switchboard|zähler|meter|kunde|customer|vertrag|contract|bestell|order|auftrag/iu;
/** A date's day and month are in range ("12.03.2024", "03/12/24", "2024-03-12"); "44-71-203" is a number, not a date. */
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
const MONTH = String.raw`(?:0?[1-9]|1[0-2])`;
const DATE_LIKE = new RegExp(
  String.raw`^(?:${DAY}[./-]${MONTH}[./-]\d{1,4}|${MONTH}[./-]${DAY}[./-]\d{1,4}|\d{3,4}[./-]${MONTH}[./-]${DAY})$`,
);
/** The number before its label: "PX-20931877 (das ist meine Vertragsnummer)", "77120934, which is my customer no.". */
const VALUE_BEFORE =
  /(?<![\p{L}\p{N}-])((?:[A-Z]{1,4}[-/]){0,2}(?:[A-Z]{1,4} )?[A-Z]{0,4}\d[\dA-Z]{0,19}(?:[-/. ][A-Z]{0,3}\d[\dA-Z]{0,19}){0,4})\s{0,2}[(,–—-]?\s{0,2}(?:that'?s|that\sis|which\sis|is|=|ist|das\sist)?\s{0,2}(?:(?:my|meine?|the|die|our|unsere?)\s(?:\p{L}{2,20}\s)?)?$/u;

/** A further value of the same kind in a list: "Bestellnr 10034 und 10035", "Order IDs: 40551, 40552, 40560". */
const LIST_NEXT = new RegExp(
  String.raw`(?:\s?\([^()\n\d]{1,24}\))?(?:\s?[,;/&+]\s?|\s(?:und|and|sowie|or|oder|bzw\.?)\s)(?:(?:die|the|nr\.?|no\.?)\s)?#?` + VALUE,
  'iuy',
);
/** A plural noun before a list of values: "zwei Bestellungen, 55012 und 55013", "orders: 7710 and 7711". */
const PLURAL = /(?:s|e?n)(?![\p{L}\p{N}])/uy;
/** "…nummern bei euch (4402981 und 4402997)", "accounts with you: …". */
const PLURAL_VALUE = new RegExp(
  String.raw`\s?(?:(?:bei\s(?:euch|ihnen|dir)|with\syou|on\syour\ssystem)\s?)?[:,(]?\s{0,2}#?` + VALUE,
  'iuy',
);

/** The values after a plural ending at `from` ("…nummern 4402981 und 4402997"), when there are at least two. */
function pluralList(text: string, from: number): [number, number][] {
  PLURAL.lastIndex = from;
  if (!PLURAL.test(text)) return [];
  PLURAL_VALUE.lastIndex = PLURAL.lastIndex;
  const first = PLURAL_VALUE.exec(text)?.[1];
  const digits = first?.replace(/\D/g, '').length ?? 0;
  if (!first || digits < BARE_MIN_DIGITS || /[a-z]/.test(first)) return [];
  const rest = listAfter(text, PLURAL_VALUE.lastIndex, digits);
  return rest.length > 0 ? [[PLURAL_VALUE.lastIndex - first.length, PLURAL_VALUE.lastIndex], ...rest] : [];
}

/** Values of similar length that follow `end` as a list. */
function listAfter(text: string, end: number, digits: number): [number, number][] {
  const values: [number, number][] = [];
  for (;;) {
    LIST_NEXT.lastIndex = end;
    const next = LIST_NEXT.exec(text);
    if (!next) return values;
    const value = next[1]!;
    const d = value.replace(/\D/g, '').length;
    if (Math.abs(d - digits) > 1 || d < 4 || DATE_LIKE.test(value)) return values;
    end = LIST_NEXT.lastIndex;
    values.push([end - value.length, end]);
  }
}

/**
 * A value given in reply to a request for it: staff ask ("Und Ihre Kundennummer?", "Could you confirm your customer
 * number?", "> Bitte nennen Sie uns die Vertragsnummer.") and the next lines, or the rest of the sentence
 * ("Sie fragten nach der Auftragsnummer. Die ist …", "asked for my order number, I gave him …"), carry the value.
 */
const REQUEST_BEFORE =
  /(?:fragt\p{L}*\snach|frage\snach|asked\sfor|ask(?:ing|s)?\sfor|wollte|wanted|bräucht\p{L}*|brauch\p{L}*|benötig\p{L}*|need|nenn\p{L}*|durchgeben|confirm|provide|supply|angeb\p{L}*|mitteil\p{L}*|send|schick\p{L}*|give|wie\slautet|what'?s|what\sis)[^.!?\n]{0,40}$/iu;
const POINTER_AFTER = /^\s?(?:(?:steht|is|ist|folgt|follows)?\s?(?:unten|below|darunter|anbei)|(?:bitte|please|pls|plz)[.!]?\s*(?:\n|$))/iu;
const WHICH_BEFORE = /(?:which|welche[rsmn]?|what|was\sfür)\s(?:\p{L}+\s)?$/iu;
/** Who speaks on a line of a dialogue: "Support:", "**Support (Jana):**", "Me:", a quoted line ("> …"). */
const SPEAKER = /^\s*(?:>+|(?:\*\*|__)?[\p{L}@][\p{L} ().@-]{0,30}?(?:\*\*|__)?:(?:\*\*|__)?(?=\s))/u;
/** Values in an answer: capital letter prefixes only ("Klar, W 4471 209", "it's AB7731"), not words before a number. */
const ANSWER_VALUE = new RegExp(
  String.raw`(?<![\p{L}\p{N}\-/.,]|[\p{L}\p{N}]:)(${VALUE_CORE.replaceAll('[A-Z]', '[A-Z]')})(?![\p{L}\p{N}]|[.,:]\d)`,
  'gu',
);
/** Units, and a value cut off ("beginnt mit 8904903200…"), are no answer. */
const NOT_ANSWER_AFTER =
  /^\s?(?:%|€|\$|£|…|\.\.\.|eur\b|euro|usd\b|gb\b|mb\b|kwh\b|uhr\b|min|h\b|tage|days|-?stellig|stellen|digits|characters|zeichen)/iu;
const NOT_ANSWER_BEFORE =
  /(?:[€$£]|tel\p{L}*|phone|handy|mobil\p{L}*|\p{L}*nummer|number|iban|ticket|fall|case|rechnung\p{L}*|invoice|tracking|sendung\p{L}*|ref\p{L}*|vorgang\p{L}*|firmware|version|build|baseband|model\p{L}?|seri\p{L}*|imei|iccid|eid|\bseit|since|vom|from|am|on)[^\p{L}\d\n]{0,3}$/iu;
const ANSWER_LINES = 3;
/** How much of each answer line is read. */
const ANSWER_REACH = 200;

function answerValues(text: string, cueStart: number, cueEnd: number, bare: boolean): [number, number][] {
  const lineStart = text.lastIndexOf('\n', cueStart - 1) + 1;
  const sentenceEnd = /[.!?\n]|$/.exec(text.slice(cueEnd, cueEnd + 160))!;
  const question = text.slice(cueEnd, cueEnd + sentenceEnd.index + 1).endsWith('?');
  const before = text.slice(Math.max(lineStart, cueStart - 80), cueStart);
  if (
    bare
      ? !(question && WHICH_BEFORE.test(before))
      : !question && !REQUEST_BEFORE.test(before) && !POINTER_AFTER.test(text.slice(cueEnd, cueEnd + 16))
  )
    return [];
  const speaker = SPEAKER.exec(text.slice(lineStart, cueStart))?.[0].trim().toLowerCase();
  const values: [number, number][] = [];
  let from = question ? cueEnd + sentenceEnd.index + 1 : cueEnd;
  for (let line = 0; line <= ANSWER_LINES && from < text.length; line++) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    const lineText = text.slice(from, Math.min(to, from + ANSWER_REACH));
    const by = line === 0 ? speaker : SPEAKER.exec(lineText)?.[0].trim().toLowerCase();
    if (line === 0 || speaker === undefined || by !== speaker) {
      for (const m of lineText.matchAll(ANSWER_VALUE)) {
        const value = m[1]!;
        const start = from + m.index;
        const end = start + value.length;
        if (value.replace(/\D/g, '').length < 4 || DATE_LIKE.test(value) || /^(?:19|20)\d\d$/.test(value)) continue;
        if (NOT_ANSWER_AFTER.test(text.slice(end, end + 10)) || NOT_ANSWER_BEFORE.test(text.slice(Math.max(from, start - 16), start)))
          continue;
        values.push([start, end]);
      }
    }
    if (line > 0 && lineText.trim() === '') line--;
    from = to + 1;
    if (values.length > 0 && line >= 1 && by === undefined) break;
  }
  return values;
}

/** Which kind a column header or a reference names: a whole cell or word that is one of the labels above. */
const WHOLE_CUE = new RegExp(String.raw`^(?:${CUES.map(([kind, cue]) => `(?<${kind}>${cue})`).join('|')})$`, 'iu');
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$/;
const WHOLE_VALUE = new RegExp(String.raw`^#?${VALUE}$`, 'iu');

/** The cells of a table row with their offsets, markdown emphasis and code marks trimmed. */
function cells(text: string, from: number, to: number): [number, number][] {
  const found: [number, number][] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i < to && text[i] !== '|') continue;
    let s = start;
    let e = i;
    while (s < e && /[\s*_`]/.test(text[s]!)) s++;
    while (e > s && /[\s*_`]/.test(text[e - 1]!)) e--;
    found.push([s, e]);
    start = i + 1;
  }
  return found;
}

/** A table whose header names the column ("| name | customer no | order no |"): the cells below are such numbers. */
function tableColumns(text: string): [NumberKind, number, number][] {
  if (!text.includes('|--') && !text.includes('| --') && !text.includes('|:-')) return [];
  const found: [NumberKind, number, number][] = [];
  const lines: [number, number][] = [];
  for (let from = 0; from <= text.length;) {
    const to = text.indexOf('\n', from) < 0 ? text.length : text.indexOf('\n', from);
    lines.push([from, to]);
    from = to + 1;
  }
  for (let i = 0; i + 2 < lines.length; i++) {
    const [hs, he] = lines[i]!;
    if (!text.slice(hs, he).includes('|') || !TABLE_RULE.test(text.slice(...lines[i + 1]!))) continue;
    const kinds = cells(text, hs, he).map(([s, e]) => {
      const groups = WHOLE_CUE.exec(text.slice(s, e))?.groups;
      return groups ? (Object.entries(groups).find(([, v]) => v !== undefined)?.[0] as NumberKind | undefined) : undefined;
    });
    if (!kinds.some(Boolean)) continue;
    for (let j = i + 2; j < lines.length && text.slice(...lines[j]!).includes('|'); j++) {
      cells(text, ...lines[j]!).forEach(([s, e], c) => {
        const kind = kinds[c];
        const value = text.slice(s, e);
        if (kind && WHOLE_VALUE.test(value) && value.replace(/\D/g, '').length >= 3 && !DATE_LIKE.test(value)) found.push([kind, s, e]);
      });
    }
  }
  return found;
}

/**
 * A file reference ("Az.: VS 2291/0047", "Ref. 4471-22", "Aktenzeichen …") names a customer, contract or order number
 * when the sentence says which: the nearest such word decides ("… der Versicherung – Az.: …" is a contract).
 */
const REFERENCE = /(?<![\p{L}\p{N}])(?:az\.|aktenzeichen|ref\.|referenz(?:nummer)?|(?:unser|ihr)\szeichen)/giu;
const referencesIn = scanner(REFERENCE);
const KIND_WORDS: readonly [NumberKind, RegExp][] = [
  ['contract_number', /vertrag|versicherung|police|polizze|contract|policy|agreement|lease|insurance|insurer/giu],
  ['order_number', /bestell|auftrag|order|lieferung|purchase/giu],
  ['customer_number', /kunde|kundin|customer|account/giu],
];
const OTHER_REFERENCE = /ticket|vorgang|\bfall\b|\bcase\b|rechnung|invoice|sendung|tracking|incident/iu;

function references(text: string): [NumberKind, number, number][] {
  const found: [NumberKind, number, number][] = [];
  for (const m of referencesIn(text)) {
    CUED_VALUE.lastIndex = m.index + m[0].length;
    const value = CUED_VALUE.exec(text)?.[1];
    if (!value || value.replace(/\D/g, '').length < 4 || DATE_LIKE.test(value)) continue;
    const end = CUED_VALUE.lastIndex;
    const from = Math.max(0, text.lastIndexOf('\n', m.index - 1) + 1, m.index - 80);
    const window = text.slice(from, Math.min(text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end), end + 100));
    if (OTHER_REFERENCE.test(window)) continue;
    let best: [NumberKind, number] | null = null;
    for (const [kind, words] of KIND_WORDS) {
      for (const w of window.matchAll(words)) {
        const distance = Math.abs(from + w.index - m.index);
        if (!best || distance < best[1]) best = [kind, distance];
      }
    }
    if (best) found.push([best[0], end - value.length, end]);
  }
  return found;
}

/**
 * A correction replaces the value before it: "Kdnr 1234567 ist falsch, richtig ist 1234576", "order no 5512, sorry
 * typo, it's 5521", "(alt): 4711, neu: 004711-02". The corrected value takes the kind; the retracted one is dropped.
 */
const CORRECTION = new RegExp(
  String.raw`(?:[^\n\d]{0,40}?(?:falsch|wrong|incorrect|typo|tippfehler|vertippt|verschrieben|sorry|stimmt\snicht|not\sright)[^\n\d]{0,30}?(?:richtig|correct(?:ly)?|right|it'?s|it\sis|gemeint|i\smean|sondern|neu|new)|\s?[,;]?\s?(?:neu|new)\s?:)[^\n\d\p{L}]{0,4}(?:(?:ist|is|wäre|die|the)\s){0,2}` +
    VALUE,
  'iuy',
);

function correction(text: string, end: number): [number, number] | null {
  CORRECTION.lastIndex = end;
  const value = CORRECTION.exec(text)?.[1];
  if (!value || value.replace(/\D/g, '').length < 4 || DATE_LIKE.test(value)) return null;
  return [CORRECTION.lastIndex - value.length, CORRECTION.lastIndex];
}

/**
 * Registered under a number with the company: "bin bei euch unter 5510098 gemeldet", "bei Ihnen als K 4471 geführt",
 * "I'm listed with you under 88120045".
 */
const REGISTERED = new RegExp(
  String.raw`(?<![\p{L}])(?:unter|als|under|as)\s(?:(?:der|the)\s)?(?:(?:nummer|nr\.?|number|no\.?)\s)?` +
    VALUE +
    String.raw`\s(?:bei\s(?:euch|ihnen|dir)\s|with\syou\s|in\syour\ssystem\s)?(?:gemeldet|geführt|registriert|angemeldet|gelistet|gespeichert|hinterlegt|erfasst|registered|listed|stored|saved|on\s(?:file|record)|kunde|kundin|customer)(?![\p{L}])`,
  'giu',
);
const WITH_YOU = /bei\s(?:euch|ihnen|dir)|with\syou|in\syour\ssystem|on\s(?:file|record)/iu;
/** "Bestellnummer des Artikels laut Katalog: …", "catalogue order number …": an article's number, no one's order. */
const CATALOGUE = /katalog|catalog|artikel|article|\bitem\b|product|produkt/iu;

/** A letter prefix set off by a space ("VN 4419 2203") is part of the number only when typed in capitals ("order of 15000" is not). */
function lowercasePrefix(value: string): boolean {
  const spaced = /^[-/A-Za-z]*?([A-Za-z]{1,4}) \d/.exec(value);
  return spaced !== null && spaced[1] !== spaced[1]!.toUpperCase();
}

/**
 * A number that opens a post as its subject ("7723451: Internet seit Montag tot", "5521903 - locked out of account")
 * is how customers head a message to their provider: their customer number. Digits only, six or more, no trunk 0
 * ("030 1234 5678 - ruft mich an" is a phone number).
 */
const SUBJECT_NUMBER = /^\s{0,3}([1-9]\d{5,11}|[1-9]\d{2,3}(?: \d{3,4}){1,2})(?::|\s[-–—])\s+\p{L}/u;
const BOOKING = /^(?:buchung|booking|reserv)/i;
const PNR = /^(?=[A-Z\d]*\d)(?=[A-Z\d]*[A-Z])[A-Z\d]{6}$/;
/** After a full order or booking label, six capital letters are a booking code too: "booking ref QHYIVS", "my order no. is BFBQRR". */
const LETTER_CODE = new RegExp(FILLER + String.raw`([A-Za-z]{6})(?![\p{L}\p{N}])`, 'iuy');
/** A long number named the order right after it: "2041178 is the order", "55120934 is my order". */
const VALUE_IS_THE = /(?<![\p{L}\p{N}.,/-])(\d{5,12})\s(?:is|ist)\s(?:the|my|die|meine)\s$/u;

/** Up to `length` characters before `index`, from the start of their clause. */
function clauseBefore(text: string, index: number, length: number): string {
  const before = text.slice(Math.max(0, index - length), index);
  return before.slice(before.search(/[^,;.!?\n]*$/));
}

/**
 * Several labels that share their values, in order: "Kunden-/Vertragsnummer: 4471190 / 2100887", "Kunden- und Vertragsnr.
 * 100234 bzw. 500991", "Order no. / invoice no.: 77129 / RE-…", "Name, Geburtsdatum, Kundennr: Jonas Weber, 3.7.1990, 220 431".
 * Each label is a word stem, a German truncated stem ("Kunden-", "Bestell-") or a stem with a number word; a value may
 * say its own kind in brackets ("7700 4471 (Vertrag)"). Labels of other data (invoice, name, phone) take a value too.
 */
type ListKind = NumberKind | 'dob' | 'other';
const LIST_STEMS: readonly [ListKind, string][] = [
  ['customer_number', String.raw`kunden?|kd\.?|customer|cust\.?|client|account|acct\.?|mitglieds?`],
  ['contract_number', String.raw`vertrags?|vertr\.?|contract|polic[ey]|versicherungs`],
  ['order_number', String.raw`bestell|best\.|bestellungs?|auftrags?|orders?|po`],
  ['dob', String.raw`geburtsdatum|geb\.?-?dat(?:um)?\.?|date\sof\sbirth|birth\s?date|dob`],
  [
    'other',
    String.raw`rechnungs?|invoice|ticket|tracking|sendungs?|name|vorname|nachname|telefon|tel\.?|phone|handy|mobil|e-?mail|iban|adresse|address|zähler|meter|fall|case`,
  ],
];
const LIST_NUMBER_WORD = String.raw`(?:[\s-]?(?:nummern|nummer|nr\.?|numbers|number|nos?\.|ids?|#)(?![\p{L}]))`;
const LIST_ITEM = String.raw`(?:${LIST_STEMS.map(([, stem]) => stem).join('|')})(?:${LIST_NUMBER_WORD}|-(?=\s?[/,&]|\s(?:und|and|bzw|oder|or|sowie)))?`;
const LIST_JOIN = String.raw`(?:\s?[/,&+]\s?|\s(?:und|and|bzw\.?|oder|or|sowie)\s)`;
const LABEL_LIST = new RegExp(
  String.raw`${LIST_ITEM}(?:${LIST_JOIN}${LIST_ITEM}){1,3}(?![\p{L}\p{N}])(?:\s[^\n:\d]{1,40}?:|\s?:)?\s{0,2}`,
  'giu',
);
const labelListsIn = scanner(LABEL_LIST);
const LIST_ITEMS = new RegExp(String.raw`(?<![\p{L}])(?:${LIST_ITEM})`, 'giu');
const LIST_ITEM_KIND = new RegExp(LIST_STEMS.map(([kind, stem]) => `(?<${kind}>${stem})`).join('|'), 'iuy');
/** Between values: " / ", ", ", " und ", " bzw. ". The values end at a dash, a sentence end or the line's end. */
const VALUE_SEPARATOR = /\s\/\s|\/(?=\d)|[,;]\s|\s(?:und|and|bzw\.?|oder|or|&)\s/iu;
const VALUES_END = /\s[–—-]\s|(?<![\s(](?:bzw|nr|no|ca|vs))[.!?](?:\s|$)|\n/iu;
const NOTE = /\s?\(([^()\n]{1,20})\)$/u;
const NOTE_KIND: readonly [NumberKind, RegExp][] = [
  ['contract_number', /^(?:vertrag|contract|police|policy)/iu],
  ['customer_number', /^(?:kunde|customer|account|konto)/iu],
  ['order_number', /^(?:bestellung|auftrag|order)/iu],
];
const LIST_DATE = /^\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)?\d\d$|^\d{4}-\d\d-\d\d$|^\d{1,2}\/\d{1,2}\/(?:19|20)?\d\d$/;

function labelLists(text: string): { found: [NumberKind | 'dob', number, number][]; labels: [number, number][] } {
  const found: [NumberKind | 'dob', number, number][] = [];
  /** The label lists whose values were read: their words name no further value. */
  const labels: [number, number][] = [];
  for (const m of labelListsIn(text)) {
    // Checked here, not as a leading look-behind, which would slow the scan down.
    if (isWordChar(text[m.index - 1]) || /\d/.test(text[m.index - 1] ?? '')) continue;
    const kinds: ListKind[] = [];
    for (const item of m[0].matchAll(LIST_ITEMS)) {
      LIST_ITEM_KIND.lastIndex = item.index;
      const groups = LIST_ITEM_KIND.exec(m[0])?.groups ?? {};
      kinds.push(Object.entries(groups).find(([, v]) => v !== undefined)![0] as ListKind);
    }
    if (!kinds.some((k) => k !== 'other' && k !== 'dob')) continue;
    const from = m.index + m[0].length;
    const rest = text.slice(from, from + 160);
    const tail = rest.slice(0, VALUES_END.exec(rest)?.index ?? rest.length);
    const values: [number, number][] = [];
    let at = 0;
    while (values.length < kinds.length && at <= tail.length) {
      const sep = VALUE_SEPARATOR.exec(tail.slice(at));
      const to = sep ? at + sep.index : tail.length;
      values.push([at, to]);
      at = sep ? to + sep[0].length : tail.length + 1;
    }
    if (values.length !== kinds.length) continue;
    const assigned: [NumberKind | 'dob', number, number][] = [];
    for (let i = 0; i < kinds.length; i++) {
      let [s, e] = values[i]!;
      let value = tail.slice(s, e).trim();
      s += tail.slice(s, e).indexOf(value);
      let kind = kinds[i]!;
      const note = NOTE.exec(value);
      if (note) {
        value = value.slice(0, note.index);
        kind = NOTE_KIND.find(([, re]) => re.test(note[1]!))?.[0] ?? kind;
      }
      e = s + value.length;
      if (kind === 'other') {
        if (value.length === 0 || value.length > 40) break;
      } else if (
        kind === 'dob' ? !LIST_DATE.test(value) : !WHOLE_VALUE.test(value) || value.replace(/\D/g, '').length < 3 || DATE_LIKE.test(value)
      ) {
        break;
      } else assigned.push([kind, from + s, from + e]);
      if (i === kinds.length - 1) {
        found.push(...assigned);
        labels.push([m.index, from]);
      }
    }
  }
  return { found, labels };
}

/** A login or user name with digits: "My login is dmorgan_8812", "Benutzername: anna.k1988". */
const LOGIN_NAME =
  /(?<![\p{L}])(?:login(?:\s?name)?|user\s?name|benutzer-?name|nutzername|anmeldename)\s?(?::|\s(?:is|ist|lautet))\s{1,2}(\p{L}[\p{L}._-]{2,29}\d{2,8})(?![\p{L}\p{N}@])/giu;

export function detectCuedNumbers(text: string): Candidate[] {
  const found: Candidate[] = [];
  const push = (kind: NumberKind | 'dob', start: number, end: number) => {
    if (!found.some((c) => start < c.end && c.start < end))
      found.push({ kind, start, end, rule: kind === 'dob' ? 'dob-list' : `${kind.replace('_', '-')}-cue` });
  };
  const lists = labelLists(text);
  for (const [kind, start, end] of lists.found) push(kind, start, end);
  for (const m of cues(text)) {
    if (lists.labels.some(([start, end]) => start <= m.index && m.index < end)) continue;
    if (isWordChar(text[m.index - 1]) && !COMPOUND_TAIL.test(m[0])) continue;
    const cue = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)![0];
    const bare = cue.startsWith('bare_');
    const kind = cue.replace('bare_', '') as NumberKind;
    const cueEnd = m.index + m[0].length;
    // A longer key goes on: "order_id_seq: …" names no order.
    if (text[cueEnd] === '_') continue;
    // A plural label before a list ("Vertragsnummern 5512883 und 5512884"): its ending is no letter prefix of the value.
    const list = pluralList(text, cueEnd);
    if (list.length > 1) {
      for (const [start, end] of list) push(kind, start, end);
      continue;
    }
    let pattern = CUED_VALUE;
    pattern.lastIndex = cueEnd;
    let value = pattern.exec(text)?.[1];
    if (value === undefined && !bare) {
      pattern = LOOSE_VALUE;
      pattern.lastIndex = cueEnd;
      value = pattern.exec(text)?.[1];
    }
    // "Bestellung vom 3. März, Nr. 4471": the date right after the noun is not its number; a number label further on may be.
    if (bare && (value === undefined || DATE_LIKE.test(value) || lowercasePrefix(value))) {
      BARE_THEN_LABEL.lastIndex = cueEnd;
      const later = BARE_THEN_LABEL.exec(text);
      if (later && !OTHER_LABEL.test(later[0].slice(0, later[0].length - later[1]!.length))) {
        pattern = BARE_THEN_LABEL;
        value = later[1];
      }
    }
    if (value === undefined && kind === 'order_number') {
      LETTER_CODE.lastIndex = cueEnd;
      const code = bare ? undefined : LETTER_CODE.exec(text)?.[1];
      if (code && code === code.toUpperCase()) {
        push(kind, LETTER_CODE.lastIndex - code.length, LETTER_CODE.lastIndex);
        continue;
      }
      const named = bare ? VALUE_IS_THE.exec(text.slice(Math.max(0, m.index - 24), m.index)) : null;
      if (named) {
        const start = m.index - named[0].length;
        push(kind, start, start + named[1]!.length);
        continue;
      }
    }
    if (value === undefined) {
      PLURAL.lastIndex = cueEnd;
      if (PLURAL.test(text)) {
        PLURAL_VALUE.lastIndex = PLURAL.lastIndex;
        const first = PLURAL_VALUE.exec(text)?.[1];
        const digits = first?.replace(/\D/g, '').length ?? 0;
        const rest = first && digits >= BARE_MIN_DIGITS ? listAfter(text, PLURAL_VALUE.lastIndex, digits) : [];
        if (first && rest.length > 0) {
          push(kind, PLURAL_VALUE.lastIndex - first.length, PLURAL_VALUE.lastIndex);
          for (const [start, end] of rest) push(kind, start, end);
          continue;
        }
      }
      const before = bare ? null : VALUE_BEFORE.exec(text.slice(Math.max(0, m.index - 72), m.index));
      if (before && before[1]!.replace(/\D/g, '').length >= BARE_MIN_DIGITS && !DATE_LIKE.test(before[1]!)) {
        const start = m.index - before[0].length;
        push(kind, start, start + before[1]!.length);
        continue;
      }
      for (const [start, end] of answerValues(text, m.index, cueEnd, bare)) push(kind, start, end);
      continue;
    }
    if (lowercasePrefix(value)) continue;
    if (kind === 'order_number' && CATALOGUE.test(clauseBefore(text, m.index, 24) + text.slice(m.index, pattern.lastIndex))) continue;
    const digits = value.replace(/\D/g, '').length;
    // A booking reference is six letters and digits ("Booking reference QX4T7M", "Buchungsnummer FW7K2Q").
    if (kind === 'order_number' && BOOKING.test(m[0]) && PNR.test(value)) {
      push(kind, pattern.lastIndex - value.length, pattern.lastIndex);
      continue;
    }
    const labelled = LABELLED.test(text.slice(cueEnd, cueEnd + 3));
    // A bare "Kunde" names a number only as a label ("Kunde: 4711") or when the number is long ("customer 48812093").
    // "account" is also a verb and a plain noun ("the account was 4410992 days old"): only "my/our/on account …" or a
    // letter-prefixed value ("account EIR-7731902") names one;
    // the abbreviation "acct" names nothing else.
    const mine =
      /(?<!\p{L})(?:my|mein|our|on)\s(?:(?:real|actual|right|correct|richtige|eigentliche|echte|old|new|alte|neue)\s)?$/iu.test(
        text.slice(Math.max(0, m.index - 16), m.index),
      ) || /^[\s>*-]*$/.test(lineBefore(text, m.index, 16));
    // Abbreviations ("acct", "Abo") name nothing but an account, so five digits will do; so do four when the writer
    // calls the noun theirs ("I'm customer 8812", "ich bin Kunde 4471", "meine Bestellung 2291").
    const abbreviated = /^(?:acc|abo)/i.test(m[0]);
    const claimed = bare && CLAIMED_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index));
    if (bare && QUANTITY_AFTER.test(text.slice(pattern.lastIndex, pattern.lastIndex + 12))) continue;
    if (
      bare &&
      cue === 'bare_customer_number' &&
      !labelled &&
      (digits < (claimed ? 4 : abbreviated ? BARE_MIN_DIGITS : 6) || (/^account/i.test(m[0]) && !mine && !PREFIXED.test(value)))
    )
      continue;
    // A letter prefix set off by a hyphen ("Auftrag A-4471") shapes an id, not a quantity.
    const minDigits = bare ? (labelled || claimed || PREFIXED.test(value) ? 4 : BARE_MIN_DIGITS) : labelled ? 3 : 4;
    if (bare && NOT_ANSWER_AFTER.test(text.slice(pattern.lastIndex, pattern.lastIndex + 10))) continue;
    if (digits < minDigits || DATE_LIKE.test(value) || (bare && /^(?:19|20)\d\d$/.test(value))) continue;
    const end = pattern.lastIndex;
    const corrected = correction(text, end);
    if (corrected) {
      push(kind, ...corrected);
      continue;
    }
    push(kind, end - value.length, end);
    for (const [start, next] of listAfter(text, end, digits)) push(kind, start, next);
  }
  if (WITH_YOU.test(text))
    for (const m of text.matchAll(REGISTERED)) {
      const sentence = text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 40);
      const value = m[1]!;
      if (!WITH_YOU.test(sentence) || value.replace(/\D/g, '').length < 5 || DATE_LIKE.test(value)) continue;
      const start = m.index + m[0].indexOf(value, m[0].search(/\s/));
      push('customer_number', start, start + value.length);
    }
  const subject = SUBJECT_NUMBER.exec(text);
  if (subject) {
    const start = subject.index + subject[0].indexOf(subject[1]!);
    push('customer_number', start, start + subject[1]!.length);
  }
  if (/login|name/i.test(text))
    for (const m of text.matchAll(LOGIN_NAME)) {
      const start = m.index + m[0].length - m[1]!.length;
      push('customer_number', start, start + m[1]!.length);
    }
  for (const [kind, start, end] of tableColumns(text)) push(kind, start, end);
  if (text.includes('.') || /aktenzeichen|referenz|zeichen/i.test(text))
    for (const [kind, start, end] of references(text)) push(kind, start, end);
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
