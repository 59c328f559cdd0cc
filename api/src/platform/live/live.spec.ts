import { createClient as createWsClient, type Client } from 'graphql-ws';
import { createClient as createRedisClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer, connect as connectTcp, type Server } from 'node:net';
import request from 'supertest';
import WebSocket from 'ws';
import { answer, ask, seedSpace, signUp, type TestUser } from '../../test-support/builders';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { until } from '../../test-support/until';
import { askAndEscalate, seedCast, ADD_MEMBER, type Cast } from '../../escalation/test/escalation-fixture';
import { QUEUE_CHANNEL } from '../../escalation/escalation-timeline';
import { threadChannel } from '../../qa/thread-activity';
import { afterCommit } from './after-commit';
import { InProcessLiveEvents, LiveEvents } from './live-events';
import { RedisLiveEvents } from './redis-live-events';
import { SESSION_ENDED_CLOSE } from './subscriptions';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PUBLIC_ORIGIN = 'http://localhost:3000';

const THREAD_ACTIVITY = `subscription ($questionId: ID!) { threadActivity(questionId: $questionId) { questionId kind postId authorId } }`;

interface Activity {
  threadActivity: { questionId: string; kind: string; postId: string; authorId: string };
}

async function listen(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  const address = t.app.getHttpServer().address() as { port: number };
  return `ws://127.0.0.1:${address.port}/graphql`;
}

/** A graphql-ws client as a browser on `origin` (or a server, without one) with a session cookie. */
function wsClient(url: string, headers: Record<string, string> = {}): Client {
  return createWsClient({
    url,
    retryAttempts: 0,
    lazy: true,
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    },
  });
}

/** How many subscriptions the app's live events have on a channel (in process: listeners; Redis: processes). */
function subscriberCount(t: TestApp, channel: string): Promise<number> {
  const live = t.app.get(LiveEvents) as InProcessLiveEvents | RedisLiveEvents;
  return Promise.resolve(live.subscriberCount(channel));
}

/**
 * Subscribes and resolves with the first result (data or errors); `subscribed` resolves once the
 * subscription on the thread's channel is in place on `t` (one more subscriber than before).
 */
function firstResult<T>(client: Client, query: string, variables: Record<string, unknown>, on?: { t: TestApp; channel: string }) {
  const before = on ? subscriberCount(on.t, on.channel) : Promise.resolve(0);
  const subscribed = on
    ? before.then((count) => until(async () => (await subscriberCount(on.t, on.channel)) > count, `a subscriber on ${on.channel}`))
    : Promise.resolve();
  const result = new Promise<{ data?: T; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }>(
    (resolve, reject) => {
      const unsubscribe = client.subscribe<T>(
        { query, variables },
        {
          next: (value) => {
            unsubscribe();
            resolve(value as { data?: T });
          },
          error: (error) =>
            Array.isArray(error) ? resolve({ errors: error }) : reject(error instanceof Error ? error : new Error(String(error))),
          complete: () => undefined,
        },
      );
    },
  );
  return { subscribed, result };
}

