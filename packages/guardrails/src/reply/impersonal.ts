import { phrase, phrasesFor, type Phrase } from './phrases.js';
import type { Finding, Locale } from './types.js';

const GREETINGS: readonly Phrase[] = [
  phrase(
    'de',
    [],
    String.raw`hallo|hallöchen|hi|hey|huhu|moin(?:\smoin)?|servus|grüezi|hoi|salü|gr(?:ü|ue)(?:ß|ss)\s(?:gott|dich|euch)|guten\s(?:morgen|tag|abend)|tag|liebe[rs]?|sehr\sgeehrte[rs]?|werte[rs]?|willkommen`,
  ),
  phrase('en', [], String.raw`hello|hi|hey|hiya|dear|good\s(?:morning|afternoon|evening|day)|greetings|welcome|howdy`),
];
const CLOSINGS: readonly Phrase[] = [
  phrase(
    'de',
    [],
    String.raw`(?:viele|beste|liebe|herzliche|freundliche|schöne|sonnige)\sgr(?:ü|ue)(?:ß|ss)e|mit\s(?:freundlichen|besten|herzlichen)\sgr(?:ü|ue)(?:ß|ss)en|gr(?:ü|ue)(?:ß|ss)e|gru(?:ß|ss)|lg|vg|mfg|bg|bis\sbald|bis\sdann|danke|vielen\sdank|herzlichst|alles\sgute|beste\swünsche|viel\serfolg|(?:einen\s)?schöne[ns]?\s(?:tag|abend|wochenende|sonntag|gruß)`,
  ),
  phrase(
    'en',
    [],
    String.raw`best(?:\s(?:wishes|regards))?|kind\sregards|warm(?:est)?\sregards|regards|cheers|thanks|thank\syou|many\sthanks|sincerely|yours\ssincerely|all\sthe\sbest|take\scare|talk\ssoon|speak\ssoon|thx|have\sa\s(?:great|nice|good|lovely)\s(?:day|weekend|evening|one)`,
  ),
];
const TITLE = String.raw`(?:frau|herr|mr|mrs|ms|miss|mx|dr|prof)\.?\s{1,2}`;
const NAME = String.raw`\p{Lu}[\p{L}\p{M}'’]{0,30}(?:-\p{Lu}[\p{L}\p{M}'’]{0,30})?(?:\s\p{Lu}(?:\.|[\p{L}\p{M}'’-]{1,30}))?`;
/** After the name a role may follow: "Miriam (Peerdesk Support)", "Miriam vom Service-Team", "Tobias | Support". */
const ROLE = String.raw`(?:\s{0,2}(?:,\s{0,2}\p{Lu}|[(|/-]|vom\s|von\s|from\s|aus\s|at\s)[^\n.!?]{0,60}[.)]?)?`;
/** Words that fill the place of a name without being one: "Hallo zusammen", "Ihr Service-Team". */
const GENERIC = new Set(
  `zusammen alle allerseits leute team community there all everyone everybody folks guys friends damen herren sir madam kunde kundin
  customer user nutzer nutzerin support service kundenservice kundendienst servicecenter helpdesk ihr ihre euer eure your the das der die
  admin staff moderation moderator hotline redaktion crew und and danke vielen thanks thank again wieder nochmal erneut
  liebe lieber liebes werte werter geehrte geehrter community forum mitglieder runde dein deine`.split(/\s+/),
);
/** Compounds that name a department, not a person: "Serviceteam", "Kundensupport", "Technikcenter". */
const GENERIC_COMPOUND = /(?:team|service|support|dienst|center|centre|crew|redaktion|abteilung|desk)$/i;

function isName(words: string): boolean {
  return words.split(/[\s.-]+/).every((w) => w === '' || (!GENERIC.has(w.toLowerCase()) && !GENERIC_COMPOUND.test(w)));
}

interface Patterns {
  greeting: RegExp;
  closing: RegExp;
  closingOnly: RegExp;
}

const patterns = new Map<string, Patterns>();

/** Greeting and closing words are matched case-insensitively, names case-sensitively, so they are separate patterns. */
function patternsFor(locale: Locale | undefined): Patterns {
  const key = locale ?? 'any';
  let p = patterns.get(key);
  if (!p) {
    const greetings = phrasesFor(GREETINGS, locale).map((g) => g.pattern.source);
    const closings = phrasesFor(CLOSINGS, locale).map((c) => c.pattern.source);
    p = {
      greeting: new RegExp(String.raw`^\s{0,20}(?:${greetings.join('|')})\b([\s,!]{0,3})(?:${TITLE}){0,2}`, 'iu'),
      closing: new RegExp(String.raw`(?:^|[\s.!,])(?:${closings.join('|')})[,!.]?\s{0,2}-?\s{0,2}`, 'giu'),
      closingOnly: new RegExp(String.raw`^(?:${closings.join('|')})[,!.]?$`, 'iu'),
    };
    patterns.set(key, p);
  }
  return p;
}

const GREETED_NAME = new RegExp(String.raw`^(@[\p{L}\p{N}_.-]{1,40}|${NAME}|\p{Ll}[\p{L}'’-]{1,30})(?=\s{0,2}(?:[,!.:;-]|$))`, 'u');
const SIGNED_NAME = new RegExp(String.raw`^[-–—~]?\s{0,2}(${NAME})${ROLE}$`, 'u');
/** A reply of one paragraph may end in its sign-off: "… thanks for waiting. — Miriam". */
const DASHED_NAME_AT_END = new RegExp(String.raw`\s[-–—~]\s{0,2}(${NAME})${ROLE}$`, 'u');
const MENTION = /^\s{0,20}@[\p{L}\p{N}_.-]{1,40}/u;

