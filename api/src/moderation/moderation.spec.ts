import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSearchDocuments } from '../search/search-documents';
import { answer, ask, seedSpace, setRole, signUp, type TestUser } from '../test-support/builders';
import { expectError } from '../test-support/matchers';
import { createTestApp, type TestApp } from '../test-support/test-app';

const THREAD = `query ($id: ID!) {
  question(id: $id) {
    id moderationState status answerCount lockedReason closedReason closedNote canAnswer canVote revision
    comments { id moderationState }
    answers(first: 50) { totalCount edges { node { id moderationState isAccepted verifiedAt verifiedCompany verifiedBy { displayName } } } }
  }
}`;
const QUEUE = `{ moderationQueue(first: 50) { openCount edges { node { id kind status post { id type moderationState revision author { trustLevel } } flags { reason state } } } } }`;
const RESOLVE = `mutation ($input: ResolveReviewItemInput!) { resolveReviewItem(input: $input) { id status outcome post { moderationState } } }`;
const FLAG = `mutation ($input: FlagPostInput!) { flagPost(input: $input) { id state } }`;
const AUDIT = `query ($filter: AuditLogFilter) { auditLog(filter: $filter, first: 50) { edges { node { action subjectType subjectId reason actor { displayName } details { key value } } } } }`;

interface Thread {
  question: {
    moderationState: string;
    status: string;
    answerCount: number;
    lockedReason: string | null;
    closedReason: string | null;
    closedNote: string | null;
    canAnswer: boolean;
    canVote: boolean;
    revision: number;
    comments: { id: string; moderationState: string }[];
    answers: {
      totalCount: number;
      edges: {
        node: {
          id: string;
          moderationState: string;
          isAccepted: boolean;
          verifiedAt: string | null;
          verifiedCompany: string | null;
          verifiedBy: { displayName: string } | null;
        };
      }[];
    };
  } | null;
}
interface QueueItem {
  id: string;
  kind: string;
  status: string;
  post: { id: string; type: string; moderationState: string; revision: number | null; author: { trustLevel: number } };
  flags: { reason: string; state: string }[];
}

