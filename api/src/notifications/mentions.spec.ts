import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, ask, seedSpace, type TestUser } from '../test-support/builders';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { freshMember, inboxOf } from './test/inbox';

const COMMENT = `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`;

describe('@mentions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
  });
  afterAll(async () => {
    await t.close();
  });

  const signUp = (name: string) => freshMember(t, name);
  const inbox = async (user: TestUser) =>
    (await inboxOf(t, user)).map(({ kind, path, actorName, questionId }) => ({ kind, path, actorName, questionId }));
  const mention = (user: TestUser, name: string) => `[@${name}](/users/${user.id})`;

  it('tells the people an answer mentions, once each, instead of the plain new-answer notice; mail quotes the post', async () => {
    const asker = await signUp('Asta Asker');
    const helper = await signUp('Hanno Helper');
    const expert = await signUp('Erika Expert');
    const questionId = await ask(t, asker);
    const answerId = await answer(
      t,
      helper,
      questionId,
      `Not sure — ${mention(expert, 'Erika Expert')} knows tariffs best. ${mention(asker, 'Asta Asker')}, which meter do you have? ${mention(expert, 'Erika Expert')}`,
    );
    expect(await inbox(expert)).toEqual([
      { kind: 'MENTION', path: `/questions/${questionId}#answer-${answerId}`, actorName: 'Hanno Helper', questionId },
    ]);
    // The asker watches the thread, but hears of this answer once: as a mention.
    expect((await inbox(asker)).map((n) => n.kind)).toEqual(['MENTION']);
    expect(await inbox(helper)).toEqual([]);
    const [mail]: { subject: string; text_body: string }[] = await t.dataSource.query(
      `SELECT subject, text_body FROM mail_outbox WHERE recipient_id = $1`,
      [expert.id],
    );
    expect(mail!.subject).toBe('Hanno Helper mentioned you in “Why is my invoice higher than last month?”');
    expect(mail!.text_body).toContain('knows tariffs best');
  });

  it('works in comments and questions; mentions in code, plain profile links and unknown ids tell nobody', async () => {
    const author = await signUp('Cora Commenter');
    const named = await signUp('Nils Named');
    const quiet = await signUp('Quirin Quiet');
    const questionId = await ask(t, author, {
      title: 'Meter swap appointment: who confirms it?',
      body: `Asking for ${mention(named, 'Nils Named')} too. Code: \`${mention(quiet, 'Quirin')}\`, link: [Quirin](/users/${quiet.id}), ghost: [@Ghost](/users/999999).`,
    });
    expect((await inbox(named)).map((n) => n.kind)).toEqual(['MENTION']);
    expect(await inbox(quiet)).toEqual([]);

    const comment = await t.gql(
      COMMENT,
      { input: { questionId, body: `${mention(quiet, 'Quirin Quiet')} did yours get confirmed?` } },
      named.cookie,
    );
    expect(comment.errors).toBeUndefined();
    expect((await inbox(quiet)).map((n) => n.kind)).toEqual(['MENTION']);
  });
});