describe('live updates over WebSocket, in one process', () => {
  let t: TestApp;
  let url: string;
  let asker: TestUser;
  let helper: TestUser;
  let questionId: string;

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: PUBLIC_ORIGIN });
    url = await listen(t);
    await seedSpace(t.dataSource);
    asker = await signUp(t, 'Asker');
    helper = await signUp(t, 'Helper');
    questionId = await ask(t, asker);
  });
  // Each test starts on a quiet channel, so "one more subscriber" means its own subscription.
  afterEach(() => until(async () => (await subscriberCount(t, threadChannel(questionId))) === 0, 'the subscriptions to end'));
  afterAll(() => t.close());

  it('tells anonymous readers of a thread about a new answer as it is posted', async () => {
    const client = wsClient(url, { origin: PUBLIC_ORIGIN });
    const { subscribed, result } = firstResult<Activity>(
      client,
      THREAD_ACTIVITY,
      { questionId },
      { t, channel: threadChannel(questionId) },
    );
    await subscribed;
    const answerId = await answer(t, helper, questionId);
    const { data } = await result;
    expect(data?.threadActivity).toEqual({ questionId, kind: 'ANSWER_ADDED', postId: answerId, authorId: helper.id });
    await client.dispose();
  });

  it('tells about new comments, and a signed-in subscriber is served too', async () => {
    const client = wsClient(url, { origin: PUBLIC_ORIGIN, cookie: asker.cookie });
    const { subscribed, result } = firstResult<Activity>(
      client,
      THREAD_ACTIVITY,
      { questionId },
      { t, channel: threadChannel(questionId) },
    );
    await subscribed;
    const res = await t.gql<{ addComment: { id: string } }>(
      `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`,
      { input: { questionId, body: 'Which meter model do you have?' } },
      helper.cookie,
    );
    const { data } = await result;
    expect(data?.threadActivity).toMatchObject({ kind: 'COMMENT_ADDED', postId: res.data.addComment.id });
    await client.dispose();
  });

  it('says nothing about a post that waits for review', async () => {
    const newcomer = await signUp(t, 'Newcomer', { trustLevel: 0 });
    const client = wsClient(url);
    const { subscribed, result } = firstResult<Activity>(
      client,
      THREAD_ACTIVITY,
      { questionId },
      { t, channel: threadChannel(questionId) },
    );
    await subscribed;
    await answer(t, newcomer, questionId);
    const published = await answer(t, helper, questionId, 'A second, published answer about the invoice.');
    const { data } = await result;
    expect(data?.threadActivity).toMatchObject({ postId: published, authorId: helper.id });
    await client.dispose();
  });

  it('answers NOT_FOUND for a thread that does not exist', async () => {
    const client = wsClient(url);
    const { result } = firstResult<Activity>(client, THREAD_ACTIVITY, { questionId: '00000000-0000-4000-8000-000000000000' });
    const { errors } = await result;
    expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await client.dispose();
  });

  it('runs only subscriptions: queries and mutations belong to HTTP, where CSRF and cost limits apply', async () => {
    const client = wsClient(url, { cookie: asker.cookie });
    const { result } = firstResult(client, `mutation { signOut }`, {});
    const { errors } = await result;
    expect(errors?.[0]?.message).toMatch(/Only subscriptions run over WebSocket/);
    await client.dispose();
  });

  it('refuses sockets opened by pages of another origin', async () => {
    const client = wsClient(url, { origin: 'https://evil.example', cookie: asker.cookie });
    const closed = new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
    const { result } = firstResult(client, THREAD_ACTIVITY, { questionId });
    result.catch(() => undefined);
    expect(await closed).toBe(4403);
    await client.dispose();
  });

  it('sends a subscriber only the events of the thread it asked for', async () => {
    const other = await ask(t, asker, { title: 'Another question about my advance payment' });
    const client = wsClient(url);
    const { subscribed, result } = firstResult<Activity>(
      client,
      THREAD_ACTIVITY,
      { questionId },
      { t, channel: threadChannel(questionId) },
    );
    await subscribed;
    await answer(t, helper, other);
    const answerId = await answer(t, helper, questionId);
    const { data } = await result;
    expect(data?.threadActivity.postId).toBe(answerId);
    await client.dispose();
  });
});