describe('moderation', () => {
  let t: TestApp;
  let moderator: TestUser;
  let leader: TestUser;
  let admin: TestUser;
  let member: TestUser;
  let regulars: TestUser[];

  const queue = async (who: TestUser = moderator): Promise<QueueItem[]> => {
    const res = await t.gql<{ moderationQueue: { edges: { node: QueueItem }[] } }>(QUEUE, {}, who.cookie);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.moderationQueue.edges.map((e) => e.node);
  };
  const itemFor = async (postId: string, type: string) => (await queue()).find((i) => i.post.id === postId && i.post.type === type);
  const thread = async (id: string, who?: TestUser) => (await t.gql<Thread>(THREAD, { id }, who?.cookie)).data.question;
  const count = async (sql: string, params: unknown[] = []) => ((await t.dataSource.query(sql, params)) as { n: number }[])[0]!.n;
  const audit = async (filter: Record<string, unknown>) =>
    (
      await t.gql<{
        auditLog: {
          edges: { node: { action: string; subjectId: string; reason: string | null; actor: { displayName: string } | null } }[];
        };
      }>(AUDIT, { filter }, moderator.cookie)
    ).data.auditLog.edges.map((e) => e.node);

  /** Signs up through the API; the per-address sign-up limit is reset, as this file needs many accounts. */
  /** Reputation earned in a space (what makes a leader that space's moderator). */
  const earnIn = (user: TestUser, spaceSlug: string, delta: number) =>
    t.dataSource.query(
      `INSERT INTO reputation_events (user_id, kind, delta, subject_type, subject_id, space_id)
       SELECT $1, 'answer.upvoted', $3, 'answer', 0, id FROM spaces WHERE slug = $2`,
      [user.id, spaceSlug, delta],
    );
  const person = async (name: string, trustLevel = 1): Promise<TestUser> => {
    await t.dataSource.query(`DELETE FROM rate_limit_buckets WHERE key LIKE 'signup:%'`);
    return signUp(t, name, { trustLevel });
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
    moderator = await person('Mod Mia');
    await setRole(t.dataSource, moderator.id, 'moderator');
    admin = await person('Admin Ada');
    await setRole(t.dataSource, admin.id, 'admin');
    leader = await person('Leader Lou', 4);
    await earnIn(leader, 'billing', 150);
    member = await person('Member Max');
    regulars = [await person('Reg One', 2), await person('Reg Two', 2), await person('Reg Three', 2)];
  });
  afterAll(() => t.close());

  describe('community leaders', () => {
    it('review the spaces they lead, and only those; staff review every space', async () => {
      await t.dataSource.query(
        `INSERT INTO spaces (slug, name, description) VALUES ('meters', 'Meters', 'Meter readings') ON CONFLICT DO NOTHING`,
      );
      const elsewhere = await person('Leader Lena', 4);
      await earnIn(elsewhere, 'meters', 400);
      await earnIn(elsewhere, 'billing', 40);
      const newcomer = await person('New Nils', 0);
      const questionId = await ask(t, newcomer, { title: 'A first question in the billing space' });
      const item = await itemFor(questionId, 'QUESTION');

      expect((await queue(leader)).map((i) => i.id)).toContain(item!.id);
      expect((await queue(elsewhere)).map((i) => i.id)).not.toContain(item!.id);
      const viewer = async (who: TestUser) =>
        (await t.gql<{ me: { canReview: boolean } }>(`{ me { canReview } }`, {}, who.cookie)).data.me.canReview;
      expect([await viewer(elsewhere), await viewer(moderator), await viewer(member)]).toEqual([true, true, false]);

      expectError(await t.gql(RESOLVE, { input: { itemId: item!.id, action: 'APPROVE' } }, elsewhere.cookie), 'FORBIDDEN');
      expect((await itemFor(questionId, 'QUESTION'))!.status).toBe('OPEN');
      const expert = await person('Expert Erik', 3);
      await earnIn(expert, 'billing', 500);
      expectError(await t.gql(QUEUE, {}, expert.cookie), 'FORBIDDEN');
      expect((await t.gql(RESOLVE, { input: { itemId: item!.id, action: 'APPROVE' } }, leader.cookie)).errors).toBeUndefined();
    });
  });

  describe('a newcomer’s first post', () => {
    it('waits in the review queue, visible only to its author and staff, until approved', async () => {
      const newcomer = await person('New Nora', 0);
      const questionId = await ask(t, newcomer, { title: 'First question from a brand new account' });

      expect(await thread(questionId)).toBeNull();
      expect(await thread(questionId, member)).toBeNull();
      expect((await thread(questionId, newcomer))!.moderationState).toBe('PENDING_REVIEW');
      expect((await thread(questionId, moderator))!.moderationState).toBe('PENDING_REVIEW');
      const list = await t.gql<{ questions: { edges: { node: { id: string } }[] } }>(`{ questions(first: 50) { edges { node { id } } } }`);
      expect(list.data.questions.edges.map((e) => e.node.id)).not.toContain(questionId);
      const profile = await t.gql<{ user: { questionCount: number } | null }>(`query ($id: ID!) { user(id: $id) { questionCount } }`, {
        id: newcomer.id,
      });
      if (profile.data?.user) expect(profile.data.user.questionCount).toBe(0);

      const item = await itemFor(questionId, 'QUESTION');
      expect(item).toMatchObject({ kind: 'FIRST_POST', status: 'OPEN', post: { author: { trustLevel: 0 } } });
      expectError(await t.gql(QUEUE, {}, member.cookie), 'FORBIDDEN');
      expect((await queue(leader)).some((i) => i.id === item!.id)).toBe(true);

      const approved = await t.gql<{ resolveReviewItem: { status: string; outcome: string } }>(
        RESOLVE,
        { input: { itemId: item!.id, action: 'APPROVE', reason: 'Fine first question' } },
        moderator.cookie,
      );
      expect(approved.data.resolveReviewItem).toMatchObject({ status: 'HANDLED', outcome: 'APPROVED' });
      expect((await thread(questionId))!.moderationState).toBe('PUBLISHED');
      expect((await audit({ action: 'post.approved', subjectId: questionId }))[0]).toMatchObject({
        reason: 'Fine first question',
        actor: { displayName: 'Mod Mia' },
      });

      // Once one post is approved, the newcomer publishes directly.
      const second = await ask(t, newcomer, { title: 'Second question from the same account' });
      expect((await thread(second))!.moderationState).toBe('PUBLISHED');
    });

    it('holds a newcomer’s answer without counting it, and a second moderator gets CONFLICT with nothing changed', async () => {
      const questionId = await ask(t, member, { title: 'A question that a newcomer answers' });
      const newcomer = await person('New Ned', 0);
      const answerId = await answer(t, newcomer, questionId);
      expect((await thread(questionId))!.answerCount).toBe(0);
      expect((await thread(questionId))!.answers.edges).toHaveLength(0);
      expect((await thread(questionId, newcomer))!.answers.edges.map((e) => e.node.moderationState)).toEqual(['PENDING_REVIEW']);

      const item = (await itemFor(answerId, 'ANSWER'))!;
      const hidden = await t.gql(RESOLVE, { input: { itemId: item.id, action: 'HIDE', reason: 'Not an answer' } }, moderator.cookie);
      expect(hidden.errors).toBeUndefined();
      const before = await t.dataSource.query(`SELECT * FROM review_items WHERE id = $1`, [item.id]);
      const auditBefore = await count(`SELECT count(*)::int AS n FROM audit_log`);

      const late = await t.gql(RESOLVE, { input: { itemId: item.id, action: 'APPROVE' } }, admin.cookie);
      expectError(late, 'CONFLICT');
      expect(late.errors![0]!.message).toContain('already handled by Mod Mia');
      expect(await t.dataSource.query(`SELECT * FROM review_items WHERE id = $1`, [item.id])).toEqual(before);
      expect(await count(`SELECT count(*)::int AS n FROM audit_log`)).toBe(auditBefore);
      expect((await thread(questionId, newcomer))!.answers.edges[0]!.node.moderationState).toBe('HIDDEN');
      expect((await thread(questionId))!.answerCount).toBe(0);
    });
  });

  describe('flags', () => {
    it('rejects flagging your own post and flagging twice, changing nothing', async () => {
      const questionId = await ask(t, member, { title: 'A question someone will flag' });
      const own = await t.gql(FLAG, { input: { questionId, reason: 'SPAM' } }, member.cookie);
      expectError(own, 'FORBIDDEN');
      expect(await count(`SELECT count(*)::int AS n FROM flags WHERE post_id = $1`, [questionId])).toBe(0);
      expect(await itemFor(questionId, 'QUESTION')).toBeUndefined();

      expect((await t.gql(FLAG, { input: { questionId, reason: 'RUDE', note: 'insulting' } }, regulars[0]!.cookie)).errors).toBeUndefined();
      const twice = await t.gql(FLAG, { input: { questionId, reason: 'SPAM' } }, regulars[0]!.cookie);
      expectError(twice, 'CONFLICT');
      expect(await t.dataSource.query(`SELECT reason, note FROM flags WHERE post_id = $1`, [questionId])).toEqual([
        { reason: 'rude', note: 'insulting' },
      ]);
      expect((await itemFor(questionId, 'QUESTION'))!.flags).toEqual([{ reason: 'RUDE', state: 'OPEN' }]);
      expectError(await t.gql(FLAG, { input: { questionId, reason: 'RUDE' } }), 'UNAUTHENTICATED');
    });

    it('hides a post pending review after three flags from regulars; a moderator deletes it as spam', async () => {
      const spammer = await person('Spam Sam');
      const questionId = await ask(t, member, { title: 'A thread that attracts a spam answer' });
      const spamId = await answer(t, spammer, questionId, 'Buy cheap watches at example.com now, best prices!');
      await t.gql(FLAG, { input: { answerId: spamId, reason: 'SPAM' } }, member.cookie); // trust 1: does not count to hide
      for (const regular of regulars.slice(0, 2)) await t.gql(FLAG, { input: { answerId: spamId, reason: 'SPAM' } }, regular.cookie);
      expect((await thread(questionId))!.answers.totalCount).toBe(1);
      await t.gql(FLAG, { input: { answerId: spamId, reason: 'SPAM' } }, regulars[2]!.cookie);

      expect((await thread(questionId))!.answers.edges).toHaveLength(0);
      expect((await thread(questionId))!.answerCount).toBe(0);
      expect((await thread(questionId, spammer))!.answers.edges[0]!.node.moderationState).toBe('HIDDEN');
      const item = (await itemFor(spamId, 'ANSWER'))!;
      expect(item.kind).toBe('COMMUNITY_HIDDEN');
      expect(item.flags).toHaveLength(4);
      expect((await audit({ action: 'post.hidden', subjectId: spamId }))[0]).toMatchObject({ actor: null });

      await t.gql(RESOLVE, { input: { itemId: item.id, action: 'DELETE', asSpam: true, reason: 'Link spam' } }, moderator.cookie);
      expect(await t.dataSource.query(`SELECT DISTINCT state FROM flags WHERE post_id = $1`, [spamId])).toEqual([{ state: 'helpful' }]);
      expect((await thread(questionId, spammer))!.answers.edges).toHaveLength(0);
      expect((await thread(questionId, moderator))!.answers.edges[0]!.node.moderationState).toBe('DELETED');
      const entries = await audit({ text: 'link spam' });
      expect(entries[0]).toMatchObject({ action: 'post.deleted', subjectId: spamId, actor: { displayName: 'Mod Mia' } });
    });
  });

  describe('edits', () => {
    it('rejects an edit from a stale revision, keeping the newer text (no lost update)', async () => {
      const questionId = await ask(t, member, { title: 'A question two people edit at once' });
      const answerId = await answer(t, regulars[0]!, questionId, 'The original answer text for this.');
      const edit = `mutation ($input: EditAnswerInput!) { editAnswer(input: $input) { revision bodyMarkdown } }`;
      const first = await t.gql<{ editAnswer: { revision: number } }>(
        edit,
        { input: { id: answerId, body: 'The author improves the answer.', expectedRevision: 1 } },
        regulars[0]!.cookie,
      );
      expect(first.data.editAnswer.revision).toBe(2);
      const stale = await t.gql(
        edit,
        { input: { id: answerId, body: 'The moderator overwrites it.', expectedRevision: 1 } },
        moderator.cookie,
      );
      expectError(stale, 'CONFLICT');
      expect(await t.dataSource.query(`SELECT body_markdown, revision FROM answers WHERE id = $1`, [answerId])).toEqual([
        { body_markdown: 'The author improves the answer.', revision: 2 },
      ]);
      expect(await count(`SELECT count(*)::int AS n FROM post_revisions WHERE answer_id = $1`, [answerId])).toBe(2);

      const editQuestion = `mutation ($input: EditQuestionInput!) { editQuestion(input: $input) { revision } }`;
      const staleQuestion = await t.gql(
        editQuestion,
        {
          input: {
            id: questionId,
            title: 'A question two people edit at once!',
            body: 'A body long enough to be a question body.',
            tags: [],
            expectedRevision: 7,
          },
        },
        member.cookie,
      );
      expectError(staleQuestion, 'CONFLICT');
      expect((await thread(questionId))!.revision).toBe(1);
    });

    it('lets a moderator edit a flagged post from the queue, with the same revision check', async () => {
      const questionId = await ask(t, member, { title: 'A question with a rude answer in it' });
      const answerId = await answer(t, regulars[1]!, questionId, 'You are clueless, but: restart the gateway.');
      await t.gql(FLAG, { input: { answerId, reason: 'RUDE' } }, member.cookie);
      const item = (await itemFor(answerId, 'ANSWER'))!;
      const stale = await t.gql(
        RESOLVE,
        { input: { itemId: item.id, action: 'EDIT', body: 'Restart the gateway.', expectedRevision: 0 } },
        moderator.cookie,
      );
      expectError(stale, 'CONFLICT');
      expect((await itemFor(answerId, 'ANSWER'))!.status).toBe('OPEN');
      const edited = await t.gql(
        RESOLVE,
        { input: { itemId: item.id, action: 'EDIT', body: 'Restart the gateway.', expectedRevision: 1, reason: 'Removed insult' } },
        moderator.cookie,
      );
      expect(edited.errors).toBeUndefined();
      expect(await t.dataSource.query(`SELECT body_markdown, revision, moderation_state FROM answers WHERE id = $1`, [answerId])).toEqual([
        { body_markdown: 'Restart the gateway.', revision: 2, moderation_state: 'published' },
      ]);
    });
  });

  describe('penalties', () => {
    it('suspends a member, who then cannot post, vote or flag; staff cannot be suspended', async () => {
      const troll = await person('Troll Tim');
      const questionId = await ask(t, member, { title: 'A question the troll would love to answer' });
      const suspend = `mutation ($input: SuspendUserInput!) { suspendUser(input: $input) { suspendedUntil } }`;

      const onAdmin = await t.gql(suspend, { input: { userId: admin.id, days: 7, reason: 'Testing the rules' } }, moderator.cookie);
      expectError(onAdmin, 'FORBIDDEN');
      expect(await t.dataSource.query(`SELECT suspended_until FROM users WHERE id = $1`, [admin.id])).toEqual([{ suspended_until: null }]);
      expect((await audit({ subjectType: 'user', subjectId: admin.id })).length).toBe(0);
      expectError(await t.gql(suspend, { input: { userId: troll.id, days: 7, reason: 'Leaders cannot' } }, leader.cookie), 'FORBIDDEN');
      expectError(await t.gql(suspend, { input: { userId: troll.id, days: 0, reason: 'Zero days' } }, moderator.cookie), 'BAD_USER_INPUT', {
        field: 'days',
        code: 'invalid',
      });

      const done = await t.gql(suspend, { input: { userId: troll.id, days: 7, reason: 'Repeated insults' } }, moderator.cookie);
      expect(done.errors).toBeUndefined();
      expectError(
        await t.gql(
          `mutation ($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id } }`,
          { input: { questionId, body: 'Trolling answer body here' } },
          troll.cookie,
        ),
        'FORBIDDEN',
      );
      expectError(
        await t.gql(`mutation { vote(input: { questionId: "${questionId}", value: -1 }) { score } }`, {}, troll.cookie),
        'FORBIDDEN',
      );
      expectError(await t.gql(FLAG, { input: { questionId, reason: 'SPAM' } }, troll.cookie), 'FORBIDDEN');
      expect((await audit({ action: 'user.suspended', subjectId: troll.id }))[0]).toMatchObject({ reason: 'Repeated insults' });

      const warn = `mutation ($input: WarnUserInput!) { warnUser(input: $input) }`;
      expectError(await t.gql(warn, { input: { userId: moderator.id, reason: 'Staff are not warned' } }, leader.cookie), 'FORBIDDEN');
      expect((await t.gql(warn, { input: { userId: troll.id, reason: 'Be kind' } }, leader.cookie)).errors).toBeUndefined();
      expect((await audit({ action: 'user.warned' }))[0]).toMatchObject({ subjectId: troll.id, actor: { displayName: 'Leader Lou' } });
    });
  });

  describe('locked and closed questions', () => {
    it('locks a thread with a visible reason: no answers, comments or votes until unlocked', async () => {
      const questionId = await ask(t, member, { title: 'A heated thread that needs a pause' });
      const lock = `mutation ($input: ModerateQuestionInput!) { lockQuestion(input: $input) { lockedReason } }`;
      expectError(await t.gql(lock, { input: { questionId, reason: 'Cool down' } }, regulars[0]!.cookie), 'FORBIDDEN');
      expectError(await t.gql(lock, { input: { questionId } }, moderator.cookie), 'BAD_USER_INPUT', { field: 'reason', code: 'required' });
      expect((await t.gql(lock, { input: { questionId, reason: 'Heated discussion' } }, moderator.cookie)).errors).toBeUndefined();

      const view = (await thread(questionId, regulars[0]))!;
      expect(view).toMatchObject({ lockedReason: 'Heated discussion', canAnswer: false, canVote: false });
      expectError(
        await t.gql(
          `mutation ($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id } }`,
          { input: { questionId, body: 'An answer to a locked thread' } },
          regulars[0]!.cookie,
        ),
        'CONFLICT',
      );
      expectError(
        await t.gql(`mutation { addComment(input: { questionId: "${questionId}", body: "a comment" }) { id } }`, {}, regulars[0]!.cookie),
        'CONFLICT',
      );
      expectError(
        await t.gql(`mutation { vote(input: { questionId: "${questionId}", value: 1 }) { score } }`, {}, regulars[0]!.cookie),
        'CONFLICT',
      );
      expect(await count(`SELECT count(*)::int AS n FROM answers WHERE question_id = $1`, [questionId])).toBe(0);

      await t.gql(
        `mutation ($input: ModerateQuestionInput!) { unlockQuestion(input: $input) { id } }`,
        { input: { questionId } },
        moderator.cookie,
      );
      expect((await thread(questionId, regulars[0]))!.canAnswer).toBe(true);
      expect((await audit({ subjectType: 'question', subjectId: questionId })).map((e) => e.action)).toEqual([
        'question.unlocked',
        'question.locked',
      ]);
    });

    it('lets experts close as off-topic with a visible note, and only staff reopen', async () => {
      const questionId = await ask(t, member, { title: 'What is the best pizza in town tonight?' });
      const close = `mutation ($input: ModerateQuestionInput!) { closeAsOffTopic(input: $input) { status closedReason closedNote } }`;
      const reopen = `mutation ($input: ModerateQuestionInput!) { reopenQuestion(input: $input) { status } }`;
      expectError(await t.gql(close, { input: { questionId, reason: 'Not about us' } }, regulars[0]!.cookie), 'FORBIDDEN');
      const expert = await person('Expert Eve', 3);
      const closed = await t.gql<{ closeAsOffTopic: unknown }>(
        close,
        { input: { questionId, reason: 'Not about our products' } },
        expert.cookie,
      );
      expect(closed.data.closeAsOffTopic).toEqual({ status: 'CLOSED', closedReason: 'off_topic', closedNote: 'Not about our products' });
      expectError(await t.gql(reopen, { input: { questionId } }, expert.cookie), 'FORBIDDEN');
      const reopened = await t.gql<{ reopenQuestion: { status: string } }>(
        reopen,
        { input: { questionId, reason: 'Rephrased' } },
        moderator.cookie,
      );
      expect(reopened.data.reopenQuestion.status).toBe('OPEN');
      expect((await audit({ subjectId: questionId })).map((e) => e.action)).toEqual(['question.reopened', 'question.closed']);
    });
  });

  describe('staff verification', () => {
    it('seals an answer, ranks it right after the accepted one, and only staff may', async () => {
      const questionId = await ask(t, member, { title: 'Which meter firmware fixes the gap?' });
      const a1 = await answer(t, regulars[0]!, questionId, 'Answer one: update to firmware 2.3.');
      const a2 = await answer(t, regulars[1]!, questionId, 'Answer two: firmware 2.4 is the fix.');
      const a3 = await answer(t, regulars[2]!, questionId, 'Answer three: reset the meter first.');
      await t.dataSource.query(`UPDATE answers SET score = 5 WHERE id = $1`, [a1]);
      const verify = `mutation ($id: ID!) { verifyAnswer(answerId: $id) { id verifiedAt } }`;
      expectError(await t.gql(verify, { id: a2 }, leader.cookie), 'FORBIDDEN');
      expect(await count(`SELECT count(*)::int AS n FROM answers WHERE verified_at IS NOT NULL AND id = $1`, [a2])).toBe(0);
      expect((await t.gql(verify, { id: a2 }, moderator.cookie)).errors).toBeUndefined();
      await t.gql(`mutation { acceptAnswer(answerId: "${a3}") { id } }`, {}, member.cookie);

      const view = (await thread(questionId))!;
      expect(view.answers.edges.map((e) => e.node.id)).toEqual([a3, a2, a1]);
      expect(view.answers.edges[1]!.node).toMatchObject({ verifiedCompany: 'Fennwatt', verifiedBy: { displayName: 'Mod Mia' } });
      expect((await audit({ action: 'answer.verified', subjectId: a2 })).length).toBe(1);
    });

    it('audits a moderator accepting on behalf of the asker', async () => {
      const questionId = await ask(t, member, { title: 'An asker who never came back here' });
      const answerId = await answer(t, regulars[0]!, questionId, 'The answer the asker never accepted.');
      await t.gql(`mutation { acceptAnswer(answerId: "${answerId}") { id } }`, {}, moderator.cookie);
      expect((await audit({ action: 'answer.acceptedForAsker', subjectId: answerId }))[0]).toMatchObject({
        actor: { displayName: 'Mod Mia' },
      });
    });
  });

  describe('who sees posts under moderation', () => {
    it('shows a hidden comment and answer only to their author and staff; search leaves them out', async () => {
      const questionId = await ask(t, member, { title: 'A thread with a hidden comment and answer' });
      const author = regulars[1]!;
      const answerId = await answer(t, author, questionId, 'An answer that gets hidden soon.');
      const comment = await t.gql<{ addComment: { id: string } }>(
        `mutation { addComment(input: { questionId: "${questionId}", body: "A comment that gets hidden" }) { id } }`,
        {},
        author.cookie,
      );
      for (const [type, id] of [
        ['answer', answerId],
        ['comment', comment.data.addComment.id],
      ] as const) {
        await t.gql(FLAG, { input: { [`${type}Id`]: id, reason: 'RUDE' } }, member.cookie);
        const item = (await itemFor(id, type.toUpperCase()))!;
        await t.gql(RESOLVE, { input: { itemId: item.id, action: 'HIDE', reason: 'rude' } }, moderator.cookie);
      }
      for (const [who, sees] of [
        [undefined, false],
        [regulars[0], false],
        [author, true],
        [moderator, true],
      ] as const) {
        const view = (await thread(questionId, who))!;
        expect(view.answers.edges.length, `answers for ${who?.email ?? 'anonymous'}`).toBe(sees ? 1 : 0);
        expect(view.comments.length, `comments for ${who?.email ?? 'anonymous'}`).toBe(sees ? 1 : 0);
      }
      const [doc] = (await loadSearchDocuments(t.dataSource, [questionId])).documents;
      expect(doc!.answersText).not.toContain('hidden soon');
    });
  });

  it('keeps the audit log to staff and pages it with cursors', async () => {
    expectError(await t.gql(AUDIT, {}, member.cookie), 'FORBIDDEN');
    expectError(await t.gql(AUDIT, {}, leader.cookie), 'FORBIDDEN');
    expectError(await t.gql(AUDIT, {}), 'UNAUTHENTICATED');
    const page = `query ($after: String) { auditLog(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    const first = await t.gql<{ auditLog: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string } } }>(
      page,
      {},
      moderator.cookie,
    );
    const second = await t.gql<{ auditLog: { edges: { node: { id: string } }[] } }>(
      page,
      { after: first.data.auditLog.pageInfo.endCursor },
      moderator.cookie,
    );
    const ids = [...first.data.auditLog.edges, ...second.data.auditLog.edges].map((e) => Number(e.node.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(4);
  });
});
