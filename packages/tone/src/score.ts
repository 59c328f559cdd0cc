import { detectLanguage, ENGLISH_FUNCTION_WORDS, GERMAN_FUNCTION_WORDS, type ToneLanguage } from './language.js';
import { ENGLISH_INTENSIFIERS, ENGLISH_LEXICON, ENGLISH_NEGATORS, ENGLISH_PHRASES, ENGLISH_STAFF_MARKERS } from './lexicon-en.js';
import { GERMAN_INTENSIFIERS, GERMAN_NEGATORS, GERMAN_PHRASES, GERMAN_STAFF_MARKERS, lookupGerman } from './lexicon-de.js';
import { EMOJI, SHOUTED } from './lexicon-shared.js';
import { tokenize, type Token } from './tokenize.js';

export type ToneLabel = 'negative' | 'neutral' | 'positive';

export interface ToneHit {
  /** The word or phrase as found (lower case). */
  text: string;
  /** Its contribution after negation, intensifiers and damping. */
  value: number;
}

export interface Tone {
  label: ToneLabel;
  language: ToneLanguage;
  /** Positive minus negative weight; negative weight counts 1.2×, since a complaint rarely ends in praise. */
  score: number;
  positive: number;
  negative: number;
  hits: ToneHit[];
}

interface Language {
  lookup: (word: string) => number | undefined;
  negators: ReadonlySet<string>;
  intensifiers: ReadonlyMap<string, number>;
  phrases: PhraseIndex;
  /** Phrases only a company's staff write ("sorry for the trouble", "unsere Techniker"). */
  staffMarkers: PhraseIndex;
  /** German negation often follows the verb ("funktioniert jetzt nicht"). */
  negationFollows: boolean;
  /** Common words: shouted, they are emphasis ("WHY DOES NOBODY …"), not an acronym ("API"). */
  functionWords: ReadonlySet<string>;
}

type PhraseIndex = ReadonlyMap<string, readonly { words: readonly string[]; value: number }[]>;

function indexPhrases(phrases: ReadonlyMap<string, number>): PhraseIndex {
  const index = new Map<string, { words: string[]; value: number }[]>();
  for (const [phrase, value] of phrases) {
    const words = phrase.split(' ');
    const first = words[0] ?? '';
    const list = index.get(first) ?? [];
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
    index.set(first, list);
  }
  return index;
}

const LANGUAGES: Record<ToneLanguage, Language> = {
  en: {
    lookup: (word) => ENGLISH_LEXICON.get(word),
    negators: ENGLISH_NEGATORS,
    intensifiers: ENGLISH_INTENSIFIERS,
    phrases: indexPhrases(ENGLISH_PHRASES),
    staffMarkers: indexPhrases(new Map(ENGLISH_STAFF_MARKERS.map((marker) => [marker, 0]))),
    negationFollows: false,
    functionWords: ENGLISH_FUNCTION_WORDS,
  },
  de: {
    lookup: lookupGerman,
    negators: GERMAN_NEGATORS,
    intensifiers: GERMAN_INTENSIFIERS,
    phrases: indexPhrases(GERMAN_PHRASES),
    staffMarkers: indexPhrases(new Map(GERMAN_STAFF_MARKERS.map((marker) => [marker, 0]))),
    negationFollows: true,
    functionWords: GERMAN_FUNCTION_WORDS,
  },
};

/** Words of exclamation that open a sarcastic complaint ("Great, another update that breaks …"). */
const SARCASTIC_OPENERS = new Set([
  'great',
  'wonderful',
  'perfect',
  'brilliant',
  'sure',
  'fantastic',
  'loving',
  'toll',
  'super',
  'perfekt',
  'klar',
  'großartig',
  'wunderbar',
  'genial',
  'excellent',
  'prima',
  'liebe',
  'cool',
  'lovely',
  'nice',
  'wow',
  'amazing',
  'awesome',
  'reassuring',
  'bravo',
  'klasse',
  'spitze',
  'hervorragend',
  'gratuliere',
]);

const NEGATION_REACH = 3;
/** A negated complaint ("nicht unzufrieden", "can't fault") is praise, a little weaker than the word. */
const NEGATED_COMPLAINT = 0.8;
/** Negated praise ("not helpful", "nicht zufriedenstellend") is a complaint as strong as the praise. */
const NEGATED_PRAISE = 1;
const NEGATIVE_WEIGHT = 1.2;
/** A label needs at least this much weight; a single "leider" or "slow" leaves a post neutral. */
export const TONE_THRESHOLD = 2;

interface Item {
  at: number;
  clause: number;
  text: string;
  value: number;
  phrase: boolean;
  negated: boolean;
}

