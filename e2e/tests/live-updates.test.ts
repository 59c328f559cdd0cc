// Live updates: readers of a thread learn about new replies without reloading, through the web's
// WebSocket relay; and with REDIS_URL, an event raised on one api process reaches subscribers of another.
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import { ApiClient } from '../support/api.ts';
import { openBrowser, type Browser } from '../support/browser.ts';
import { BILLING, demoUsers } from '../support/demo.ts';
import { DEMO_PASSWORD, freePort, repoRoot, startStack, type Stack } from '../support/stack.ts';
import { answers, visit } from '../support/ui.ts';
import { liveSubscriptions, subscriptionsAbove } from '../support/live.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether something answers PING on the Redis port (no client library needed for that). */
function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379), timeout: 1_000 });
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      resolve(data.toString().startsWith('+PONG'));
      socket.destroy();
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      resolve(false);
      socket.destroy();
    });
  });
}

const redisUp = await redisAnswers(REDIS_URL);
if (!redisUp) console.warn(`SKIPPED (two api processes): no Redis server answers at ${REDIS_URL} (set TEST_REDIS_URL).`);

let stack: Stack;

/** A demo member with published posts: new accounts' first posts wait for review, which is not what this file tests. */
async function demoMember(key: string): Promise<{ client: ApiClient; id: string }> {
  const client = new ApiClient(stack.apiUrl);
  const account = await client.signIn(demoUsers.find((user) => user.key === key)!.email, DEMO_PASSWORD);
  return { client, id: account.id };
}
let secondApi: ChildProcess | undefined;
const browsers: Browser[] = [];

beforeAll(async () => {
  stack = await startStack({ demo: true, name: 'live-updates', env: redisUp ? { REDIS_URL } : {} });
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  secondApi?.kill('SIGTERM');
  await stack?.stop();
});

test('a reader sees that a reply arrived and loads it with one click, without reloading the page', async () => {
  const { client: asker } = await demoMember('priya');
  const { client: helper } = await demoMember('heike');
  const question = await asker.askQuestion({
    spaceSlug: BILLING.slug,
    title: 'Advance payment changed without notice',
    body: 'My monthly advance payment went up by 20 euros, but I never received a letter. Why did it change?',
  });
  const browser = await openBrowser();
  browsers.push(browser);
  const reader = browser.page;
  // Once the page's socket is acknowledged (through the web's relay), an answer posted is announced, not inserted.
  const acknowledged = new Promise<void>((resolve) =>
    reader.on('websocket', (socket) =>
      socket.on('framereceived', (frame) => {
        if (String(frame.payload).includes('connection_ack')) resolve();
      }),
    ),
  );
  const subscriptions = await liveSubscriptions(stack.apiUrl);
  await visit(reader, `${stack.webUrl}/questions/${question.id}`);
  expect(await answers(reader).count()).toBe(0);
  await acknowledged;
  await subscriptionsAbove(stack.apiUrl, subscriptions);
  await helper.answerQuestion(question.id, 'Advance payments follow your last meter reading; the new amount is on your latest bill.');
  const notice = reader.getByRole('status').filter({ hasText: '1 new reply since you opened this page' });
  await notice.waitFor({ timeout: 10_000 });
  await notice.getByRole('button', { name: 'Show' }).click();
  await answers(reader).first().waitFor();
  expect(await answers(reader).count()).toBe(1);
  await notice.waitFor({ state: 'detached' });
});

test.skipIf(!redisUp)('with REDIS_URL, an answer posted through one api process reaches a subscriber on another', async () => {
  const port = await freePort();
  secondApi = spawn(process.execPath, ['api/dist/main.js'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      API_PORT: String(port),
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL,
      PUBLIC_URL: stack.webUrl,
      DEMO_COMMUNITY: 'off',
      SEARCH_WORKER: 'off',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  const secondUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${secondUrl}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  const { client: asker } = await demoMember('lena');
  const { client: helper, id: helperId } = await demoMember('thomas');
  const question = await asker.askQuestion({
    spaceSlug: BILLING.slug,
    title: 'Meter reading photo rejected twice',
    body: 'The portal rejects the photo of my meter reading twice now, saying it is unreadable. What can I do?',
  });

  const subscriptions = await liveSubscriptions(secondUrl);
  const subscriber = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
  const received = new Promise<{ kind: string; authorId: string }>((resolve, reject) => {
    subscriber.subscribe<{ threadActivity: { kind: string; authorId: string } }>(
      { query: `subscription ($id: ID!) { threadActivity(questionId: $id) { kind authorId } }`, variables: { id: question.id } },
      { next: ({ data }) => data && resolve(data.threadActivity), error: reject, complete: () => undefined },
    );
  });
  await subscriptionsAbove(secondUrl, subscriptions);
  await helper.answerQuestion(question.id, 'Take the photo in daylight without flash, straight on; the digits need to fill the frame.');
  expect(await received).toEqual({ kind: 'ANSWER_ADDED', authorId: helperId });
  await subscriber.dispose();
});
