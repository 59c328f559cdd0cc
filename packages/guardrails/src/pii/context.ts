import { lineAfter, lineBefore } from '../text.js';

/**
 * A value shown as a sample, format, placeholder or test value is no one's, whatever its kind: "z. B. +49 170 …",
 * "Platzhalter in der Doku: „Kundennummer: 1234…“", "something like jo@example.org", "… (dummy)",
 * "'Customer ID: 5550…' as an example", "… is obviously made up", "… – das ist doch eine Test-IBAN".
 */
const SAMPLE_WORD = String.raw`z\.\s?b\.|e\.g\.|(?:zum\s)?beispiel(?:nummer|wert|werte|daten|iban|karte|adresse)?|example|(?<!-)format|pattern|muster(?:nummer|karte|ausweis|brief|formular)?|dummy|fake|sample|placeholder|platzhalter|something\slike|so\set(?:was|wa)\swie|test[\s-]?(?:karte|kreditkarte|card|nummer|number|iban|daten|data|wert|value)|test[\s-]?(?:visa|amex|master\p{L}*|maestro|iban|ssn)|sandbox|staging|(?:for|zum)\stest(?:ing|en)|(?:help|docs?|documentation)\spage|hilfeseite|(?:aus|in)\sder\sdoku(?:mentation)?`;
/** The sample word counts up to the value within the sentence, unless the writer calls the value theirs ("Example: my order …"). */
const SAMPLE_BEFORE = new RegExp(
  String.raw`(?<![@./\p{L}\d])(?:${SAMPLE_WORD})(?![@.\p{L}\d])(?:(?![.!?]\s)(?!(?<!\p{L})(?:my|mein\p{L}{0,2}|ich)(?!\p{L}))[^\n]){0,40}$`,
  'iu',
);
/** Right after the value, in brackets: "(Beispiel)", "[dummy]". */
const BRACKETED = String.raw`[([]\s?(?:z\.\s?b\.|e\.g\.|beispiel|example|dummy|fake|sample|muster|placeholder|platzhalter|fiktiv|fictional|made[\s-]up)`;
/**
 * A few words on: "… ist natürlich fiktiv", "… as an example", "… not a real one", "… bitte nicht wörtlich übernehmen", "… aus dem
 * Beispiel-Formular", "… from the sample letter", "…, 12345 Musterstadt aus dem Beispiel", "… from the tutorial".
 */
const SAID_SAMPLE = String.raw`(?:[\p{L}\d']+[\s,]+){0,4}?(?:made[\s-]up|fiktiv|fictional|erfunden|ausgedacht|(?:as|als)\s(?:an?\s|eine?\s|the\s|die\s|der\s)?(?:[\p{L}-]+\s){0,2}?(?:example|beispiel|sample|muster|vorlage|placeholder|platzhalter|test[\s-]?(?:[\p{L}-]+\s)?(?:card|karte|number|nummer|value|wert|iban))|not\sa\sreal|kein(?:e|en)?\secht|nicht\swörtlich|(?:example|beispiel)\sonly|(?:aus|von|vom|in|im|from|on|in)\s(?:dem|der|den|einem|einer|the|an?|your|eurem|eurer|ihrem|ihrer)\s(?:beispiel|muster|example|sample|demo|specimen|tutorial|anleitung)[\p{L}-]*|(?:on|in|auf|im|for|für)\s(?:the\s|der\s|dem\s|die\s|your\s|eurer\s)?(?:test|sandbox)[\s-]?(?:page|seite|mode|modus|environment|umgebung|checkout|shop)|(?:in|im)\s(?:test|sandbox)[\s-]?mod(?:e|us))`;
/** "… – das ist doch eine Test-IBAN", "… isn't that the standard test IBAN?", "(that's the dummy value in their tests)". */
const CALLED_TEST = String.raw`(?:[\p{L}']+\s){0,2}?(?:is|ist|isn'?t\sthat|ist\sdas|das\sist|(?:that|it|this)['’]s|(?:that|it|this)\sis)\s(?:doch\s|nur\s|just\s|only\s|obviously\s|clearly\s|probably\s|natürlich\s|wohl\s|offenbar\s|offensichtlich\s|the\s|die\s|eine?\s|an?\s|standard[\s-]?)*(?:test|beispiel|example|sample|dummy|muster|platzhalter|placeholder)[\s-]?\p{L}*`;
/** In apposition, naming the value a sample: "…, der Standard-Beispiel-IBAN aus jedem Tutorial", "…, the usual test number" (not "…, die Test-Buchung kam nicht an"). */
const APPOSITION = String.raw`(?<=,\s?)(?:der|die|das|the|a|an|eine?|einer)\s(?:(?:standard|übliche\p{L}*|bekannte\p{L}*|usual|well-known|common|known)[\s-])?(?:test|beispiel|example|sample|dummy|muster)[\s-]?(?:iban|nummer|number|karte|card|wert|value|adresse|address|id)(?!\p{L})`;
const SAMPLE_AFTER = new RegExp(String.raw`^[^\n\p{L}\d]{0,6}(?:${BRACKETED}|${SAID_SAMPLE}|${CALLED_TEST}|${APPOSITION})`, 'iu');
/** The writer asks later in the sentence whether the values are placeholders: "… und Vertragsnummer 98765432 – sind das Platzhalter?". */
const ASKED_PLACEHOLDER =
  /^[^\n.!?]{0,60}(?<!\p{L})(?:are|sind|is|ist)\s(?:those|these|they|that|this|it|das|die|diese|dies|es)\s(?:(?:just|only|nur|bloß|real|echte?|wirklich)\s)?(?:placeholders?|platzhalter|samples?|beispiele?|examples?|dummys?|dummies|musterwerte|testwerte|test\s(?:values|numbers))\?/iu;

