// Similar-question relevance on a realistic community. Imports, with the product's importer
// (`node api/dist/cli.js import`), into a fresh database: the AskUbuntu dev questions
// (../shared/data/relevance-dev) together with every other corpus in ../shared/data as distractors
// (support-forums JSONL, the cardano Stack Exchange dump) and generated support threads (votes,
// accepted answers, newer and higher ids than the dev questions) so that ≥ 20,000 threads exist and
// common words match thousands of them. Then, for every duplicate pair, asks `similarQuestions`
// (first: 10, excluding the duplicate itself) with the duplicate's title, and with its title + the
// first 1,000 characters of its body, and records where the original ranks; Okapi BM25 over exactly
// the documents the product indexed (title, tags, body, answers) is the baseline. All of it runs once
// per import order, each into its own fresh database, so one can see whether the order moves results.
//
// Known duplicates (issue #11, "learned from the community's own data"): the dev pairs are split in two
// halves by a seeded hash of the duplicate's id (each duplicate has one original, so a pair's own link is
// only ever in its own half). Fold 1 imports the links of half A (JSONL `duplicate_of`, through the
// importer) and scores half B; the links are then taken back as a moderator would (reopenQuestion) and
// fold 2 imports half B's links and scores half A. Originals of the scored half may have other
// duplicates in the imported half — as in a real community, where earlier duplicates are known — but
// never the scored one. Every fold is also scored without links (the same database before any link) and
// with BM25 over the same documents with and without the duplicates' titles.
// RELEVANCE_SPLIT=original splits by the original's id instead (then no scored original has any link).
//
// Run: pnpm bench:relevance            (full: 16,000 generated threads, ~21,000 threads in all; three import orders)
//      pnpm bench:relevance --quick    (3,000 generated threads, two import orders; or RELEVANCE_QUICK=1)
// Env: RELEVANCE_DISTRACTORS=<n> generated threads; RELEVANCE_ORDERS=dev-first,distractors-first,dev-shuffled
//      RELEVANCE_API_PORT (4461) and RELEVANCE_PG_PORT (54461) for the api and its embedded PostgreSQL;
//      the api inherits the environment (e.g. STATEMENT_TIMEOUT_MS); RELEVANCE_STALL_MS (300000) gives up
//      on an indexer whose queue stops shrinking.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ApiClient } from '../support/api.ts';
import { startApiStack } from '../support/api-stack.ts';
import { repoRoot } from '../support/stack.ts';
import { Bm25Index, checkAgainstOkapi, STOP_WORDS, tokens } from './bm25.ts';
import { writeDistractors } from './relevance-distractors.ts';

const quick = process.argv.includes('--quick') || ['1', 'true', 'yes'].includes(process.env.RELEVANCE_QUICK ?? '');
const generatedCount = Number(process.env.RELEVANCE_DISTRACTORS ?? (quick ? 3_000 : 16_000));
const orderNames = (process.env.RELEVANCE_ORDERS ?? (quick ? 'dev-first,distractors-first' : 'dev-first,distractors-first,dev-shuffled'))
  .split(',')
  .map((s) => s.trim());
const apiPort = Number(process.env.RELEVANCE_API_PORT ?? 4461);
const pgPort = Number(process.env.RELEVANCE_PG_PORT ?? 54461);
const shared = join(repoRoot, '..', 'shared', 'data');
const devDir = process.env.RELEVANCE_DATA ?? join(shared, 'relevance-dev');
const DEV_SOURCE = 'askubuntu-relevance-dev';
const DEV_DATE = '2014-01-01T00:00:00';
const STALL_MS = Number(process.env.RELEVANCE_STALL_MS ?? 300_000);
const splitBy = process.env.RELEVANCE_SPLIT === 'original' ? 'original' : 'duplicate';
/** RELEVANCE_TRACE=<file>: one JSON line per query and ranking (query, original, rank, top 5), to study the misses. */
const trace = process.env.RELEVANCE_TRACE;

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

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
};
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const number = (n: number): string => n.toLocaleString('en-US');

