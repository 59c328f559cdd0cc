import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, ask, seedSpace, setRole, signUp, type TestUser } from '../test-support/builders';
import { createTestApp, type TestApp } from '../test-support/test-app';

const HISTORY = `query ($questionId: ID!, $answerId: ID) {
  postHistory(questionId: $questionId, answerId: $answerId) {
    questionId answerId questionTitle withheldCount omittedCount
    revisions { number createdAt editor { displayName } titleDiff { change text } bodyDiff { change text } tags tagsAdded tagsRemoved }
  }
}`;
const EDIT_QUESTION = `mutation ($input: EditQuestionInput!) { editQuestion(input: $input) { revision } }`;
const EDIT_ANSWER = `mutation ($input: EditAnswerInput!) { editAnswer(input: $input) { revision } }`;
const REDACT = `mutation ($input: RedactPostInput!) { redactPost(input: $input) { id } }`;

type Segment = { change: 'SAME' | 'ADDED' | 'REMOVED'; text: string };
interface Revision {
  number: number;
  editor: { displayName: string };
  titleDiff: Segment[] | null;
  bodyDiff: Segment[];
  tags: string[] | null;
  tagsAdded: string[];
  tagsRemoved: string[];
}
interface History {
  postHistory: { questionId: string; answerId: string | null; questionTitle: string; withheldCount: number; revisions: Revision[] } | null;
}

/** The text before (SAME + REMOVED) and after (SAME + ADDED) a change. */
const sides = (segments: Segment[]) => ({
  before: segments
    .filter((s) => s.change !== 'ADDED')
    .map((s) => s.text)
    .join(''),
  after: segments
    .filter((s) => s.change !== 'REMOVED')
    .map((s) => s.text)
    .join(''),
});
const changed = (segments: Segment[], change: Segment['change']) => segments.filter((s) => s.change === change).map((s) => s.text.trim());

