import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { ESCALATE, seedCast, type Cast } from '../escalation/test/escalation-fixture';
import { answer, ask, signUp as signUpMember, type TestUser } from '../test-support/builders';
import { expectError } from '../test-support/matchers';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { until } from '../test-support/until';
import { SESSION_ENDED_CLOSE } from '../platform/live/subscriptions';
import { NotificationWorker } from './notification-worker';
import { unreadChannel } from './notification-kinds';
import { InProcessLiveEvents, LiveEvents } from '../platform/live/live-events';

const INBOX = `query ($first: Int, $after: String) { notifications(first: $first, after: $after) {
  edges { cursor node { id kind read questionId questionTitle actorName reason path } } pageInfo { hasNextPage endCursor } } }`;
const COUNT = `query { unreadNotificationCount }`;
const MARK = `mutation ($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { unreadCount } }`;
const WATCH = `mutation ($input: WatchThreadInput!) { watchThread(input: $input) { level affected affectedCount } }`;
const AFFECTED = `mutation ($input: SetAffectedInput!) { setAffected(input: $input) { level affected affectedCount } }`;
const THREAD_WATCH = `query ($q: ID!) { threadWatch(questionId: $q) { level affected affectedCount } }`;
const COMMENT = `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`;
const RESOLVE = `mutation ($input: ResolveReviewItemInput!) { resolveReviewItem(input: $input) { id } }`;
const SAVE_DRAFT = `mutation ($input: SaveStaffDraftInput!) { saveStaffDraft(input: $input) { id version } }`;
const REQUEST_CHANGES = `mutation ($input: RequestDraftChangesInput!) { requestStaffDraftChanges(input: $input) { id } }`;
const OPEN_CONVERSATION = `mutation ($questionId: ID!, $body: String!) { openConversation(questionId: $questionId, body: $body) { id } }`;
const CLAIM = `mutation ($id: ID!) { claimEscalation(id: $id) { id } }`;

interface Node {
  id: string;
  kind: string;
  read: boolean;
  questionId: string | null;
  questionTitle: string | null;
  actorName: string | null;
  reason: string | null;
  path: string;
}

