/**
 * Accuracy and macro-F1 of scoreTone on the corpus files against a majority-label baseline.
 * Run: `pnpm --filter @peerdesk/tone run eval` (add `--errors` to list the development splits' misses).
 * - corpus/labelled.jsonl: odd-numbered posts (en-001, de-001, …) are the development split the lexicons
 *   were adjusted on; even-numbered posts are held out and never listed by `--errors`.
 * - corpus/dev-2.jsonl: written independently of the scorer, a development split that may be tuned on;
 *   `--errors` lists its misses.
 * - corpus/independent.jsonl was written by someone who never read the scorer: only its aggregate
 *   figures are printed, never its lines (do not tune on it).
 */
import { readFileSync } from 'node:fs';
import { tone } from './scripts/source.ts';

type Label = 'negative' | 'neutral' | 'positive';
interface Sample {
  id: string;
  lang: 'de' | 'en';
  label: Label;
  text: string;
}

const LABELS: Label[] = ['negative', 'neutral', 'positive'];
const read = (file: string, prefix: string): Sample[] =>
  readFileSync(new URL(`corpus/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => ({ id: `${prefix}-${index + 1}`, ...(JSON.parse(line) as Omit<Sample, 'id'>) }));
const samples = read('labelled.jsonl', 'labelled');
const dev2 = read('dev-2.jsonl', 'dev2');
const independent = read('independent.jsonl', 'independent');

const isDevelopment = (s: Sample) => Number(s.id.split('-')[1]) % 2 === 1;

function metrics(pairs: { expected: Label; predicted: Label }[]) {
  const accuracy = pairs.filter((p) => p.expected === p.predicted).length / pairs.length;
  const f1 = LABELS.map((label) => {
    const tp = pairs.filter((p) => p.predicted === label && p.expected === label).length;
    const fp = pairs.filter((p) => p.predicted === label && p.expected !== label).length;
    const fn = pairs.filter((p) => p.predicted !== label && p.expected === label).length;
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  });
  return { accuracy, macroF1: f1.reduce((a, b) => a + b, 0) / LABELS.length, f1 };
}

function majority(of: Sample[]): Label {
  const counts = LABELS.map((label) => of.filter((s) => s.label === label).length);
  return LABELS[counts.indexOf(Math.max(...counts))] ?? 'neutral';
}

const baselineLabel = majority(samples.filter(isDevelopment));
const pct = (x: number) => `${(x * 100).toFixed(1)} %`.padStart(8);
const rows: string[][] = [];
for (const [name, subset] of [
  ['all', samples],
  ['development (odd ids)', samples.filter(isDevelopment)],
  ['held out (even ids)', samples.filter((s) => !isDevelopment(s))],
  ['held out, de', samples.filter((s) => !isDevelopment(s) && s.lang === 'de')],
  ['held out, en', samples.filter((s) => !isDevelopment(s) && s.lang === 'en')],
  ['dev-2', dev2],
  ['dev-2, de', dev2.filter((s) => s.lang === 'de')],
  ['dev-2, en', dev2.filter((s) => s.lang === 'en')],
  ['independent', independent],
  ['independent, de', independent.filter((s) => s.lang === 'de')],
  ['independent, en', independent.filter((s) => s.lang === 'en')],
] as const) {
  const scorer = metrics(subset.map((s) => ({ expected: s.label, predicted: tone.scoreTone(s.text).label })));
  const baseline = metrics(subset.map((s) => ({ expected: s.label, predicted: baselineLabel })));
  rows.push([
    `${name} (n=${subset.length})`,
    pct(scorer.accuracy),
    pct(scorer.macroF1),
    scorer.f1.map((f) => f.toFixed(2)).join(' / '),
    pct(baseline.accuracy),
    pct(baseline.macroF1),
  ]);
}
console.log(`majority baseline always answers "${baselineLabel}"`);
console.log(['split', 'accuracy', 'macro-F1', 'F1 neg/neu/pos', 'baseline acc', 'baseline F1'].join(' | '));
for (const row of rows) console.log(row.join(' | '));

/** Counts of expected (rows) × predicted (columns): aggregate figures only. */
function confusion(name: string, subset: Sample[]): void {
  console.log(`${name} confusion (rows expected, columns predicted neg/neu/pos):`);
  for (const expected of LABELS) {
    const row = LABELS.map((predicted) => subset.filter((s) => s.label === expected && tone.scoreTone(s.text).label === predicted).length);
    console.log(`  ${expected.padEnd(8)} ${row.map((n) => String(n).padStart(4)).join(' ')}`);
  }
}
confusion('dev-2', dev2);
confusion('independent', independent);

for (const [name, subset] of [
  ['labelled', samples],
  ['dev-2', dev2],
] as const) {
  const languageMisses = subset.filter((s) => tone.scoreTone(s.text).language !== s.lang).length;
  console.log(`language detected wrongly, ${name}: ${languageMisses} of ${subset.length}`);
}

if (process.argv.includes('--errors')) {
  // Development posts only: never the held-out labelled posts or corpus/independent.jsonl.
  for (const s of [...samples.filter(isDevelopment), ...dev2]) {
    const result = tone.scoreTone(s.text);
    if (result.label !== s.label) {
      console.log(`${s.id} expected ${s.label}, got ${result.label} (${result.score}) ${JSON.stringify(result.hits)}: ${s.text}`);
    }
  }
}
