import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, ask, seedSpace, setRole, type TestUser } from '../test-support/builders';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { freshMember, inboxOf } from './test/inbox';

const SETTINGS = `query { notificationSettings { email digest choices { group channel } } }`;
const UPDATE = `mutation ($input: NotificationSettingsInput!) { updateNotificationSettings(input: $input) { choices { group channel } } }`;

describe('choosing how each group of notifications arrives', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
  });
  afterAll(async () => {
    await t.close();
  });

  const signUp = (name: string) => freshMember(t, name);
  const kinds = async (user: TestUser): Promise<string[]> => (await inboxOf(t, user)).map((n) => n.kind);
  const mailsTo = async (user: TestUser): Promise<number> =>
    (await t.dataSource.query(`SELECT 1 FROM mail_outbox WHERE recipient_id = $1`, [user.id])).length;

  it('lists the groups a person has (staff work for staff only), all in the app and by e-mail at first', async () => {
    const member = await signUp('Gerda Groups');
    const agent = await signUp('Anton Agent');
    await setRole(t.dataSource, agent.id, 'agent');
    const mine = await t.gql<{ notificationSettings: { choices: { group: string; channel: string }[] } }>(SETTINGS, {}, member.cookie);
    expect(mine.data.notificationSettings.choices.map((c) => c.group)).toEqual([
      'REPLIES',
      'MENTIONS',
      'MY_POSTS',
      'FOLLOWING',
      'MESSAGES',
      'RECOGNITION',
    ]);
    expect(new Set(mine.data.notificationSettings.choices.map((c) => c.channel))).toEqual(new Set(['APP_AND_EMAIL']));
    const staff = await t.gql<{ notificationSettings: { choices: { group: string }[] } }>(SETTINGS, {}, agent.cookie);
    expect(staff.data.notificationSettings.choices.map((c) => c.group)).toContain('STAFF');
  });

  it('in the app only keeps the inbox and skips the mail; off tells nothing at all; other groups stay as they were', async () => {
    const asker = await signUp('Quiet Quinn');
    const helper = await signUp('Helpful Hal');
    const updated = await t.gql<{ updateNotificationSettings: { choices: { group: string; channel: string }[] } }>(
      UPDATE,
      {
        input: {
          choices: [
            { group: 'REPLIES', channel: 'APP' },
            { group: 'MENTIONS', channel: 'OFF' },
          ],
        },
      },
      asker.cookie,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateNotificationSettings.choices.filter((c) => c.channel !== 'APP_AND_EMAIL')).toEqual([
      { group: 'REPLIES', channel: 'APP' },
      { group: 'MENTIONS', channel: 'OFF' },
    ]);

    const questionId = await ask(t, asker, { title: 'Can I pay the final invoice in instalments?' });
    await answer(t, helper, questionId, 'Yes, ask billing for a payment plan; they usually allow three instalments.');
    expect(await kinds(asker)).toEqual(['ANSWER_NEW']);
    expect(await mailsTo(asker)).toBe(0);

    const other = await ask(t, helper, { title: 'Who else had a meter swap this month?' });
    await answer(t, helper, other, `[@Quiet Quinn](/users/${asker.id}) did yours go smoothly?`);
    expect(await kinds(asker)).toEqual(['ANSWER_NEW']);

    // Changing one group leaves the others.
    await t.gql(UPDATE, { input: { choices: [{ group: 'REPLIES', channel: 'APP_AND_EMAIL' }] } }, asker.cookie);
    const after = await t.gql<{ notificationSettings: { choices: { group: string; channel: string }[] } }>(SETTINGS, {}, asker.cookie);
    expect(after.data.notificationSettings.choices.find((c) => c.group === 'MENTIONS')!.channel).toBe('OFF');
    expect(after.data.notificationSettings.choices.find((c) => c.group === 'REPLIES')!.channel).toBe('APP_AND_EMAIL');
  });
});