function readItems(tokens: readonly Token[], language: Language): { items: Item[]; negators: number[] } {
  const items: Item[] = [];
  const negators: number[] = [];
  let boost = 1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || token.quoted) continue;
    const phrase = language.phrases
      .get(token.word)
      ?.find((p) => p.words.every((w, k) => tokens[i + k]?.word === w && !tokens[i + k]?.quoted));
    if (phrase) {
      items.push({ at: i, clause: token.clause, text: phrase.words.join(' '), value: phrase.value * boost, phrase: true, negated: false });
      boost = 1;
      i += phrase.words.length - 1;
      continue;
    }
    const emoji = EMOJI.get(token.word);
    if (emoji !== undefined) {
      // An emoji or emoticon is a verdict of its own: never negated or intensified.
      items.push({ at: i, clause: token.clause, text: token.word, value: emoji, phrase: true, negated: false });
      continue;
    }
    if (language.negators.has(token.word)) negators.push(i);
    const intensity = language.intensifiers.get(token.word);
    if (intensity !== undefined) {
      boost = intensity;
      continue;
    }
    const value = language.lookup(token.word);
    if (value !== undefined && value !== 0) {
      items.push({ at: i, clause: token.clause, text: token.word, value: value * boost, phrase: false, negated: false });
      boost = 1;
    }
  }
  return { items, negators };
}

function applyNegation(items: Item[], negators: readonly number[], tokens: readonly Token[], language: Language): void {
  for (const at of negators) {
    const clause = tokens[at]?.clause;
    const canNegate = (item: Item) => !item.phrase && !item.negated && item.clause === clause && item.at !== at;
    let target = items.find((item) => canNegate(item) && item.at > at && item.at - at <= NEGATION_REACH);
    if (!target && language.negationFollows) {
      target = items.findLast((item) => canNegate(item) && item.at < at && at - item.at <= NEGATION_REACH);
    }
    if (!target) continue;
    target.negated = true;
    // "not bad" is praise, "not good" a real complaint.
    target.value = target.value < 0 ? -target.value * NEGATED_COMPLAINT : -target.value * NEGATED_PRAISE;
  }
}

/**
 * A post that opens with a question asks about a symptom; one that opens with a statement reports it.
 * "Really?", "Hallo??" or "… ?!" are exasperation, not a question.
 */
function isQuestion(text: string): boolean {
  const end = /[.!?]/.exec(text);
  if (end?.[0] !== '?' || text.includes('!') || text[end.index + 1] === '?') return false;
  return text.slice(0, end.index).trim().split(/\s+/).length >= 3;
}

const REPEATED_MARKS = /[?!]{2,}/g;
const SHOUT = /(?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}])/gu;
const EXASPERATION_CAP = 3;

/** "???", "!!!", "?!" and shouted words ("NEIN", "WHY DOES NOBODY …"): each −1 (marks −1.5), at most −3. */
function exasperation(text: string, language: Language): ToneHit[] {
  const hits: ToneHit[] = [];
  let total = 0;
  for (const [marks] of text.matchAll(REPEATED_MARKS)) {
    if (total >= EXASPERATION_CAP) return hits;
    hits.push({ text: marks, value: -1.5 });
    total += 1.5;
  }
  if (!/\p{Ll}/u.test(text)) return hits;
  for (const [word] of text.matchAll(SHOUT)) {
    if (total >= EXASPERATION_CAP) return hits;
    const lower = word.toLowerCase();
    if (!language.functionWords.has(lower) && !SHOUTED.has(lower) && !((language.lookup(lower) ?? 0) < 0)) continue;
    hits.push({ text: word, value: -1 });
    total += 1;
  }
  return hits;
}

/** Scores one post; pure and allocation-light enough for thousands of posts a second. */
export function scoreTone(text: string): Tone {
  const tokens = tokenize(text);
  const languageCode = detectLanguage(tokens.map((t) => t.word));
  const language = LANGUAGES[languageCode];
  const { items, negators } = readItems(tokens, language);
  applyNegation(items, negators, tokens, language);
  applyTurn(items, tokens, language);
  if (isStaffReply(tokens, language)) for (const item of items) item.value *= STAFF_WEIGHT;

  let negative = 0;
  for (const item of items) if (item.value < 0) negative -= item.value;
  if (isQuestion(text)) {
    for (const item of items) if (item.value < 0) item.value /= 2;
    negative /= 2;
  }
  const cues = exasperation(text, language);
  const wait = waited(tokens);
  if (wait) cues.push(wait);
  for (const hit of cues) negative -= hit.value;
  negative += readSarcasm(items, tokens, negative, negators.length > 0);
  let positive = 0;
  for (const item of items) if (item.value > 0) positive += item.value;
  const score = round(positive - NEGATIVE_WEIGHT * negative);
  const label: ToneLabel = score <= -TONE_THRESHOLD ? 'negative' : score >= TONE_THRESHOLD ? 'positive' : 'neutral';
  return {
    label,
    language: languageCode,
    score,
    positive: round(positive),
    negative: round(negative),
    hits: [...items.map((item) => ({ text: item.text, value: round(item.value) })), ...cues],
  };
}

const STAFF_WEIGHT = 0.25;