export function isSample(text: string, start: number, end: number): boolean {
  return (
    SAMPLE_BEFORE.test(lineBefore(text, start, 48)) ||
    SAMPLE_AFTER.test(lineAfter(text, end, 48)) ||
    ASKED_PLACEHOLDER.test(lineAfter(text, end, 100))
  );
}

/**
 * The writer says an e-mail address is not theirs: "… steht im Screenshot der Anleitung, nicht meine Adresse",
 * "… is in your guide, not my email". Only for e-mail: "not mine" further on in a post often means something else.
 */
const DISOWNED_MAIL_AFTER =
  /^[^\n\d@]{0,60}?(?<!\p{L})(?:nicht|not)\s(?:meine?|my)\s(?:e-?mail-?)?(?:adresse|address|e-?mail|mail)(?!\p{L})/iu;

/**
 * A company's own numbers and mailboxes are no one's personal data, nor an address the writer disowns: the support line the writer asks about ("Is +44 … your official
 * support number?", "… steht auf eurer Website als Kundenservice", "… – that's their billing line") and a company's tax number ("Steuernummer der Firma").
 */
const COMPANY_PHONE_AFTER =
  /^[^\n]{0,100}?(?:(?:your|eure[rnm]?|ihre[rnm]?|euer)\s(?:official\s|offizielle[rn]?\s)?(?:support|service|hotline|kundenservice|kundendienst|help\s?desk)|(?:auf|on)\s(?:eurer|ihrer|your)\s(?:website|webseite|homepage|contact\spage|kontaktseite)|(?:ist\sdas|is\sthis|is\sthat)\s(?:wirklich|really)\s(?:euer|eure|ihr|you|your)|(?:that'?s|that\sis|it'?s|das\sist)\s(?:their|the|die|deren|eure|your)\s(?:(?:billing|support|service|sales|customer\s\p{L}+|main|office|business|fault|repair)\sline|hotline|helpline|switchboard|servicenummer|service\snumber|zentrale))/iu;
/** A company's mailbox named as such in the sentence before it: "Support-Adresse laut Impressum: …", "the support email on your website is …". */
const COMPANY_MAIL_BEFORE =
  /(?:(?:support|service|kundenservice|kundendienst|kontakt|contact|help\s?desk)[-\s]?(?:adresse|address|e-?mail|mail)|impressum|imprint|(?:auf|on)\s(?:der|eurer|ihrer|deren|your|the|their)\s(?:website|webseite|homepage|site|contact\spage|kontaktseite))[^.!?\n]{0,40}$/iu;
/**
 * A department's mailbox ("support@…", "datenschutz@…", "billing@…", "no-reply@…", "ticket-41556@…", "alerts@…", "shop-sicherheit@…") is a company's, not a person's, unless
 * the writer gives it as where to reach them ("schreibt mir an …", "my address is …").
 */
