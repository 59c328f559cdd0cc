/**
 * Precision and recall of detectPii on the labelled corpus, per kind and overall.
 * Run from this folder: `pnpm exec node eval.ts` (add `--errors` to list misses and false alarms).
 * A finding is a true positive when an expected match of the same kind overlaps its span.
 * Snippets with a `split` ("holdout", "holdout-2") were written in one go before the detector had seen them; each split is also scored on its own.
 */
import { readFileSync } from 'node:fs';
import { guardrails } from './scripts/source.ts';

interface Sample {
  lang?: string;
  split?: string;
  text: string;
  expect: { kind: string; match: string }[];
}

interface Count {
  tp: number;
  fp: number;
  fn: number;
  expected: number;
}

const samples: Sample[] = readFileSync(new URL('corpus/pii-corpus.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Sample);

function evaluate(subset: readonly Sample[]): { counts: Map<string, Count>; errors: string[] } {
  const counts = new Map<string, Count>();
  const tally = (kind: string) => counts.get(kind) ?? counts.set(kind, { tp: 0, fp: 0, fn: 0, expected: 0 }).get(kind)!;
  const errors: string[] = [];
  for (const sample of subset) {
    let from = 0;
    const expected = sample.expect.map((e) => {
      const start = sample.text.indexOf(e.match, from) >= 0 ? sample.text.indexOf(e.match, from) : sample.text.indexOf(e.match);
      if (start < 0) throw new Error(`match not in text: ${JSON.stringify(e.match)}`);
      from = start + e.match.length;
      return { kind: e.kind, start, end: start + e.match.length, found: false };
    });
    for (const e of expected) tally(e.kind).expected++;
    for (const f of guardrails.detectPii(sample.text)) {
      const hit = expected.find((e) => e.kind === f.kind && f.start < e.end && e.start < f.end);
      if (hit) hit.found = true;
      tally(f.kind)[hit ? 'tp' : 'fp']++;
      if (!hit)
        errors.push(`FP ${f.kind} (${f.rule}) ${JSON.stringify(sample.text.slice(f.start, f.end))} in ${JSON.stringify(sample.text)}`);
    }
    for (const e of expected.filter((x) => !x.found)) {
      tally(e.kind).fn++;
      errors.push(`FN ${e.kind} ${JSON.stringify(sample.text.slice(e.start, e.end))} in ${JSON.stringify(sample.text)}`);
    }
  }
  return { counts, errors };
}

function sum(counts: Map<string, Count>): Count {
  const total = { tp: 0, fp: 0, fn: 0, expected: 0 };
  for (const c of counts.values()) for (const k of ['tp', 'fp', 'fn', 'expected'] as const) total[k] += c[k];
  return total;
}

const ratio = (a: number, b: number) => (b === 0 ? '—' : (a / b).toFixed(3));
const row = (label: string, c: Count) =>
  [
    label.padEnd(16),
    ...[c.expected, c.tp + c.fp, c.tp, c.fp, c.fn, ratio(c.tp, c.tp + c.fp), ratio(c.expected - c.fn, c.expected)].map((v) =>
      String(v).padStart(9),
    ),
  ].join(' ');

const { counts, errors } = evaluate(samples);
console.log(['kind'.padEnd(16), ...['expected', 'found', 'tp', 'fp', 'fn', 'precision', 'recall'].map((h) => h.padStart(9))].join(' '));
for (const [kind, c] of [...counts].sort(([a], [b]) => a.localeCompare(b))) console.log(row(kind, c));
console.log(row('overall', sum(counts)));

const splits = [...new Set(samples.map((s) => s.split ?? 'dev'))];
if (splits.length > 1) {
  console.log('');
  for (const split of splits)
    console.log(row(`overall ${split}`, sum(evaluate(samples.filter((s) => (s.split ?? 'dev') === split)).counts)));
}

const positives = samples.filter((s) => s.expect.length > 0);
const describe = (subset: Sample[]) =>
  `${subset.length} (de ${subset.filter((s) => s.lang === 'de').length}, en ${subset.filter((s) => s.lang === 'en').length})`;
console.log(
  `\n${samples.length} snippets: ${describe(positives)} with personal data, ${describe(samples.filter((s) => s.expect.length === 0))} without`,
);
if (process.argv.includes('--errors')) console.log('\n' + errors.join('\n'));
