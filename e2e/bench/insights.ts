// Insights benchmark (issue #16, "Scale"): a year of history with ~1,000,000 posts (questions,
// answers, comments), 100,000 escalations with SLA fields, reputation ledger entries, deflection
// events and reviewed drafts, seeded straight into a fresh database; then the `insights` query as an
// agent for 30, 90 and 365 days, without a filter, for one space and for one team — each section on
// its own (the sections are separate field resolvers) and the whole page — printing p50/p95 each.
//
//   pnpm bench:insights                                (builds first)
//   pnpm --filter @peerdesk/e2e run bench:insights     (uses the existing build)
//   BENCH_POSTS=… BENCH_RUNS=… BENCH_DAYS=30,365        (defaults: 1,000,000 posts; 7 runs per section, period and filter; 30, 90, 365 days)
//   BENCH_DATABASE_URL=postgres://…/<empty database>   (kept: seeded on the first run only, so a change can be measured on the same data)
//
// Only loopback traffic: the stack runs on 127.0.0.1 with a throw-away database.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { signedUpClient, type ApiClient } from '../support/api.ts';
import { table } from '../support/load.ts';
import { repoRoot, startStack } from '../support/stack.ts';

const POSTS = Number(process.env.BENCH_POSTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** A quarter of the posts are questions, half answers, a quarter comments. */
const QUESTIONS = Math.round(POSTS / 4);
const ANSWERS = Math.round(POSTS / 2);
const COMMENTS = POSTS - QUESTIONS - ANSWERS;
const ESCALATIONS = Math.round(POSTS / 10);
const MEMBERS = Math.max(1_000, Math.round(POSTS / 25));
const SPACES = 20;
const TAGS = 500;
const TEAMS = 5;
const AGENTS = 50;
const DAY_MS = 24 * 60 * 60 * 1000;
const PERIODS = (process.env.BENCH_DAYS ?? '30,90,365').split(',').map(Number);

const SECTIONS: Record<string, string> = {
  selfService: `selfService { questionsAsked solved solvedWithoutStaff firstAnsweredByCommunity firstAnsweredByStaff unanswered
    medianFirstCommunityAnswerMinutes medianFirstStaffAnswerMinutes medianAcceptedCommunityAnswerMinutes medianAcceptedStaffAnswerMinutes
    suggestionSessions deflectedSessions }`,
  promises: `promises { escalationsOpened firstResponseMedian firstResponseP90 resolutionMedian resolutionP90 firstResponseBreaches
    resolutionBreaches pausedMinutes escalationsPaused attainment { teamId priority opened firstResponseMet resolutionMet } }`,
  fourEyes: `fourEyes { reviewed approved changesRequested medianTurnaroundMinutes }`,
  days: `days { day questionsAsked escalationsOpened }`,
  powerUsers: `powerUsers { contributors { userId answersAccepted answersVerified helpfulAnswers } newcomers regulars
    trustMovement { warned suspended pinned released } }`,
  hotTopics: `hotTopics { tags { id questions previousQuestions } spaces { id questions previousQuestions }
    unansweredByAge { underOneDay oneToThreeDays threeToSevenDays overSevenDays } }`,
  backlog: `backlog { day open }`,
};
const query = (body: string) => `query ($filter: InsightsFilter!) { insights(filter: $filter) { ${body} } }`;

const fmt = (n: number, digits = 1) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * Spaces, tags, teams and their calendars, members and agents, then the posts spread over the last
 * year with a skew: a few spaces and tags carry most questions (power law), a tenth of the members
 * write most answers, volume grows towards today. Set-based SQL: seeding through the api would take hours.
 */
async function seed(databaseUrl: string): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const q = (sql: string, params: unknown[] = []) => db.query(sql, params);
  try {
    await q(`INSERT INTO spaces (slug, name) SELECT 'bench-' || n, 'Bench space ' || n FROM generate_series(1, $1) n`, [SPACES]);
    await q(`INSERT INTO tags (slug) SELECT 'bench-tag-' || n FROM generate_series(1, $1) n`, [TAGS]);
    await q(
      `INSERT INTO teams (name, time_zone, weekly, holidays)
       SELECT 'Bench team ' || n, 'Europe/Berlin', (SELECT jsonb_agg(jsonb_build_object('day', d, 'start', '08:00', 'end', '18:00')) FROM generate_series(1, 5) d),
              '["2026-04-03", "2026-04-06", "2026-12-25"]'
         FROM generate_series(1, $1) n`,
      [TEAMS],
    );
    await q(
      `INSERT INTO sla_targets (team_id, priority, first_response_minutes, resolution_minutes)
       SELECT t.id, p, 240, 1440 FROM teams t, unnest(ARRAY['low', 'normal', 'high', 'urgent']) p WHERE t.name LIKE 'Bench team %'`,
    );
    // Each team handles four spaces.
    await q(
      `INSERT INTO space_teams (space_id, team_id)
       SELECT s.id, (SELECT id FROM teams WHERE name = 'Bench team ' || (1 + (s.position_no - 1) / 4))
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS position_no FROM spaces WHERE slug LIKE 'bench-%') s`,
    );
    await q(
      `INSERT INTO users (display_name, role, created_at)
       SELECT 'Bench Member ' || n, 'member', now() - interval '400 days' FROM generate_series(1, $1) n`,
      [MEMBERS],
    );
    await q(
      `INSERT INTO users (email, display_name, role, trust_level)
       SELECT 'bench.agent.' || n || '@example.com', 'Bench Agent ' || n, 'agent', 4 FROM generate_series(1, $1) n`,
      [AGENTS],
    );
    await q(`CREATE TEMP TABLE bench_spaces AS SELECT array_agg(id ORDER BY id) AS ids FROM spaces WHERE slug LIKE 'bench-%'`);
    await q(`CREATE TEMP TABLE bench_members AS SELECT min(id) AS lo, max(id) AS hi FROM users WHERE display_name LIKE 'Bench Member %'`);
    await q(`CREATE TEMP TABLE bench_agents AS SELECT array_agg(id ORDER BY id) AS ids FROM users WHERE email LIKE 'bench.agent.%'`);
    // Questions: sqrt(random) puts more of them near today; power(random, 2) skews spaces.
    await q(
      `INSERT INTO questions (space_id, author_id, title, body_markdown, body_html, created_at, last_activity_at)
       SELECT s.ids[1 + floor(power(random(), 2) * $2)::int], m.lo + floor(random() * (m.hi - m.lo + 1))::bigint,
              'Bench question ' || n || ': my meter reading was estimated', 'Body', '<p>Body</p>', t, t
         FROM generate_series(1, $1) n, bench_spaces s, bench_members m,
              LATERAL (SELECT now() - (1 - sqrt(random())) * interval '365 days' + n * interval '0 microseconds' AS t) c`,
      [QUESTIONS, SPACES],
    );
    await q(`CREATE TEMP TABLE bench_questions AS SELECT min(id) AS lo, max(id) AS hi FROM questions WHERE title LIKE 'Bench question %'`);
    await q(
      `INSERT INTO question_tags (question_id, tag_id)
       SELECT DISTINCT q.id, t.lo + floor(power(random(), 3) * $1)::bigint
         FROM questions q, bench_questions b, (SELECT min(id) AS lo FROM tags WHERE slug LIKE 'bench-tag-%') t, generate_series(1, 2)
        WHERE q.id BETWEEN b.lo AND b.hi`,
      [TAGS],
    );
    // Answers: 90 % by members (a tenth of them write most), 10 % by agents, minutes to days after the question.
    await q(
      `INSERT INTO answers (question_id, author_id, body_markdown, body_html, created_at)
       SELECT q.id, CASE WHEN random() < 0.9 THEN m.lo + floor(power(random(), 3) * (m.hi - m.lo + 1))::bigint
                         ELSE a.ids[1 + floor(random() * array_length(a.ids, 1))::int] END,
              'An answer.', '<p>An answer.</p>', least(now(), q.created_at + power(random(), 3) * interval '5 days')
         FROM generate_series(1, $1) n, bench_questions b, bench_members m, bench_agents a,
              LATERAL (SELECT id, created_at FROM questions WHERE id = b.lo + (n::bigint * 7919) % (b.hi - b.lo + 1) + 0 * n) q`,
      [ANSWERS],
    );
    await q(
      `UPDATE questions q SET answer_count = c.n FROM (SELECT question_id, count(*)::int AS n FROM answers GROUP BY 1) c WHERE c.question_id = q.id`,
    );
    // Two in five answered questions are solved by their first answer.
    await q(
      `UPDATE questions q SET status = 'solved', accepted_answer_id = f.id, solved_at = least(now(), f.created_at + interval '3 hours')
         FROM (SELECT DISTINCT ON (question_id) question_id, id, created_at FROM answers ORDER BY question_id, created_at) f
        WHERE f.question_id = q.id AND q.id % 5 < 2`,
    );
    await q(
      `INSERT INTO comments (question_id, author_id, body_markdown, body_html, created_at)
       SELECT q.id, m.lo + floor(random() * (m.hi - m.lo + 1))::bigint, 'A comment.', '<p>A comment.</p>',
              least(now(), q.created_at + random() * interval '2 days')
         FROM generate_series(1, $1) n, bench_questions b, bench_members m,
              LATERAL (SELECT id, created_at FROM questions WHERE id = b.lo + (n::bigint * 104729) % (b.hi - b.lo + 1) + 0 * n) q`,
      [COMMENTS],
    );
    // Escalations: one per question for every ESCALATIONS-th question, routed to the space's team;
    // responded after 0–8 h, resolved after 0–3 days (a tenth still open), due times 4 h / 24 h.
    await q(
      `INSERT INTO escalations (question_id, team_id, priority, status, source, first_response_due_at, resolution_due_at, next_due_at,
                                first_responded_at, resolved_at, first_response_breached_at, resolution_breached_at,
                                paused_business_minutes, first_response_paused_minutes, created_at)
       SELECT q.id, st.team_id, (ARRAY['low', 'normal', 'high', 'urgent'])[1 + q.id % 4],
              CASE WHEN r.open THEN 'assigned' ELSE 'resolved' END, 'asker',
              q.created_at + interval '4 hours', q.created_at + interval '24 hours', q.created_at + interval '4 hours',
              least(now(), q.created_at + r.fr * interval '8 hours'),
              CASE WHEN NOT r.open THEN least(now(), q.created_at + r.res * interval '3 days') END,
              CASE WHEN r.fr > 0.5 THEN q.created_at + interval '4 hours' END,
              CASE WHEN NOT r.open AND r.res > 1.0 / 3 THEN q.created_at + interval '24 hours' END,
              CASE WHEN q.id % 7 = 0 THEN 30 ELSE 0 END, 0, q.created_at
         FROM questions q JOIN space_teams st ON st.space_id = q.space_id, bench_questions b,
              LATERAL (SELECT random() AS fr, random() AS res, random() < 0.1 AS open, q.id AS qid) r
        WHERE q.id BETWEEN b.lo AND b.hi AND (q.id - b.lo) % greatest(1, $1::int / $2::int) = 0
        LIMIT $2`,
      [QUESTIONS, ESCALATIONS],
    );
    // Ledger: accepted and upvoted answers, a few penalties.
    await q(
      `INSERT INTO reputation_events (user_id, kind, delta, subject_type, subject_id, space_id, created_at)
       SELECT a.author_id, (ARRAY['answer.upvoted', 'answer.upvoted', 'answer.accepted', 'answer.verified'])[1 + a.id % 4],
              (ARRAY[10, 10, 15, 15])[1 + a.id % 4], 'answer', a.id, q.space_id, a.created_at + interval '1 hour'
         FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.id % 2 = 0`,
    );
    await q(
      `INSERT INTO reputation_events (user_id, kind, delta, subject_type, subject_id, created_at)
       SELECT m.lo + n * 37 % (m.hi - m.lo + 1), (ARRAY['penalty.warning', 'penalty.suspension'])[1 + n % 2], 0, 'user', n,
              now() - random() * interval '365 days'
         FROM generate_series(1, 2000) n, bench_members m`,
    );
    // Deflection: 100,000 ask sessions that opened one to three suggestions, a third of them asked anyway.
    await q(
      `INSERT INTO deflection_events (ask_session, question_id, asked, created_at)
       SELECT 'bench-' || (n / 2), b.lo + (n * 31) % (b.hi - b.lo + 1), (n / 2) % 3 = 0, now() - ((n / 2) % 365) * interval '1 day' - random() * interval '1 day'
         FROM generate_series(1, 200000) n, bench_questions b`,
    );
    // Drafts: 20,000 staff drafts, each submitted and decided once (audit entries the four-eyes section reads).
    await q(
      `INSERT INTO staff_drafts (author_id, question_id, kind, body_markdown, state, findings, created_at, decided_at)
       SELECT a.ids[1 + n % array_length(a.ids, 1)], b.lo + (n * 13) % (b.hi - b.lo + 1), 'answer', 'Draft.', 'changes_requested', '[]',
              now() - (n % 365) * interval '1 day', now() - (n % 365) * interval '1 day' + interval '2 hours'
         FROM generate_series(1, 20000) n, bench_questions b, bench_agents a`,
    );
    await q(
      `INSERT INTO audit_log (actor_id, action, subject_type, subject_id, details, created_at)
       SELECT d.author_id, x.action, 'staff_draft', d.id::text, '{}', d.created_at + x.after
         FROM staff_drafts d, (VALUES ('draft.created', interval '0'), ('draft.edited', interval '30 minutes'),
                                      (CASE WHEN random() < 0.8 THEN 'draft.approved' ELSE 'draft.changes_requested' END, interval '2 hours')) x(action, after)`,
    );
    await q(`ANALYZE`);
  } finally {
    await db.end();
  }
}

