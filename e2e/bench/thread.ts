// Thread benchmark: how fast is one busy question (50 answers, 100 comments) served,
// (a) as the question page's GraphQL query straight from the api and (b) as the server-rendered page?
//
//   pnpm bench                                   (builds first)
//   pnpm --filter @peerdesk/e2e run bench        (uses the existing build)
//   BENCH_SECONDS=5 BENCH_CONCURRENCY=8 …         (defaults: 20 s per target, 8 requests in flight)
//
// Only loopback traffic: the stack runs on 127.0.0.1 with a throw-away database.
import { QuestionPageDocument } from '../../web/src/lib/graphql/generated.ts';
import { ApiClient, signedUpClient } from '../support/api.ts';
import { BILLING, INVOICE_TAG } from '../support/demo.ts';
import { runLoad, table, type LoadResult } from '../support/load.ts';
import { childrenOf } from '../support/proc.ts';
import { sqlPerRequest } from '../support/sql-count.ts';
import { sql } from '../support/db.ts';
import { startStack } from '../support/stack.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ANSWERS = 50;
const COMMENTS = 100;
const HELPERS = 7; // plus the asker: 8 accounts (sign-up allows 10 per IP and hour)

/** The question page's own query (web/src/lib/graphql/operations/queries.graphql). */
const THREAD_QUERY = String(QuestionPageDocument);

interface Thread {
  id: string;
  slug: string;
  title: string;
}

async function seedThread(apiUrl: string, databaseUrl: string): Promise<Thread> {
  const asker = await signedUpClient(apiUrl, 'Bench Asker');
  const helpers: ApiClient[] = [];
  for (let i = 1; i <= HELPERS; i++) helpers.push((await signedUpClient(apiUrl, `Bench Helper ${i}`)).client);
  // Leaders: published without the newcomer review, and with room in the hourly posting limit.
  await sql(databaseUrl, `UPDATE users SET trust_level = 4 WHERE display_name LIKE 'Bench %'`);
  const title = 'Monthly payment collected twice after a tariff switch';
  const question = await asker.client.askQuestion({
    spaceSlug: BILLING.slug,
    title,
    tags: [INVOICE_TAG],
    body: 'Since switching tariffs, **two** monthly payments were collected in March. Is this a known issue, and will the second one be refunded automatically?',
  });

  // Answers round-robin over the helpers; each helper posts its share in order, helpers in parallel.
  const answerIds: string[] = new Array(ANSWERS);
  await Promise.all(
    helpers.map(async (helper, h) => {
      for (let i = h; i < ANSWERS; i += HELPERS) {
        const body = `Answer ${i + 1}: check the *Payments* tab in the portal; a duplicate direct debit is usually reversed within 5 business days.`;
        answerIds[i] = (await helper.answerQuestion(question.id, body)).id;
      }
    }),
  );
  // Comments spread over the answers, written by everybody; the asker upvotes every answer.
  const everyone = [asker.client, ...helpers];
  await Promise.all(
    everyone.map(async (client, c) => {
      for (let i = c; i < COMMENTS; i += everyone.length)
        await client.addComment({ answerId: answerIds[i % ANSWERS]! }, `Comment ${i + 1}: same here, thanks!`);
    }),
  );
  for (const answerId of answerIds) await asker.client.vote({ answerId }, 1);
  await Promise.all(helpers.map((helper) => helper.vote({ questionId: question.id }, 1)));
  await asker.client.acceptAnswer(answerIds[ANSWERS - 1]!);
  return { id: question.id, slug: question.slug, title };
}

type ThreadData = { question: { answers: { edges: { node: { comments: unknown[] } }[] } } | null };

async function postThreadQuery(graphqlUrl: string, id: string): Promise<ThreadData> {
  const res = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    body: JSON.stringify({ query: THREAD_QUERY, variables: { id } }),
  });
  const payload = (await res.json()) as { data?: ThreadData; errors?: unknown[] };
  if (!res.ok || payload.errors || !payload.data?.question)
    throw new Error(`thread query failed: HTTP ${res.status} ${JSON.stringify(payload.errors ?? payload)}`);
  return payload.data;
}

async function getPage(url: string): Promise<string> {
  const res = await fetch(url, { headers: { 'accept-language': 'en' }, redirect: 'manual' });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`page answered HTTP ${res.status}`);
  return html;
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

async function main(): Promise<void> {
  console.log(`Starting the stack (demo community on)…`);
  const stack = await startStack({ demo: true, name: 'bench' });
  try {
    const seedStart = performance.now();
    const thread = await seedThread(stack.apiUrl, stack.databaseUrl);
    const graphqlUrl = `${stack.apiUrl}/graphql`;
    const pageUrl = `${stack.webUrl}/questions/${thread.id}/${thread.slug}`;

    // Check once that both targets serve the whole thread before measuring them.
    const data = await postThreadQuery(graphqlUrl, thread.id);
    const answers = data.question!.answers.edges.length;
    const comments = data.question!.answers.edges.reduce((sum, e) => sum + e.node.comments.length, 0);
    if (answers !== ANSWERS || comments !== COMMENTS) throw new Error(`seeded thread has ${answers} answers and ${comments} comments`);
    if (!(await getPage(pageUrl)).includes(thread.title)) throw new Error('the question page does not show the question');
    console.log(
      `Seeded question ${thread.id}: ${answers} answers, ${comments} comments, ${HELPERS + 1} authors (${fmt((performance.now() - seedStart) / 1000)} s).`,
    );
    console.log(`Measuring ${SECONDS} s per target with ${CONCURRENCY} requests in flight…\n`);

    const targets: { name: string; send: () => Promise<unknown> }[] = [
      { name: 'api  GraphQL QuestionPage query', send: () => postThreadQuery(graphqlUrl, thread.id) },
      { name: 'web  SSR /questions/:id/:slug', send: () => getPage(pageUrl) },
    ];
    const results: LoadResult[] = [];
    for (const target of targets) {
      const send = async () => (await target.send(), true);
      await runLoad({ name: target.name, seconds: Math.min(2, SECONDS), concurrency: CONCURRENCY, send }); // warm-up
      results.push(await runLoad({ name: target.name, seconds: SECONDS, concurrency: CONCURRENCY, send }));
    }
    const memory = childrenOf(stack.pid).map((p) => ({
      name: p.command.includes('api/dist') ? 'api' : p.command.includes('web/server') ? 'web' : p.command,
      rss: p.rssMiB,
    }));
    console.log('Counting SQL statements per thread query (waits for PostgreSQL statistics)…\n');
    results[0]!.sqlPerRequest = await sqlPerRequest(stack.databaseUrl, targets[0]!.send);

    console.log(
      table(
        ['target', 'requests', 'errors', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'SQL/req'],
        results.map((r) => [
          r.name,
          r.requests,
          r.errors,
          fmt(r.requests / r.seconds),
          fmt(r.p50),
          fmt(r.p95),
          fmt(r.p99),
          r.sqlPerRequest === undefined ? '–' : fmt(r.sqlPerRequest),
        ]),
      ),
    );
    console.log(`\nResident memory after the runs (VmRSS): ${memory.map((m) => `${m.name} ${fmt(m.rss, 0)} MiB`).join(', ')}`);
    console.log(
      `(${CONCURRENCY} in flight, ${SECONDS} s per target, Node ${process.version}, loopback only; the page's SQL is the same query via the web.)`,
    );
  } finally {
    await stack.stop();
  }
}

await main();
