import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { TestUser } from '../test-support/builders';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { until } from '../test-support/until';
import { InProcessLiveEvents, LiveEvents } from '../platform/live/live-events';
import { conversationChannel, QUEUE_CHANNEL } from './escalation-timeline';
import { ESCALATE, seedCast, teamInput, SAVE_TEAM, type Cast } from './test/escalation-fixture';

type Role = 'anonymous' | 'asker' | 'customer' | 'expert' | 'moderator' | 'agent' | 'otherAgent' | 'admin';
const ROLES: Role[] = ['anonymous', 'asker', 'customer', 'expert', 'moderator', 'agent', 'otherAgent', 'admin'];
/** 'data': answers with data; 'null': answers null (nothing to see); otherwise the error code. */
type Outcome = 'data' | 'null' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

interface Case {
  name: string;
  /** Runs as the role against a fresh escalated question (with a private conversation); returns the GraphQL result. */
  run: (
    t: TestApp,
    cookie: string | undefined,
    ids: { questionId: string; escalationId: string; conversationId: string },
  ) => Promise<{
    data?: Record<string, unknown> | null;
    errors?: { extensions: { code: string } }[];
  }>;
  expect: Record<Role, Outcome>;
}

const staffOnly = (member: Outcome): Record<Role, Outcome> => ({
  anonymous: 'UNAUTHENTICATED',
  asker: member,
  customer: member,
  expert: member,
  moderator: 'data',
  agent: 'data',
  otherAgent: member,
  admin: 'data',
});