const ROLE_MAILBOX =
  /^(?:[\p{L}\d]+[-_.])?(?:tickets?|reply|replies|case|alerts?|notifications?|notify|system|bounces?|sicherheit|monitoring|jira|jenkins|github|gitlab|git|root|cron|daemon|bot|support|billing|dpo|datenschutz|privacy|kundenservice|customer-?service|customer-?care|service|help|hilfe|helpdesk|press|presse|no-?reply|do-?not-?reply|complaints|beschwerde|abuse|security|sales|vertrieb|rechnung|invoices?|careers?|karriere|bewerbung(?:en)?|jobs|legal|compliance|postmaster|hostmaster|webmaster|admin|newsletter|marketing|orders?|bestellung(?:en)?|contracts?|vertrag|vertr(?:ä|ae)ge|team|office|buchhaltung|accounts)(?:[._+-][\p{L}\d-]+)?@/iu;
/** … and it is the sender, whatever the sentence says of the writer: "Support emailed me from help@…", "die Mail kam von service@…". */
const SENT_FROM_BEFORE = /(?<!\p{L})(?:from|von|vom)\s$/iu;
const ADDRESSED_TO_ME = /(?<!\p{L})(?:mir|mich|me|my|mein\p{L}{0,2})(?!\p{L})/iu;
const FIRST_PERSON = /(?<!\p{L})(?:ich|mich|mir|mein\p{L}{0,2}|me|my)(?!\p{L})|(?<!\p{L})I(?:'m)?(?!\p{L})/iu;
/** A company's identifier named so before it ("Steuernummer der Firma: …") or after it ("… der Firma", "… of the company"). */
const COMPANY_BEFORE = /(?:firma|firmen|unternehmens?|company|business|gmbh|verein|impressum|imprint)[^\n\d]{0,30}$/iu;
const COMPANY_AFTER =
  /^\s?(?:der|des|unserer|unseres|of\s(?:the|our))\s(?:firma|gmbh|unternehmens|company|business|vereins?|praxis|kanzlei)(?!\p{L})/iu;

/**
 * A company's address: after its legal form ("Stadtwerke Nordheim GmbH · Hafenstraße 1 · …", "BrightFibre Ltd, 1 Canal
 * Wharf, …"), in an imprint, or named as the company's office, shop, branch, returns or complaints address ("Unsere
 * Filiale Zürich: …", "Our head office is at …", "Returns go to: …", "Rücksendungen bitte an unser Retourenlager: …"),
 * labelled as a shop's right before it ("Store address: …", "Filiale Köln, …"), or said to be public right after it ("(das ist die Praxis, öffentlich)").
 */
const LEGAL_FORM_BEFORE =
  /(?<!\p{L})(?:gmbh|ag|ltd|plc|inc|llc|kg|ohg|e\.\s?v|co)\.?(?!\p{L})[^\n\p{L}]{1,4}(?:[^\n,·|]{1,40}[,·|]\s{0,2})?$/iu;
const COMPANY_ADDRESS_BEFORE = new RegExp(
  String.raw`(?:impressum|imprint|registered\soffice|head\s?office|headquarters|hauptsitz|firmensitz|geschäftssitz|(?:unser\p{L}{0,2}|our)\s(?:\p{L}+\s)?(?:filiale|shop|store|kundencenter|service-?center|retourenlager|branch|warehouse|repair\spartner)|(?:your|euer|eure[rnms]?|ihr\p{L}{0,2})\s(?:\p{L}+\s)?(?:office|büro|filiale|shop|store|branch|warehouse|lager)|kundencenter|(?:abholung|pick-?up|collect(?:ion)?)\s(?:in|at|from|aus)\s(?:der\s|the\s)?(?:filiale|branch|store|shop)|sold\sby|verkauft\s(?:von|durch)|(?:anschrift|adresse|address)\s(?:der|des|of\sthe)\s(?:firma|unternehmens|company)|(?:firma|firmen|geschäfts|company|business)\p{L}*[^\n]{0,3}(?:anschrift|adresse|address)|returns?\s(?:go|centre|center|address|department)|complaints?\s(?:must|should|go|to|department)|beschwerden?\s(?:bitte|an)|ombudsman|retouren\p{L}*|rücksendung\p{L}*|widerruf\p{L}*|kundenservice|kundendienst|customer\s(?:service|care)|service-?team|support-?team)[^\n]{0,80}$`,
  'iu',
);

/**
 * A line that opens with one of the company's places: "Unsere Filiale: Peerdesk Shop, Königstraße 27, …, Tel. …", "Our
 * store: …", "Head office: Peerdesk Inc., …". Numbers on it are the company's unless the writer speaks of themselves.
 */
export const COMPANY_PLACE_LINE =
  /^[^\S\n]*(?:(?:unser\p{L}{0,2}|our)\s(?:\p{L}+\s)?(?:filiale|shop|store|branch|büro|office|kundencenter)|head\s?office|headquarters|registered\soffice|hauptsitz|firmensitz|geschäftssitz|zentrale)\s?:/iu;

/** In a team's signature: under a sign-off and a line naming the team ("Viele Grüße\nJonas vom Peerdesk-Support\nTel. …"). */
export const SIGNED_BY_TEAM =
  /(?:grü(?:ß|ss)e|grü(?:ß|ss)en|gruß|regards|cheers|sincerely|best|thanks)[^\n]{0,4}\n(?:[^\n]{0,60}\n)?[^\n]{0,60}(?:team|support|kundenservice|customer\s(?:care|service))[^\S\n]*\n[^\n]{0,48}$/iu;
/** A company's letterhead or footer line goes on after the address with its mailbox, website, hotline or register: "… · 36037 Fulda · service@…". */
const COMPANY_LINE_AFTER =
  /^[^\n\p{L}\d]{0,4}(?:[^\n]{0,40}[·|,]\s?)?(?:(?:support|service|info|kontakt|contact|kundenservice|hello|mail)@|www\.|https?:|hotline|hrb|ust-?id|vat\sno|registered\sin)/iu;
/** A shop's or branch's address labelled so right before it: "Store address: …", "Filialadresse: …", "Filiale Köln, …". */
const STORE_ADDRESS_BEFORE =
  /(?:(?:filial|store|shop|branch)\p{L}*[^\S\n]?(?:anschrift|adresse|address)\s?:|(?:filiale|niederlassung|geschäftsstelle)\s\p{Lu}[\p{L}-]+,)\s?$/iu;
/** The writer says right after it that the address is public: "(das ist die Praxis, öffentlich)", "(our shop, publicly listed)". */
const PUBLIC_AFTER = /^\s?\([^()\n]{0,40}(?<!\p{L})(?<!nicht\s|not\s)(?:öffentlich|public(?:ly\slisted)?)(?!\p{L})[^()\n]{0,20}\)/iu;

/** The company's name with its legal form right before the address: "an Peerdesk GmbH, Postfach …", "to Fennwatt Ltd, 1 Canal Wharf …". */
const LIVES_THERE = /(?<!\p{L})(?:wohn\p{L}*|leb(?:e|en|t)|live[sd]?|living|stay(?:ing)?)(?!\p{L})/iu;
const LEGAL_FORM_RIGHT_BEFORE = /(?<!\p{L})(?:gmbh|ag|ltd|plc|inc|llc|kg|ohg|e\.\s?v|co|s\.?a|b\.?v|s\.?r\.?l)\.?\s?[,·|:]?\s{0,2}$/iu;

export function isCompanys(text: string, kind: string, start: number, end: number): boolean {
  if (kind === 'address') {
    const before = lineBefore(text, start, 120);
    // Whoever writes to it, an address right after a company's name is the company's, unless someone lives there
    // ("Ich wohne jetzt bei der Agentur: Kreativ GmbH, …").
    if (LEGAL_FORM_RIGHT_BEFORE.test(before) && !LIVES_THERE.test(before)) return true;
    if (FIRST_PERSON.test(before)) return false;
    return (
      LEGAL_FORM_BEFORE.test(before) ||
      COMPANY_ADDRESS_BEFORE.test(before) ||
      STORE_ADDRESS_BEFORE.test(before) ||
      SIGNED_BY_TEAM.test(text.slice(Math.max(0, start - 200), start)) ||
      COMPANY_LINE_AFTER.test(lineAfter(text, end, 80)) ||
      PUBLIC_AFTER.test(lineAfter(text, end, 80))
    );
  }
  if (kind === 'phone') return COMPANY_PHONE_AFTER.test(text.slice(end, end + 120));
  if (kind === 'person_id') return COMPANY_BEFORE.test(lineBefore(text, start, 48)) || COMPANY_AFTER.test(lineAfter(text, end, 32));
  if (kind === 'email') {
    if (DISOWNED_MAIL_AFTER.test(lineAfter(text, end, 80))) return true;
    const before = lineBefore(text, start, 64);
    const sentence = before.slice(before.search(/[^.!?]*$/));
    if (ROLE_MAILBOX.test(text.slice(start, end)) && (!ADDRESSED_TO_ME.test(sentence) || SENT_FROM_BEFORE.test(sentence))) return true;
    return COMPANY_MAIL_BEFORE.test(sentence) && !FIRST_PERSON.test(sentence);
  }
  return false;
}
