import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailService } from '../notifications/mail/mail.service';
import { NotificationWorker } from '../notifications/notification-worker';
import { answer, ask, PASSWORD, seedSpace, signUp, type TestUser } from '../test-support/builders';
import { expectError } from '../test-support/matchers';
import { createTestApp, type TestApp } from '../test-support/test-app';

const PUBLIC_URL = 'https://community.example.test';
const ME = `{ me { id email emailVerified } }`;
const CONFIRM = `mutation ($token: String!) { confirmEmail(token: $token) }`;
const RESEND = `mutation { resendEmailConfirmation }`;
const CHANGE = `mutation ($input: ChangeEmailInput!) { changeEmail(input: $input) }`;
const PENDING = `{ pendingEmailChange }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { viewer { id } } }`;

describe('e-mail address: confirmation and change', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ MAIL_DELAY_SECONDS: '0', PUBLIC_URL });
    await seedSpace(t.dataSource);
  });
  afterAll(() => t.close());

  const newcomer = async (name: string): Promise<TestUser> => {
    await t.dataSource.query(`DELETE FROM rate_limit_buckets`);
    return signUp(t, name, { verified: false });
  };
  /** The links in the account mails sent to an address, oldest first. */
  const linksTo = async (address: string): Promise<string[]> =>
    (
      await t.dataSource.query(`SELECT text_body FROM mail_outbox WHERE to_address = $1 AND notification_id IS NULL ORDER BY id`, [address])
    ).flatMap((r: { text_body: string }) => [...r.text_body.matchAll(/\/verify-email\/([\w-]+)/g)].map((m) => m[1]!));
  const me = async (user: TestUser) => (await t.gql<{ me: { email: string; emailVerified: boolean } }>(ME, {}, user.cookie)).data.me;
  const verifiedAt = async (id: string): Promise<Date | null> =>
    (await t.dataSource.query(`SELECT email_verified_at FROM users WHERE id = $1`, [id]))[0].email_verified_at;

  it('sign-up: the account works at once, unverified, with a confirmation mail in its language; only a hash is stored', async () => {
    const email = `neu.${Date.now()}@example.com`;
    const up = await t.gql(`mutation ($input: SignUpInput!) { signUp(input: $input) { accepted } }`, {
      input: { email, password: PASSWORD, displayName: 'Neue Nutzerin', locale: 'DE' },
    });
    expect(up.errors).toBeUndefined();
    const signIn = await t.gql(SIGN_IN, { input: { email, password: PASSWORD } });
    expect(signIn.errors).toBeUndefined();
    const [mail]: { subject: string; text_body: string; locale: string }[] = await t.dataSource.query(
      `SELECT subject, text_body, locale FROM mail_outbox WHERE to_address = $1`,
      [email],
    );
    expect(mail).toMatchObject({ subject: 'Bitte bestätige deine E-Mail-Adresse', locale: 'de' });
    expect(mail!.text_body).toContain(`${PUBLIC_URL}/verify-email/`);
    const [token] = await linksTo(email);
    const stored: { token_hash: string }[] = await t.dataSource.query(`SELECT token_hash FROM account_tokens WHERE email = $1`, [email]);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(token);
    expect((await t.gql<{ me: { emailVerified: boolean } }>(ME, {}, signIn.cookie)).data.me.emailVerified).toBe(false);

    const confirmed = await t.gql<{ confirmEmail: string }>(CONFIRM, { token });
    expect(confirmed.data.confirmEmail).toBe('VERIFIED');
    expect((await t.gql<{ me: { emailVerified: boolean } }>(ME, {}, signIn.cookie)).data.me.emailVerified).toBe(true);
  });

  it('refuses expired, used, tampered and foreign links, and changes nothing', async () => {
    const user = await newcomer('Link Tester');
    const other = await signUp(t, 'Other Person');
    const [token] = await linksTo(user.email);

    expectError(await t.gql(CONFIRM, { token: `${token!.slice(0, -2)}xx` }), 'BAD_USER_INPUT', { field: 'token', code: 'invalid' });
    expectError(await t.gql(CONFIRM, { token: 'a'.repeat(5000) }), 'BAD_USER_INPUT', { field: 'token', code: 'invalid' });
    expectError(await t.gql(CONFIRM, { token }, other.cookie), 'BAD_USER_INPUT', { field: 'token', code: 'foreign' });
    await t.dataSource.query(`UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    expectError(await t.gql(CONFIRM, { token }, user.cookie), 'BAD_USER_INPUT', { field: 'token', code: 'expired' });
    expect(await verifiedAt(user.id)).toBeNull();

    await t.dataSource.query(`UPDATE account_tokens SET expires_at = now() + interval '1 hour' WHERE user_id = $1`, [user.id]);
    expect((await t.gql(CONFIRM, { token }, user.cookie)).errors).toBeUndefined();
    const first = await verifiedAt(user.id);
    expect(first).not.toBeNull();
    expectError(await t.gql(CONFIRM, { token }, user.cookie), 'BAD_USER_INPUT', { field: 'token', code: 'used' });
    expect(await verifiedAt(user.id)).toEqual(first);
  });

  it('a password reset link is no confirmation link (the purpose is part of the hash)', async () => {
    const user = await newcomer('Purpose Tester');
    await t.gql(`mutation ($email: String!) { requestPasswordReset(email: $email) }`, { email: user.email });
    const [mail]: { text_body: string }[] = await t.dataSource.query(
      `SELECT text_body FROM mail_outbox WHERE to_address = $1 AND text_body LIKE '%reset-password%'`,
      [user.email],
    );
    const resetToken = /reset-password\/([\w-]+)/.exec(mail!.text_body)![1];
    expectError(await t.gql(CONFIRM, { token: resetToken }), 'BAD_USER_INPUT', { field: 'token', code: 'invalid' });
    expect(await verifiedAt(user.id)).toBeNull();
  });

  it('resends the confirmation, three times an hour, and not once confirmed', async () => {
    const user = await newcomer('Resend Tester');
    for (let i = 0; i < 3; i++) expect((await t.gql(RESEND, {}, user.cookie)).errors).toBeUndefined();
    expectError(await t.gql(RESEND, {}, user.cookie), 'RATE_LIMITED');
    expect(await linksTo(user.email)).toHaveLength(4);
    expectError(await t.gql(RESEND), 'UNAUTHENTICATED');
    const verified = await signUp(t, 'Verified Tester');
    expectError(await t.gql(RESEND, {}, verified.cookie), 'BAD_USER_INPUT', { field: 'email', code: 'already_verified' });
  });

  it('notification mail waits for a confirmed address; the inbox does not', async () => {
    const asker = await newcomer('Unconfirmed Asker');
    const helper = await signUp(t, 'Helpful Helper');
    const worker = t.app.get(NotificationWorker);
    const mail = t.app.get(MailService);
    const questionId = await ask(t, asker);
    await answer(t, helper, questionId, 'First answer: check the advance payment.');
    await worker.drain();
    await mail.drain();
    const statuses = async (): Promise<string[]> =>
      (
        await t.dataSource.query(`SELECT status FROM mail_outbox WHERE recipient_id = $1 AND notification_id IS NOT NULL ORDER BY id`, [
          asker.id,
        ])
      ).map((r: { status: string }) => r.status);
    expect(await statuses()).toEqual(['skipped']);
    const inbox = await t.gql<{ unreadNotificationCount: number }>(`{ unreadNotificationCount }`, {}, asker.cookie);
    expect(inbox.data.unreadNotificationCount).toBe(1);

    const [token] = await linksTo(asker.email);
    expect((await t.gql(CONFIRM, { token }, asker.cookie)).errors).toBeUndefined();
    await answer(t, helper, questionId, 'Second answer: and the meter reading.');
    await worker.drain();
    await mail.drain();
    // Kept: no SMTP server in this test, so it would be delivered with one.
    expect(await statuses()).toEqual(['skipped', 'kept']);
  });

  describe('changing the address', () => {
    it('needs the current password and a valid, different address', async () => {
      const user = await signUp(t, 'Careful Changer');
      expectError(
        await t.gql(CHANGE, { input: { newEmail: 'new@example.com', currentPassword: 'wrong password!' } }, user.cookie),
        'BAD_USER_INPUT',
        {
          field: 'currentPassword',
          code: 'invalid_credentials',
        },
      );
      expectError(
        await t.gql(CHANGE, { input: { newEmail: 'not-an-address', currentPassword: PASSWORD } }, user.cookie),
        'BAD_USER_INPUT',
        {
          field: 'newEmail',
          code: 'invalid',
        },
      );
      expectError(
        await t.gql(CHANGE, { input: { newEmail: user.email.toUpperCase(), currentPassword: PASSWORD } }, user.cookie),
        'BAD_USER_INPUT',
        {
          field: 'newEmail',
          code: 'unchanged',
        },
      );
      expectError(await t.gql(CHANGE, { input: { newEmail: 'new@example.com', currentPassword: PASSWORD } }), 'UNAUTHENTICATED');
      expect(await linksTo('new@example.com')).toEqual([]);
    });

    it('takes effect only once the link sent to the new address is followed; the old address is told', async () => {
      const user = await signUp(t, 'Moving Person');
      const newEmail = `moved.${Date.now()}@example.org`;
      expect(
        (await t.gql(CHANGE, { input: { newEmail: ` ${newEmail.toUpperCase()} `, currentPassword: PASSWORD } }, user.cookie)).errors,
      ).toBeUndefined();
      expect((await me(user)).email).toBe(user.email);
      expect((await t.gql<{ pendingEmailChange: string }>(PENDING, {}, user.cookie)).data.pendingEmailChange).toBe(newEmail);
      const [notice]: { subject: string; text_body: string }[] = await t.dataSource.query(
        `SELECT subject, text_body FROM mail_outbox WHERE to_address = $1 AND notification_id IS NULL`,
        [user.email],
      );
      expect(notice!.subject).toBe('Your e-mail address is about to change');
      expect(notice!.text_body).toContain(`mo…@example.org`);
      expect(notice!.text_body).not.toContain('/verify-email/');

      const [token] = await linksTo(newEmail);
      expect((await t.gql<{ confirmEmail: string }>(CONFIRM, { token })).data.confirmEmail).toBe('CHANGED');
      expect(await me(user)).toMatchObject({ email: newEmail, emailVerified: true });
      expect((await t.gql<{ pendingEmailChange: string | null }>(PENDING, {}, user.cookie)).data.pendingEmailChange).toBeNull();
      expectError(await t.gql(CONFIRM, { token }), 'BAD_USER_INPUT', { field: 'token', code: 'used' });
      expectError(await t.gql(SIGN_IN, { input: { email: user.email, password: PASSWORD } }), 'BAD_USER_INPUT');
      expect((await t.gql(SIGN_IN, { input: { email: newEmail, password: PASSWORD } })).errors).toBeUndefined();
    });

    it('fails, changing nothing, when the new address was taken in the meantime', async () => {
      const user = await signUp(t, 'Late Changer');
      const squatter = await signUp(t, 'Quick Squatter');
      const target = `target.${Date.now()}@example.org`;
      expect((await t.gql(CHANGE, { input: { newEmail: target, currentPassword: PASSWORD } }, user.cookie)).errors).toBeUndefined();
      await t.dataSource.query(`UPDATE users SET email = $2 WHERE id = $1`, [squatter.id, target]);
      const [token] = await linksTo(target);
      expectError(await t.gql(CONFIRM, { token }), 'BAD_USER_INPUT', { field: 'token', code: 'taken' });
      expect((await me(user)).email).toBe(user.email);
    });
  });
});
