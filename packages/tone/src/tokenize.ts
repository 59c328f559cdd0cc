/** A word of a post, with the clause it belongs to (negation never crosses a clause). */
export interface Token {
  word: string;
  clause: number;
  /** Inside quotation marks: a quoted error message or button label is not the writer's tone. */
  quoted: boolean;
}

/** Words, emoticons (":(", ";-)") before the punctuation they start with, emoji, punctuation, quotes. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?|[:;]-?[()dp](?![\p{L}\p{N}])|\p{Extended_Pictographic}|[.!?;:,]|["“”„«»]/gu;
const CLAUSE_END = new Set(['.', '!', '?', ';', ':', ',']);
const QUOTE_OPEN = new Set(['„', '“', '«']);
const QUOTE_CLOSE = new Set(['“', '”', '»']);

/** Lower-cased words in order; punctuation only advances the clause counter and toggles quotation. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let clause = 0;
  let quoted = false;
  for (const [raw] of text.toLowerCase().matchAll(WORD)) {
    if (CLAUSE_END.has(raw)) {
      clause++;
    } else if (raw === '"') {
      quoted = !quoted;
    } else if (QUOTE_OPEN.has(raw) && !quoted) {
      quoted = true;
    } else if (QUOTE_CLOSE.has(raw) && quoted) {
      quoted = false;
    } else if (!QUOTE_OPEN.has(raw) && !QUOTE_CLOSE.has(raw)) {
      tokens.push({ word: raw.replace('’', "'"), clause, quoted });
    }
  }
  return tokens;
}