describe('afterCommit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const spaceCount = async () =>
    Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM spaces WHERE slug = 'after-commit'`))[0].n);

  it('runs the task once the transaction has committed, when others can see the change', async () => {
    let seen = -1;
    await t.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO spaces (slug, name, description) VALUES ('after-commit', 'A', 'B')`);
      await afterCommit(manager, async () => {
        seen = await spaceCount();
      });
      expect(seen).toBe(-1);
    });
    expect(seen).toBe(1);
  });

  it('never runs it when the transaction rolls back', async () => {
    let ran = false;
    await expect(
      t.dataSource.transaction(async (manager) => {
        await afterCommit(manager, async () => {
          ran = true;
        });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(ran).toBe(false);
  });
});

async function redisAnswers(url: string): Promise<boolean> {
  const client = createRedisClient({ url, socket: { connectTimeout: 1_000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    await client.close();
    return true;
  } catch {
    client.destroy();
    return false;
  }
}

describe('live updates across two api processes through Redis', () => {
  let redisUp = false;
  let first: TestApp;
  let second: TestApp;
  let secondUrl: string;

  beforeAll(async () => {
    redisUp = await redisAnswers(REDIS_URL);
    if (!redisUp) {
      console.warn(`SKIPPED: live updates across api processes need a Redis server; none answers at ${REDIS_URL} (set TEST_REDIS_URL).`);
      return;
    }
    first = await createTestApp({ PUBLIC_URL: PUBLIC_ORIGIN, REDIS_URL });
    second = await createTestApp({ PUBLIC_URL: PUBLIC_ORIGIN, REDIS_URL }, { sameDatabaseAs: first });
    secondUrl = await listen(second);
    await seedSpace(first.dataSource);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('delivers an answer posted on one process to a subscriber on the other', async (ctx) => {
    if (!redisUp) return ctx.skip();
    const asker = await signUp(first, 'Asker');
    const helper = await signUp(first, 'Helper');
    const questionId = await ask(first, asker);
    const client = wsClient(secondUrl, { origin: PUBLIC_ORIGIN });
    const { subscribed, result } = firstResult<Activity>(
      client,
      THREAD_ACTIVITY,
      { questionId },
      { t: second, channel: threadChannel(questionId) },
    );
    await subscribed;
    const answerId = await answer(first, helper, questionId);
    const { data } = await result;
    expect(data?.threadActivity).toMatchObject({ questionId, kind: 'ANSWER_ADDED', postId: answerId });
    await client.dispose();
  });
});

/** Subscribes and resolves with the first result, and with the socket's close code. */
function watch<T>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const closed = new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
  const { result } = firstResult<T>(client, query, variables);
  result.catch(() => undefined);
  return { result, closed };
}

describe('live access ends when the session or the membership does', () => {
  let t: TestApp;
  let url: string;
  let live: InProcessLiveEvents;
  let cast: Cast;
  let questionId: string;

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: PUBLIC_ORIGIN });
    url = await listen(t);
    live = t.app.get(LiveEvents) as InProcessLiveEvents;
    cast = await seedCast(t);
    questionId = await ask(t, cast.asker);
  });
  afterAll(() => t.close());

  const subscribed = (channel: string, count: number) => until(() => live.subscriberCount(channel) >= count, `a subscriber on ${channel}`);

  it('closes the sockets of a session as it signs out', async () => {
    const reader = await signUp(t, 'Reader');
    const client = wsClient(url, { origin: PUBLIC_ORIGIN, cookie: reader.cookie });
    const before = live.subscriberCount(threadChannel(questionId));
    const { closed } = watch(client, THREAD_ACTIVITY, { questionId });
    await subscribed(threadChannel(questionId), before + 1);
    await t.gql(`mutation { signOut }`, {}, reader.cookie);
    expect(await closed).toBe(SESSION_ENDED_CLOSE);
    await until(() => live.subscriberCount(threadChannel(questionId)) === before, 'the subscription to stop');
    await client.dispose();
  });

  it('ends a subscription whose session ended elsewhere before it delivers another event', async () => {
    const reader = await signUp(t, 'Other Reader');
    const client = wsClient(url, { cookie: reader.cookie });
    const before = live.subscriberCount(threadChannel(questionId));
    const { result } = watch<Activity>(client, THREAD_ACTIVITY, { questionId });
    await subscribed(threadChannel(questionId), before + 1);
    // Signed out on another api process, or expired: the session is simply gone.
    await t.dataSource.query(`DELETE FROM sessions WHERE user_id = $1`, [reader.id]);
    await answer(t, cast.expert, questionId);
    const { data, errors } = await result;
    expect(data).toBeUndefined();
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await client.dispose();
  });

  it('stops telling a staff member about a team’s escalations once removed from that team', async () => {
    await t.gql(ADD_MEMBER, { teamId: cast.otherTeamId, userId: cast.agent.id }, cast.admin.cookie);
    const client = wsClient(url, { cookie: cast.agent.cookie });
    const before = live.subscriberCount(QUEUE_CHANNEL);
    const { result } = watch<{ escalationQueueChanged: { teamId: string; kind: string } }>(
      client,
      `subscription { escalationQueueChanged { escalationId teamId kind } }`,
    );
    await subscribed(QUEUE_CHANNEL, before + 1);
    const removed = await t.gql(
      `mutation ($teamId: ID!, $userId: ID!) { removeTeamMember(teamId: $teamId, userId: $userId) { id } }`,
      { teamId: cast.teamId, userId: cast.agent.id },
      cast.admin.cookie,
    );
    expect(removed.errors).toBeUndefined();
    // An escalation of the team the agent left, then one forwarded to the team they are still in.
    const { escalationId } = await askAndEscalate(t, cast);
    const forwarded = await t.gql(
      `mutation ($id: ID!, $teamId: ID!) { forwardEscalation(id: $id, teamId: $teamId) { id } }`,
      { id: escalationId, teamId: cast.otherTeamId },
      cast.moderator.cookie,
    );
    expect(forwarded.errors).toBeUndefined();
    const { data } = await result;
    expect(data?.escalationQueueChanged.teamId).toBe(cast.otherTeamId);
    await client.dispose();
    await until(() => live.subscriberCount(QUEUE_CHANNEL) === before, 'the subscription to stop');
  });

  it('ends a staff subscription when the account is no longer staff', async () => {
    const client = wsClient(url, { cookie: cast.otherAgent.cookie });
    const before = live.subscriberCount(QUEUE_CHANNEL);
    const { result } = watch(client, `subscription { escalationQueueChanged { escalationId teamId kind } }`);
    await subscribed(QUEUE_CHANNEL, before + 1);
    await t.dataSource.query(`UPDATE users SET role = 'member' WHERE id = $1`, [cast.otherAgent.id]);
    await askAndEscalate(t, cast);
    const { data, errors } = await result;
    expect(data).toBeUndefined();
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await client.dispose();
  });
});

