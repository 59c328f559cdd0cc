/**
 * The text as detectors see it: NFKC (full-width digits and letters become ASCII), invisible characters
 * removed, every kind of space a plain space and every kind of dash a hyphen-minus. Spans found in it map
 * back to the original text, so findings point at what the user typed.
 */
export interface NormalizedText {
  readonly text: string;
  /** Characters that did not come through one to one, in order: where their output starts and how long it is. */
  readonly changes: readonly Change[];
}

interface Change {
  normStart: number;
  normLength: number;
  origStart: number;
  origLength: number;
}

const folded = new Map<string, string>();

function isInvisible(c: number): boolean {
  return c === 0xad || c === 0x180e || (c >= 0x200b && c <= 0x200d) || (c >= 0x2060 && c <= 0x2064) || c === 0xfeff;
}

function isSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

function isDash(c: number): boolean {
  return (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe58 || c === 0xfe63 || c === 0xff0d;
}

function fold(char: string): string {
  let out = folded.get(char);
  if (out !== undefined) return out;
  out = '';
  for (const ch of char.normalize('NFKC')) {
    const c = ch.codePointAt(0)!;
    out += isInvisible(c) ? '' : isSpace(c) ? ' ' : isDash(c) ? '-' : ch;
  }
  folded.set(char, out);
  return out;
}

const NON_ASCII = /[^\x00-\x7f]/g;

export function normalizeText(original: string): NormalizedText {
  const parts: string[] = [];
  const changes: Change[] = [];
  let copied = 0;
  let normLength = 0;
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(original); m; m = NON_ASCII.exec(original)) {
    const i = m.index;
    const c = original.charCodeAt(i);
    const size = c >= 0xd800 && c <= 0xdbff && i + 1 < original.length ? 2 : 1;
    const char = original.slice(i, i + size);
    const out = fold(char);
    NON_ASCII.lastIndex = i + size;
    if (out === char) continue;
    parts.push(original.slice(copied, i), out);
    normLength += i - copied;
    changes.push({ normStart: normLength, normLength: out.length, origStart: i, origLength: size });
    normLength += out.length;
    copied = i + size;
  }
  if (changes.length === 0) return { text: original, changes };
  parts.push(original.slice(copied));
  return { text: parts.join(''), changes };
}

/** The last change that starts at or before `index` in the normalized text. */
function changeBefore(changes: readonly Change[], index: number): Change | undefined {
  let lo = 0;
  let hi = changes.length - 1;
  let found: Change | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (changes[mid]!.normStart <= index) {
      found = changes[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Where the source of normalized character `index` starts and ends in the original. */
function sourceOf(changes: readonly Change[], index: number): [number, number] {
  const change = changeBefore(changes, index);
  if (!change) return [index, index + 1];
  if (index < change.normStart + change.normLength) return [change.origStart, change.origStart + change.origLength];
  const shift = change.origStart + change.origLength - (change.normStart + change.normLength);
  return [index + shift, index + shift + 1];
}

/** Maps a span of the normalized text back to the original text. */
export function toOriginalSpan(normalized: NormalizedText, start: number, end: number): [number, number] {
  const { changes } = normalized;
  if (changes.length === 0) return [start, end];
  const [from] = sourceOf(changes, start);
  return [from, end > start ? sourceOf(changes, end - 1)[1] : from];
}
