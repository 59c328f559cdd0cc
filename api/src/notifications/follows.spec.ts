import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCast, type Cast } from '../escalation/test/escalation-fixture';
import { ask, type TestUser } from '../test-support/builders';
import { expectError } from '../test-support/matchers';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { DigestScheduler } from './mail/digest-scheduler';
import { freshMember, inboxOf } from './test/inbox';

const FOLLOW = `query ($target: FollowTarget!, $slug: String!) { follow(target: $target, slug: $slug) { target slug level followers } }`;
const SET_FOLLOW = `mutation ($input: SetFollowInput!) { setFollow(input: $input) { target slug level followers } }`;
const MARK = `mutation ($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { unreadCount } }`;
const RESOLVE = `mutation ($input: ResolveReviewItemInput!) { resolveReviewItem(input: $input) { id } }`;

const DAY = 86_400_000;

describe('following spaces and tags', () => {
  let t: TestApp;
  let cast: Cast;
  let digests: DigestScheduler;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await seedCast(t);
    digests = t.app.get(DigestScheduler);
    await t.dataSource.query(`INSERT INTO tags (slug) VALUES ('outage'), ('vat'), ('meter-swap') ON CONFLICT DO NOTHING`);
  });
  afterAll(async () => {
    await t.close();
  });

  const signUp = (name: string, options: { trustLevel?: number } = {}) => freshMember(t, name, options);
  const setFollow = async (user: TestUser, target: 'SPACE' | 'TAG', slug: string, level: 'WATCHING' | 'MUTED' | 'NONE') => {
    const res = await t.gql<{ setFollow: { level: string; followers: number } }>(
      SET_FOLLOW,
      { input: { target, slug, level } },
      user.cookie,
    );
    expect(res.errors).toBeUndefined();
    return res.data.setFollow;
  };
  const inbox = async (user: TestUser) => (await inboxOf(t, user)).map(({ kind, questionId, path }) => ({ kind, questionId, path }));
  const newQuestions = async (user: TestUser): Promise<(string | null)[]> =>
    (await inbox(user)).filter((n) => n.kind === 'QUESTION_NEW').map((n) => n.questionId);
  /** Starts the user's digest period `days` ago, as if they had followed then. */
  const digestPeriodStarted = async (user: TestUser, days: number, digest = 'weekly') => {
    await t.dataSource.query(`UPDATE notification_settings SET digest_sent_at = $2, digest = $3 WHERE user_id = $1`, [
      user.id,
      new Date(Date.now() - days * DAY),
      digest,
    ]);
    // Questions of the period: created after its start.
    await t.dataSource.query(`UPDATE questions SET created_at = now() - interval '1 hour' WHERE created_at > now() - interval '1 hour'`);
  };
  const digestsOf = async (user: TestUser) =>
    (await t.dataSource.query(
      `SELECT subject, text_body, html_body, headers FROM mail_outbox WHERE recipient_id = $1 AND kind = 'digest'`,
      [user.id],
    )) as { subject: string; text_body: string; html_body: string; headers: Record<string, string> }[];

  it('follows a space: each new question there is in the inbox, never a mail of its own; the follower count shows', async () => {
    const follower = await signUp('Fiona Follower');
    const asker = await signUp('Sven Space');
    expect(await setFollow(follower, 'SPACE', 'billing', 'WATCHING')).toMatchObject({ level: 'WATCHING', followers: 1 });
    const anonymous = await t.gql<{ follow: { level: string; followers: number } }>(FOLLOW, { target: 'SPACE', slug: 'billing' });
    expect(anonymous.data.follow).toMatchObject({ level: 'NONE', followers: 1 });

    const questionId = await ask(t, asker, { title: 'Meter exchange appointment never confirmed?' });
    const [told] = await inbox(follower);
    expect(told).toMatchObject({ kind: 'QUESTION_NEW', questionId, path: `/questions/${questionId}` });
    expect(await newQuestions(asker)).toEqual([]);
    const mails: unknown[] = await t.dataSource.query(`SELECT 1 FROM mail_outbox WHERE recipient_id = $1`, [follower.id]);
    expect(mails).toEqual([]);

    expect(await setFollow(follower, 'SPACE', 'billing', 'NONE')).toMatchObject({ level: 'NONE', followers: 0 });
    await ask(t, asker, { title: 'Another billing question nobody follows now?' });
    expect(await newQuestions(follower)).toEqual([questionId]);
  });

  it('a muted tag silences new questions from a followed space that carry it', async () => {
    const follower = await signUp('Mara Mute');
    const asker = await signUp('Tim Tags');
    await setFollow(follower, 'SPACE', 'billing', 'WATCHING');
    await setFollow(follower, 'TAG', 'outage', 'MUTED');
    const quiet = await ask(t, asker, { title: 'Portal down again this morning?', tags: ['outage'] });
    const heard = await ask(t, asker, { title: 'Tariff change takes effect when?', tags: ['tariff'] });
    const told = await newQuestions(follower);
    expect(told).toContain(heard);
    expect(told).not.toContain(quiet);
    const list = await t.gql<{ followed: { target: string; slug: string; name: string; level: string }[] }>(
      `query { followed { target slug name level } }`,
      {},
      follower.cookie,
    );
    expect(list.data.followed).toEqual([
      { target: 'SPACE', slug: 'billing', name: 'Billing', level: 'WATCHING' },
      { target: 'TAG', slug: 'outage', name: 'outage', level: 'MUTED' },
    ]);
  });

  it('a held question is announced only once a moderator approves it', async () => {
    const follower = await signUp('Hedda Held');
    const newcomer = await signUp('Nele Newcomer', { trustLevel: 0 });
    await setFollow(follower, 'TAG', 'tariff', 'WATCHING');
    const questionId = await ask(t, newcomer, { title: 'First question about my tariff switch?', tags: ['tariff'] });
    expect(await newQuestions(follower)).not.toContain(questionId);
    const [item]: { id: string }[] = await t.dataSource.query(`SELECT id FROM review_items WHERE post_type = 'question' AND post_id = $1`, [
      questionId,
    ]);
    expect(
      (await t.gql(RESOLVE, { input: { itemId: String(item!.id), action: 'APPROVE' } }, cast.moderator.cookie)).errors,
    ).toBeUndefined();
    expect(await newQuestions(follower)).toContain(questionId);
  });

  it('refuses visitors and unknown spaces or tags with clear errors', async () => {
    const member = await signUp('Una Known');
    expectError(await t.gql(SET_FOLLOW, { input: { target: 'SPACE', slug: 'billing', level: 'WATCHING' } }), 'UNAUTHENTICATED');
    expectError(await t.gql(SET_FOLLOW, { input: { target: 'TAG', slug: 'no-such-tag', level: 'WATCHING' } }, member.cookie), 'NOT_FOUND');
    expectError(await t.gql(FOLLOW, { target: 'SPACE', slug: 'nowhere' }), 'NOT_FOUND');
  });

  describe('digest mail', () => {
    it('lists the period’s public questions where one follows, without one’s own, hidden, muted or already read ones; once per period', async () => {
      const reader = await signUp('Dora Digest');
      const asker = await signUp('Otto Often');
      await setFollow(reader, 'TAG', 'vat', 'WATCHING');
      const listed = await ask(t, asker, { title: 'Invoice shows two meter numbers?', tags: ['vat'] });
      const own = await ask(t, reader, { title: 'My own invoice question about VAT?', tags: ['vat'] });
      const read = await ask(t, asker, { title: 'Invoice already read in the app?', tags: ['vat'] });
      const mutedThread = await ask(t, asker, { title: 'Invoice thread I muted myself?', tags: ['vat'] });
      const hidden = await ask(t, asker, { title: 'Invoice spam that moderators hid?', tags: ['vat'] });
      await t.dataSource.query(`UPDATE questions SET moderation_state = 'hidden' WHERE id = $1`, [hidden]);
      await t.dataSource.query(`INSERT INTO watches (user_id, question_id, level, reason) VALUES ($1, $2, 'muted', 'manual')`, [
        reader.id,
        mutedThread,
      ]);
      await inboxOf(t, reader);
      const [readNote]: { id: string }[] = await t.dataSource.query(
        `SELECT id FROM notifications WHERE recipient_id = $1 AND subject_id = $2 AND kind = 'question.new'`,
        [reader.id, read],
      );
      expect((await t.gql(MARK, { input: { ids: [String(readNote!.id)] } }, reader.cookie)).errors).toBeUndefined();

      await digestPeriodStarted(reader, 8);
      await digests.run();
      const [mail, ...more] = await digestsOf(reader);
      expect(more).toEqual([]);
      expect(mail!.subject).toBe('Your weekly digest: 1 new question');
      expect(mail!.text_body).toContain('Invoice shows two meter numbers?');
      expect(mail!.text_body).toContain(`/questions/${listed}`);
      for (const title of ['VAT', 'already read', 'I muted', 'moderators hid']) expect(mail!.text_body).not.toContain(title);
      expect(mail!.html_body).toContain('Invoice shows two meter numbers?');
      expect(mail!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      expect(own).toBeTruthy();

      // The period moved on: running again (or in a second process) sends nothing new.
      await digests.run();
      expect(await digestsOf(reader)).toHaveLength(1);
      // The same period built again (a crash before the period moved on) is not queued twice.
      await t.dataSource.query(`UPDATE notification_settings SET digest_sent_at = $2 WHERE user_id = $1`, [
        reader.id,
        new Date(Date.now() - 8 * DAY),
      ]);
      await digests.run(new Date());
      expect((await digestsOf(reader)).length).toBeLessThanOrEqual(2);
    });

    it('is not due before its period ends, and not sent at all when switched off or with nothing new', async () => {
      const daily = await signUp('Dieter Daily');
      const off = await signUp('Olga Off');
      const idle = await signUp('Ida Idle');
      const unconfirmed = await freshMember(t, 'Udo Unconfirmed', { verified: false });
      const asker = await signUp('Quentin Question');
      await setFollow(daily, 'SPACE', 'billing', 'WATCHING');
      await setFollow(off, 'SPACE', 'billing', 'WATCHING');
      await setFollow(idle, 'TAG', 'meter-swap', 'WATCHING');
      await setFollow(unconfirmed, 'SPACE', 'billing', 'WATCHING');
      await ask(t, asker, { title: 'Direct debit date moved without notice?', tags: ['tariff'] });
      await digestPeriodStarted(daily, 0.5, 'daily');
      await digestPeriodStarted(off, 8, 'off');
      await digestPeriodStarted(idle, 8);
      await digestPeriodStarted(unconfirmed, 8);
      await digests.run();
      expect(await digestsOf(unconfirmed)).toEqual([]);
      expect(await digestsOf(daily)).toEqual([]);
      expect(await digestsOf(off)).toEqual([]);
      expect(await digestsOf(idle)).toEqual([]);
      await digestPeriodStarted(daily, 1.5, 'daily');
      await digests.run();
      const [mail] = await digestsOf(daily);
      expect(mail!.subject).toMatch(/^Your daily digest: \d+ new questions?$/);
      expect(mail!.text_body).toContain('Direct debit date moved without notice?');
    });
  });
});
