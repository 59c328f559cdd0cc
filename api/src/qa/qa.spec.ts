import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, ASK, ask, questionInput, seedSpace, setRole, signUp, type TestUser } from '../test-support/builders';
import { expectError } from '../test-support/matchers';
import { createTestApp, type TestApp } from '../test-support/test-app';

const THREAD = `query ($id: ID!) {
  question(id: $id) {
    id title status score answerCount viewerVote canEdit canVote canAnswer bodyHtml
    author { id displayName initials } space { slug name } tags { slug }
    comments { id bodyHtml author { displayName } }
    acceptedAnswer { id }
    answers(first: 50) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id isAccepted score viewerVote canAccept canEdit canVote bodyHtml author { displayName } comments { bodyHtml author { displayName } } } }
    }
  }
}`;

interface Thread {
  question: {
    status: string;
    score: number;
    answerCount: number;
    viewerVote: number;
    acceptedAnswer: { id: string } | null;
    answers: { totalCount: number; edges: { node: { id: string; isAccepted: boolean; score: number; canAccept: boolean } }[] };
  };
}

describe('questions, answers, votes and acceptance', () => {
  let t: TestApp;
  let asker: TestUser;
  let helper: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
    [asker, helper, other] = [await signUp(t, 'Asking Anna'), await signUp(t, 'Helpful Hans'), await signUp(t, 'Other Olga')];
  });
  afterAll(() => t.close());

  it('runs the whole slice: ask, answer, vote, accept, and an anonymous visitor sees it solved', async () => {
    const questionId = await ask(t, asker);
    const answerId = await answer(t, helper, questionId);
    const vote = await t.gql<{ vote: { score: number; viewerVote: number } }>(
      `mutation { vote(input: { answerId: "${answerId}", value: 1 }) { score viewerVote } }`,
      {},
      other.cookie,
    );
    expect(vote.data.vote).toEqual({ score: 1, viewerVote: 1 });

    const before = await t.gql<Thread>(THREAD, { id: questionId }, asker.cookie);
    expect(before.data.question.status).toBe('ANSWERED');
    expect(before.data.question.answers.edges[0]!.node.canAccept).toBe(true);
    const helperView = await t.gql<Thread>(THREAD, { id: questionId }, helper.cookie);
    expect(helperView.data.question.answers.edges[0]!.node.canAccept).toBe(false);

    const accepted = await t.gql<{ acceptAnswer: { status: string } }>(
      `mutation { acceptAnswer(answerId: "${answerId}") { status } }`,
      {},
      asker.cookie,
    );
    expect(accepted.data.acceptAnswer.status).toBe('SOLVED');

    const anonymous = await t.gql<Thread>(THREAD, { id: questionId });
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data.question).toMatchObject({ status: 'SOLVED', acceptedAnswer: { id: answerId }, viewerVote: 0 });
    expect(anonymous.data.question.answers.edges[0]!.node).toMatchObject({ id: answerId, isAccepted: true, score: 1, canAccept: false });
  });

  it('orders the accepted answer first, then by score, and lets the asker move the mark', async () => {
    const questionId = await ask(t, asker, { title: 'Which tariff suits a heat pump best?' });
    const first = await answer(t, helper, questionId, 'The heat pump tariff with a separate meter.');
    const second = await answer(t, other, questionId, 'A dynamic tariff if you can shift the load.');
    await t.gql(`mutation { vote(input: { answerId: "${second}", value: 1 }) { score } }`, {}, helper.cookie);
    let thread = await t.gql<Thread>(THREAD, { id: questionId });
    expect(thread.data.question.answers.edges.map((e) => e.node.id)).toEqual([second, first]);

    await t.gql(`mutation { acceptAnswer(answerId: "${first}") { id } }`, {}, asker.cookie);
    thread = await t.gql<Thread>(THREAD, { id: questionId });
    expect(thread.data.question.answers.edges.map((e) => e.node.id)).toEqual([first, second]);

    await t.gql(`mutation { acceptAnswer(answerId: "${second}") { id } }`, {}, asker.cookie);
    thread = await t.gql<Thread>(THREAD, { id: questionId });
    expect(thread.data.question.acceptedAnswer!.id).toBe(second);
    expect(thread.data.question.answers.edges.filter((e) => e.node.isAccepted)).toHaveLength(1);
  });

  it('changes and withdraws votes without counting twice', async () => {
    const questionId = await ask(t, asker, { title: 'Can I change my payment date?' });
    const vote = (value: number) =>
      t.gql<{ vote: { score: number; viewerVote: number } }>(
        `mutation { vote(input: { questionId: "${questionId}", value: ${value} }) { score viewerVote } }`,
        {},
        helper.cookie,
      );
    expect((await vote(1)).data.vote).toEqual({ score: 1, viewerVote: 1 });
    expect((await vote(1)).data.vote).toEqual({ score: 1, viewerVote: 1 });
    expect((await vote(-1)).data.vote).toEqual({ score: -1, viewerVote: -1 });
    expect((await vote(0)).data.vote).toEqual({ score: 0, viewerVote: 0 });
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM votes WHERE question_id = $1`, [questionId]);
    expect(count).toBe(0);
  });

  it('keeps every edit as a revision and marks the post edited', async () => {
    const questionId = await ask(t, asker, { title: 'Meter reading upload fails in the app' });
    const edited = await t.gql<{ editQuestion: { title: string; editedAt: string; tags: { slug: string }[] } }>(
      `mutation ($input: EditQuestionInput!) { editQuestion(input: $input) { title editedAt tags { slug } } }`,
      {
        input: {
          id: questionId,
          title: 'Meter reading upload fails in the app (Android)',
          body: 'The upload spins forever since the last update of the app.',
          tags: ['tariff'],
        },
      },
      asker.cookie,
    );
    expect(edited.data.editQuestion).toMatchObject({
      title: 'Meter reading upload fails in the app (Android)',
      tags: [{ slug: 'tariff' }],
    });
    expect(edited.data.editQuestion.editedAt).toBeTruthy();
    const revisions = await t.dataSource.query(`SELECT title FROM post_revisions WHERE question_id = $1 ORDER BY id`, [questionId]);
    expect(revisions.map((r: { title: string }) => r.title)).toEqual([
      'Meter reading upload fails in the app',
      'Meter reading upload fails in the app (Android)',
    ]);

    const stranger = await t.gql(
      `mutation ($input: EditQuestionInput!) { editQuestion(input: $input) { id } }`,
      { input: { id: questionId, title: 'Hijacked title here', body: 'x'.repeat(30), tags: [] } },
      other.cookie,
    );
    expectError(stranger, 'FORBIDDEN');
  });

  it('adds comments to questions and answers, shown in the thread', async () => {
    const questionId = await ask(t, asker, { title: 'Solar feed-in not shown in portal' });
    const answerId = await answer(t, helper, questionId);
    const onQuestion = await t.gql(
      `mutation { addComment(input: { questionId: "${questionId}", body: "Which inverter do you have?" }) { id } }`,
      {},
      helper.cookie,
    );
    const onAnswer = await t.gql(
      `mutation { addComment(input: { answerId: "${answerId}", body: "That fixed it, thanks!" }) { id } }`,
      {},
      asker.cookie,
    );
    expect(onQuestion.errors ?? onAnswer.errors).toBeUndefined();
    const thread = await t.gql<{
      question: { comments: { bodyHtml: string }[]; answers: { edges: { node: { comments: { bodyHtml: string }[] } }[] } };
    }>(THREAD, { id: questionId });
    expect(thread.data.question.comments.map((c) => c.bodyHtml)).toEqual(['<p>Which inverter do you have?</p>\n']);
    expect(thread.data.question.answers.edges[0]!.node.comments.map((c) => c.bodyHtml)).toEqual(['<p>That fixed it, thanks!</p>\n']);
  });

  it('paginates questions with cursors, newest first', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push(await ask(t, other, { title: `Pagination question number ${i}`, tags: [] }));
    const page = (after?: string) =>
      t.gql<{ questions: { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
        `query ($after: String) { questions(first: 3, after: $after, filter: { authorId: "${other.id}" }) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
    const first = await page();
    expect(first.data.questions.edges.map((e) => e.node.id)).toEqual(ids.slice(-3).reverse());
    expect(first.data.questions.pageInfo.hasNextPage).toBe(true);
    const second = await page(first.data.questions.pageInfo.endCursor);
    expect(second.data.questions.edges.map((e) => e.node.id)).toEqual(ids.slice(0, 2).reverse());
    expect(second.data.questions.pageInfo.hasNextPage).toBe(false);
    expectError(await page('garbage'), 'BAD_USER_INPUT', { field: 'after', code: 'invalid' });
  });

  it('requires a session to write', async () => {
    expectError(await t.gql(ASK, { input: questionInput() }), 'UNAUTHENTICATED');
  });

  it('lets a moderator accept on behalf of the asker, but not another member', async () => {
    const questionId = await ask(t, asker, { title: 'Asker left: who accepts the answer?' });
    const answerId = await answer(t, helper, questionId);
    expectError(await t.gql(`mutation { acceptAnswer(answerId: "${answerId}") { id } }`, {}, other.cookie), 'FORBIDDEN');
    const moderator = await signUp(t, 'Mona Moderator');
    await setRole(t.dataSource, moderator.id, 'moderator');
    const res = await t.gql<{ acceptAnswer: { status: string } }>(
      `mutation { acceptAnswer(answerId: "${answerId}") { status } }`,
      {},
      moderator.cookie,
    );
    expect(res.data.acceptAnswer.status).toBe('SOLVED');
  });
});

