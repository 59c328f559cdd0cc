import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, ask, ASK, PASSWORD, questionInput, seedSpace, signUp } from '../../test-support/builders';
import { expectError } from '../../test-support/matchers';
import { createTestApp, type TestApp } from '../../test-support/test-app';

describe('NUL bytes in text', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
  });
  afterAll(() => t.close());

  const nulError = (res: Awaited<ReturnType<TestApp['gql']>>, field: string) => {
    expect(res.status).toBe(400);
    expectError(res, 'BAD_USER_INPUT', { field, code: 'invalid_character' });
  };

  it('are refused as bad input in literals and variables of every entry point', async () => {
    nulError(await t.gql(`{ search(query: "in\\u0000voice") { totalCount } }`), 'query');
    nulError(await t.gql(`query ($text: String!) { similarQuestions(text: $text) { relevance } }`, { text: 'a\u0000b' }), 'text');
    nulError(
      await t.gql(`mutation ($input: SignUpInput!) { signUp(input: $input) { __typename } }`, {
        input: { email: 'nul@example.com', password: PASSWORD, displayName: 'Nul\u0000Byte' },
      }),
      'input.displayName',
    );
    const member = await signUp(t, 'Nul Tester');
    nulError(await t.gql(ASK, { input: questionInput({ title: 'Why is my invoice \u0000 higher?' }) }, member.cookie), 'input.title');
    nulError(await t.gql(ASK, { input: questionInput({ tags: ['invoice', 'x\u0000'] }) }, member.cookie), 'input.tags.1');
    const question = await ask(t, member);
    nulError(
      await t.gql(
        `mutation ($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id } }`,
        {
          input: { questionId: question, body: 'Check the advance payment.\u0000' },
        },
        member.cookie,
      ),
      'input.body',
    );
    const answerId = await answer(t, member, question);
    nulError(
      await t.gql(`mutation { addComment(input: { answerId: "${answerId}", body: "Thanks\\u0000 a lot" }) { id } }`, {}, member.cookie),
      'input.body',
    );
    nulError(await t.gql(`{ question(id: "1\\u0000") { id } }`), 'id');
    const rows: { n: number }[] = await t.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email = 'nul@example.com'`);
    expect(rows[0]!.n).toBe(0);
  });
});
