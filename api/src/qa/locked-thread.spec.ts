// A locked thread answers writes with what is true: it is locked (a stable `locked` code clients
// translate), not a generic conflict that tells people to reload the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, ask, seedSpace, setRole, signUp, type TestUser } from '../test-support/builders';
import { expectError } from '../test-support/matchers';
import { createTestApp, type TestApp } from '../test-support/test-app';

const LOCK = `mutation ($input: ModerateQuestionInput!) { lockQuestion(input: $input) { lockedReason } }`;
const COMMENT = `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`;
const ANSWER = `mutation ($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id } }`;
const ACCEPT = `mutation ($id: ID!) { acceptAnswer(answerId: $id) { status } }`;

describe('writing to a locked thread', () => {
  let t: TestApp;
  let asker: TestUser;
  let helper: TestUser;
  let questionId: string;
  let answerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
    asker = await signUp(t, 'Locked Lou', { trustLevel: 1 });
    helper = await signUp(t, 'Helpful Hana', { trustLevel: 2 });
    const moderator = await signUp(t, 'Mod Mo');
    await setRole(t.dataSource, moderator.id, 'moderator');
    questionId = await ask(t, asker, { title: 'A thread a moderator locks for a while' });
    answerId = await answer(t, helper, questionId);
    const locked = await t.gql(LOCK, { input: { questionId, reason: 'Heated discussion' } }, moderator.cookie);
    expect(locked.errors).toBeUndefined();
  });
  afterAll(() => t.close());

  it('refuses a comment by the asker because the thread is locked', async () => {
    const res = await t.gql(COMMENT, { input: { questionId, body: 'Any news on this one?' } }, asker.cookie);
    expectError(res, 'CONFLICT', { field: 'questionId', code: 'locked' });
    expect(res.errors![0]!.message).toMatch(/locked/);
  });

  it('refuses an answer and an acceptance the same way', async () => {
    expectError(await t.gql(ANSWER, { input: { questionId, body: 'An answer to a locked thread' } }, helper.cookie), 'CONFLICT', {
      field: 'questionId',
      code: 'locked',
    });
    expectError(await t.gql(ACCEPT, { id: answerId }, asker.cookie), 'CONFLICT', { field: 'questionId', code: 'locked' });
  });
});
