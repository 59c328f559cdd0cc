import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, ask, seedSpace, setRole, signUp, type TestUser } from '../test-support/builders';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { questionStateMismatches } from './question-state';

/** Derived question state (status, answer_count, last activity) matches the rows after a mixed workload. */
describe('question state invariant', () => {
  let t: TestApp;
  let asker: TestUser;
  let expert: TestUser;
  let member: TestUser;
  let newcomer: TestUser;
  let moderator: TestUser;

  const ok = async <T>(query: string, variables: Record<string, unknown>, who: TestUser): Promise<T> => {
    const res = await t.gql<T>(query, variables, who.cookie);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const openItem = async (postType: string, postId: string): Promise<string> => {
    const rows: { id: string }[] = await t.dataSource.query(
      `SELECT id::text FROM review_items WHERE post_type = $1 AND post_id = $2 AND status = 'open'`,
      [postType, postId],
    );
    return rows[0]!.id;
  };
  const resolve = (itemId: string, action: string) =>
    ok(`mutation ($input: ResolveReviewItemInput!) { resolveReviewItem(input: $input) { id } }`, { input: { itemId, action } }, moderator);
  const state = async (id: string) =>
    (
      (await t.dataSource.query(`SELECT status, answer_count, accepted_answer_id::text AS accepted FROM questions WHERE id = $1`, [
        id,
      ])) as {
        status: string;
        answer_count: number;
        accepted: string | null;
      }[]
    )[0]!;

  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
    asker = await signUp(t, 'Asker Anna', { trustLevel: 1 });
    expert = await signUp(t, 'Expert Erik', { trustLevel: 3 });
    member = await signUp(t, 'Member Max', { trustLevel: 1 });
    newcomer = await signUp(t, 'New Nora', { trustLevel: 0 });
    moderator = await signUp(t, 'Moderator Mia', { trustLevel: 1 });
    await setRole(t.dataSource, moderator.id, 'moderator');
  });
  afterAll(() => t.close());

  it('holds after asking, answering, held and approved posts, acceptance, hiding, comments, votes, closing and reopening', async () => {
    const q1 = await ask(t, asker, { title: 'Why did my monthly advance payment change?' });
    const q2 = await ask(t, asker, { title: 'How do I read the meter of a heat pump?' });
    const q3 = await ask(t, member, { title: 'Reading the heat pump meter, which number counts?' });
    const q4 = await ask(t, newcomer, { title: 'Where do I find my customer number on the bill?' });

    const expertAnswer = await answer(t, expert, q1);
    await answer(t, member, q1, 'The advance follows the last annual statement; it changes with it.');
    const heldAnswer = await answer(t, newcomer, q2, 'I think the left number is the one the supplier reads.');
    await answer(t, expert, q2, 'The high tariff register is the first one; the second counts the low tariff.');
    expect(await state(q2)).toMatchObject({ status: 'answered', answer_count: 1 });

    await ok(`mutation ($id: ID!) { acceptAnswer(answerId: $id) { id } }`, { id: expertAnswer }, asker);
    expect(await state(q1)).toMatchObject({ status: 'solved', answer_count: 2, accepted: expertAnswer });

    await resolve(await openItem('answer', heldAnswer), 'APPROVE');
    await resolve(await openItem('question', q4), 'APPROVE');
    expect(await state(q2)).toMatchObject({ status: 'answered', answer_count: 2 });

    await ok(
      `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`,
      { input: { questionId: q2, body: 'Which model is it exactly?' } },
      member,
    );
    await ok(`mutation ($input: VoteInput!) { vote(input: $input) { score } }`, { input: { answerId: expertAnswer, value: 1 } }, member);

    await ok(
      `mutation ($input: FlagPostInput!) { flagPost(input: $input) { id } }`,
      { input: { answerId: expertAnswer, reason: 'RUDE' } },
      member,
    );
    await resolve(await openItem('answer', expertAnswer), 'HIDE');
    expect(await state(q1)).toMatchObject({ status: 'answered', answer_count: 1, accepted: null });

    await ok(`mutation ($q: ID!, $d: ID!) { closeAsDuplicate(questionId: $q, duplicateOfId: $d) { id } }`, { q: q3, d: q2 }, expert);
    expect(await state(q3)).toMatchObject({ status: 'closed' });
    await ok(
      `mutation ($input: ModerateQuestionInput!) { reopenQuestion(input: $input) { id } }`,
      { input: { questionId: q3 } },
      moderator,
    );
    expect(await state(q3)).toMatchObject({ status: 'open', answer_count: 0 });

    expect(await questionStateMismatches(t.dataSource)).toEqual([]);
    const counts: { id: string; answer_count: number; published: number }[] = await t.dataSource.query(
      `SELECT q.id::text, q.answer_count, (SELECT count(*)::int FROM answers a WHERE a.question_id = q.id AND a.moderation_state = 'published') AS published
         FROM questions q ORDER BY q.id`,
    );
    expect(counts.length).toBeGreaterThanOrEqual(4);
    for (const row of counts) expect(row.answer_count, `question ${row.id}`).toBe(row.published);
  });

  it('names a question whose counter disagrees with its rows', async () => {
    const q = await ask(t, asker, { title: 'A question whose counter we break on purpose' });
    await t.dataSource.query(`UPDATE questions SET answer_count = 3, status = 'answered' WHERE id = $1`, [q]);
    expect(await questionStateMismatches(t.dataSource)).toEqual([{ id: q, status: 'answered', answer_count: 3, n: 0, accepted_of: null }]);
  });
});
