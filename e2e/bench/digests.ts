// Digest benchmark: 100,000 users whose weekly digest is due, each following a space and two tags
// out of 20 spaces and 500 tags, with 20,000 questions asked in the week (some hidden, some by the
// follower, some muted or already read), seeded straight into a fresh database; then the time of
// `pnpm cli digests` building every due digest (mails queued, per second).
//
//   pnpm bench:digests                                (builds first)
//   pnpm --filter @peerdesk/e2e run bench:digests     (uses the existing build)
//   BENCH_USERS=… BENCH_QUESTIONS=…                   (defaults: 100,000 / 20,000)
//
// Only loopback traffic: the stack runs on 127.0.0.1 with a throw-away database.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { repoRoot, startStack } from '../support/stack.ts';

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 20_000);
const SPACES = 20;
const TAGS = 500;

async function seed(databaseUrl: string): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(`INSERT INTO spaces (slug, name) SELECT 'bench-space-' || g, 'Bench space ' || g FROM generate_series(1, $1) g`, [
      SPACES,
    ]);
    await db.query(`INSERT INTO tags (slug) SELECT 'bench-tag-' || g FROM generate_series(1, $1) g`, [TAGS]);
    await db.query(
      `INSERT INTO users (email, email_verified_at, display_name, role, trust_level)
       SELECT 'bench.digest.' || g || '@example.com', now(), 'Digest Reader ' || g, 'member', 1 FROM generate_series(1, $1) g`,
      [USERS],
    );
    const { rows } = await db.query<{ min: string }>(`SELECT min(id)::text AS min FROM users WHERE email LIKE 'bench.digest.%'`);
    const first = rows[0]!.min;
    const { rows: spaceRows } = await db.query<{ min: string }>(`SELECT min(id)::text AS min FROM spaces WHERE slug LIKE 'bench-space-%'`);
    const { rows: tagRows } = await db.query<{ min: string }>(`SELECT min(id)::text AS min FROM tags WHERE slug LIKE 'bench-tag-%'`);
    const space0 = spaceRows[0]!.min;
    const tag0 = tagRows[0]!.min;
    // Each reader: one space and two tags (a popular few and a long tail), one tag in ten muted.
    await db.query(
      `INSERT INTO follows (user_id, target_type, target_id, level)
       SELECT $1::bigint + g, 'space', $2::bigint + (g % $3), 'watching' FROM generate_series(0, $4 - 1) g
       UNION ALL
       SELECT $1::bigint + g, 'tag', $5::bigint + floor(power(random(), 2) * $6::int)::int, CASE WHEN g % 10 = 0 THEN 'muted' ELSE 'watching' END
         FROM generate_series(0, $4 - 1) g
       UNION ALL
       SELECT $1::bigint + g, 'tag', $5::bigint + ((g * 7) % $6::int), 'watching' FROM generate_series(0, $4 - 1) g
       ON CONFLICT DO NOTHING`,
      [first, space0, SPACES, USERS, tag0, TAGS],
    );
    await db.query(
      `INSERT INTO notification_settings (user_id, digest, digest_sent_at)
       SELECT $1::bigint + g, 'weekly', now() - interval '7 days 1 hour' FROM generate_series(0, $2 - 1) g`,
      [first, USERS],
    );
    // The week's questions, spread over the spaces; one in twenty hidden by moderators.
    await db.query(
      `INSERT INTO questions (space_id, author_id, title, body_markdown, body_html, created_at, last_activity_at, moderation_state, answer_count)
       SELECT $1::bigint + (g % $2), $3::bigint + (g * 13 % $4), 'Bench question ' || g || ': meter reading not accepted', 'Body', '<p>Body</p>',
              now() - make_interval(secs => (g % 600000)), now(), CASE WHEN g % 20 = 0 THEN 'hidden' ELSE 'published' END, g % 4
         FROM generate_series(1, $5) g`,
      [space0, SPACES, first, USERS, QUESTIONS],
    );
    await db.query(
      `INSERT INTO question_tags (question_id, tag_id)
       SELECT q.id, $1::bigint + t FROM questions q, LATERAL (VALUES (floor(power(random(), 2) * $2::int)::int), ((q.id * 31 % $2::int)::int)) v(t)
       WHERE q.title LIKE 'Bench question %' ON CONFLICT DO NOTHING`,
      [tag0, TAGS],
    );
    await db.query(`ANALYZE`);
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  console.log('Starting a stack on a fresh database…');
  const stack = await startStack({ demo: false, name: 'bench-digests', env: { NOTIFICATION_WORKER: 'false' } });
  try {
    const seeding = Date.now();
    console.log(
      `Seeding ${USERS.toLocaleString('en')} readers, ${SPACES} spaces, ${TAGS} tags, ${QUESTIONS.toLocaleString('en')} questions…`,
    );
    await seed(stack.databaseUrl);
    console.log(`  seeded in ${((Date.now() - seeding) / 1000).toFixed(1)} s\n`);
    const started = Date.now();
    const run = spawnSync(process.execPath, [join(repoRoot, 'api', 'dist', 'cli.js'), 'digests'], {
      env: { ...process.env, DATABASE_URL: stack.databaseUrl },
      encoding: 'utf8',
    });
    const seconds = (Date.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`pnpm cli digests failed:\n${run.stderr}`);
    const db = new pg.Client({ connectionString: stack.databaseUrl });
    await db.connect();
    const { rows } = await db.query<{ mails: number; avg_bytes: number; listed: number }>(
      `SELECT count(*)::int AS mails, avg(length(html_body) + length(text_body))::int AS avg_bytes,
              avg((length(text_body) - length(replace(text_body, '* ', ''))) / 2)::numeric(5, 1)::float AS listed
         FROM mail_outbox WHERE kind = 'digest'`,
    );
    await db.end();
    const { mails, avg_bytes, listed } = rows[0]!;
    console.log(run.stdout.trim());
    console.log(`\n| users due | mails queued | wall time (incl. process start) | users/s | questions listed per mail | bytes per mail |`);
    console.log(`| --------: | -----------: | ------------------------------: | ------: | ------------------------: | -------------: |`);
    console.log(
      `| ${USERS.toLocaleString('en')} | ${mails.toLocaleString('en')} | ${seconds.toFixed(1)} s | ${Math.round(USERS / seconds).toLocaleString('en')} | ${listed} | ${avg_bytes.toLocaleString('en')} |`,
    );
    console.log(`\nTarget: digests for 100,000 users in < 60 s.`);
  } finally {
    await stack.stop();
  }
}

await main();
