// Reputation benchmark: 100,000 users and 1,000,000 ledger entries seeded straight into a fresh
// database; then (a) the full set-based recompute of reputation totals and trust levels
// (`pnpm cli reputation:recompute`), and (b) the latency of the profile's reputation query over GraphQL.
//
//   pnpm bench:reputation                                (builds first)
//   pnpm --filter @peerdesk/e2e run bench:reputation     (uses the existing build)
//   BENCH_USERS=… BENCH_EVENTS=… BENCH_SECONDS=… BENCH_CONCURRENCY=…   (defaults: 100,000 / 1,000,000 / 10 s / 1: latency, not throughput)
//
// Only loopback traffic: the stack runs on 127.0.0.1 with a throw-away database.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { UserReputationDocument } from '../../web/src/lib/graphql/generated.ts';
import { signedUpClient } from '../support/api.ts';
import { runLoad, table } from '../support/load.ts';
import { repoRoot, startStack } from '../support/stack.ts';

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 1);
/** Ledger entries of the signed-in account whose own profile (history, chart, progress) is measured. */
const OWN_EVENTS = 2_000;

const fmt = (n: number, digits = 1) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function seed(databaseUrl: string, ownerId: string): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO users (display_name, role, created_at)
       SELECT 'Bench Member ' || g, 'member', now() - (g % 700) * interval '1 day' FROM generate_series(1, $1) g`,
      [USERS],
    );
    const [{ min }] = (await db.query(`SELECT min(id)::bigint AS min FROM users WHERE display_name LIKE 'Bench Member %'`)).rows;
    // Visits and threads read for a tenth of the users, so promotion has activity to weigh.
    await db.query(
      `INSERT INTO user_visits (user_id, day)
       SELECT $1::bigint + (g % ($2::int / 10)) * 10, current_date - (g / ($2::int / 10))::int
         FROM generate_series(0, $2::int * 3 - 1) g ON CONFLICT DO NOTHING`,
      [min, USERS],
    );
    // Votes skew towards few prolific members (power law), spread over the last year.
    await db.query(
      `INSERT INTO reputation_events (user_id, kind, delta, subject_type, subject_id, actor_id, created_at)
       SELECT $1::bigint + floor(power(random(), 3) * $2::int)::bigint,
              (ARRAY['answer.upvoted', 'question.upvoted', 'answer.accepted', 'answer.downvoted'])[1 + g % 4],
              (ARRAY[10, 5, 15, -2])[1 + g % 4],
              'answer', g, NULL, now() - random() * interval '365 days'
         FROM generate_series(1, $3::int) g`,
      [min, USERS, EVENTS - OWN_EVENTS],
    );
    await db.query(
      `INSERT INTO reputation_events (user_id, kind, delta, subject_type, subject_id, created_at)
       SELECT $1, 'answer.upvoted', 10, 'answer', g, now() - random() * interval '365 days' FROM generate_series(1, $2::int) g`,
      [ownerId, OWN_EVENTS],
    );
    await db.query(`ANALYZE`);
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  console.log(`Starting a fresh stack…`);
  const stack = await startStack({ name: 'bench-reputation' });
  try {
    const owner = await signedUpClient(stack.apiUrl, 'Bench Profile Owner');
    const seedStart = performance.now();
    await seed(stack.databaseUrl, owner.account.id);
    console.log(
      `Seeded ${USERS.toLocaleString('en')} users and ${EVENTS.toLocaleString('en')} ledger entries in ${fmt((performance.now() - seedStart) / 1000)} s.`,
    );

    const recompute = spawnSync(process.execPath, [join(repoRoot, 'api/dist/cli.js'), 'reputation:recompute'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: stack.databaseUrl, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    const printed = /in ([\d.]+) s; (\d+) users changed/.exec(recompute.stdout);
    if (recompute.status !== 0 || !printed) throw new Error(`recompute failed:\n${recompute.stdout}\n${recompute.stderr}`);
    console.log(`Recomputed reputation and trust levels: ${printed[1]} s (${Number(printed[2]).toLocaleString('en')} users changed).`);

    const db = new pg.Client({ connectionString: stack.databaseUrl });
    await db.connect();
    const [check] = (
      await db.query(
        `SELECT count(*)::int AS drifted FROM users u
          WHERE u.reputation <> coalesce((SELECT sum(delta) FROM reputation_events WHERE user_id = u.id), 0)`,
      )
    ).rows;
    const [busiest] = (await db.query(`SELECT id FROM users ORDER BY reputation DESC LIMIT 1`)).rows;
    const levels = (await db.query(`SELECT trust_level, count(*)::int AS n FROM users GROUP BY 1 ORDER BY 1`)).rows;
    await db.end();
    if (check.drifted !== 0) throw new Error(`${check.drifted} users differ from their ledger after the recompute`);
    console.log(
      `Trust levels after the recompute: ${levels.map((l: { trust_level: number; n: number }) => `${l.trust_level}: ${l.n}`).join(', ')}`,
    );

    const query = String(UserReputationDocument);
    const targets = [
      { name: 'own profile (history, chart, progress)', send: () => owner.client.request(query, { id: owner.account.id }) },
      { name: 'public profile of the busiest member', send: () => owner.client.request(query, { id: String(busiest.id) }) },
    ];
    const results = [];
    for (const target of targets) {
      const send = async () => (await target.send(), true);
      await runLoad({ name: target.name, seconds: Math.min(2, SECONDS), concurrency: CONCURRENCY, send });
      results.push(await runLoad({ name: target.name, seconds: SECONDS, concurrency: CONCURRENCY, send }));
    }
    console.log(
      '\n' +
        table(
          ['UserReputation query', 'requests', 'errors', 'p50 ms', 'p95 ms', 'p99 ms'],
          results.map((r) => [r.name, r.requests, r.errors, fmt(r.p50), fmt(r.p95), fmt(r.p99)]),
        ),
    );
    console.log(
      `\n(${CONCURRENCY} in flight, ${SECONDS} s per target, Node ${process.version}, loopback only; aims: recompute < 60 s, p50 < 10 ms.)`,
    );
  } finally {
    await stack.stop();
  }
}

await main();