function hasGreeting(firstLine: string, locale: Locale | undefined): boolean {
  if (MENTION.test(firstLine)) return true;
  const greeting = patternsFor(locale).greeting.exec(firstLine);
  const name = greeting && GREETED_NAME.exec(firstLine.slice(greeting[0].length));
  // A lower-case word counts as a name only without a comma in between ("hi sam"), not in "Hallo, vielen Dank".
  return !!name && isName(name[1]!) && (/^[@\p{Lu}]/u.test(name[1]!) || !greeting[1]!.includes(','));
}

function signedBelow(line: string, { closing }: Patterns): boolean {
  for (const m of line.matchAll(closing)) {
    const name = SIGNED_NAME.exec(line.slice(m.index + m[0].length));
    if (name && isName(name[1]!)) return true;
  }
  return false;
}

/** A sign-off in the last lines: "Viele Grüße, Miriam", "Best,\nTobias", "– Miriam", or a name alone on the last line. */
function hasSignOff(lines: readonly string[], locale: Locale | undefined): boolean {
  const p = patternsFor(locale);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.slice(-200);
    if (signedBelow(line, p)) return true;
    const dashed = i === lines.length - 1 ? DASHED_NAME_AT_END.exec(line) : null;
    if (dashed && isName(dashed[1]!)) return true;
    const name = SIGNED_NAME.exec(line);
    const closedAbove = i === lines.length - 1 || p.closingOnly.test(lines[i - 1] ?? '');
    if (name && isName(name[1]!) && !p.closingOnly.test(name[1]!) && closedAbove) return true;
  }
  return false;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

/** The first and the last `count` lines that are not blank, without splitting the whole draft. */
function outerLines(text: string, count: number): { first: Line | undefined; last: Line[] } {
  const line = (start: number, end: number): Line => ({ start, end, text: text.slice(start, end) });
  let first: Line | undefined;
  for (let start = 0; start <= text.length && !first;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (/\S/.test(text.slice(start, end))) first = line(start, end);
    start = end + 1;
  }
  const last: Line[] = [];
  for (let end = text.length; last.length < count;) {
    const start = end === 0 ? 0 : text.lastIndexOf('\n', end - 1) + 1;
    if (/\S/.test(text.slice(start, end))) last.unshift(line(start, end));
    if (start === 0) break;
    end = start - 1;
  }
  return { first, last };
}

/** Markdown emphasis, quote and heading marks, and emoji around a greeting or sign-off ("**Miriam**", "Hallo Anke 👋"). */
const DECORATION = /[*_`]+|^\s{0,3}(?:>|#{1,6})\s?|\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u200D/gu;

function plain(line: string): string {
  return line.replace(DECORATION, '').replace(/\s+$/, '').replace(/^\s+/, '');
}

/** The author's first name, for the suggested sign-off; without it, a placeholder. */
function signOffExample(authorName: string | undefined): [string, string] {
  const first = authorName?.trim().split(/\s+/)[0];
  return first ? [`"Best, ${first}"`, `„Viele Grüße, ${first}“`] : ['"Best, <your name>"', '„Viele Grüße, <Ihr Name>“'];
}

/**
 * Info when the draft does not greet the person by name or is not signed with a person's name. A reply of
 * one line gets one hint for both, not the same line flagged twice.
 */
export function checkImpersonal(text: string, locale?: Locale, authorName?: string): Finding[] {
  const { first, last } = outerLines(text, 3);
  const final = last[last.length - 1];
  if (!first || !final) return [];
  const noGreeting = !hasGreeting(plain(first.text), locale);
  const noSignOff = !hasSignOff(
    last.map((l) => plain(l.text)),
    locale,
  );
  const [example, exampleDe] = signOffExample(authorName);
  const greet = [
    'Greet the customer by name ("Hi Sam," / "Hallo Frau Weber,").',
    'Sprechen Sie die Person mit Namen an („Hallo Frau Weber,“ / „Hi Sam,“).',
  ];
  const sign = [
    `Sign with your own name (${example}), not as "your team".`,
    `Unterschreiben Sie mit Ihrem Namen (${exampleDe}), nicht als „Ihr Team“.`,
  ];
  const finding = (message: string, messageDe: string, line: Line): Finding => ({
    rule: 'impersonal',
    severity: 'info',
    message,
    messageDe,
    start: line.start,
    end: line.end,
  });
  if (noGreeting && noSignOff && first.start === final.start)
    return [
      finding(
        `Greet the customer by name and sign with your own name ("Hi Sam, … ${example.slice(1, -1)}").`,
        `Sprechen Sie die Person mit Namen an und unterschreiben Sie mit Ihrem Namen („Hallo Frau Weber, … ${exampleDe.slice(1, -1)}“).`,
        first,
      ),
    ];
  const findings: Finding[] = [];
  if (noGreeting) findings.push(finding(greet[0]!, greet[1]!, first));
  if (noSignOff) findings.push(finding(sign[0]!, sign[1]!, final));
  return findings;
}