describe('bad input changes nothing', () => {
  let t: TestApp;
  let asker: TestUser;
  let helper: TestUser;
  const count = async (table: string): Promise<number> =>
    (await t.dataSource.query(`SELECT count(*)::int AS count FROM ${table}`))[0].count;

  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
    [asker, helper] = [await signUp(t, 'Careful Carla'), await signUp(t, 'Eager Emil')];
  });
  afterAll(() => t.close());

  it.each([
    ['an empty title', { title: '   ' }, 'title', 'required'],
    ['a title over 150 characters', { title: 'Why '.repeat(40) }, 'title', 'too_long'],
    ['a too short title', { title: 'Help?' }, 'title', 'too_short'],
    ['an empty body', { body: '' }, 'body', 'required'],
    ['a body over 20,000 characters', { body: 'word '.repeat(4_001) }, 'body', 'too_long'],
    ['an unknown space', { spaceSlug: 'nope' }, 'spaceSlug', 'unknown'],
    ['an unknown tag', { tags: ['invoice', 'made-up'] }, 'tags', 'unknown'],
    ['too many tags', { tags: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'tags', 'too_many'],
  ])('rejects %s', async (_name, overrides, field, code) => {
    const before = await count('questions');
    expectError(await t.gql(ASK, { input: questionInput(overrides) }, asker.cookie), 'BAD_USER_INPUT', { field, code });
    expect(await count('questions')).toBe(before);
  });

  it('renders script tags, javascript: links and event handlers inert', async () => {
    const id = await ask(t, asker, {
      title: 'Is this markdown rendered safely?',
      body: '<script>alert(1)</script> [click me](javascript:alert(1)) <img src=x onerror=alert(1)> **bold**',
    });
    const res = await t.gql<{ question: { bodyHtml: string } }>(`{ question(id: "${id}") { bodyHtml } }`);
    const html = res.data.question.bodyHtml;
    expect(html).not.toMatch(/<script|<img|href="javascript:/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<strong>bold</strong>');
  });

  it('creates one question when the same form is submitted twice, even at once', async () => {
    const before = await count('questions');
    const input = questionInput({ title: 'Double submit should create one question', clientMutationId: 'form-1234567890' });
    const [a, b] = await Promise.all([
      t.gql<{ askQuestion: { id: string } }>(ASK, { input }, asker.cookie),
      t.gql<{ askQuestion: { id: string } }>(ASK, { input }, asker.cookie),
    ]);
    const c = await t.gql<{ askQuestion: { id: string } }>(ASK, { input }, asker.cookie);
    expect(a.errors ?? b.errors ?? c.errors).toBeUndefined();
    expect(new Set([a.data.askQuestion.id, b.data.askQuestion.id, c.data.askQuestion.id]).size).toBe(1);
    expect(await count('questions')).toBe(before + 1);
  });

  it('creates one answer and one comment on a double submit', async () => {
    const questionId = await ask(t, asker, { title: 'Double answer submit check' });
    const answerInput = { questionId, body: 'Only one of me should exist.', clientMutationId: 'answer-12345678' };
    const [a, b] = await Promise.all(
      [1, 2].map(() =>
        t.gql<{ answerQuestion: { id: string } }>(
          `mutation ($i: AnswerQuestionInput!) { answerQuestion(input: $i) { id } }`,
          { i: answerInput },
          helper.cookie,
        ),
      ),
    );
    expect(a!.data.answerQuestion.id).toBe(b!.data.answerQuestion.id);
    const commentInput = { questionId, body: 'Only one comment too.', clientMutationId: 'comment-12345678' };
    for (let i = 0; i < 2; i += 1)
      await t.gql(`mutation ($i: AddCommentInput!) { addComment(input: $i) { id } }`, { i: commentInput }, helper.cookie);
    const [{ answers, comments, answer_count }] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM answers WHERE question_id = $1)::int AS answers, (SELECT count(*) FROM comments WHERE question_id = $1)::int AS comments, answer_count FROM questions WHERE id = $1`,
      [questionId],
    );
    expect({ answers, comments, answer_count }).toEqual({ answers: 1, comments: 1, answer_count: 1 });
  });

  it('refuses a vote on your own post', async () => {
    const questionId = await ask(t, asker, { title: 'Can I upvote my own question?' });
    expectError(
      await t.gql(`mutation { vote(input: { questionId: "${questionId}", value: 1 }) { score } }`, {}, asker.cookie),
      'FORBIDDEN',
    );
    const answerId = await answer(t, helper, questionId);
    expectError(await t.gql(`mutation { vote(input: { answerId: "${answerId}", value: 1 }) { score } }`, {}, helper.cookie), 'FORBIDDEN');
    expectError(
      await t.gql(`mutation { vote(input: { answerId: "${answerId}", value: 5 }) { score } }`, {}, asker.cookie),
      'BAD_USER_INPUT',
      { field: 'value', code: 'invalid' },
    );
    expect(await count('votes')).toBe(0);
  });

  it("refuses to accept an answer on someone else's question, or an answer of another question", async () => {
    const mine = await ask(t, asker, { title: 'My own question about tariffs' });
    const theirs = await ask(t, helper, { title: 'Their question about invoices' });
    const answerToTheirs = await answer(t, asker, theirs, 'An answer on the other question.');
    // The asker of `mine` tries to accept an answer that belongs to `theirs`.
    expectError(await t.gql(`mutation { acceptAnswer(answerId: "${answerToTheirs}") { id } }`, {}, asker.cookie), 'FORBIDDEN');
    expectError(await t.gql(`mutation { acceptAnswer(answerId: "999999") { id } }`, {}, asker.cookie), 'NOT_FOUND');
    const rows = await t.dataSource.query(`SELECT status FROM questions WHERE id IN ($1, $2)`, [mine, theirs]);
    expect(rows.every((r: { status: string }) => r.status !== 'solved')).toBe(true);
  });

  it('rejects absurdly deep queries before running them', async () => {
    const deep = `{ questions { edges { node { answers { edges { node { author { questions { edges { node { answers { edges { node { id } } } } } } } } } } } } } }`;
    const res = await t.gql(deep);
    expect(res.status).toBe(400);
    expectError(res, 'GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0]!.message).toMatch(/nested too deeply/);
  });

  it('rejects queries asking for too much at once', async () => {
    const costly = `{ questions(first: 100) { edges { node { answers(first: 100) { edges { node { id bodyHtml author { displayName } comments { id } } } } } } } }`;
    const res = await t.gql(costly);
    expect(res.status).toBe(400);
    expectError(res, 'QUERY_TOO_COSTLY');
    expect(res.errors![0]!.message).toMatch(/too expensive/);
  });

  it('rejects a GraphQL post that is not JSON (CSRF prevention)', async () => {
    const { default: request } = await import('supertest');
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'text/plain')
      .send('{"query":"mutation { signOut }"}');
    expect(res.status).toBe(400);
  });
});

describe('thread page cost', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
  });
  afterAll(() => t.close());

  it('loads a thread with a constant number of SQL queries however many answers it has', async () => {
    const asker = await signUp(t, 'Query Quentin');
    const viewer = await signUp(t, 'Viewer Vera');
    const helpers = [await signUp(t, 'Helper One'), await signUp(t, 'Helper Two'), await signUp(t, 'Helper Three')];
    const small = await ask(t, asker, { title: 'A thread with two answers' });
    const large = await ask(t, asker, { title: 'A thread with many answers' });
    for (let i = 0; i < 2; i += 1) {
      const answerId = await answer(t, helpers[i]!, small);
      if (i === 0)
        await t.gql(
          `mutation { addComment(input: { answerId: "${answerId}", body: "A comment on the small thread" }) { id } }`,
          {},
          viewer.cookie,
        );
    }
    for (let i = 0; i < 24; i += 1) {
      const answerId = await answer(t, helpers[i % 3]!, large, `Answer number ${i} with some advice.`);
      await t.gql(`mutation { addComment(input: { answerId: "${answerId}", body: "Comment on answer ${i}" }) { id } }`, {}, viewer.cookie);
    }
    const measure = async (id: string) => {
      const before = t.queries.count;
      const res = await t.gql(THREAD, { id }, viewer.cookie);
      expect(res.errors).toBeUndefined();
      return t.queries.count - before;
    };
    const smallCount = await measure(small);
    const largeCount = await measure(large);
    expect(largeCount).toBe(smallCount);
    expect(largeCount).toBeLessThanOrEqual(10);
  });
});

describe('closing as a duplicate', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
  });
  afterAll(() => t.close());

  const CLOSE = `mutation ($q: ID!, $d: ID!) { closeAsDuplicate(questionId: $q, duplicateOfId: $d) { status closedReason duplicateOf { id } } }`;

  it('lets experts and staff close a question as a duplicate, pointing to the original', async () => {
    const asker = await signUp(t, 'Dup Asker');
    const expert = await signUp(t, 'Expert Erik');
    await t.dataSource.query(`UPDATE users SET trust_level = 3 WHERE id = $1`, [expert.id]);
    const original = await ask(t, asker, { title: 'Original question about meter readings' });
    const copy = await ask(t, asker, { title: 'Copy of the question about meter readings' });
    const copyOfCopy = await ask(t, asker, { title: 'Third question about meter readings' });
    expectError(await t.gql(CLOSE, { q: copy, d: original }, asker.cookie), 'FORBIDDEN');
    const closed = await t.gql<{ closeAsDuplicate: { status: string; closedReason: string; duplicateOf: { id: string } } }>(
      CLOSE,
      { q: copy, d: original },
      expert.cookie,
    );
    expect(closed.data.closeAsDuplicate).toEqual({ status: 'CLOSED', closedReason: 'duplicate', duplicateOf: { id: original } });
    const chained = await t.gql<{ closeAsDuplicate: { duplicateOf: { id: string } } }>(CLOSE, { q: copyOfCopy, d: copy }, expert.cookie);
    expect(chained.data.closeAsDuplicate.duplicateOf.id).toBe(original);
    expectError(await t.gql(CLOSE, { q: copy, d: original }, expert.cookie), 'CONFLICT');
    expectError(await t.gql(CLOSE, { q: original, d: original }, expert.cookie), 'BAD_USER_INPUT', {
      field: 'duplicateOfId',
      code: 'same',
    });
    expectError(
      await t.gql(
        `mutation ($i: AnswerQuestionInput!) { answerQuestion(input: $i) { id } }`,
        { i: { questionId: copy, body: 'An answer to a closed question.' } },
        expert.cookie,
      ),
      'CONFLICT',
    );
  });
});
