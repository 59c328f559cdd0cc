// Import until searchable: the support-forums JSONL (3,326 threads, 9,894 replies) imported with the
// product's importer (`node api/dist/cli.js import … --format jsonl`, what `pnpm cli import` runs)
// into a fresh embedded PostgreSQL while the api's outbox-driven indexer runs, timed from the start
// of the import until the last post is searchable (no outbox event pending, every thread in
// search_documents). Then the same import again: it must add nothing and leave the index as it was.
// Run: pnpm bench:import   (IMPORT_API_PORT / IMPORT_PG_PORT, default 4481 / 54481; IMPORT_DATA for another JSONL folder)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { ApiClient } from '../support/api.ts';
import { startApiStack } from '../support/api-stack.ts';
import { repoRoot } from '../support/stack.ts';

const apiPort = Number(process.env.IMPORT_API_PORT ?? 4481);
const pgPort = Number(process.env.IMPORT_PG_PORT ?? 54481);
const data = process.env.IMPORT_DATA ?? join(repoRoot, '..', 'shared', 'data', 'support-forums');
const STALL_MS = 300_000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (posts: number, ms: number) => `${Math.round(posts / (ms / 1000)).toLocaleString('en')} posts/s`;

function importOnce(databaseUrl: string): string {
  const result = spawnSync(
    process.execPath,
    ['api/dist/cli.js', 'import', data, '--format', 'jsonl', '--space', 'support-forums', '--source', 'support-forums'],
    { cwd: repoRoot, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }, encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  if (result.status !== 0) throw new Error(`the import failed:\n${result.stdout}\n${result.stderr.slice(-4_000)}`);
  return result.stdout;
}

/** Waits until the indexer has consumed every outbox event; resolves with the time it happened. */
async function searchable(db: pg.Client): Promise<number> {
  let lowest = Infinity;
  let progressAt = performance.now();
  for (;;) {
    const { rows } = await db.query(`SELECT count(*)::int AS pending FROM outbox_events WHERE processed_at IS NULL`);
    const pending = rows[0].pending as number;
    if (pending === 0) return performance.now();
    if (pending < lowest) [lowest, progressAt] = [pending, performance.now()];
    if (performance.now() - progressAt > STALL_MS) throw new Error(`the indexer stalled with ${pending} outbox events pending`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function indexState(db: pg.Client) {
  const { rows } = await db.query(
    `SELECT (SELECT count(*)::int FROM questions) AS threads, (SELECT count(*)::int FROM answers) AS answers,
            (SELECT count(*)::int FROM search_documents) AS indexed, (SELECT count(*)::int FROM search_postings) AS postings,
            (SELECT md5(string_agg(lexeme || ':' || df, ',' ORDER BY lexeme)) FROM search_terms) AS terms,
            (SELECT documents::int FROM search_stats) AS documents, (SELECT total_length::text FROM search_stats) AS total_length`,
  );
  return rows[0] as {
    threads: number;
    answers: number;
    indexed: number;
    postings: number;
    terms: string;
    documents: number;
    total_length: string;
  };
}

const stack = await startApiStack({
  apiPort,
  pgPort,
  name: 'bench-import',
  env: { SEARCH_RATE_LIMIT: '0', STATEMENT_TIMEOUT_MS: '120000' },
});
try {
  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  try {
    const started = performance.now();
    const summary = importOnce(stack.databaseUrl);
    const imported = performance.now();
    const done = await searchable(db);
    const state = await indexState(db);
    const posts = state.threads + state.answers;
    console.log(
      summary
        .split('\n')
        .filter((l) => /^(Phases|Throughput)/.test(l))
        .join('\n'),
    );
    console.log(
      `\n${state.threads.toLocaleString('en')} threads, ${posts.toLocaleString('en')} posts (${state.indexed.toLocaleString('en')} threads indexed, ` +
        `${state.postings.toLocaleString('en')} postings)`,
    );
    console.log(`  imported after    ${seconds(imported - started)}  ${rate(posts, imported - started)}`);
    console.log(
      `  searchable after  ${seconds(done - started)}  ${rate(posts, done - started)}   (indexer finished ${seconds(done - imported)} after the import)`,
    );
    if (state.indexed !== state.threads || state.documents !== state.threads)
      throw new Error(`only ${state.indexed} of ${state.threads} threads are in the index (stats say ${state.documents})`);
    // The term and corpus statistics the writer keeps as running sums must equal a recount.
    const { rows: drift } = await db.query(
      `SELECT (SELECT count(*)::int FROM (SELECT l AS lexeme, count(*)::int AS n FROM search_documents d, unnest(tsvector_to_array(d.document)) l GROUP BY l) c
                 FULL JOIN (SELECT * FROM search_terms WHERE df > 0) t USING (lexeme) WHERE c.n IS DISTINCT FROM t.df) AS terms,
              (SELECT total_length - (SELECT sum(length) FROM search_documents) FROM search_stats)::int AS length`,
    );
    if (drift[0].terms !== 0 || drift[0].length !== 0)
      throw new Error(`the term statistics drifted from a recount: ${JSON.stringify(drift[0])}`);
    const found = await new ApiClient(stack.apiUrl).request<{ search: { totalCount: number } }>(
      `query { search(query: "envelope timeout", first: 1) { totalCount } }`,
    );
    console.log(`  search "envelope timeout" finds ${found.search.totalCount} threads`);

    const t0 = performance.now();
    importOnce(stack.databaseUrl);
    await searchable(db);
    const again = await indexState(db);
    const same = JSON.stringify(again) === JSON.stringify(state);
    console.log(
      `  re-run: ${seconds(performance.now() - t0)}, ${same ? 'nothing changed' : `CHANGED: ${JSON.stringify(state)} → ${JSON.stringify(again)}`}`,
    );
    if (!same) process.exitCode = 1;
  } finally {
    await db.end();
  }
} finally {
  await stack.stop();
}
