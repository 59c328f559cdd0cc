// Page load benchmark, NodeBB style: a forum of ~3,400 posts, one 20-post thread, 32 connections
// against the thread page, logged out and signed in, plus the page's GraphQL query on its own.
// Prints req/s, p50/p99, CPU milliseconds per request of the api, the web and PostgreSQL (from
// /proc, PostgreSQL's backends included) and the peak resident memory of api + web.
//
//   pnpm bench:pages                                  (builds first)
//   pnpm --filter @peerdesk/e2e run bench:pages       (uses the existing build)
//   BENCH_SECONDS=10 BENCH_CONNECTIONS=32 …           (defaults: 15 s per target, 32 connections)
//   BENCH_TARGETS=signed-in                           (some of: logged-out, signed-in, graphql; default all)
//   BENCH_SQL=1                                       (also count SQL statements per page; ~35 s per target)
//   BENCH_PROFILE=/tmp/profiles                       (api and web write V8 CPU profiles there on exit)
//
// Only loopback traffic: the stack runs on 127.0.0.1 with a throw-away database. The load driver
// shares the machine's cores with the stack, as in NodeBB's comparison run.
import { Agent, get as httpGet } from 'node:http';
import pg from 'pg';
import { QuestionPageDocument } from '../../web/src/lib/graphql/generated.ts';
import { ApiClient, signedUpClient } from '../support/api.ts';
import { sql } from '../support/db.ts';
import { BILLING, INVOICE_TAG } from '../support/demo.ts';
import { runLoad, table, type LoadResult } from '../support/load.ts';
import { childrenOf, cpuMs, descendantsOf, peakRssMiB, processInfo } from '../support/proc.ts';
import { sqlPerRequest } from '../support/sql-count.ts';
import { startStack } from '../support/stack.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const TARGETS = new Set((process.env.BENCH_TARGETS ?? 'logged-out,signed-in,graphql').split(',').map((t) => t.trim()));
const PROFILE_DIR = process.env.BENCH_PROFILE;
const FORUM_QUESTIONS = 400;
const FORUM_ANSWERS = 3_000;
const THREAD_POSTS = 20; // the question and 19 answers
const HELPERS = 4;
/** NodeBB 4.11 on the same kind of forum and thread, logged out, 32 connections (issue #15). */
const NODEBB = { requestsPerSecond: 45, cpuMsPerPage: 33 };

interface Processes {
  api: number;
  web: number;
}

/** The api and web processes that scripts/start.mjs started. */
function processesOf(startPid: number): Processes {
  const children = childrenOf(startPid);
  const find = (part: string) => {
    const found = children.find((p) => p.command.includes(part));
    if (!found) throw new Error(`no ${part} process below pid ${startPid}`);
    return found.pid;
  };
  return { api: find('api/dist'), web: find('web/server') };
}

/** CPU milliseconds used so far by the api, the web and PostgreSQL (every process below the api). */
function cpuNow({ api, web }: Processes): { api: number; web: number; postgres: number } {
  const postgres = descendantsOf(api).reduce((sum, pid) => sum + cpuMs(pid, true), 0);
  return { api: cpuMs(api), web: cpuMs(web), postgres };
}

/** ~3,400 posts straight into the database: the forum the thread lives in. */
async function seedForum(databaseUrl: string): Promise<void> {
  await sql(
    databaseUrl,
    `INSERT INTO users (display_name, imported_from) SELECT 'Forum user ' || g, 'bench' FROM generate_series(1, 50) g`,
  );
  await sql(
    databaseUrl,
    `INSERT INTO questions (space_id, author_id, title, body_markdown, body_html, created_at, last_activity_at)
     SELECT s.id, u.first + g % 50, 'Forum question ' || g || ' about meter readings and invoices',
            'The meter reading on invoice ' || g || ' looks wrong.', '<p>The meter reading on invoice ' || g || ' looks wrong.</p>',
            now() - g * interval '1 hour', now() - g * interval '1 hour'
       FROM generate_series(1, $1::int) g,
            (SELECT id FROM spaces WHERE slug = $2) s,
            (SELECT min(id) AS first FROM users WHERE imported_from = 'bench') u`,
    [FORUM_QUESTIONS, BILLING.slug],
  );
  await sql(
    databaseUrl,
    `INSERT INTO answers (question_id, author_id, body_markdown, body_html, created_at)
     SELECT q.id, q.author_id, 'Compare it with the reading in the portal, entry ' || g || '.',
            '<p>Compare it with the reading in the portal, entry ' || g || '.</p>', q.created_at + g * interval '1 minute'
       FROM generate_series(1, $1::int) g
       JOIN LATERAL (SELECT id, author_id, created_at FROM questions WHERE title LIKE 'Forum question %'
                      ORDER BY id OFFSET g % $2::int LIMIT 1) q ON true`,
    [FORUM_ANSWERS, FORUM_QUESTIONS],
  );
  await sql(
    databaseUrl,
    `UPDATE questions q SET answer_count = (SELECT count(*) FROM answers a WHERE a.question_id = q.id)
      WHERE title LIKE 'Forum question %'`,
  );
  await sql(databaseUrl, 'ANALYZE');
}

