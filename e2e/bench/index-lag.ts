// Index lag: under a steady stream of writes (default 50 new questions/s for 30 s), how long from a
// question's commit until it is in the search index. The indexer stamps each document with the time
// it wrote it (search_documents.indexed_at); the question's created_at is its transaction's time, so
// their difference is the lag (both within a millisecond or two of the commits). Reading it from the
// database keeps the measurement from loading the api with polling searches.
// Run: pnpm bench:lag   (BENCH_SECONDS, BENCH_RATE to change the load)
import pg from 'pg';
import { ApiClient, signedUpClient } from '../support/api.ts';
import { sql } from '../support/db.ts';
import { startStack } from '../support/stack.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const rate = Number(process.env.BENCH_RATE ?? 50);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const stack = await startStack({ demo: true, env: { SEARCH_RATE_LIMIT: '0' } });
try {
  const writers = await Promise.all([1, 2, 3, 4, 5].map((n) => signedUpClient(stack.apiUrl, `Lag Writer ${n}`)));
  // Moderators: their questions publish at once and are not metered, so the probe measures indexing, not rate limits.
  await sql(stack.databaseUrl, `UPDATE users SET role = 'moderator' WHERE display_name LIKE 'Lag Writer %'`);
  const commits: number[] = [];
  let failures = 0;
  const pending: Promise<unknown>[] = [];
  const started = performance.now();
  for (let i = 0; performance.now() - started < seconds * 1000; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const writer = writers[i % writers.length]!.client;
    const t0 = performance.now();
    pending.push(
      writer
        .askQuestion({
          spaceSlug: 'billing-tariffs',
          title: `Lag probe ${i}: meter question about tariffs`,
          body: `Steady write number ${i} for the index lag benchmark.`,
        })
        .then(() => commits.push(performance.now() - t0))
        .catch(() => failures++),
    );
  }
  await Promise.all(pending);
  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  for (;;) {
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE processed_at IS NULL`);
    if (rows[0].n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { rows } = await db.query(
    `SELECT extract(epoch FROM s.indexed_at - q.created_at) * 1000 AS lag_ms
       FROM questions q JOIN search_documents s ON s.question_id = q.id WHERE q.title LIKE 'Lag probe %'`,
  );
  await db.end();
  const lags = rows.map((r: { lag_ms: string }) => Number(r.lag_ms));
  // A search right after confirms the last probe is findable through the api.
  const found = await new ApiClient(stack.apiUrl).request<{ search: { totalCount: number } }>(
    `query { search(query: "lag probe meter", first: 1) { totalCount } }`,
  );
  console.log(
    `\nindex lag under ${(commits.length / seconds).toFixed(1)} writes/s for ${seconds} s (${commits.length} questions, ${failures} failures, ${found.search.totalCount} found by search)`,
  );
  console.log(`  write (commit) latency  p50 ${percentile(commits, 50).toFixed(1)} ms   p95 ${percentile(commits, 95).toFixed(1)} ms`);
  console.log(
    `  commit → indexed        p50 ${percentile(lags, 50).toFixed(1)} ms   p95 ${percentile(lags, 95).toFixed(1)} ms   max ${Math.max(...lags).toFixed(1)} ms  (${lags.length} measured)`,
  );
} finally {
  await stack.stop();
}