describe('revision history', () => {
  let t: TestApp;
  let asker: TestUser;
  let member: TestUser;
  let moderator: TestUser;
  let agent: TestUser;

  const history = (questionId: string, user?: TestUser, answerId?: string) =>
    t.gql<History>(HISTORY, { questionId, answerId: answerId ?? null }, user?.cookie);
  const editQuestion = async (user: TestUser, input: Record<string, unknown>) => {
    const res = await t.gql(EDIT_QUESTION, { input }, user.cookie);
    expect(res.errors).toBeUndefined();
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
    [asker, member, moderator, agent] = [
      await signUp(t, 'Asking Anna'),
      await signUp(t, 'Member Max'),
      await signUp(t, 'Moderating Mia'),
      await signUp(t, 'Agent Ada'),
    ];
    await setRole(t.dataSource, moderator.id, 'moderator');
    await setRole(t.dataSource, agent.id, 'agent');
  });
  afterAll(() => t.close());

  it('keeps every version of a question and shows each against the one before, newest first', async () => {
    const first = 'My November invoice is 40 % higher although my usage did not change.\nWhat could cause this?';
    const second = 'My November invoice is 40 % higher although my usage stayed the same.\nWhat could cause this?';
    const questionId = await ask(t, asker, { title: 'Invoice higher than last month', body: first, tags: ['invoice'] });
    await editQuestion(asker, { id: questionId, title: 'Invoice higher than last month', body: second, tags: ['invoice', 'tariff'] });
    await editQuestion(moderator, { id: questionId, title: 'November invoice higher than last month', body: second, tags: ['tariff'] });

    const res = await history(questionId);
    expect(res.errors).toBeUndefined();
    const { revisions, withheldCount } = res.data.postHistory!;
    expect(withheldCount).toBe(0);
    expect(revisions.map((r) => [r.number, r.editor.displayName])).toEqual([
      [3, 'Moderating Mia'],
      [2, 'Asking Anna'],
      [1, 'Asking Anna'],
    ]);
    const [third, edit, original] = revisions as [Revision, Revision, Revision];

    expect(original.bodyDiff).toEqual([{ change: 'SAME', text: first }]);
    expect(original.tagsAdded).toEqual([]);

    expect(changed(edit.bodyDiff, 'REMOVED')).toEqual(['did not change']);
    expect(changed(edit.bodyDiff, 'ADDED')).toEqual(['stayed the same']);
    expect(sides(edit.bodyDiff)).toEqual({ before: first, after: second });
    expect(edit.titleDiff).toEqual([{ change: 'SAME', text: 'Invoice higher than last month' }]);
    expect([edit.tags, edit.tagsAdded, edit.tagsRemoved]).toEqual([['invoice', 'tariff'], ['tariff'], []]);

    expect([changed(third.titleDiff!, 'REMOVED'), changed(third.titleDiff!, 'ADDED')]).toEqual([['Invoice'], ['November invoice']]);
    expect(sides(third.titleDiff!)).toEqual({ before: 'Invoice higher than last month', after: 'November invoice higher than last month' });
    expect(third.bodyDiff).toEqual([{ change: 'SAME', text: second }]);
    expect([third.tagsAdded, third.tagsRemoved]).toEqual([[], ['invoice']]);
  });

  it('keeps the versions of an answer, under its own question only', async () => {
    const questionId = await ask(t, asker);
    const otherQuestionId = await ask(t, asker);
    const answerId = await answer(t, member, questionId, 'Check whether your monthly advance payment was adjusted.');
    const edited = await t.gql(
      EDIT_ANSWER,
      { input: { id: answerId, body: 'Check whether your monthly advance payment was raised in October.' } },
      member.cookie,
    );
    expect(edited.errors).toBeUndefined();

    const res = await history(questionId, undefined, answerId);
    expect(res.data.postHistory).toMatchObject({ questionId, answerId });
    const [latest, original] = res.data.postHistory!.revisions as [Revision, Revision];
    expect([latest.number, original.number]).toEqual([2, 1]);
    expect(latest.titleDiff).toBeNull();
    expect(latest.tags).toBeNull();
    expect(changed(latest.bodyDiff, 'REMOVED')).toEqual(['adjusted']);
    expect(changed(latest.bodyDiff, 'ADDED')).toEqual(['raised in October']);

    expect((await history(otherQuestionId, undefined, answerId)).data.postHistory).toBeNull();
    expect((await history('999999')).data.postHistory).toBeNull();
    expect((await history('not-an-id')).data.postHistory).toBeNull();
  });

  it('shows a held post’s history only to those who may see the post', async () => {
    const newcomer = await signUp(t, 'New Nora', { trustLevel: 0 });
    const questionId = await ask(t, newcomer);
    const [{ moderation_state }] = await t.dataSource.query(`SELECT moderation_state FROM questions WHERE id = $1`, [questionId]);
    expect(moderation_state).toBe('pending_review');
    await editQuestion(newcomer, {
      id: questionId,
      title: 'Why is my invoice so much higher?',
      body: 'It went up by 40 % this month.',
      tags: [],
    });

    expect((await history(questionId)).data.postHistory).toBeNull();
    expect((await history(questionId, member)).data.postHistory).toBeNull();
    expect((await history(questionId, newcomer)).data.postHistory!.revisions).toHaveLength(2);
    expect((await history(questionId, agent)).data.postHistory!.revisions).toHaveLength(2);

    const publicQuestionId = await ask(t, asker);
    const answerId = await answer(t, member, publicQuestionId);
    await t.dataSource.query(`UPDATE questions SET moderation_state = 'hidden' WHERE id = $1`, [publicQuestionId]);
    expect((await history(publicQuestionId, undefined, answerId)).data.postHistory).toBeNull();
    expect((await history(publicQuestionId, member, answerId)).data.postHistory).toBeNull();
    expect((await history(publicQuestionId, moderator, answerId)).data.postHistory!.revisions).toHaveLength(1);
  });

  it('never shows redacted personal data again: versions from before a redaction are for staff only', async () => {
    const email = 'anna.private@example.com';
    const body = `Please write to ${email} about my invoice, it is far too high.`;
    const questionId = await ask(t, asker, { body, acknowledgePersonalData: true });
    await editQuestion(asker, {
      id: questionId,
      title: 'Why is my invoice higher than last month?',
      body: `${body} Thanks!`,
      tags: ['invoice'],
      acknowledgePersonalData: true,
    });
    const redacted = await t.gql(
      REDACT,
      { input: { questionId, field: 'body', texts: [email], spans: [], reason: 'E-mail address in a public post' } },
      moderator.cookie,
    );
    expect(redacted.errors).toBeUndefined();

    for (const viewer of [undefined, member, asker]) {
      const res = await history(questionId, viewer);
      expect(JSON.stringify(res)).not.toContain('anna.private');
      const { revisions, withheldCount } = res.data.postHistory!;
      expect(withheldCount).toBe(2);
      expect(revisions.map((r) => r.number)).toEqual([3]);
      expect(revisions[0]!.bodyDiff).toEqual([
        { change: 'SAME', text: 'Please write to [removed] about my invoice, it is far too high. Thanks!' },
      ]);
      expect(revisions[0]!.tags).toEqual(['invoice']);
    }

    const staff = await history(questionId, agent);
    expect(staff.data.postHistory!.withheldCount).toBe(0);
    expect(staff.data.postHistory!.revisions.map((r) => r.number)).toEqual([3, 2, 1]);
    expect(changed(staff.data.postHistory!.revisions[0]!.bodyDiff, 'REMOVED')).toEqual([email]);

    // Later edits are public again, compared with the redacted version.
    await editQuestion(asker, {
      id: questionId,
      title: 'Why is my invoice higher than last month?',
      body: 'Please answer here about my invoice, it is far too high. Thanks!',
      tags: ['invoice'],
    });
    const after = await history(questionId);
    expect(JSON.stringify(after)).not.toContain('anna.private');
    expect(after.data.postHistory!.revisions.map((r) => r.number)).toEqual([4, 3]);
    expect(changed(after.data.postHistory!.revisions[0]!.bodyDiff, 'REMOVED')).toEqual(['write to [removed]']);
  });
});
