// Agent queue benchmark: how fast is the console's queue query with 10,000 open escalations spread
// over 10 teams and 100 agents? Measured as an agent (sees the escalations of their teams) and as an
// admin (sees all), first page of 50 ordered by SLA due time, and with the "breached" filter.
//
//   pnpm bench:queue                                   (builds first)
//   pnpm --filter @peerdesk/e2e run bench:queue        (uses the existing build)
//   BENCH_SECONDS=5 BENCH_CONCURRENCY=1 …              (defaults: 10 s per target, 1 request in flight)
import pg from 'pg';
import { ApiClient } from '../support/api.ts';
import { demoUsers } from '../support/demo.ts';
import { runLoad, table, type LoadResult } from '../support/load.ts';
import { DEMO_PASSWORD, startStack } from '../support/stack.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 1);
const ESCALATIONS = 10_000;
const AGENTS = 100;
const TEAMS = 10;

const QUEUE = `query ($filter: EscalationQueueFilter) { escalationQueue(first: 50, filter: $filter) {
  edges { cursor node { id priority status nextDueAt firstResponseBreached remainingBusinessMinutes
    question { id title } team { id name } assignee { id displayName } } }
  pageInfo { hasNextPage endCursor } } }`;

/** Teams, agents, questions and escalations written straight into the database: seeding through the api would take minutes. */
async function seed(databaseUrl: string, agentEmail: string): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query('BEGIN');
  const { rows: teams } = await db.query<{ id: string }>(
    `INSERT INTO teams (name, time_zone, weekly, holidays)
     SELECT 'Bench team ' || n, 'Europe/Berlin', '[{"day":1,"start":"08:00","end":"18:00"},{"day":2,"start":"08:00","end":"18:00"},{"day":3,"start":"08:00","end":"18:00"},{"day":4,"start":"08:00","end":"18:00"},{"day":5,"start":"08:00","end":"18:00"}]', '[]'
       FROM generate_series(1, $1) n RETURNING id`,
    [TEAMS],
  );
  const teamIds = teams.map((t) => t.id);
  await db.query(
    `INSERT INTO sla_targets (team_id, priority, first_response_minutes, resolution_minutes)
     SELECT t, p, 240, 1440 FROM unnest($1::bigint[]) t, unnest(ARRAY['low', 'normal', 'high', 'urgent']) p`,
    [teamIds],
  );
  const { rows: agents } = await db.query<{ id: string }>(
    `INSERT INTO users (email, display_name, role, trust_level) SELECT 'bench.agent.' || n || '@example.com', 'Bench Agent ' || n, 'agent', 4
       FROM generate_series(1, $1) n RETURNING id`,
    [AGENTS],
  );
  await db.query(
    `INSERT INTO team_members (team_id, user_id) SELECT ($1::bigint[])[1 + (i % $2)], id FROM unnest($3::bigint[]) WITH ORDINALITY a(id, i)`,
    [teamIds, TEAMS, agents.map((a) => a.id)],
  );
  await db.query(`INSERT INTO team_members (team_id, user_id) SELECT $1, id FROM users WHERE email = $2 ON CONFLICT DO NOTHING`, [
    teamIds[0],
    agentEmail,
  ]);
  const { rows: spaces } = await db.query<{ id: string }>(`SELECT id FROM spaces ORDER BY id LIMIT 1`);
  const { rows: askers } = await db.query<{ id: string }>(`SELECT id FROM users WHERE role = 'member' ORDER BY id LIMIT 1`);
  await db.query(
    `WITH q AS (
       INSERT INTO questions (space_id, author_id, title, body_markdown, body_html, created_at)
       SELECT $1, $2, 'Bench question ' || n || ': invoice amount does not match', 'Body', '<p>Body</p>', now() - make_interval(mins => n)
         FROM generate_series(1, $3) n RETURNING id, created_at)
     INSERT INTO escalations (question_id, team_id, priority, status, assignee_id, source, first_response_due_at, resolution_due_at, next_due_at, created_at)
     SELECT q.id, ($4::bigint[])[1 + (q.id % $5)], (ARRAY['low', 'normal', 'high', 'urgent'])[1 + (q.id % 4)],
            CASE WHEN q.id % 3 = 0 THEN 'assigned' ELSE 'new' END,
            CASE WHEN q.id % 3 = 0 THEN ($6::bigint[])[1 + (q.id % $7)] END, 'asker',
            q.created_at + interval '4 hours', q.created_at + interval '3 days', q.created_at + interval '4 hours', q.created_at
       FROM q`,
    [spaces[0]!.id, askers[0]!.id, ESCALATIONS, teamIds, TEAMS, agents.map((a) => a.id), AGENTS],
  );
  await db.query('COMMIT');
  await db.query('ANALYZE escalations; ANALYZE team_members; ANALYZE questions');
  await db.end();
}

async function main(): Promise<void> {
  console.log('Starting the stack (demo community on)…');
  const stack = await startStack({ demo: true, name: 'bench-queue' });
  try {
    const agentEmail = demoUsers.find((u) => u.role === 'agent')!.email;
    const adminEmail = demoUsers.find((u) => u.role === 'admin')!.email;
    console.log(`Seeding ${ESCALATIONS.toLocaleString('en')} open escalations, ${TEAMS} teams, ${AGENTS} agents…`);
    await seed(stack.databaseUrl, agentEmail);
    const agent = new ApiClient(stack.apiUrl);
    await agent.signIn(agentEmail, DEMO_PASSWORD);
    const admin = new ApiClient(stack.apiUrl);
    await admin.signIn(adminEmail, DEMO_PASSWORD);

    const targets: { name: string; client: ApiClient; filter: Record<string, unknown> | null }[] = [
      { name: 'agent: own teams', client: agent, filter: null },
      { name: 'agent: breached', client: agent, filter: { breached: true } },
      { name: 'admin: all teams', client: admin, filter: null },
      { name: 'admin: urgent', client: admin, filter: { priority: 'URGENT' } },
    ];
    console.log(`Measuring ${SECONDS} s per target with ${CONCURRENCY} request(s) in flight…\n`);
    const results: LoadResult[] = [];
    for (const target of targets) {
      const send = async () => {
        const data = await target.client.request<{ escalationQueue: { edges: unknown[] } }>(QUEUE, { filter: target.filter });
        return data.escalationQueue.edges.length === 50;
      };
      await runLoad({ name: target.name, seconds: Math.min(2, SECONDS), concurrency: CONCURRENCY, send });
      results.push(await runLoad({ name: target.name, seconds: SECONDS, concurrency: CONCURRENCY, send }));
    }
    console.log(
      table(
        ['agent queue (first 50)', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors'],
        results.map((r) => [r.name, (r.requests / r.seconds).toFixed(0), r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), r.errors]),
      ),
    );
  } finally {
    await stack.stop();
  }
}

await main();
