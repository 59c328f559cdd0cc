import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, ask, PASSWORD, seedSpace, setRole, signUp, type TestUser } from '../test-support/builders';
import { expectError } from '../test-support/matchers';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { DataExportService } from './data-export.service';

const ACTIVITY = `query ($section: ActivitySection!, $first: Int, $after: String) {
  myActivity(section: $section, first: $first, after: $after) { edges { node { id questionId questionTitle questionSlug state } } pageInfo { hasNextPage endCursor } }
}`;
const REQUEST_EXPORT = `mutation { requestDataExport { id status } }`;
const EXPORTS = `{ dataExports { id status progress expiresAt } }`;
const ARCHIVE = `query ($id: ID!) { dataExportArchive(id: $id) { fileName json } }`;
const DELETE = `mutation ($input: DeleteAccountInput!) { deleteAccount(input: $input) }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { viewer { id } } }`;

type Activity = {
  myActivity: {
    edges: { node: { id: string; questionTitle: string; state: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

describe('my account: activity, data export, deletion', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
  });
  afterAll(() => t.close());

  const member = async (name: string): Promise<TestUser> => {
    await t.dataSource.query(`DELETE FROM rate_limit_buckets`);
    return signUp(t, name);
  };
  /** A private conversation of `asker` with staff member `agent` about the question (as escalation would write it). */
  async function conversation(questionId: string, asker: TestUser, agent: TestUser): Promise<string> {
    const [c]: { id: string }[] = await t.dataSource.query(
      `INSERT INTO conversations (question_id, asker_id, contact_id) VALUES ($1, $2, $3) RETURNING id`,
      [questionId, asker.id, agent.id],
    );
    await t.dataSource.query(
      `INSERT INTO conversation_messages (conversation_id, author_id, body_markdown, body_html)
       VALUES ($1, $2, 'My customer number is 4711, please call me.', '<p>My customer number is 4711, please call me.</p>'),
              ($1, $3, 'We will call you today.', '<p>We will call you today.</p>')`,
      [c!.id, asker.id, agent.id],
    );
    return c!.id;
  }

  describe('My activity', () => {
    it('lists my questions and answers newest first, keyset-paged, and nobody else’s', async () => {
      const me = await member('Active Anna');
      const other = await member('Other Otto');
      const q1 = await ask(t, me, { title: 'First question about my invoice amount' });
      const q2 = await ask(t, me, { title: 'Second question about my tariff change' });
      await ask(t, other, { title: 'Someone else asks about the meter' });
      await answer(t, me, q1, 'Answering my own question with what worked for me.');

      const page1 = await t.gql<Activity>(ACTIVITY, { section: 'QUESTIONS', first: 1 }, me.cookie);
      expect(page1.data.myActivity.edges.map((e) => e.node.id)).toEqual([q2]);
      expect(page1.data.myActivity.pageInfo.hasNextPage).toBe(true);
      const page2 = await t.gql<Activity>(
        ACTIVITY,
        { section: 'QUESTIONS', first: 1, after: page1.data.myActivity.pageInfo.endCursor },
        me.cookie,
      );
      expect(page2.data.myActivity.edges.map((e) => e.node.id)).toEqual([q1]);
      expect(page2.data.myActivity.pageInfo.hasNextPage).toBe(false);
      expect(page2.data.myActivity.edges[0]!.node.state).toBe('answered');

      const answers = await t.gql<Activity>(ACTIVITY, { section: 'ANSWERS' }, me.cookie);
      expect(answers.data.myActivity.edges.map((e) => e.node.questionTitle)).toEqual(['First question about my invoice amount']);
      const none = await t.gql<Activity>(ACTIVITY, { section: 'DRAFTS' }, me.cookie);
      expect(none.data.myActivity.edges).toEqual([]);
      expectError(await t.gql(ACTIVITY, { section: 'QUESTIONS' }), 'UNAUTHENTICATED');
    });

    it('lists the private conversations I opened', async () => {
      const me = await member('Conversing Carla');
      const agent = await member('Agent Arne');
      await setRole(t.dataSource, agent.id, 'agent');
      const q = await ask(t, me, { title: 'Please help me privately with my contract' });
      const c = await conversation(q, me, agent);
      const res = await t.gql<Activity>(ACTIVITY, { section: 'CONVERSATIONS' }, me.cookie);
      expect(res.data.myActivity.edges.map((e) => e.node.id)).toEqual([c]);
      expect((await t.gql<Activity>(ACTIVITY, { section: 'CONVERSATIONS' }, agent.cookie)).data.myActivity.edges).toEqual([]);
    });
  });

  describe('Download my data', () => {
    it('makes the archive in the background; only its owner downloads it, until it expires', async () => {
      const me = await member('Exporting Erik');
      const other = await member('Curious Clara');
      const q = await ask(t, me, { title: 'Exported question about my bill' });
      await answer(t, other, q);
      await t.gql(`mutation ($input: VoteInput!) { vote(input: $input) { score } }`, { input: { questionId: q, value: 1 } }, other.cookie);
      const otherQ = await ask(t, other, { title: 'A question of someone else entirely' });
      await t.gql(
        `mutation ($input: VoteInput!) { vote(input: $input) { score } }`,
        { input: { questionId: otherQ, value: 1 } },
        me.cookie,
      );

      const requested = await t.gql<{ requestDataExport: { id: string; status: string } }>(REQUEST_EXPORT, {}, me.cookie);
      expect(requested.data.requestDataExport.status).toBe('pending');
      const id = requested.data.requestDataExport.id;
      // Asking again while it is being made answers the same job.
      expect((await t.gql<{ requestDataExport: { id: string } }>(REQUEST_EXPORT, {}, me.cookie)).data.requestDataExport.id).toBe(id);
      expectError(await t.gql(ARCHIVE, { id }, me.cookie), 'NOT_FOUND');

      expect(await t.app.get(DataExportService).drain()).toBe(1);
      const list = await t.gql<{ dataExports: { id: string; status: string; progress: number }[] }>(EXPORTS, {}, me.cookie);
      expect(list.data.dataExports[0]).toMatchObject({ id, status: 'ready', progress: 100 });

      const res = await t.gql<{ dataExportArchive: { fileName: string; json: string } }>(ARCHIVE, { id }, me.cookie);
      expect(res.data.dataExportArchive.fileName).toMatch(/^peerdesk-data-\d{4}-\d{2}-\d{2}\.json$/);
      const archive = JSON.parse(res.data.dataExportArchive.json) as Record<string, unknown[]> & { profile: { email: string } };
      expect(archive.profile.email).toBe(me.email);
      expect(archive.questions!.map((x) => (x as { title: string }).title)).toEqual(['Exported question about my bill']);
      expect(archive.votes).toHaveLength(1);
      expect(archive.notifications).toBeDefined();
      expect(archive.conversations).toEqual([]);
      expect(archive.watches).toBeDefined();

      expectError(await t.gql(ARCHIVE, { id }, other.cookie), 'NOT_FOUND');
      expectError(await t.gql(ARCHIVE, { id }), 'UNAUTHENTICATED');
      await t.dataSource.query(`UPDATE data_exports SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
      await t.app.get(DataExportService).drain();
      expectError(await t.gql(ARCHIVE, { id }, me.cookie), 'NOT_FOUND');
      expect((await t.gql<{ dataExports: { status: string }[] }>(EXPORTS, {}, me.cookie)).data.dataExports[0]!.status).toBe('expired');
      const [{ archive: erased }] = await t.dataSource.query(`SELECT archive FROM data_exports WHERE id = $1`, [id]);
      expect(erased).toBeNull();
    });
  });

  describe('Delete my account', () => {
    it('needs the current password and is not for staff', async () => {
      const me = await member('Hesitant Hanna');
      expectError(await t.gql(DELETE, { input: { currentPassword: 'not my password' } }, me.cookie), 'BAD_USER_INPUT', {
        field: 'currentPassword',
        code: 'invalid_credentials',
      });
      expect((await t.gql(SIGN_IN, { input: { email: me.email, password: PASSWORD } })).errors).toBeUndefined();
      const agent = await member('Staff Stefan');
      await setRole(t.dataSource, agent.id, 'agent');
      expectError(await t.gql(DELETE, { input: { currentPassword: PASSWORD } }, agent.cookie), 'FORBIDDEN');
      expectError(await t.gql(DELETE, { input: { currentPassword: PASSWORD } }), 'UNAUTHENTICATED');
    });

    it('erases everything personal: the address is nowhere in the database; the public answer stays, by "deleted user"', async () => {
      const me = await member('Leaving Lena');
      const asker = await member('Staying Stella');
      const agent = await member('Agent Anton');
      await setRole(t.dataSource, agent.id, 'agent');
      const theirs = await ask(t, asker, { title: 'A question Lena answered publicly' });
      const answerId = await answer(t, me, theirs, 'My public answer: check the advance payment on page two.');
      const mine = await ask(t, me, { title: 'Lena asks about her own contract' });
      const c = await conversation(mine, me, agent);
      await t.gql(`mutation ($input: SignInInput!) { signIn(input: $input) { viewer { id } } }`, {
        input: { email: me.email, password: 'wrong password!!' },
      });
      await t.gql(REQUEST_EXPORT, {}, me.cookie);
      await t.app.get(DataExportService).drain();
      await t.gql(`mutation ($email: String!) { requestPasswordReset(email: $email) }`, { email: me.email });

      const res = await t.gql(DELETE, { input: { currentPassword: PASSWORD } }, me.cookie);
      expect(res.errors).toBeUndefined();

      // Every table, every column, as text: the address appears nowhere.
      const tables: { table_name: string }[] = await t.dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      );
      const found: string[] = [];
      for (const { table_name } of tables) {
        const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM "${table_name}" x WHERE strpos(lower(x::text), $1) > 0`, [
          me.email.toLowerCase(),
        ]);
        if (n > 0) found.push(`${table_name} (${n})`);
      }
      expect(found).toEqual([]);
      expect(tables.length).toBeGreaterThan(30);

      const thread = await t.gql<{ question: { answers: { edges: { node: { id: string; author: { displayName: string } } }[] } } }>(
        `query ($id: ID!) { question(id: $id) { answers { edges { node { id author { displayName } } } } } }`,
        { id: theirs },
      );
      expect(thread.data.question.answers.edges.map((e) => e.node)).toEqual([{ id: answerId, author: { displayName: 'deleted user' } }]);
      expectError(await t.gql(SIGN_IN, { input: { email: me.email, password: PASSWORD } }), 'BAD_USER_INPUT');
      expect((await t.gql<{ me: unknown }>(`{ me { id } }`, {}, me.cookie)).data.me).toBeNull();
      const messages: { author_id: string }[] = await t.dataSource.query(
        `SELECT author_id FROM conversation_messages WHERE conversation_id = $1`,
        [c],
      );
      expect(messages.map((m) => String(m.author_id))).toEqual([agent.id]);
      const leftovers = await t.dataSource.query(
        `SELECT (SELECT count(*) FROM sessions WHERE user_id = $1)::int AS sessions, (SELECT count(*) FROM notifications WHERE recipient_id = $1)::int AS notifications,
           (SELECT count(*) FROM watches WHERE user_id = $1)::int AS watches, (SELECT count(*) FROM account_tokens WHERE user_id = $1)::int AS tokens,
           (SELECT count(*) FROM data_exports WHERE user_id = $1)::int AS exports`,
        [me.id],
      );
      expect(leftovers).toEqual([{ sessions: 0, notifications: 0, watches: 0, tokens: 0, exports: 0 }]);
    });
  });
});