describe('Redis away when the api starts', () => {
  let redisUp = false;
  let t: TestApp | undefined;
  let relay: Server | undefined;

  beforeAll(async () => {
    redisUp = await redisAnswers(REDIS_URL);
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => (relay ? relay.close(resolve) : resolve(undefined)));
  });

  it('starts with live updates degraded, says so on /health, and recovers once Redis answers', async (ctx) => {
    if (!redisUp) return ctx.skip();
    // A port where nothing listens yet; later a relay to the real Redis opens on it.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));

    t = await createTestApp({ PUBLIC_URL: PUBLIC_ORIGIN, REDIS_URL: `redis://127.0.0.1:${port}` });
    const health = await request(t.app.getHttpServer()).get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'degraded', database: 'ready', live: 'degraded', subscriptions: expect.any(Number) });

    const target = new URL(REDIS_URL);
    relay = createServer((socket) => {
      const upstream = connectTcp(Number(target.port || 6379), target.hostname);
      socket.pipe(upstream).pipe(socket);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
    });
    await new Promise<void>((resolve) => relay!.listen(port, '127.0.0.1', resolve));
    await until(async () => (await request(t!.app.getHttpServer()).get('/health')).body.live === 'ready', 'Redis to answer');
    expect((await request(t.app.getHttpServer()).get('/health')).body).toEqual({
      status: 'ok',
      database: 'ready',
      live: 'ready',
      subscriptions: expect.any(Number),
    });
  }, 60_000);
});
