// Search at scale: generates BENCH_POSTS posts (default 1,000,000: a quarter questions, the rest
// answers) with realistic text — a word-bigram chain trained on the real support-forum threads —
// loads them straight into the database, rebuilds the index with `pnpm cli reindex`, then measures
// `search` and `similarQuestions` over 1,000 varied queries and prints latency and index size.
// Run: pnpm bench:scale   (BENCH_POSTS=100000 for a quicker look; BENCH_DATABASE_URL=<url> keeps the
// generated posts in that database and measures again without regenerating when it already holds them)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { ApiClient } from '../support/api.ts';
import { repoRoot, startStack } from '../support/stack.ts';

const totalPosts = Number(process.env.BENCH_POSTS ?? 1_000_000);
const questionCount = Math.round(totalPosts / 4);
const answerCount = totalPosts - questionCount;
const source = join(repoRoot, '..', 'shared', 'data', 'support-forums', 'threads.jsonl');

// A seeded generator, so runs are comparable.
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;

interface Chain {
  starts: string[];
  next: Map<string, string[]>;
}

function train(texts: string[]): Chain {
  const chain: Chain = { starts: [], next: new Map() };
  for (const text of texts) {
    const words = text.split(/\s+/).filter((w) => w.length > 0 && w.length < 30);
    if (words.length < 3) continue;
    chain.starts.push(words[0]!);
    for (let i = 0; i < words.length - 1; i++) {
      const list = chain.next.get(words[i]!) ?? [];
      list.push(words[i + 1]!);
      chain.next.set(words[i]!, list);
    }
  }
  return chain;
}

