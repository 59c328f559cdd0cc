/** Small character and context helpers shared by the detectors and rules. */

const WORD = /[\p{L}\p{N}\p{M}_]/u;

export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Letter, digit, mark or underscore; ASCII is decided without a regular expression (this runs per character). */
export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return WORD.test(ch);
}

/** The text of the same line before `index`, at most `length` characters. */
export function lineBefore(text: string, index: number, length: number): string {
  const from = Math.max(0, index - length);
  const slice = text.slice(from, index);
  const newline = slice.lastIndexOf('\n');
  return newline < 0 ? slice : slice.slice(newline + 1);
}

/** The text of the same line from `index` on, at most `length` characters. */
export function lineAfter(text: string, index: number, length: number): string {
  const slice = text.slice(index, index + length);
  const newline = slice.indexOf('\n');
  return newline < 0 ? slice : slice.slice(0, newline);
}