interface Metrics {
  r1: number;
  r5: number;
  r10: number;
  mrr10: number;
  n: number;
}
function metrics(ranks: (number | null)[]): Metrics {
  const within = (k: number) => ranks.filter((r) => r !== null && r <= k).length / ranks.length;
  const mrr = ranks.reduce<number>((sum, r) => sum + (r !== null && r <= 10 ? 1 / r : 0), 0) / ranks.length;
  return { r1: within(1), r5: within(5), r10: within(10), mrr10: mrr, n: ranks.length };
}

// ---- the inputs ----------------------------------------------------------------------------------

checkAgainstOkapi();
const questions = readJsonl<Question>(join(devDir, 'questions.jsonl'));
const pairs = readJsonl<Pair>(join(devDir, 'pairs.jsonl')).filter((p) => p.label === 'duplicate');
const byId = new Map(questions.map((q) => [String(q.id), q]));
const work = mkdtempSync(join(tmpdir(), 'peerdesk-relevance-'));
process.once('exit', () => rmSync(work, { recursive: true, force: true }));

// The dev questions have no dates, answers or authors; the importer needs a creation date.
const devLine = (q: Question, duplicateOf?: string) =>
  JSON.stringify({
    ...(duplicateOf ? { duplicate_of: duplicateOf } : {}),
    id: q.id,
    title: q.title,
    body: q.body,
    body_format: 'html',
    tags: [],
    creation_date: DEV_DATE,
    score: 0,
    answers: [],
    comments: [],
  });