function generate(chain: Chain, min: number, max: number): string {
  const length = min + Math.floor(random() * (max - min));
  let word = pick(chain.starts);
  const out = [word];
  while (out.length < length) {
    const options = chain.next.get(word);
    word = options ? pick(options) : pick(chain.starts);
    out.push(word);
  }
  return out.join(' ');
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const threads = readFileSync(source, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { title: string; body: string; answers: { body: string }[] });
const titles = train(threads.map((t) => t.title));
const bodies = train(threads.flatMap((t) => [t.body, ...t.answers.map((a) => a.body)]));
const realTitles = threads.map((t) => t.title).filter((t) => t.length > 10);
console.log(
  `generating ${questionCount.toLocaleString('en')} questions and ${answerCount.toLocaleString('en')} answers from a chain over ${threads.length} real threads`,
);

const kept = process.env.BENCH_DATABASE_URL;
const stack = await startStack({ demo: false, databaseUrl: kept, env: { SEARCH_RATE_LIMIT: '0' } });
const db = new pg.Client({ connectionString: stack.databaseUrl });
try {
  await db.connect();
  const existing = Number((await db.query(`SELECT (SELECT count(*) FROM questions) + (SELECT count(*) FROM answers) AS n`)).rows[0].n);
  let reindexSeconds = NaN;
  if (existing > 0 && existing !== totalPosts) throw new Error(`the database holds ${existing} posts, not ${totalPosts}: use an empty one`);
  if (existing === 0) {
    const loadStarted = performance.now();
    await db.query(`INSERT INTO users (display_name, imported_from) SELECT 'Bench user ' || g, 'bench' FROM generate_series(1, 1000) g`);
    await db.query(`INSERT INTO spaces (slug, name) SELECT 'bench-' || g, 'Bench space ' || g FROM generate_series(1, 5) g`);
    await db.query(`INSERT INTO tags (slug) SELECT 'topic-' || g FROM generate_series(1, 50) g`);
    const [users, spaces, tags] = await Promise.all(
      ['users', 'spaces', 'tags'].map(async (t) => (await db.query(`SELECT min(id)::int AS min FROM ${t}`)).rows[0].min as number),
    );

    const batch = 5_000;
    for (let done = 0; done < questionCount; done += batch) {
      const n = Math.min(batch, questionCount - done);
      const rows = Array.from({ length: n }, () => ({ title: generate(titles, 6, 14).slice(0, 150), body: generate(bodies, 30, 160) }));
      await db.query(
        `INSERT INTO questions (space_id, author_id, title, body_markdown, body_html, created_at, last_activity_at)
       SELECT $1::bigint + (random() * 4)::int, $2::bigint + (random() * 999)::int, t, b, '<p>' || b || '</p>', now() - random() * interval '700 days', now()
         FROM unnest($3::text[], $4::text[]) AS x(t, b)`,
        [spaces, users, rows.map((r) => r.title), rows.map((r) => r.body)],
      );
      process.stderr.write(`\rquestions ${(done + n).toLocaleString('en')}`);
    }
    const [{ first }] = (await db.query(`SELECT min(id)::bigint AS first FROM questions`)).rows;
    for (let done = 0; done < answerCount; done += batch) {
      const n = Math.min(batch, answerCount - done);
      const bodiesBatch = Array.from({ length: n }, () => generate(bodies, 25, 120));
      await db.query(
        `INSERT INTO answers (question_id, author_id, body_markdown, body_html, score)
       SELECT $1::bigint + floor(random() * $2)::bigint, $3::bigint + (random() * 999)::int, b, '<p>' || b || '</p>', (random() * 6)::int - 1 FROM unnest($4::text[]) AS b`,
        [first, questionCount, users, bodiesBatch],
      );
      process.stderr.write(`\ranswers ${(done + n).toLocaleString('en')}  `);
    }
    await db.query(`INSERT INTO question_tags (question_id, tag_id) SELECT id, $1::bigint + (id % 50) FROM questions`, [tags]);
    await db.query(
      `UPDATE questions q SET answer_count = c.n, status = 'answered' FROM (SELECT question_id, count(*)::int AS n FROM answers GROUP BY question_id) c WHERE c.question_id = q.id`,
    );
    await db.query(
      `UPDATE questions q SET accepted_answer_id = a.id, status = 'solved', solved_at = q.created_at + interval '1 day'
       FROM (SELECT DISTINCT ON (question_id) question_id, id FROM answers ORDER BY question_id, score DESC) a
      WHERE a.question_id = q.id AND q.id % 3 = 0`,
    );
    await db.query(`ANALYZE`);
    console.log(`\nloaded ${totalPosts.toLocaleString('en')} posts in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s`);

    const reindexStarted = performance.now();
    const reindex = spawnSync(process.execPath, ['api/dist/cli.js', 'reindex'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: stack.databaseUrl },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (reindex.status !== 0) throw new Error('reindex failed');
    reindexSeconds = (performance.now() - reindexStarted) / 1000;
    await db.query(`ANALYZE search_documents; ANALYZE search_terms; ANALYZE search_postings`);
  }

  const api = new ApiClient(stack.apiUrl);
  const typo = (w: string) => (w.length > 4 ? w.slice(0, 2) + w[3] + w[2] + w.slice(4) : w);
  const queries = Array.from({ length: 1_000 }, (_, i) => {
    const words = pick(realTitles)
      .split(/\s+/)
      .filter((w) => /^[\p{L}\p{N}]{3,}$/u.test(w));
    switch (i % 4) {
      case 0:
        return words.slice(0, 1).join(' ') || 'error';
      case 1:
        return words.slice(0, 3).join(' ') || 'timeout error';
      case 2:
        return (
          words
            .map((w, j) => (j === 0 ? typo(w) : w))
            .slice(0, 4)
            .join(' ') || 'envelop'
        );
      default:
        return pick(realTitles);
    }
  });
  // Queries made only of the corpus's most common title words: each matches a large share of all threads.
  const common: { lexeme: string; df: number }[] = (
    await db.query(`SELECT lexeme, df FROM search_terms WHERE length(lexeme) > 2 ORDER BY df DESC LIMIT 12`)
  ).rows;
  const threadCount = Number((await db.query(`SELECT documents FROM search_stats`)).rows[0].documents);
  console.log(`most common terms: ${common.map((c) => `${c.lexeme} ${((100 * c.df) / threadCount).toFixed(0)} %`).join(', ')}`);
  const commonQueries = Array.from({ length: 200 }, (_, i) =>
    [0, 1, 2].map((j) => common[(i * 7 + j * 5) % common.length]!.lexeme).join(' '),
  );
  /** Runs the queries with `clients` concurrent clients; prints latency percentiles and throughput. */
  const measure = async (name: string, query: string, variables: (q: string) => Record<string, unknown>, list = queries, clients = 1) => {
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let i = next++; i < list.length; i = next++) {
          const t0 = performance.now();
          await api.request(query, variables(list[i]!));
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const perSecond = list.length / ((performance.now() - started) / 1000);
    console.log(
      `${name.padEnd(34)} p50 ${percentile(latencies, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(latencies, 95).toFixed(1).padStart(6)} ms   p99 ${percentile(latencies, 99).toFixed(1).padStart(6)} ms   ${perSecond.toFixed(0)} req/s`,
    );
  };
  console.log(
    `\n${totalPosts.toLocaleString('en')} posts (${questionCount.toLocaleString('en')} threads indexed) — ${Number.isNaN(reindexSeconds) ? 'index kept from an earlier run' : `reindex took ${reindexSeconds.toFixed(0)} s`}`,
  );
  const SEARCH = `query ($q: String!) { search(query: $q, first: 20) { totalCount edges { node { titleHtml snippetHtml question { id title status } } } } }`;
  const SIMILAR = `query ($t: String!) { similarQuestions(text: $t, first: 5) { relevance question { id title } } }`;
  await measure('search', SEARCH, (q) => ({ q }));
  await measure('similarQuestions', SIMILAR, (t) => ({ t }));
  await measure('search, common words only', SEARCH, (q) => ({ q }), commonQueries);
  await measure('similarQuestions, common words only', SIMILAR, (t) => ({ t }), commonQueries);
  await measure('search, 4 clients', SEARCH, (q) => ({ q }), queries, 4);
  await measure('similarQuestions, 4 clients', SIMILAR, (t) => ({ t }), queries, 4);
  const sizes = await db.query(
    `SELECT pg_size_pretty(pg_total_relation_size('search_documents')) AS documents, pg_size_pretty(pg_total_relation_size('search_terms')) AS terms,
            pg_size_pretty(pg_total_relation_size('search_postings')) AS postings,
            pg_size_pretty(pg_indexes_size('search_documents')) AS indexes, pg_size_pretty(pg_database_size(current_database())) AS database`,
  );
  console.log(
    `index size: search_documents ${sizes.rows[0].documents} (of which indexes ${sizes.rows[0].indexes}), terms ${sizes.rows[0].terms}, postings ${sizes.rows[0].postings}; whole database ${sizes.rows[0].database}`,
  );
} finally {
  await db.end().catch(() => undefined);
  await stack.stop();
}
