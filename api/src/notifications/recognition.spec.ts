import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, ask, seedSpace, setRole, setTrustLevel, type TestUser } from '../test-support/builders';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { freshMember, inboxOf } from './test/inbox';

const FLAG = `mutation ($input: FlagPostInput!) { flagPost(input: $input) { id } }`;
const ACCEPT = `mutation ($id: ID!) { acceptAnswer(answerId: $id) { id } }`;

describe('recognition and moderation notices', () => {
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
    (await inboxOf(t, user)).map(({ kind, path, reason, actorName }) => ({ kind, path, reason, actorName }));

  it('tells moderators — not members, not who flagged — of a new flag, leading to the review queue', async () => {
    const moderator = await signUp('Mona Moderator');
    await setRole(t.dataSource, moderator.id, 'moderator');
    const member = await signUp('Max Member');
    const flagger = await signUp('Fritz Flagger');
    const questionId = await ask(t, await signUp('Sam Spammer'), { title: 'Cheap watches here, click now?' });
    expect((await t.gql(FLAG, { input: { questionId, reason: 'SPAM' } }, flagger.cookie)).errors).toBeUndefined();
    expect((await inbox(moderator)).filter((n) => n.kind === 'POST_FLAGGED')).toEqual([
      { kind: 'POST_FLAGGED', path: '/review', reason: 'spam', actorName: null },
    ]);
    expect((await inbox(member)).filter((n) => n.kind === 'POST_FLAGGED')).toEqual([]);
    expect((await inbox(flagger)).filter((n) => n.kind === 'POST_FLAGGED')).toEqual([]);
  });

  it('tells people of a badge and a trust level they earned, only themselves, in the app and never by mail', async () => {
    const asker = await signUp('Asko Asker');
    const helper = await signUp('Hella Helper');
    const questionId = await ask(t, asker, { title: 'Which meter reading counts for the final invoice?' });
    const answerId = await answer(t, helper, questionId, 'The reading on the day you move out; photograph it with a date.');
    // The first answer is its own news: its badge comes without a notice.
    expect((await inbox(helper)).map((n) => n.kind)).toEqual([]);
    // Back to newcomer, having visited and read enough for level 1: the acceptance's re-evaluation promotes them.
    await setTrustLevel(t.dataSource, helper.id, 0);
    await t.dataSource.query(`INSERT INTO user_visits (user_id, day) VALUES ($1, current_date) ON CONFLICT DO NOTHING`, [helper.id]);
    await t.dataSource.query(`INSERT INTO thread_reads (user_id, question_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      helper.id,
      questionId,
    ]);
    expect((await t.gql(ACCEPT, { id: answerId }, asker.cookie)).errors).toBeUndefined();
    const kinds = (await inbox(helper)).map((n) => n.kind);
    expect(kinds).toContain('BADGE_AWARDED');
    expect(kinds).toContain('ANSWER_ACCEPTED');
    const badge = (await inbox(helper)).find((n) => n.kind === 'BADGE_AWARDED')!;
    expect(badge.path).toBe(`/users/${helper.id}`);
    expect((await inbox(asker)).map((n) => n.kind)).not.toContain('BADGE_AWARDED');
    const mails: { subject: string }[] = await t.dataSource.query(`SELECT subject FROM mail_outbox WHERE recipient_id = $1`, [helper.id]);
    expect(mails.map((m) => m.subject)).toEqual(['Your answer on “Which meter reading counts for the final invoice?” was accepted']);
    const [level]: { trust_level: number }[] = await t.dataSource.query(`SELECT trust_level FROM users WHERE id = $1`, [helper.id]);
    expect(level!.trust_level).toBeGreaterThan(0);
    expect(kinds).toContain('TRUST_LEVEL_RAISED');
    expect((await inbox(asker)).map((n) => n.kind)).not.toContain('TRUST_LEVEL_RAISED');
  });
});
