// Similar-question relevance on real data (../shared/data/relevance-dev, AskUbuntu duplicates):
// imports all questions with the product's importer, then asks `similarQuestions` with each
// duplicate's title (and title + body), excluding the duplicate itself, and records where the
// original ranks. A plain BM25 ranking of the same corpus, computed in the same run, is the baseline.
// Run: pnpm bench:relevance   (prints Recall@1/5/10 and MRR@10 for both, plus query latency)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import okapi from 'okapibm25';
import pg from 'pg';
import { ApiClient } from '../support/api.ts';
import { repoRoot, startStack } from '../support/stack.ts';

const dataDir = process.env.RELEVANCE_DATA ?? join(repoRoot, '..', 'shared', 'data', 'relevance-dev');

interface Question {
  id: string;
  title: string;
  body: string;
}
interface Pair {
  duplicate_id: string;
  original_id: string;
  label: string;
}

const readJsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);

const plainText = (html: string): string =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

// okapibm25 is CommonJS: Node hands ESM callers its exports object, whose `default` is the function.
const BM25 = (okapi as unknown as { default: (documents: string[], keywords: string[]) => number[] }).default;

const tokens = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

interface Ranks {
  ranks: (number | null)[];
}

function metrics({ ranks }: Ranks): { r1: number; r5: number; r10: number; mrr10: number } {
  const within = (k: number) => ranks.filter((r) => r !== null && r <= k).length / ranks.length;
  const mrr = ranks.reduce<number>((sum, r) => sum + (r !== null && r <= 10 ? 1 / r : 0), 0) / ranks.length;
  return { r1: within(1), r5: within(5), r10: within(10), mrr10: mrr };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const questions = readJsonl<Question>(join(dataDir, 'questions.jsonl'));
const pairs = readJsonl<Pair>(join(dataDir, 'pairs.jsonl')).filter((p) => p.label === 'duplicate');
const byId = new Map(questions.map((q) => [String(q.id), q]));
console.log(`relevance-dev: ${questions.length} questions, ${pairs.length} duplicate pairs`);

// The product imports the thread JSONL format; these questions have no answers or authors.
const work = mkdtempSync(join(tmpdir(), 'peerdesk-relevance-'));
const threads = join(work, 'threads.jsonl');
writeFileSync(
  threads,
  questions
    .map((q) =>
      JSON.stringify({
        id: q.id,
        title: q.title,
        body: q.body,
        body_format: 'html',
        tags: [],
        creation_date: '2014-01-01T00:00:00',
        score: 0,
        answers: [],
        comments: [],
      }),
    )
    .join('\n'),
);

const stack = await startStack({ demo: false });
try {
  const started = performance.now();
  const imported = spawnSync(
    process.execPath,
    ['api/dist/cli.js', 'import', threads, '--format', 'jsonl', '--space', 'askubuntu', '--source', 'askubuntu-relevance-dev'],
    {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: stack.databaseUrl, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    },
  );
  if (imported.status !== 0) throw new Error(`import failed:\n${imported.stdout}\n${imported.stderr}`);
  console.log(`imported in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  // Wait until the outbox-driven indexer has caught up.
  for (;;) {
    const { rows } = await db.query(`SELECT count(*)::int AS pending FROM outbox_events WHERE processed_at IS NULL`);
    if (rows[0].pending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.log(`indexed after ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const refs = await db.query(`SELECT external_id, internal_id FROM external_refs WHERE kind = 'question'`);
  await db.end();
  const internal = new Map<string, string>(
    refs.rows.map((r: { external_id: string; internal_id: string }) => [r.external_id, String(r.internal_id)]),
  );
  const external = new Map<string, string>([...internal].map(([ext, int]) => [int, ext]));

  const api = new ApiClient(stack.apiUrl);
  const latencies: number[] = [];
  const ask = async (text: string, exclude: string): Promise<string[]> => {
    const t0 = performance.now();
    const data = await api.request<{ similarQuestions: { question: { id: string } }[] }>(
      `query ($text: String!, $exclude: ID) { similarQuestions(text: $text, first: 10, excludeQuestionId: $exclude) { question { id } } }`,
      { text: text.slice(0, 5000), exclude },
    );
    latencies.push(performance.now() - t0);
    return data.similarQuestions.map((s) => external.get(s.question.id) ?? '');
  };

  const corpus = questions.map((q) => `${q.title} ${plainText(q.body)}`);
  const bm25 = (query: string, excludeId: string): string[] => {
    const scores = BM25(corpus, tokens(query));
    return questions
      .map((q, i) => ({ id: String(q.id), score: scores[i]! }))
      .filter((s) => s.id !== excludeId && s.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, 10)
      .map((s) => s.id);
  };
  const rank = (list: string[], id: string): number | null => {
    const index = list.indexOf(id);
    return index < 0 ? null : index + 1;
  };

  const results: Record<string, Ranks> = {
    'peerdesk title': { ranks: [] },
    'peerdesk title+body': { ranks: [] },
    'BM25 title': { ranks: [] },
    'BM25 title+body': { ranks: [] },
  };
  for (const pair of pairs) {
    const duplicate = byId.get(String(pair.duplicate_id));
    const dupInternal = internal.get(String(pair.duplicate_id));
    if (!duplicate || !dupInternal || !byId.has(String(pair.original_id))) continue;
    const original = String(pair.original_id);
    const titleAndBody = `${duplicate.title}\n${plainText(duplicate.body)}`;
    results['peerdesk title']!.ranks.push(rank(await ask(duplicate.title, dupInternal), original));
    results['peerdesk title+body']!.ranks.push(rank(await ask(titleAndBody, dupInternal), original));
    results['BM25 title']!.ranks.push(rank(bm25(duplicate.title, String(pair.duplicate_id)), original));
    results['BM25 title+body']!.ranks.push(rank(bm25(titleAndBody, String(pair.duplicate_id)), original));
  }

  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  console.log(
    `\n${'ranking'.padEnd(22)} ${'R@1'.padStart(7)} ${'R@5'.padStart(7)} ${'R@10'.padStart(7)} ${'MRR@10'.padStart(7)}   (n = ${results['BM25 title']!.ranks.length})`,
  );
  for (const [name, ranks] of Object.entries(results)) {
    const m = metrics(ranks);
    console.log(`${name.padEnd(22)} ${pct(m.r1)} ${pct(m.r5)} ${pct(m.r10)} ${m.mrr10.toFixed(3).padStart(7)}`);
  }
  console.log(
    `\nsimilarQuestions latency over ${latencies.length} calls: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms`,
  );
} finally {
  await stack.stop();
}