describe('notifications', () => {
  let t: TestApp;
  let cast: Cast;
  let worker: NotificationWorker;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await seedCast(t);
    worker = t.app.get(NotificationWorker);
  });
  afterAll(async () => {
    await t.close();
  });

  /** Many people sign up from one address here: the sign-up limit is another module's concern. */
  const signUp = async (name: string, options: { trustLevel?: number } = {}): Promise<TestUser> => {
    await t.dataSource.query(`DELETE FROM rate_limit_buckets WHERE key LIKE 'signup:%'`);
    return signUpMember(t, name, options);
  };
  const inbox = async (user: TestUser): Promise<Node[]> => {
    await worker.drain();
    const res = await t.gql<{ notifications: { edges: { node: Node }[] } }>(INBOX, { first: 50 }, user.cookie);
    expect(res.errors).toBeUndefined();
    return res.data.notifications.edges.map((e) => e.node);
  };
  const kinds = async (user: TestUser): Promise<string[]> => (await inbox(user)).map((n) => n.kind);
  const unread = async (user: TestUser): Promise<number> => {
    await worker.drain();
    return (await t.gql<{ unreadNotificationCount: number }>(COUNT, {}, user.cookie)).data.unreadNotificationCount;
  };
  const markAll = async (user: TestUser): Promise<void> => {
    expect((await t.gql(MARK, { input: { all: true } }, user.cookie)).errors).toBeUndefined();
  };

  it('tells the asker of an answer and a comment, the answerer of a comment on their answer, never the author', async () => {
    const asker = await signUp('Anna Asker');
    const helper = await signUp('Hugo Helper');
    const questionId = await ask(t, asker);
    const answerId = await answer(t, helper, questionId);
    const [first] = await inbox(asker);
    expect(first).toMatchObject({ kind: 'ANSWER_NEW', read: false, questionId, actorName: 'Hugo Helper' });
    expect(first!.path).toBe(`/questions/${questionId}#answer-${answerId}`);
    expect(first!.questionTitle).toContain('invoice');
    expect(await kinds(helper)).toEqual([]);
    expect(await unread(asker)).toBe(1);

    const comment = await t.gql<{ addComment: { id: string } }>(
      COMMENT,
      { input: { answerId, body: 'Where do I find that?' } },
      asker.cookie,
    );
    expect(comment.errors).toBeUndefined();
    // The answerer watches the thread now and hears of the reply; the asker is not told of their own comment.
    expect(await kinds(helper)).toEqual(['COMMENT_NEW']);
    expect(await kinds(asker)).toEqual(['ANSWER_NEW']);

    await markAll(asker);
    expect(await unread(asker)).toBe(0);
    expect((await inbox(asker))[0]!.read).toBe(true);
    // Replaying the outbox writes nothing twice.
    await t.dataSource.query(`UPDATE outbox_consumers SET watermark = 0 WHERE consumer = 'notifications'`);
    await t.dataSource.query(`DELETE FROM outbox_consumed`);
    expect(await kinds(asker)).toEqual(['ANSWER_NEW']);
    expect(await kinds(helper)).toEqual(['COMMENT_NEW']);
  });

  it('counts a signed-in page’s badge in two statements: the reader is known, nothing is looked up for no subject', async () => {
    const asker = await signUp('Bea Badge');
    const helper = await signUp('Ben Badge');
    const questionId = await ask(t, asker);
    await answer(t, helper, questionId);
    await answer(t, helper, questionId);
    await worker.drain();
    const query = vi.spyOn(t.dataSource.manager, 'query');
    try {
      const count = await t.gql<{ unreadNotificationCount: number }>(COUNT, {}, asker.cookie);
      expect(count.data.unreadNotificationCount).toBe(2);
      // Background workers share the data source: look only at the access look-ups' own statements.
      const asked = query.mock.calls.map(([sql]) => String(sql));
      expect(asked.filter((sql) => sql.includes('FROM questions WHERE id = ANY'))).toHaveLength(1);
      for (const lookup of [
        'FROM users WHERE id = ANY',
        'FROM conversation_messages m',
        'FROM escalations WHERE id = ANY',
        'FROM staff_drafts WHERE id = ANY',
      ])
        expect(asked.filter((sql) => sql.includes(lookup))).toEqual([]);
    } finally {
      query.mockRestore();
    }
  });

  it('reads a thread’s question once for its watch state: a reader who is not the asker, and the asker who follows by default', async () => {
    const asker = await signUp('Wanda Watch');
    const reader = await signUp('Rolf Reader');
    const questionId = await ask(t, asker);
    await t.dataSource.query(`DELETE FROM watches WHERE question_id = $1`, [questionId]);
    const WATCH = `query ($id: ID!) { threadWatch(questionId: $id) { level } }`;
    const query = vi.spyOn(t.dataSource, 'query');
    try {
      for (const [user, level] of [
        [reader, 'NONE'],
        [asker, 'WATCHING'],
      ] as const) {
        query.mockClear();
        const res = await t.gql<{ threadWatch: { level: string } }>(WATCH, { id: questionId }, user.cookie);
        expect(res.data.threadWatch.level).toBe(level);
        expect(query.mock.calls.map(([sql]) => String(sql)).filter((sql) => /FROM questions WHERE id = \$1/.test(sql))).toHaveLength(1);
      }
    } finally {
      query.mockRestore();
    }
  });

  it('pages with a keyset cursor and marks only the viewer’s own notifications', async () => {
    const asker = await signUp('Paula Pages');
    const questionId = await ask(t, asker);
    for (let i = 0; i < 5; i += 1) await answer(t, await signUp(`Helper ${i}`), questionId, `Try meter reading number ${i} again please.`);
    await worker.drain();
    const page1 = await t.gql<{
      notifications: { edges: { cursor: string; node: Node }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>(INBOX, { first: 3 }, asker.cookie);
    expect(page1.data.notifications.edges).toHaveLength(3);
    expect(page1.data.notifications.pageInfo.hasNextPage).toBe(true);
    const page2 = await t.gql<{ notifications: { edges: { node: Node }[]; pageInfo: { hasNextPage: boolean } } }>(
      INBOX,
      { first: 3, after: page1.data.notifications.pageInfo.endCursor },
      asker.cookie,
    );
    expect(page2.data.notifications.edges).toHaveLength(2);
    expect(page2.data.notifications.pageInfo.hasNextPage).toBe(false);
    const ids = [...page1.data.notifications.edges, ...page2.data.notifications.edges].map((e) => Number(e.node.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const stranger = await signUp('Stranger');
    await t.gql(MARK, { input: { ids: ids.map(String) } }, stranger.cookie);
    expect(await unread(asker)).toBe(5);
    const marked = await t.gql<{ markNotificationsRead: { unreadCount: number } }>(
      MARK,
      { input: { ids: [String(ids[0])] } },
      asker.cookie,
    );
    expect(marked.data.markNotificationsRead.unreadCount).toBe(4);
    expectError(await t.gql(MARK, { input: {} }, asker.cookie), 'BAD_USER_INPUT', { field: 'ids', code: 'required' });
    expectError(await t.gql(INBOX, { after: 'nonsense' }, asker.cookie), 'BAD_USER_INPUT', { field: 'after', code: 'invalid' });
    expectError(await t.gql(COUNT), 'UNAUTHENTICATED');
  });

  it('mutes, watches and counts “I have this problem too”; watching what one cannot see is not found', async () => {
    const asker = await signUp('Mona Mute');
    const affected = await signUp('Affected Alex');
    const questionId = await ask(t, asker);
    expect(
      (await t.gql<{ watchThread: { level: string } }>(WATCH, { input: { questionId, level: 'NONE' } }, asker.cookie)).data.watchThread
        .level,
    ).toBe('MUTED');
    const same = await t.gql<{ setAffected: { level: string; affected: boolean; affectedCount: number } }>(
      AFFECTED,
      { input: { questionId, affected: true } },
      affected.cookie,
    );
    expect(same.data.setAffected).toEqual({ level: 'WATCHING', affected: true, affectedCount: 1 });
    expect((await t.gql<{ threadWatch: { affectedCount: number } }>(THREAD_WATCH, { q: questionId })).data.threadWatch.affectedCount).toBe(
      1,
    );
    expectError(await t.gql(AFFECTED, { input: { questionId, affected: true } }, asker.cookie), 'BAD_USER_INPUT');
    await answer(t, await signUp('Answering Ann'), questionId);
    expect(await kinds(asker)).toEqual([]);
    expect(await kinds(affected)).toEqual(['ANSWER_NEW']);

    const newcomer = await signUp('Newcomer Ned', { trustLevel: 0 });
    const held = await ask(t, newcomer);
    expectError(await t.gql(WATCH, { input: { questionId: held, level: 'WATCHING' } }, affected.cookie), 'NOT_FOUND');
    expectError(await t.gql(WATCH, { input: { questionId: '99999999', level: 'WATCHING' } }, affected.cookie), 'NOT_FOUND');
  });

  it('counts unread live: at once, after each new notification and read mark; signing out ends it', async () => {
    const asker = await signUp('Live Lotte');
    const questionId = await ask(t, asker);
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as { port: number };
    const client = createWsClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      retryAttempts: 0,
      lazy: true,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: { cookie: asker.cookie, origin: 'http://localhost:3000' } });
        }
      },
    });
    const counts: number[] = [];
    let ended: unknown = null;
    const live = t.app.get(LiveEvents) as InProcessLiveEvents;
    client.subscribe<{ unreadNotificationsChanged: { count: number } }>(
      { query: `subscription { unreadNotificationsChanged { count } }` },
      {
        next: (value) => {
          if (value.data) counts.push(value.data.unreadNotificationsChanged.count);
          else ended = value.errors;
        },
        error: (error) => (ended = (error as { code?: number }).code ?? error),
        complete: () => (ended ??= 'complete'),
      },
    );
    await until(() => counts.length === 1 && live.subscriberCount(unreadChannel(asker.id)) === 1, 'the first count');
    expect(counts).toEqual([0]);
    await answer(t, await signUp('Live Helper'), questionId);
    await worker.drain();
    await until(() => counts.at(-1) === 1, 'the count to rise');
    await markAll(asker);
    await until(() => counts.at(-1) === 0, 'the count to drop');

    await t.gql(`mutation { signOut }`, {}, asker.cookie);
    await answer(t, await signUp('Late Helper'), questionId);
    await worker.drain();
    await until(() => ended !== null, 'the subscription to end with the session');
    expect(counts.at(-1)).toBe(0);
    expect(ended).toBe(SESSION_ENDED_CLOSE);
    await client.dispose();
  });

  describe('privacy, per role', () => {
    it('a held answer is told to nobody until approved; then its author and the asker hear of it', async () => {
      const asker = await signUp('Held Asker');
      const newcomer = await signUp('New Nina', { trustLevel: 0 });
      const questionId = await ask(t, asker);
      const answerId = await answer(t, newcomer, questionId);
      expect(await kinds(asker)).toEqual([]);
      const [item]: { id: string }[] = await t.dataSource.query(`SELECT id FROM review_items WHERE post_type = 'answer' AND post_id = $1`, [
        answerId,
      ]);
      expect(
        (await t.gql(RESOLVE, { input: { itemId: String(item!.id), action: 'APPROVE' } }, cast.moderator.cookie)).errors,
      ).toBeUndefined();
      expect(await kinds(newcomer)).toEqual(['POST_APPROVED']);
      expect(await kinds(asker)).toEqual(['ANSWER_NEW']);
    });

    it('a hidden answer: its author is told why; what others were told of it disappears from their inbox and count', async () => {
      const asker = await signUp('Hidden Asker');
      const author = await signUp('Spammy Sam');
      const questionId = await ask(t, asker);
      const answerId = await answer(t, author, questionId, 'Buy the cheapest tariff at my shop, the link is in my profile.');
      expect(await unread(asker)).toBe(1);
      const newcomer = await signUp('Held Harry', { trustLevel: 0 });
      const heldId = await answer(t, newcomer, questionId);
      const items: { id: string; post_id: string }[] = await t.dataSource.query(
        `SELECT id, post_id FROM review_items WHERE post_type = 'answer' AND post_id = ANY($1::bigint[])`,
        [[answerId, heldId]],
      );
      const heldItem = items.find((i) => String(i.post_id) === heldId)!;
      const hide = await t.gql(
        RESOLVE,
        { input: { itemId: String(heldItem.id), action: 'HIDE', reason: 'Advertising' } },
        cast.moderator.cookie,
      );
      expect(hide.errors).toBeUndefined();
      const [told] = await inbox(newcomer);
      expect(told).toMatchObject({ kind: 'POST_HIDDEN', reason: 'Advertising' });

      // Hidden after the asker was told: gone from the asker's inbox and count (checked again at read time).
      await t.dataSource.query(`UPDATE answers SET moderation_state = 'hidden' WHERE id = $1`, [answerId]);
      expect(await kinds(asker)).toEqual([]);
      expect(await unread(asker)).toBe(0);
      // Staff may still see it.
      await t.dataSource.query(`UPDATE users SET role = 'moderator' WHERE id = $1`, [asker.id]);
      expect(await kinds(asker)).toEqual(['ANSWER_NEW']);
    });

    it('drafts reach staff reviewers, never the customer; changes requested reach the author', async () => {
      await t.dataSource.query(`UPDATE space_review_settings SET review_staff_replies = true`);
      try {
        const questionId = await ask(t, cast.asker);
        const draft = await t.gql<{ saveStaffDraft: { id: string; version: number } }>(
          SAVE_DRAFT,
          { input: { kind: 'ANSWER', questionId, body: 'Your advance payment was raised in October; we will correct it.' } },
          cast.otherAgent.cookie,
        );
        expect(draft.errors).toBeUndefined();
        const review = (await inbox(cast.agent)).find((n) => n.kind === 'DRAFT_REVIEW');
        expect(review?.path).toBe(`/console/reviews/${draft.data.saveStaffDraft.id}`);
        expect((await inbox(cast.asker)).filter((n) => n.questionId === questionId)).toEqual([]);
        expect((await kinds(cast.customer)).filter((k) => k.startsWith('DRAFT'))).toEqual([]);
        const changes = await t.gql(
          REQUEST_CHANGES,
          {
            input: {
              id: draft.data.saveStaffDraft.id,
              expectedVersion: draft.data.saveStaffDraft.version,
              comment: 'Name the date please.',
            },
          },
          cast.agent.cookie,
        );
        expect(changes.errors).toBeUndefined();
        expect(await kinds(cast.otherAgent)).toContain('DRAFT_CHANGES');
        // A draft notification read by someone who is no longer staff shows nothing.
        await t.dataSource.query(`UPDATE users SET role = 'member' WHERE id = $1`, [cast.agent.id]);
        expect((await kinds(cast.agent)).filter((k) => k.startsWith('DRAFT'))).toEqual([]);
        await t.dataSource.query(`UPDATE users SET role = 'agent' WHERE id = $1`, [cast.agent.id]);
      } finally {
        await t.dataSource.query(`UPDATE space_review_settings SET review_staff_replies = false`);
      }
    });

    it('escalations reach their team and assignee only; private messages reach the asker, not other watchers', async () => {
      const questionId = await ask(t, cast.asker);
      const watcher = await signUp('Watching Wanda');
      await t.gql(AFFECTED, { input: { questionId, affected: true } }, watcher.cookie);
      const escalated = await t.gql<{ escalateQuestion: { id: string } }>(ESCALATE, { input: { questionId } }, cast.asker.cookie);
      expect(escalated.errors).toBeUndefined();
      const escalationId = escalated.data.escalateQuestion.id;
      const told = (await inbox(cast.agent)).find((n) => n.kind === 'ESCALATION_NEW' && n.questionId === questionId);
      expect(told?.path).toBe(`/console/escalations/${escalationId}`);
      expect((await kinds(cast.otherAgent)).filter((k) => k === 'ESCALATION_NEW')).toEqual([]);

      // The moderator claims it for themselves (not told) … then the agent is assigned by claim of their own (not told either).
      expect((await t.gql(CLAIM, { id: escalationId }, cast.agent.cookie)).errors).toBeUndefined();
      expect((await kinds(cast.agent)).filter((k) => k === 'ESCALATION_ASSIGNED')).toEqual([]);

      const opened = await t.gql(
        OPEN_CONVERSATION,
        { questionId, body: 'Could you send me your meter number here, privately?' },
        cast.agent.cookie,
      );
      expect(opened.errors).toBeUndefined();
      const message = (await inbox(cast.asker)).find((n) => n.kind === 'MESSAGE_NEW');
      expect(message).toMatchObject({ path: `/questions/${questionId}#conversation`, actorName: 'Miriam Care' });
      expect((await kinds(watcher)).filter((k) => k === 'MESSAGE_NEW')).toEqual([]);
      expect((await kinds(cast.customer)).filter((k) => k === 'MESSAGE_NEW')).toEqual([]);
      expect((await kinds(cast.otherAgent)).filter((k) => k === 'MESSAGE_NEW')).toEqual([]);
    });
  });
});