function percentileOf(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

/** p50/p95 of RUNS requests after one warm-up, or the error the first failing request gave (e.g. the statement timeout). */
async function measure(client: ApiClient, body: string, filter: Record<string, unknown>): Promise<{ p50: string; p95: string }> {
  const text = query(body);
  const latencies: number[] = [];
  const send = () => client.request(text, { filter });
  // The warm-up may find the kept-alive connection closed by the server while the rebuild ran
  // (fetch: "other side closed", a TypeError): it is sent once more then.
  const warmUp = () => send().catch((error: unknown) => (error instanceof TypeError ? send() : Promise.reject(error)));
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    try {
      await (i === 0 ? warmUp() : send());
    } catch (error) {
      const failed = `failed after ${fmt(performance.now() - t0, 0)} ms (${error instanceof Error ? error.message.slice(0, 40) : error})`;
      return { p50: failed, p95: '' };
    }
    if (i > 0) latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  return { p50: fmt(percentileOf(latencies, 0.5)), p95: fmt(percentileOf(latencies, 0.95)) };
}

async function main(): Promise<void> {
  console.log(`Starting a fresh stack…`);
  const stack = await startStack({ name: 'bench-insights', databaseUrl: process.env.BENCH_DATABASE_URL });
  try {
    console.log(`Database: ${stack.databaseUrl}`);
    const agent = await signedUpClient(stack.apiUrl, 'Bench Insights Agent');
    const seedStart = performance.now();
    const db = new pg.Client({ connectionString: stack.databaseUrl });
    await db.connect();
    const seeded = (await db.query(`SELECT EXISTS (SELECT 1 FROM spaces WHERE slug LIKE 'bench-%') AS seeded`)).rows[0].seeded as boolean;
    if (seeded) console.log('The kept database is seeded already; measuring on its data.');
    else await seed(stack.databaseUrl);
    await db.query(`UPDATE users SET role = 'agent' WHERE id = $1`, [agent.account.id]);
    const [counts] = (
      await db.query(`SELECT (SELECT count(*) FROM questions)::int AS q, (SELECT count(*) FROM answers)::int AS a,
        (SELECT count(*) FROM comments)::int AS c, (SELECT count(*) FROM escalations)::int AS e, (SELECT count(*) FROM reputation_events)::int AS r`)
    ).rows;
    const [busiest] = (await db.query(`SELECT space_id AS id FROM questions GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows;
    const [team] = (await db.query(`SELECT id FROM teams WHERE name = 'Bench team 1'`)).rows;
    await db.end();
    console.log(
      `Seeded ${counts.q.toLocaleString('en')} questions, ${counts.a.toLocaleString('en')} answers, ${counts.c.toLocaleString('en')} comments, ` +
        `${counts.e.toLocaleString('en')} escalations, ${counts.r.toLocaleString('en')} ledger entries in ${fmt((performance.now() - seedStart) / 1000)} s.`,
    );
    const rebuild = spawnSync(process.execPath, [join(repoRoot, 'api/dist/cli.js'), 'insights:rebuild'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: stack.databaseUrl, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    if (rebuild.status === 0) console.log(`insights:rebuild (backfill of the roll-ups): ${rebuild.stdout.trim()}`);
    else
      console.log(`insights:rebuild not available (${(rebuild.stdout + rebuild.stderr).trim().split('\n').at(-1)}); reading base tables.`);

    const now = Date.now();
    const filters = [
      { name: 'all', extra: {} },
      { name: 'busiest space', extra: { spaceId: String(busiest.id) } },
      { name: 'team', extra: { teamId: String(team.id) } },
    ];
    const rows: (string | number)[][] = [];
    for (const days of PERIODS) {
      for (const f of filters) {
        const filter = { from: new Date(now - days * DAY_MS).toISOString(), to: new Date(now).toISOString(), ...f.extra };
        const page = await measure(agent.client, Object.values(SECTIONS).join('\n'), filter);
        rows.push([`${days} d`, f.name, 'whole page', page.p50, page.p95]);
        for (const [section, body] of Object.entries(SECTIONS)) {
          const r = await measure(agent.client, body, filter);
          rows.push([`${days} d`, f.name, section, r.p50, r.p95]);
        }
      }
    }
    console.log('\n' + table(['period', 'filter', 'section', 'p50 ms', 'p95 ms'], rows));
    console.log(
      `\n(${RUNS} sequential runs after one warm-up each, Node ${process.version}, loopback only; aim: every page p95 < 300 ms.)`,
    );
  } finally {
    await stack.stop();
  }
}

await main();