const devFile = join(work, 'relevance-dev.jsonl');
writeFileSync(devFile, questions.map((q) => devLine(q)).join('\n'));
let shuffleSeed = 7;
const shuffled = [...questions];
for (let i = shuffled.length - 1; i > 0; i--) {
  shuffleSeed = (shuffleSeed * 1_103_515_245 + 12_345) % 2_147_483_648;
  const j = shuffleSeed % (i + 1);
  [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
}
const devShuffledFile = join(work, 'relevance-dev-shuffled.jsonl');
writeFileSync(devShuffledFile, shuffled.map((q) => devLine(q)).join('\n'));

/** Half 0 or 1 of a pair: a fixed, seeded hash (FNV-1a) of the duplicate's (or the original's) id. */
const halfOf = (pair: Pair): 0 | 1 => {
  let h = 0x811c9dc5;
  for (const c of `relevance-split-1:${splitBy === 'original' ? pair.original_id : pair.duplicate_id}`)
    h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  return ((h >>> 0) % 2) as 0 | 1;
};
/** The links of a half, as dev thread lines with `duplicate_of`: imported again, the threads are present and only the links go in. */
const linkFiles = ([0, 1] as const).map((half) => {
  const file = join(work, `relevance-dev-links-${half}.jsonl`);
  const lines = pairs
    .filter((p) => halfOf(p) === half && byId.has(String(p.duplicate_id)))
    .map((p) => devLine(byId.get(String(p.duplicate_id))!, String(p.original_id)));
  writeFileSync(file, lines.join('\n'));
  return file;
});

const generatedFile = join(work, 'generated.jsonl');
const generated = await writeDistractors(generatedFile, {
  count: generatedCount,
  firstId: 50_000_000,
  from: new Date('2016-01-01T00:00:00Z'),
  to: new Date('2025-06-30T00:00:00Z'),
});

interface Source {
  name: string;
  args: string[];
}
const SOURCES: Record<string, Source> = {
  dev: { name: 'relevance-dev', args: [devFile, '--format', 'jsonl', '--space', 'askubuntu', '--source', DEV_SOURCE] },
  devShuffled: {
    name: 'relevance-dev (shuffled)',
    args: [devShuffledFile, '--format', 'jsonl', '--space', 'askubuntu', '--source', DEV_SOURCE],
  },
  cardano: {
    name: 'stackexchange-cardano',
    args: [
      join(shared, 'stackexchange-cardano'),
      '--format',
      'stackexchange',
      '--space',
      'cardano',
      '--source',
      'cardano.stackexchange.com',
    ],
  },
  forums: {
    name: 'support-forums',
    args: [
      join(shared, 'support-forums'),
      '--format',
      'jsonl',
      '--space',
      'support-forums',
      '--source',
      'support-forums',
      '--license',
      "texts remain their authors'",
    ],
  },
  generated: {
    name: `generated (${number(generatedCount)})`,
    args: [generatedFile, '--format', 'jsonl', '--space', 'community', '--source', 'peerdesk-bench-generated'],
  },
};
const ORDERS: Record<string, (keyof typeof SOURCES)[]> = {
  'dev-first': ['dev', 'cardano', 'forums', 'generated'],
  'distractors-first': ['generated', 'forums', 'cardano', 'dev'],
  'dev-shuffled': ['cardano', 'devShuffled', 'generated', 'forums'],
};
for (const name of orderNames) if (!ORDERS[name]) throw new Error(`unknown order "${name}": use ${Object.keys(ORDERS).join(', ')}`);

console.log(
  `relevance-dev: ${questions.length} questions, ${pairs.length} duplicate pairs; ${number(generated.threads)} generated threads ` +
    `(${number(generated.answers)} answers, ${number(generated.accepted)} accepted)${quick ? ' [quick]' : ''}; orders: ${orderNames.join(', ')}`,
);

// ---- one run: fresh database, import in the given order, query --------------------------------------

/** Without links; with the links of the other half (each fold scores one half); BM25 also over the duplicates' titles. */
const RANKINGS = [
  'Peerdesk title',
  'Peerdesk title + links',
  'BM25 title',
  'BM25 title + links',
  'Peerdesk title+body',
  'Peerdesk title+body + links',
  'BM25 title+body',
  'BM25 title+body + links',
] as const;
type Ranking = (typeof RANKINGS)[number];

interface OrderResult {
  order: string;
  threads: number;
  posts: number;
  importMs: number;
  indexedMs: number;
  /** Per fold (0: links of half A, scoring half B; 1: the reverse). */
  folds: Record<Ranking, Metrics>[];
  latencies: number[];
  /** Peerdesk's top 10 per query, as source:external id (ids inside a database depend on the import order). */
  lists: string[][];
  /** The query of each list. */
  queries: string[];
  commonTitle: number[];
  commonTitleBody: number[];
  wordFrequency: Map<string, number>;
}

const COMMON_WORDS = ['get', 'use', 'install', 'error', 'working', 'how', 'update', 'problem', 'not'];
const REOPEN = `mutation ($input: ModerateQuestionInput!) { reopenQuestion(input: $input) { status } }`;

async function run(order: string): Promise<OrderResult> {
  console.log(`\n== order ${order}: ${ORDERS[order]!.map((s) => SOURCES[s]!.name).join(' → ')}`);
  // One client asks hundreds of look-ups a minute: the per-client search limit is off, as for every benchmark.
  const stack = await startApiStack({ apiPort, pgPort, name: `bench-relevance-${order}`, env: { SEARCH_RATE_LIMIT: '0' } });
  try {
    const db = new pg.Client({ connectionString: stack.databaseUrl });
    await db.connect();
    try {
      const importFile = (name: string, args: string[]) => {
        const t0 = performance.now();
        const imported = spawnSync(process.execPath, ['api/dist/cli.js', 'import', ...args], {
          cwd: repoRoot,
          env: { ...process.env, DATABASE_URL: stack.databaseUrl, LOG_LEVEL: 'warn' },
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        });
        if (imported.status !== 0) throw new Error(`import of ${name} failed:\n${imported.stdout}\n${imported.stderr.slice(-4_000)}`);
        console.log(`  imported ${name} in ${seconds(performance.now() - t0)}`);
      };
      // Searchable means: the outbox-driven indexer has caught up. A queue that does not shrink for
      // five minutes is a stalled indexer: say so (with the api's last words) instead of waiting forever.
      const indexed = async (started: number) => {
        let lowest = Infinity;
        let progressAt = performance.now();
        let reportedAt = performance.now();
        for (;;) {
          const { rows } = await db.query(`SELECT count(*)::int AS pending FROM outbox_events WHERE processed_at IS NULL`);
          const pending = rows[0].pending as number;
          if (pending === 0) return;
          if (pending < lowest) [lowest, progressAt] = [pending, performance.now()];
          if (performance.now() - progressAt > STALL_MS)
            throw new Error(
              `the search indexer stalled: ${number(pending)} outbox events still pending, none done for ${seconds(STALL_MS)}. ` +
                `(If its batches hit the api's statement timeout on a busy machine, STATEMENT_TIMEOUT_MS=120000 lets them finish.) ` +
                `The api's last lines (e2e/results/bench-relevance-${order}.api.log):\n${stack.logs()}`,
            );
          if (performance.now() - reportedAt > 30_000) {
            reportedAt = performance.now();
            console.log(`  … indexing, ${number(pending)} outbox events pending after ${seconds(performance.now() - started)}`);
          }
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      };
      const started = performance.now();
      for (const key of ORDERS[order]!) importFile(SOURCES[key]!.name, SOURCES[key]!.args);
      const importMs = performance.now() - started;
      await indexed(started);
      const indexedMs = performance.now() - started;
      const counts = await db.query(
        `SELECT (SELECT count(*)::int FROM questions) AS threads, (SELECT count(*)::int FROM answers) AS answers,
                (SELECT count(*)::int FROM search_documents) AS indexed`,
      );
      const { threads, answers, indexed: indexedCount } = counts.rows[0] as { threads: number; answers: number; indexed: number };
      const posts = threads + answers;
      console.log(
        `  ${number(threads)} threads, ${number(posts)} posts (${number(indexedCount)} threads indexed): imported in ${seconds(importMs)} ` +
          `(${number(Math.round(posts / (importMs / 1000)))} posts/s), searchable after ${seconds(indexedMs)} (${number(Math.round(posts / (indexedMs / 1000)))} posts/s)`,
      );

      const refs = await db.query(
        `SELECT external_id, internal_id::text AS internal_id FROM external_refs WHERE kind = 'question' AND source = $1`,
        [DEV_SOURCE],
      );
      const internal = new Map<string, string>(
        refs.rows.map((r: { external_id: string; internal_id: string }) => [r.external_id, r.internal_id]),
      );
      // The baseline sees exactly what the product indexed: title, tags, body and answers of every thread,
      // and (the "+ links" variant) the titles of its known duplicates.
      const bm25Index = async (withDuplicateTitles: boolean) => {
        const documents = await db.query(
          `SELECT question_id::text AS id, title || ' ' || array_to_string(tags, ' ') || ' ' || ${withDuplicateTitles ? `duplicate_titles || ' ' || ` : ''}body_text || ' ' || answers_text AS text
             FROM search_documents ORDER BY question_id`,
        );
        return new Bm25Index(documents.rows as { id: string; text: string }[]);
      };
      const bm25 = await bm25Index(false);

      const api = new ApiClient(stack.apiUrl);
      const latencies: number[] = [];
      const similar = async (text: string, exclude: string): Promise<string[]> => {
        for (let attempt = 1; ; attempt++) {
          const t0 = performance.now();
          try {
            const data = await api.request<{ similarQuestions: { question: { id: string } }[] }>(
              `query ($text: String!, $exclude: ID) { similarQuestions(text: $text, first: 10, excludeQuestionId: $exclude) { question { id } } }`,
              { text: text.slice(0, 5000), exclude },
            );
            latencies.push(performance.now() - t0);
            return data.similarQuestions.map((s) => s.question.id);
          } catch (error) {
            if (attempt >= 3) throw error;
            await new Promise((resolve) => setTimeout(resolve, 1_000));
          }
        }
      };
      const rank = (list: string[], id: string | undefined): number | null => {
        const index = id === undefined ? -1 : list.indexOf(id);
        return index < 0 ? null : index + 1;
      };
      // How many threads the query's most common (non-stop-word) token occurs in.
      const mostCommon = (query: string): number =>
        Math.max(
          0,
          ...tokens(query)
            .filter((t) => !STOP_WORDS.has(t))
            .map((t) => bm25.documentFrequency(t)),
        );

      const allRefs = await db.query(
        `SELECT source || ':' || external_id AS stable, internal_id::text AS internal_id FROM external_refs WHERE kind = 'question'`,
      );
      const stable = new Map<string, string>(allRefs.rows.map((r: { stable: string; internal_id: string }) => [r.internal_id, r.stable]));
      const stableId = (id: string): string => stable.get(id) ?? `internal:${id}`;
      const lists: string[][] = [];
      const queries: string[] = [];
      const commonTitle: number[] = [];
      const commonTitleBody: number[] = [];
      const scorable = pairs.filter(
        (p) => byId.has(String(p.duplicate_id)) && internal.has(String(p.duplicate_id)) && internal.has(String(p.original_id)),
      );
      /** Ranks of each pair's original, Peerdesk and BM25, title and title+body. */
      const titles = new Map<string, string>(
        trace
          ? (await db.query(`SELECT id::text AS id, title FROM questions`)).rows.map((r: { id: string; title: string }) => [r.id, r.title])
          : [],
      );
      const titleOf = (id: string) => titles.get(id) ?? id;
      const traced = (label: string, query: string, original: string, list: string[]) => {
        if (!trace) return;
        const entry = {
          order,
          label,
          query: query.slice(0, 200),
          original: titleOf(original),
          rank: rank(list, original),
          top: list.slice(0, 5).map(titleOf),
        };
        appendFileSync(trace, `${JSON.stringify(entry)}\n`);
      };
      const score = async (list: Pair[], index: Bm25Index, linked = false) => {
        const ranks = {
          title: [] as (number | null)[],
          titleBody: [] as (number | null)[],
          bm25Title: [] as (number | null)[],
          bm25TitleBody: [] as (number | null)[],
        };
        for (const pair of list) {
          const duplicate = byId.get(String(pair.duplicate_id))!;
          const dup = internal.get(String(pair.duplicate_id))!;
          const original = internal.get(String(pair.original_id))!;
          const title = duplicate.title;
          const titleAndBody = `${duplicate.title}\n${plainText(duplicate.body).slice(0, 1_000)}`;
          const byTitle = await similar(title, dup);
          const byTitleAndBody = await similar(titleAndBody, dup);
          ranks.title.push(rank(byTitle, original));
          ranks.titleBody.push(rank(byTitleAndBody, original));
          traced(`title${linked ? ' + links' : ''}`, title, original, byTitle);
          traced(`title+body${linked ? ' + links' : ''}`, titleAndBody, original, byTitleAndBody);
          traced(`BM25 title${linked ? ' + links' : ''}`, title, original, index.search(title, 10, dup));
          lists.push(byTitle.map(stableId), byTitleAndBody.map(stableId));
          queries.push(title, titleAndBody);
          ranks.bm25Title.push(rank(index.search(title, 10, dup), original));
          ranks.bm25TitleBody.push(rank(index.search(titleAndBody, 10, dup), original));
        }
        return ranks;
      };
      for (const pair of scorable) {
        commonTitle.push(mostCommon(byId.get(String(pair.duplicate_id))!.title));
        commonTitleBody.push(
          mostCommon(
            `${byId.get(String(pair.duplicate_id))!.title}\n${plainText(byId.get(String(pair.duplicate_id))!.body).slice(0, 1_000)}`,
          ),
        );
      }
      const halves = [0, 1].map((half) => scorable.filter((p) => halfOf(p) === half));
      console.log(`  pairs split by ${splitBy} id: half A ${halves[0]!.length}, half B ${halves[1]!.length}`);
      // Without links: every pair once (each fold's figure is its scored half's).
      const plain = [await score(halves[0]!, bm25), await score(halves[1]!, bm25)];

      // A moderator takes a fold's links back before the next fold.
      const moderator = new ApiClient(stack.apiUrl);
      const account = await moderator.signUp('Relevance Moderator');
      await db.query(`UPDATE users SET role = 'moderator' WHERE id = $1`, [account.id]);
      const folds: Record<Ranking, Metrics>[] = [];
      for (const [fold, linked] of [
        [0, 0],
        [1, 1],
      ] as const) {
        const scored = 1 - linked;
        const t0 = performance.now();
        importFile(`links of half ${'AB'[linked]} (${halves[linked]!.length})`, [
          linkFiles[linked]!,
          '--format',
          'jsonl',
          '--space',
          'askubuntu',
          '--source',
          DEV_SOURCE,
        ]);
        await indexed(t0);
        const { rows } = await db.query(`SELECT count(*)::int AS n FROM questions WHERE closed_reason = 'duplicate' AND source_name = $1`, [
          DEV_SOURCE,
        ]);
        console.log(
          `  fold ${fold + 1}: ${rows[0].n} dev questions closed as duplicates; reindexed after ${seconds(performance.now() - t0)}`,
        );
        const linkedRanks = await score(halves[scored]!, await bm25Index(true), true);
        const without = plain[scored]!;
        folds.push({
          'Peerdesk title': metrics(without.title),
          'Peerdesk title + links': metrics(linkedRanks.title),
          'BM25 title': metrics(without.bm25Title),
          'BM25 title + links': metrics(linkedRanks.bm25Title),
          'Peerdesk title+body': metrics(without.titleBody),
          'Peerdesk title+body + links': metrics(linkedRanks.titleBody),
          'BM25 title+body': metrics(without.bm25TitleBody),
          'BM25 title+body + links': metrics(linkedRanks.bm25TitleBody),
        });
        if (fold === 0) {
          for (const pair of halves[linked]!)
            await moderator.request(REOPEN, {
              input: { questionId: internal.get(String(pair.duplicate_id))!, reason: 'bench: next fold' },
            });
          const t1 = performance.now();
          await indexed(t1);
          const left = await db.query(`SELECT count(*)::int AS n FROM search_documents WHERE duplicate_titles <> ''`);
          console.log(`  links of half A taken back (reopened); threads still indexed with duplicate titles: ${left.rows[0].n}`);
        }
      }
      return {
        order,
        threads,
        posts,
        importMs,
        indexedMs,
        folds,
        latencies,
        commonTitle,
        commonTitleBody,
        lists,
        queries,
        wordFrequency: new Map(COMMON_WORDS.map((w) => [w, bm25.documentFrequency(w)])),
      };
    } finally {
      await db.end();
    }
  } finally {
    await stack.stop();
  }
}

/** The two-fold figure: each metric averaged over the folds. */
function averaged(folds: Record<Ranking, Metrics>[]): Record<Ranking, Metrics> {
  const mean = (name: Ranking, key: keyof Metrics) => folds.reduce((sum, f) => sum + f[name][key], 0) / folds.length;
  return Object.fromEntries(
    RANKINGS.map((name) => [
      name,
      {
        r1: mean(name, 'r1'),
        r5: mean(name, 'r5'),
        r10: mean(name, 'r10'),
        mrr10: mean(name, 'mrr10'),
        n: folds.reduce((s, f) => s + f[name].n, 0),
      },
    ]),
  ) as Record<Ranking, Metrics>;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
function printTable(result: OrderResult): void {
  const table = (label: string, m: Record<Ranking, Metrics>) => {
    console.log(
      `\n  ${label.padEnd(30)} ${'R@1'.padStart(7)} ${'R@5'.padStart(7)} ${'R@10'.padStart(7)} ${'MRR@10'.padStart(7)}   (n = ${m['BM25 title'].n})`,
    );
    for (const name of RANKINGS)
      console.log(`  ${name.padEnd(30)} ${pct(m[name].r1)} ${pct(m[name].r5)} ${pct(m[name].r10)} ${m[name].mrr10.toFixed(3).padStart(7)}`);
  };
  result.folds.forEach((f, i) => table(`fold ${i + 1} (links ${'AB'[i]}, scored ${'BA'[i]})`, f));
  table('two-fold average', averaged(result.folds));
  const over = (values: number[], n: number) => `${((values.filter((v) => v > n).length / values.length) * 100).toFixed(0)}%`;
  console.log(
    `  threads matching the query's most common term (token, stop words aside): median ${number(median(result.commonTitle))} for titles ` +
      `(${over(result.commonTitle, 1_000)} of queries > 1,000), ${number(median(result.commonTitleBody))} for title+body (${over(result.commonTitleBody, 1_000)} > 1,000)`,
  );
  console.log(`  threads containing: ${[...result.wordFrequency].map(([w, n]) => `"${w}" ${number(n)}`).join(', ')}`);
  console.log(
    `  similarQuestions latency over ${result.latencies.length} calls: p50 ${percentile(result.latencies, 50).toFixed(0)} ms, p95 ${percentile(result.latencies, 95).toFixed(0)} ms`,
  );
}

const results: OrderResult[] = [];
try {
  for (const order of orderNames) {
    const result = await run(order);
    printTable(result);
    results.push(result);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

// ---- summary across orders -------------------------------------------------------------------------

console.log(
  `\n== summary (${quick ? 'quick' : 'full'}; split by ${splitBy} id; two-fold averages; n = ${results[0] ? averaged(results[0].folds)['BM25 title'].n : 0} scored pairs)\n`,
);
console.log(
  `| import order | corpus (threads / posts) | import, posts/s | searchable after | ranking | R@1 | R@5 | R@10 | MRR@10 |\n|---|---|---|---|---|---|---|---|---|`,
);
for (const r of results) {
  const avg = averaged(r.folds);
  for (const name of RANKINGS) {
    const m = avg[name];
    console.log(
      `| ${r.order} | ${number(r.threads)} / ${number(r.posts)} | ${seconds(r.importMs)}, ${number(Math.round(r.posts / (r.importMs / 1000)))} | ${seconds(r.indexedMs)} | ${name} | ` +
        `${(m.r1 * 100).toFixed(1)} | ${(m.r5 * 100).toFixed(1)} | ${(m.r10 * 100).toFixed(1)} | ${m.mrr10.toFixed(3)} |`,
    );
  }
}
if (results.length > 1) {
  const first = results[0]!.lists;
  const same = first.filter((list, i) => results.every((r) => r.lists[i]?.join(' ') === list.join(' '))).length;
  console.log(`\nPeerdesk's top-10 lists identical in every import order for ${same} of ${first.length} queries (without and with links)`);
  first.forEach((list, i) => {
    if (results.every((r) => r.lists[i]?.join(' ') === list.join(' '))) return;
    console.log(`  differs: "${results[0]!.queries[i]!.slice(0, 80)}"`);
    for (const r of results) console.log(`    ${r.order.padEnd(18)} ${r.lists[i]!.join(' ')}`);
  });
  console.log('\nspread across import orders (max − min, points of R@5 / MRR@10, two-fold averages):');
  for (const name of RANKINGS) {
    const r5 = results.map((r) => averaged(r.folds)[name].r5 * 100);
    const mrr = results.map((r) => averaged(r.folds)[name].mrr10);
    console.log(
      `  ${name.padEnd(30)} R@5 ${(Math.max(...r5) - Math.min(...r5)).toFixed(1)}, MRR@10 ${(Math.max(...mrr) - Math.min(...mrr)).toFixed(3)}`,
    );
  }
}