/** A staff reply or status update apologises and names the fault calmly: its words weigh a quarter. */
function isStaffReply(tokens: readonly Token[], language: Language): boolean {
  return tokens.some(
    (token, i) =>
      !token.quoted && language.staffMarkers.get(token.word)?.some((marker) => marker.words.every((w, k) => tokens[i + k]?.word === w)),
  );
}

/** Units of a wait worth complaining about; minutes and hours are often just a report. */
const WAIT_UNITS = new Set(['days', 'weeks', 'months', 'tage', 'tagen', 'wochen', 'monate', 'monaten']);
const NUMBER_WORDS = new Set(
  'two three four five six seven eight nine ten several zwei drei vier fünf sechs sieben acht neun zehn mehreren'.split(' '),
);
/** Before the number, these make it a time frame promised or a schedule ("within 8 weeks", "alle 3 Tage"). */
const TIME_FRAME = new Set(['within', 'in', 'up', 'to', 'every', 'per', 'innerhalb', 'von', 'bis', 'zu', 'alle']);
const WAIT_WEIGHT = -1.5;

/** "seit drei Wochen", "It's been 34 days", "six weeks later": a wait of days or more, once per post. */
function waited(tokens: readonly Token[]): ToneHit | undefined {
  for (let i = 1; i < tokens.length; i++) {
    const unit = tokens[i];
    if (!unit || unit.quoted || !WAIT_UNITS.has(unit.word)) continue;
    const number = tokens[i - 1]?.word ?? '';
    if (!/^\d+$/.test(number) && !NUMBER_WORDS.has(number)) continue;
    if (TIME_FRAME.has(tokens[i - 2]?.word ?? '')) continue;
    return { text: `${number} ${unit.word}`, value: WAIT_WEIGHT };
  }
  return undefined;
}

/** Words that concede the first part of a post and turn to what counts ("…, but …", "… Aber …"). */
const TURNS = new Set(['but', 'however', 'aber', 'allerdings', 'jedoch', 'trotzdem', 'dennoch']);
const CONCEDED = 0.3;
const TURN_WEIGHT = 1.5;

/**
 * A mixed post takes the tone of how it ends: before the last turn word, praise or complaint counts
 * 0.3×, and the turn itself leans against what was conceded unless the end agrees with it
 * ("I expected the worst, but …" leans positive; "The agent was nice, but …" negative).
 */
function applyTurn(items: Item[], tokens: readonly Token[], language: Language): void {
  let turn = -1;
  for (let i = tokens.length - 1; i > 0; i--) {
    const token = tokens[i];
    if (token && !token.quoted && TURNS.has(token.word) && (language.negationFollows || token.word !== 'aber')) {
      turn = i;
      break;
    }
  }
  if (turn < 0) return;
  let before = 0;
  let after = 0;
  for (const item of items) {
    if (item.at < turn) before += item.value;
    else after += item.value;
  }
  if (before === 0 || Math.sign(after) === Math.sign(before)) return;
  for (const item of items) if (item.at < turn) item.value *= CONCEDED;
  const token = tokens[turn];
  items.push({
    at: turn,
    clause: token?.clause ?? 0,
    text: token?.word ?? '',
    value: before > 0 ? -TURN_WEIGHT : TURN_WEIGHT,
    phrase: true,
    negated: false,
  });
}

/** Marks of a complaint that praise is said around: "another price rise", "still slower", "schon wieder". */
const COMPLAINT_CUES = new Set(['another', 'still', 'again', 'wieder', 'immer']);

/**
 * Praise said as an exclamation ("Great, …", "… Fantastic.", "Cool. Very cool.") is sarcasm in a post that
 * complains: one with clear negative weight, or one with some complaint (a little negative weight, a
 * negation, "another", "schon wieder") and no other praise. Returns the negative weight added.
 */
function readSarcasm(items: Item[], tokens: readonly Token[], negative: number, negated: boolean): number {
  const candidates = items.filter((item) => item.value > 0 && SARCASTIC_OPENERS.has(item.text) && isExclamation(tokens, item));
  if (candidates.length === 0) return 0;
  let complaint = negative >= TONE_THRESHOLD;
  if (!complaint && !items.some((item) => item.value > 0 && !candidates.includes(item))) {
    complaint = negative >= 1 || negated || tokens.some((token) => !token.quoted && COMPLAINT_CUES.has(token.word));
  }
  if (!complaint) return 0;
  let added = 0;
  for (const item of candidates) {
    item.value = -Math.max(1, item.value * SARCASM_WEIGHT);
    added -= item.value;
  }
  return added;
}

const SARCASM_WEIGHT = 0.8;

/** The post's first or second word ("Great, …", "Oh wonderful, …") or a clause of its own ("… Brilliant."). */
function isExclamation(tokens: readonly Token[], item: Item): boolean {
  if (item.at <= 1 && item.clause === 0) return true;
  // A clause of at most two words ("Brilliant.", "Very cool.", "Just wow.").
  const before = tokens[item.at - 2]?.clause !== item.clause || tokens[item.at - 1]?.clause !== item.clause;
  return before && tokens[item.at + 1]?.clause !== item.clause;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