/** The measured thread: a question and 19 answers by five people, through the api. */
async function seedThread(apiUrl: string, databaseUrl: string): Promise<{ id: string; slug: string; title: string; member: ApiClient }> {
  const asker = await signedUpClient(apiUrl, 'Pages Asker');
  const helpers: ApiClient[] = [];
  for (let i = 1; i <= HELPERS; i++) helpers.push((await signedUpClient(apiUrl, `Pages Helper ${i}`)).client);
  await sql(databaseUrl, `UPDATE users SET trust_level = 4 WHERE display_name LIKE 'Pages %'`);
  const title = 'Second direct debit after moving house';
  const question = await asker.client.askQuestion({
    spaceSlug: BILLING.slug,
    title,
    tags: [INVOICE_TAG],
    body: 'After moving house, the old contract took **one more** direct debit. Is that refunded with the final invoice?',
  });
  await Promise.all(
    helpers.map(async (helper, h) => {
      for (let i = h; i < THREAD_POSTS - 1; i += HELPERS)
        await helper.answerQuestion(question.id, `Answer ${i + 1}: the final invoice settles it; see *Payments* in the portal.`);
    }),
  );
  return { id: question.id, slug: question.slug, title, member: asker.client };
}

async function countPosts(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT (SELECT count(*) FROM questions) + (SELECT count(*) FROM answers) AS n`);
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

// node:http with keep-alive costs the driver far less CPU per request than fetch, and the driver shares the cores.
const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });

function getPage(url: string, cookie?: string): Promise<boolean> {
  const headers: Record<string, string> = { 'accept-language': 'en' };
  if (cookie) headers.cookie = cookie;
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { agent, headers }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(res.statusCode === 200));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

async function postThreadQuery(graphqlUrl: string, id: string): Promise<boolean> {
  const res = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    body: JSON.stringify({ query: String(QuestionPageDocument), variables: { id } }),
  });
  const payload = (await res.json()) as { data?: { question: unknown }; errors?: unknown[] };
  return res.ok && !payload.errors && Boolean(payload.data?.question);
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

interface Measured extends LoadResult {
  cpu: { api: number; web: number; postgres: number };
  /** The highest resident memory of api + web together, sampled every 100 ms during the run. */
  peakRss: number;
}

async function measure(processes: Processes, name: string, send: () => Promise<boolean>): Promise<Measured> {
  await runLoad({ name, seconds: Math.min(3, SECONDS), concurrency: CONNECTIONS, send }); // warm-up
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, (processInfo(processes.api)?.rssMiB ?? 0) + (processInfo(processes.web)?.rssMiB ?? 0));
  }, 100);
  const before = cpuNow(processes);
  const result = await runLoad({ name, seconds: SECONDS, concurrency: CONNECTIONS, send });
  const after = cpuNow(processes);
  clearInterval(sampler);
  const per = (key: keyof typeof before) => (after[key] - before[key]) / Math.max(1, result.requests);
  return { ...result, cpu: { api: per('api'), web: per('web'), postgres: per('postgres') }, peakRss };
}

async function main(): Promise<void> {
  console.log('Starting the stack (demo community on)…');
  const env: Record<string, string> = PROFILE_DIR ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${PROFILE_DIR}` } : {};
  const stack = await startStack({ demo: true, name: 'bench-pages', env });
  try {
    const processes = processesOf(stack.pid);
    const seedStart = performance.now();
    await seedForum(stack.databaseUrl);
    const thread = await seedThread(stack.apiUrl, stack.databaseUrl);
    const posts = await countPosts(stack.databaseUrl);
    const pageUrl = `${stack.webUrl}/questions/${thread.id}/${thread.slug}`;
    const graphqlUrl = `${stack.apiUrl}/graphql`;
    const memberCookie = `pd_session=${thread.member.session}`;

    const anonymous = await fetch(pageUrl, { headers: { 'accept-language': 'en' } });
    if (!(await anonymous.text()).includes(thread.title)) throw new Error('the thread page does not show the question');
    const signedIn = await (await fetch(pageUrl, { headers: { 'accept-language': 'en', cookie: memberCookie } })).text();
    if (!signedIn.includes('Pages Asker')) throw new Error('the signed-in page does not show the member');
    console.log(
      `Forum of ${posts.toLocaleString('en')} posts, thread ${thread.id} with ${THREAD_POSTS} posts (${fmt((performance.now() - seedStart) / 1000)} s).`,
    );
    console.log(`Measuring ${SECONDS} s per target with ${CONNECTIONS} connections…\n`);

    const targets = [
      { key: 'logged-out', name: 'page, logged out', send: () => getPage(pageUrl) },
      { key: 'signed-in', name: 'page, signed in', send: () => getPage(pageUrl, memberCookie) },
      { key: 'graphql', name: 'api GraphQL QuestionPage', send: () => postThreadQuery(graphqlUrl, thread.id) },
    ].filter((target) => TARGETS.has(target.key));
    const results: Measured[] = [];
    for (const target of targets) results.push(await measure(processes, target.name, target.send));
    if (process.env.BENCH_SQL) {
      console.log('Counting SQL statements per request (waits for PostgreSQL statistics)…\n');
      for (const [i, target] of targets.entries()) results[i]!.sqlPerRequest = await sqlPerRequest(stack.databaseUrl, target.send);
    }

    console.log(
      table(
        [
          'target',
          'requests',
          'errors',
          'req/s',
          'p50 ms',
          'p99 ms',
          'CPU ms/req api',
          'web',
          'PostgreSQL',
          'total',
          'RSS MiB api+web',
          'SQL/req',
        ],
        results.map((r) => [
          r.name,
          r.requests,
          r.errors,
          fmt(r.requests / r.seconds),
          fmt(r.p50),
          fmt(r.p99),
          fmt(r.cpu.api, 2),
          fmt(r.cpu.web, 2),
          fmt(r.cpu.postgres, 2),
          fmt(r.cpu.api + r.cpu.web + r.cpu.postgres, 2),
          fmt(r.peakRss, 0),
          r.sqlPerRequest === undefined ? '–' : fmt(r.sqlPerRequest),
        ]),
      ),
    );
    const loggedOut = results.find((r) => r.name === 'page, logged out');
    if (loggedOut) {
      const loggedOutCpu = loggedOut.cpu.api + loggedOut.cpu.web + loggedOut.cpu.postgres;
      console.log(
        `\nLogged out against NodeBB 4.11 (${NODEBB.requestsPerSecond} req/s, ${NODEBB.cpuMsPerPage} CPU-ms per page): ` +
          `${fmt(loggedOut.requests / loggedOut.seconds / NODEBB.requestsPerSecond)}× the throughput, ` +
          `${fmt(NODEBB.cpuMsPerPage / loggedOutCpu)}× less CPU per page.`,
      );
    }
    const rss = (pid: number) => processInfo(pid)?.rssMiB ?? NaN;
    console.log(
      `\nResident memory (RSS MiB api+web: the highest sum during each run): api ${fmt(rss(processes.api), 0)} MiB + web ${fmt(rss(processes.web), 0)} MiB now; ` +
        `each one's peak since start (VmHWM) api ${fmt(peakRssMiB(processes.api), 0)} + web ${fmt(peakRssMiB(processes.web), 0)} = ` +
        `${fmt(peakRssMiB(processes.api) + peakRssMiB(processes.web), 0)} MiB`,
    );
    console.log(`(${CONNECTIONS} connections, ${SECONDS} s per target, Node ${process.version}, loopback; the driver shares the cores.)`);
  } finally {
    agent.destroy();
    await stack.stop();
  }
}

await main();
