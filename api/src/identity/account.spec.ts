import { createClient as createWsClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SESSION_ENDED_CLOSE } from '../platform/live/subscriptions';
import { PASSWORD, setRole, signUp, type TestUser } from '../test-support/builders';
import { expectError } from '../test-support/matchers';
import { createTestApp, type TestApp } from '../test-support/test-app';

const PUBLIC_ORIGIN = 'http://localhost:3000';
const ME = `{ me { id displayName } }`;
const UPDATE_PROFILE = `mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { id displayName } }`;
const CHANGE_PASSWORD = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const SIGN_OUT_OTHERS = `mutation { signOutOtherSessions }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { viewer { id } } }`;

describe('account settings', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: PUBLIC_ORIGIN });
    await t.app.listen(0, '127.0.0.1');
    url = `ws://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}/graphql`;
  });
  afterAll(() => t.close());

  /** Another session of the same account (a second browser). */
  async function secondSession(user: TestUser, password = PASSWORD): Promise<string> {
    const res = await t.gql(SIGN_IN, { input: { email: user.email, password } });
    if (!res.cookie) throw new Error(`sign in failed: ${JSON.stringify(res.errors)}`);
    return res.cookie;
  }
  const signedIn = async (cookie: string) => (await t.gql<{ me: { id: string } | null }>(ME, {}, cookie)).data.me !== null;

  describe('updateProfile', () => {
    it('renames a member (whitespace collapsed), again with the same name', async () => {
      const user = await signUp(t, 'Old Name');
      for (let i = 0; i < 2; i++) {
        const res = await t.gql<{ updateProfile: { displayName: string } }>(
          UPDATE_PROFILE,
          { input: { displayName: '  New   Name ' } },
          user.cookie,
        );
        expect(res.errors).toBeUndefined();
        expect(res.data.updateProfile.displayName).toBe('New Name');
      }
      expect((await t.gql<{ me: { displayName: string } }>(ME, {}, user.cookie)).data.me.displayName).toBe('New Name');
    });

    it('refuses a name too short or too long, anonymous callers, and staff (their name is their audited staff profile)', async () => {
      const user = await signUp(t, 'Short Name');
      expectError(await t.gql(UPDATE_PROFILE, { input: { displayName: 'x' } }, user.cookie), 'BAD_USER_INPUT', {
        field: 'displayName',
        code: 'too_short',
      });
      expectError(await t.gql(UPDATE_PROFILE, { input: { displayName: 'y'.repeat(41) } }, user.cookie), 'BAD_USER_INPUT', {
        field: 'displayName',
        code: 'too_long',
      });
      expectError(await t.gql(UPDATE_PROFILE, { input: { displayName: 'Anybody' } }), 'UNAUTHENTICATED');
      const agent = await signUp(t, 'Agent Name');
      await setRole(t.dataSource, agent.id, 'agent');
      expectError(await t.gql(UPDATE_PROFILE, { input: { displayName: 'Agent Other' } }, agent.cookie), 'FORBIDDEN');
      for (const role of ['moderator', 'admin']) {
        await setRole(t.dataSource, agent.id, role);
        expectError(await t.gql(UPDATE_PROFILE, { input: { displayName: 'Agent Other' } }, agent.cookie), 'FORBIDDEN');
      }
    });
  });

  describe('changePassword', () => {
    it('needs the current password and a strong new one; other sessions end, this one stays', async () => {
      const user = await signUp(t, 'Pass Changer');
      const other = await secondSession(user);
      expectError(
        await t.gql(
          CHANGE_PASSWORD,
          { input: { currentPassword: 'wrong password here', newPassword: 'a fresh long passphrase' } },
          user.cookie,
        ),
        'BAD_USER_INPUT',
        { field: 'currentPassword', code: 'invalid_credentials' },
      );
      expectError(
        await t.gql(CHANGE_PASSWORD, { input: { currentPassword: PASSWORD, newPassword: 'short' } }, user.cookie),
        'BAD_USER_INPUT',
        {
          field: 'newPassword',
          code: 'weak',
        },
      );
      expectError(
        await t.gql(CHANGE_PASSWORD, { input: { currentPassword: PASSWORD, newPassword: 'password123' } }, user.cookie),
        'BAD_USER_INPUT',
        {
          field: 'newPassword',
          code: 'weak',
        },
      );
      expect(await signedIn(other)).toBe(true);

      const res = await t.gql(
        CHANGE_PASSWORD,
        { input: { currentPassword: PASSWORD, newPassword: 'a fresh long passphrase' } },
        user.cookie,
      );
      expect(res.errors).toBeUndefined();
      expect(await signedIn(user.cookie)).toBe(true);
      expect(await signedIn(other)).toBe(false);
      expectError(await t.gql(SIGN_IN, { input: { email: user.email, password: PASSWORD } }), 'BAD_USER_INPUT');
      expect(await secondSession(user, 'a fresh long passphrase')).toMatch(/^pd_session=/);
    });

    it('is rate limited after five wrong current passwords, and refused to anonymous callers', async () => {
      const user = await signUp(t, 'Guesser');
      const wrong = { input: { currentPassword: 'not my password at all', newPassword: 'a fresh long passphrase' } };
      for (let i = 0; i < 5; i++) expectError(await t.gql(CHANGE_PASSWORD, wrong, user.cookie), 'BAD_USER_INPUT');
      expectError(await t.gql(CHANGE_PASSWORD, wrong, user.cookie), 'RATE_LIMITED');
      expectError(
        await t.gql(CHANGE_PASSWORD, { input: { currentPassword: PASSWORD, newPassword: 'a fresh long passphrase' } }, user.cookie),
        'RATE_LIMITED',
      );
      expectError(await t.gql(CHANGE_PASSWORD, wrong), 'UNAUTHENTICATED');
    });
  });

  describe('signOutOtherSessions', () => {
    function wsClient(cookie: string): Client {
      return createWsClient({
        url,
        retryAttempts: 0,
        lazy: true,
        webSocketImpl: class extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, { headers: { origin: PUBLIC_ORIGIN, cookie } });
          }
        },
      });
    }

    it('ends every other session of the viewer and closes their sockets; this one and other people stay; repeatable', async () => {
      // Sign-ups are limited to 10 an hour per address: one stranger for all roles.
      const stranger = await signUp(t, 'Stranger');
      for (const role of ['member', 'agent', 'admin']) {
        const user = await signUp(t, `Many Sessions ${role}`);
        await setRole(t.dataSource, user.id, role);
        const others = [await secondSession(user), await secondSession(user)];
        const client = wsClient(others[0]!);
        const closed = new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
        // The unread count answers at once: then the subscription (and its socket) is in place.
        await new Promise<void>((resolve, reject) => {
          client.subscribe(
            { query: `subscription { unreadNotificationsChanged { count } }` },
            { next: () => resolve(), error: reject, complete: () => undefined },
          );
        });

        const res = await t.gql<{ signOutOtherSessions: number }>(SIGN_OUT_OTHERS, {}, user.cookie);
        expect(res.errors).toBeUndefined();
        expect(res.data.signOutOtherSessions).toBe(2);
        expect(await closed).toBe(SESSION_ENDED_CLOSE);
        await client.dispose();
        expect(await signedIn(user.cookie)).toBe(true);
        for (const cookie of others) expect(await signedIn(cookie)).toBe(false);
        expect(await signedIn(stranger.cookie)).toBe(true);
        // Again: nothing left to end.
        expect((await t.gql<{ signOutOtherSessions: number }>(SIGN_OUT_OTHERS, {}, user.cookie)).data.signOutOtherSessions).toBe(0);
      }
    });

    it('is refused to anonymous callers', async () => {
      expectError(await t.gql(SIGN_OUT_OTHERS), 'UNAUTHENTICATED');
    });
  });
});
