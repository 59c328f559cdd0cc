// Index lag: under a steady stream of writes (default 50 questions/s for 30 s), how long from a
// question's commit until search finds it. Every write is timed from the moment the mutation
// returned (committed) until `search` returns it, sampled by one poller per write.
// Run: pnpm bench:lag   (BENCH_SECONDS, BENCH_RATE to change the load)
import { ApiClient, signedUpClient } from '../support/api.ts';
import { startStack } from '../support/stack.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const rate = Number(process.env.BENCH_RATE ?? 50);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const stack = await startStack({ demo: true });
try {
  const writers = await Promise.all([1, 2, 3, 4, 5].map((n) => signedUpClient(stack.apiUrl, `Lag Writer ${n}`)));
  const reader = new ApiClient(stack.apiUrl);
  const lags: number[] = [];
  const commits: number[] = [];
  let failures = 0;

  const waitSearchable = async (token: string, committedAt: number) => {
    const deadline = committedAt + 30_000;
    while (performance.now() < deadline) {
      const data = await reader.request<{ search: { totalCount: number } }>(
        `query ($q: String!) { search(query: $q, first: 1) { totalCount } }`,
        { q: token },
      );
      if (data.search.totalCount > 0) return lags.push(performance.now() - committedAt);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    failures++;
  };

  const pending: Promise<unknown>[] = [];
  const started = performance.now();
  for (let i = 0; performance.now() - started < seconds * 1000; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const token = `lagprobe${i}x${Math.random().toString(36).slice(2, 8)}`;
    const writer = writers[i % writers.length]!.client;
    const t0 = performance.now();
    pending.push(
      writer
        .askQuestion({
          spaceSlug: 'billing-tariffs',
          title: `Meter question ${token} about tariffs`,
          body: `Steady write number ${i} for the index lag benchmark (${token}).`,
        })
        .then(() => {
          const committedAt = performance.now();
          commits.push(committedAt - t0);
          return waitSearchable(token, committedAt);
        })
        .catch(() => failures++),
    );
  }
  await Promise.all(pending);
  const achieved = commits.length / seconds;
  console.log(`\nindex lag under ${achieved.toFixed(1)} writes/s for ${seconds} s (${commits.length} questions, ${failures} failures)`);
  console.log(`  write (commit) latency  p50 ${percentile(commits, 50).toFixed(1)} ms   p95 ${percentile(commits, 95).toFixed(1)} ms`);
  console.log(
    `  commit → searchable     p50 ${percentile(lags, 50).toFixed(1)} ms   p95 ${percentile(lags, 95).toFixed(1)} ms   max ${Math.max(...lags).toFixed(1)} ms`,
  );
} finally {
  await stack.stop();
}
