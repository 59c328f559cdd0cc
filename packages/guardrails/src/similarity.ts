/**
 * Text similarity for spotting reused replies: cosine similarity of word-bigram counts (hashed), after NFKC
 * and lower-casing. Word bigrams keep word order in view without being as brittle as longer shingles: a reply
 * with the customer's name and a detail swapped stays close to its template; two replies that only share
 * vocabulary do not.
 */
export interface TextProfile {
  /** Sorted distinct shingle hashes and how often each occurs. */
  readonly hashes: Uint32Array;
  readonly counts: Uint32Array;
  readonly norm: number;
  readonly words: number;
}

const CACHE_SIZE = 512;
const cache = new Map<string, TextProfile>();
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const wordChars = new Map<number, boolean>();

function isWordCode(text: string, i: number, c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  let word = wordChars.get(c);
  if (word === undefined) wordChars.set(c, (word = LETTER_OR_DIGIT.test(text[i]!)));
  return word;
}

/** Hashes of the words of a text (letters and digits), lower-cased, in order. */
function wordHashes(text: string): Uint32Array {
  const lower = text.normalize('NFKC').toLowerCase();
  const hashes = new Uint32Array((lower.length >> 1) + 1);
  let count = 0;
  let h = FNV_OFFSET;
  let inWord = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (isWordCode(lower, i, c)) {
      h = Math.imul(h ^ c, FNV_PRIME);
      inWord = true;
    } else if (inWord) {
      hashes[count++] = h;
      h = FNV_OFFSET;
      inWord = false;
    }
  }
  if (inWord) hashes[count++] = h;
  return hashes.subarray(0, count);
}

/** The profile of a text, not cached (for the draft being typed). */
export function buildProfile(text: string): TextProfile {
  const ids = wordHashes(text);
  const shingles = ids.length === 1 ? ids.slice() : new Uint32Array(Math.max(ids.length - 1, 0));
  for (let i = 0; i + 1 < ids.length; i++) shingles[i] = Math.imul(ids[i]!, 0x9e3779b1) ^ ids[i + 1]!;
  shingles.sort();
  const hashes = new Uint32Array(shingles.length);
  const counts = new Uint32Array(shingles.length);
  let distinct = 0;
  let norm = 0;
  for (let i = 0; i < shingles.length;) {
    let j = i;
    while (j < shingles.length && shingles[j] === shingles[i]) j++;
    hashes[distinct] = shingles[i]!;
    counts[distinct++] = j - i;
    norm += (j - i) * (j - i);
    i = j;
  }
  return { hashes: hashes.subarray(0, distinct), counts: counts.subarray(0, distinct), norm: Math.sqrt(norm), words: ids.length };
}

/** The profile of a text, cached (least recently used out): recent replies are compared on every keystroke. */
export function textProfile(text: string): TextProfile {
  let profile = cache.get(text);
  if (profile) cache.delete(text);
  else profile = buildProfile(text);
  cache.set(text, profile);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return profile;
}

/**
 * One profile prepared for comparison with many others: its shingles in an open-addressing hash table,
 * so each comparison costs one probe per distinct shingle of the other text instead of a walk over both.
 */
export function similarityTo(profile: TextProfile): (other: TextProfile) => number {
  let size = 16;
  while (size < profile.hashes.length * 2) size <<= 1;
  const mask = size - 1;
  const keys = new Uint32Array(size);
  const counts = new Uint32Array(size);
  const slot = (hash: number): number => {
    let i = (Math.imul(hash, 0x9e3779b1) >>> 0) & mask;
    while (counts[i] !== 0 && keys[i] !== hash) i = (i + 1) & mask;
    return i;
  };
  profile.hashes.forEach((hash, i) => {
    const at = slot(hash);
    keys[at] = hash;
    counts[at] = profile.counts[i]!;
  });
  return (other) => {
    if (profile.norm === 0 || other.norm === 0) return 0;
    let dot = 0;
    for (let i = 0; i < other.hashes.length; i++) dot += other.counts[i]! * counts[slot(other.hashes[i]!)]!;
    return dot / (profile.norm * other.norm);
  };
}

/** Similarity of two texts between 0 (nothing in common) and 1 (same words in the same order). */
export function similarity(a: string, b: string): number {
  return similarityTo(textProfile(a))(textProfile(b));
}