/** A call back request by the asker, written directly (a tomorrow window). */
async function callbackRequest(t: TestApp, conversationId: string): Promise<string> {
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO conversation_messages (conversation_id, author_id, kind, body_markdown, body_html, callback_from, callback_until, callback_phone, callback_state)
     SELECT id, asker_id, 'callback_request', '', '', now() + interval '1 day', now() + interval '25 hours', '030 1234567', 'requested'
     FROM conversations WHERE id = $1 RETURNING id`,
    [conversationId],
  );
  return String(id);
}

const CASES: Case[] = [
  {
    name: 'query escalation',
    run: (t, c, ids) =>
      t.gql(`query ($id: ID!) { escalation(id: $id) { id notes { id } timeline { kind } } }`, { id: ids.escalationId }, c),
    expect: staffOnly('null'),
  },
  {
    name: 'query escalationQueue',
    run: (t, c) => t.gql(`{ escalationQueue { edges { node { id } } } }`, {}, c),
    expect: { ...staffOnly('FORBIDDEN'), otherAgent: 'data' },
  },
  {
    name: 'query teams',
    run: (t, c) => t.gql(`{ teams { id } }`, {}, c),
    expect: { ...staffOnly('FORBIDDEN'), otherAgent: 'data' },
  },
  {
    name: 'query conversation',
    run: (t, c, ids) =>
      t.gql(`query ($id: ID!) { conversation(id: $id) { id messages { edges { node { bodyHtml } } } } }`, { id: ids.conversationId }, c),
    expect: { ...staffOnly('null'), asker: 'data' },
  },
  {
    name: 'Question.escalation and Question.conversation',
    run: async (t, c, ids) => {
      const res = await t.gql<{ question: { escalation: unknown; conversation: unknown } }>(
        `query ($id: ID!) { question(id: $id) { escalation { id } conversation { id } } }`,
        { id: ids.questionId },
        c,
      );
      return { data: res.data.question.conversation ? { seen: true } : null };
    },
    expect: {
      anonymous: 'null',
      asker: 'data',
      customer: 'null',
      expert: 'null',
      moderator: 'data',
      agent: 'data',
      otherAgent: 'null',
      admin: 'data',
    },
  },
  {
    name: 'mutation escalateQuestion (on the asker’s question)',
    run: async (t, c, ids) => {
      await t.dataSource.query(`UPDATE escalations SET status = 'resolved', resolved_at = now() WHERE id = $1`, [ids.escalationId]);
      return t.gql(ESCALATE, { input: { questionId: ids.questionId } }, c);
    },
    expect: {
      anonymous: 'UNAUTHENTICATED',
      asker: 'data',
      customer: 'FORBIDDEN',
      expert: 'data',
      moderator: 'data',
      agent: 'data',
      otherAgent: 'data',
      admin: 'data',
    },
  },
  ...(
    [
      'claimEscalation',
      'setEscalationStatus',
      'addEscalationNote',
      'setEscalationPriority',
      'assignEscalation',
      'resolveEscalation',
    ] as const
  ).map((field): Case => ({
    name: `mutation ${field}`,
    run: (t, c, ids) => {
      const call = {
        claimEscalation: `claimEscalation(id: $id) { id }`,
        setEscalationStatus: `setEscalationStatus(id: $id, status: WAITING_ON_CUSTOMER) { id }`,
        addEscalationNote: `addEscalationNote(id: $id, body: "Internal") { id }`,
        setEscalationPriority: `setEscalationPriority(id: $id, priority: HIGH) { id }`,
        assignEscalation: `assignEscalation(id: $id, assigneeId: null) { id }`,
        resolveEscalation: `resolveEscalation(input: { id: $id, summary: "We corrected the tariff; the next invoice shows the right amount." }) { id }`,
      }[field];
      const setup =
        field === 'setEscalationStatus'
          ? t.dataSource.query(
              `UPDATE escalations SET assignee_id = (SELECT user_id FROM team_members LIMIT 1), status = 'assigned' WHERE id = $1`,
              [ids.escalationId],
            )
          : Promise.resolve();
      return setup.then(() => t.gql(`mutation ($id: ID!) { ${call} }`, { id: ids.escalationId }, c));
    },
    expect: staffOnly('NOT_FOUND'),
  })),
  {
    name: 'mutation forwardEscalation',
    run: async (t, c, ids) => {
      const [{ id }] = await t.dataSource.query(`SELECT id FROM teams WHERE name = 'Metering experts'`);
      return t.gql(
        `mutation ($id: ID!, $teamId: ID!) { forwardEscalation(id: $id, teamId: $teamId) { id } }`,
        { id: ids.escalationId, teamId: id },
        c,
      );
    },
    expect: staffOnly('NOT_FOUND'),
  },
  {
    name: 'mutation openConversation',
    run: (t, c, ids) =>
      t.gql(
        `mutation ($q: ID!) { openConversation(questionId: $q, body: "Could you share your meter number?") { id } }`,
        { q: ids.questionId },
        c,
      ),
    expect: { ...staffOnly('NOT_FOUND') },
  },
  {
    name: 'mutation sendConversationMessage',
    run: (t, c, ids) =>
      t.gql(
        `mutation ($id: ID!) { sendConversationMessage(input: { conversationId: $id, body: "Hello" }) { id } }`,
        { id: ids.conversationId },
        c,
      ),
    expect: { ...staffOnly('NOT_FOUND'), asker: 'data' },
  },
  {
    name: 'mutation scheduleCallback',
    run: async (t, c, ids) =>
      t.gql(
        `mutation ($id: ID!, $at: DateTime!) { scheduleCallback(input: { messageId: $id, at: $at }) { id } }`,
        { id: await callbackRequest(t, ids.conversationId), at: new Date(Date.now() + 86_400_000 + 1_800_000).toISOString() },
        c,
      ),
    expect: { ...staffOnly('NOT_FOUND'), asker: 'FORBIDDEN' },
  },
  {
    name: 'mutation completeCallback',
    run: async (t, c, ids) =>
      t.gql(`mutation ($id: ID!) { completeCallback(messageId: $id) { id } }`, { id: await callbackRequest(t, ids.conversationId) }, c),
    expect: { ...staffOnly('NOT_FOUND'), asker: 'FORBIDDEN' },
  },
  {
    name: 'mutation cancelCallback',
    run: async (t, c, ids) =>
      t.gql(`mutation ($id: ID!) { cancelCallback(messageId: $id) { id } }`, { id: await callbackRequest(t, ids.conversationId) }, c),
    expect: { ...staffOnly('NOT_FOUND'), asker: 'data' },
  },
  {
    name: 'mutation requestCallback',
    run: (t, c, ids) => {
      const from = new Date(Date.now() + 86_400_000);
      return t.gql(
        `mutation ($id: ID!, $from: DateTime!, $until: DateTime!) { requestCallback(input: { conversationId: $id, from: $from, until: $until, phone: "030 1234567" }) { id } }`,
        { id: ids.conversationId, from: from.toISOString(), until: new Date(from.getTime() + 3_600_000).toISOString() },
        c,
      );
    },
    expect: {
      anonymous: 'UNAUTHENTICATED',
      asker: 'data',
      customer: 'NOT_FOUND',
      expert: 'NOT_FOUND',
      moderator: 'FORBIDDEN',
      agent: 'FORBIDDEN',
      otherAgent: 'NOT_FOUND',
      admin: 'FORBIDDEN',
    },
  },
  {
    name: 'mutation saveTeam',
    run: (t, c) => t.gql(SAVE_TEAM, { input: teamInput({ name: `Team ${Math.random().toString(36).slice(2, 8)}`, spaceSlugs: [] }) }, c),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      asker: 'FORBIDDEN',
      customer: 'FORBIDDEN',
      expert: 'FORBIDDEN',
      moderator: 'FORBIDDEN',
      agent: 'FORBIDDEN',
      otherAgent: 'FORBIDDEN',
      admin: 'data',
    },
  },
];

function outcome(res: { data?: Record<string, unknown> | null; errors?: { extensions: { code: string } }[] }): Outcome {
  if (res.errors?.length) return res.errors[0]!.extensions.code as Outcome;
  const values = Object.values(res.data ?? {});
  return values.length > 0 && values.every((v) => v !== null) ? 'data' : 'null';
}

describe('who may do what with escalations and conversations', () => {
  let t: TestApp;
  let cast: Cast;
  let url: string;
  const cookie = (role: Role): string | undefined => (role === 'anonymous' ? undefined : (cast[role] as TestUser).cookie);

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'http://localhost:3000' });
    cast = await seedCast(t);
    await t.app.listen(0, '127.0.0.1');
    url = `ws://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}/graphql`;
  });
  afterAll(() => t.close());

  async function insertQuestion(): Promise<string> {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO questions (space_id, author_id, title, body_markdown, body_html)
       SELECT id, $1, 'Why is my invoice higher than last month?', 'My invoice went up.', '<p>My invoice went up.</p>' FROM spaces WHERE slug = 'billing' RETURNING id`,
      [cast.asker.id],
    );
    return id as string;
  }

  async function fresh(): Promise<{ questionId: string; escalationId: string; conversationId: string }> {
    // Written directly: this table asks hundreds of questions, more than the posting rate limit allows one member.
    const questionId = await insertQuestion();
    const res = await t.gql<{ escalateQuestion: { id: string } }>(
      ESCALATE,
      { input: { questionId, privateDetails: 'Contract 12345' } },
      cast.asker.cookie,
    );
    const escalationId = res.data.escalateQuestion.id;
    const [{ id }] = await t.dataSource.query(`SELECT id FROM conversations WHERE question_id = $1`, [questionId]);
    return { questionId, escalationId, conversationId: id };
  }

  for (const c of CASES) {
    it(c.name, async () => {
      const seen: Record<string, Outcome> = {};
      for (const role of ROLES) seen[role] = outcome(await c.run(t, cookie(role), await fresh()));
      expect(seen).toEqual(c.expect);
    });
  }

  it('viewer canManageTeams follows the team.manage rule: admins only', async () => {
    const seen: Record<string, boolean | null> = {};
    for (const role of ROLES) {
      const res = await t.gql<{ me: { canManageTeams: boolean } | null }>(`{ me { canManageTeams } }`, {}, cookie(role));
      seen[role] = res.data.me?.canManageTeams ?? null;
    }
    expect(seen).toEqual({
      anonymous: null,
      asker: false,
      customer: false,
      expert: false,
      moderator: false,
      agent: false,
      otherAgent: false,
      admin: true,
    });
  });

  function subscribe(role: Role, query: string, variables: Record<string, unknown>): { client: Client; first: Promise<Outcome> } {
    const headers: Record<string, string> = cookie(role) ? { cookie: cookie(role)! } : {};
    const client = createClient({
      url,
      retryAttempts: 0,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers });
        }
      },
    });
    const first = new Promise<Outcome>((resolve) => {
      const stop = client.subscribe(
        { query, variables },
        {
          next: (value) => {
            stop();
            resolve(value.errors?.length ? ((value.errors[0]!.extensions?.code as Outcome) ?? 'FORBIDDEN') : 'data');
          },
          error: (error) => resolve(Array.isArray(error) ? ((error[0]?.extensions?.code as Outcome) ?? 'FORBIDDEN') : 'UNAUTHENTICATED'),
          complete: () => undefined,
        },
      );
    });
    return { client, first };
  }

  /** Waits until `count` subscriptions listen on the channel (they are in place before anything is published). */
  const listening = (channel: string, count: number) =>
    until(() => (t.app.get(LiveEvents) as InProcessLiveEvents).subscriberCount(channel) >= count, `${count} subscribers on ${channel}`);

  /**
   * What each subscriber got: those expected to hear something are awaited without a time limit; the
   * others are 'silent' unless something arrives by the time everyone else has been answered and a
   * moment more (a busy machine can only make a leak go unnoticed here, never fail a correct run).
   */
  async function outcomes(subs: { role: Role; first: Promise<Outcome> }[], expected: Record<Role, Outcome | 'silent'>) {
    const seen = {} as Record<Role, Outcome | 'silent'>;
    for (const sub of subs.filter((s) => expected[s.role] !== 'silent')) seen[sub.role] = await sub.first;
    await new Promise((r) => setTimeout(r, 200));
    for (const sub of subs.filter((s) => expected[s.role] === 'silent'))
      seen[sub.role] = await Promise.race([sub.first, Promise.resolve('silent' as const)]);
    return seen;
  }

  it('subscription conversationMessageAdded: participants hear new messages, nobody else learns the conversation exists', async () => {
    const ids = await fresh();
    const expected: Record<Role, Outcome | 'silent'> = {
      anonymous: 'UNAUTHENTICATED',
      asker: 'data',
      customer: 'NOT_FOUND',
      expert: 'NOT_FOUND',
      moderator: 'data',
      agent: 'data',
      otherAgent: 'NOT_FOUND',
      admin: 'data',
    };
    const subs = ROLES.map((role) => ({
      role,
      ...subscribe(role, `subscription ($id: ID!) { conversationMessageAdded(conversationId: $id) { messageId } }`, {
        id: ids.conversationId,
      }),
    }));
    await listening(conversationChannel(ids.conversationId), 4);
    await t.gql(
      `mutation ($id: ID!) { sendConversationMessage(input: { conversationId: $id, body: "Any news?" }) { id } }`,
      { id: ids.conversationId },
      cast.asker.cookie,
    );
    const seen = await outcomes(subs, expected);
    await Promise.all(subs.map((s) => s.client.dispose()));
    expect(seen).toEqual(expected);
  });

  it('subscription escalationQueueChanged: staff of the team hear of new escalations; members are refused', async () => {
    const expected: Record<Role, Outcome | 'silent'> = {
      anonymous: 'UNAUTHENTICATED',
      asker: 'FORBIDDEN',
      customer: 'FORBIDDEN',
      expert: 'FORBIDDEN',
      moderator: 'data',
      agent: 'data',
      otherAgent: 'silent',
      admin: 'data',
    };
    const subs = ROLES.map((role) => ({ role, ...subscribe(role, `subscription { escalationQueueChanged { escalationId kind } }`, {}) }));
    await listening(QUEUE_CHANNEL, 4);
    const questionId = await insertQuestion();
    await t.gql(ESCALATE, { input: { questionId } }, cast.asker.cookie);
    const seen = await outcomes(subs, expected);
    await Promise.all(subs.map((s) => s.client.dispose()));
    expect(seen).toEqual(expected);
  });
});
