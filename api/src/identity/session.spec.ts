import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type TestUser } from '../test-support/builders';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { SessionService } from './session.service';

/** The token inside a `pd_session=…` cookie header. */
const tokenOf = (user: TestUser): string => /pd_session=([^;]+)/.exec(user.cookie)![1]!;

describe('session look-ups shared within one web request', () => {
  let t: TestApp;
  let sessions: SessionService;
  beforeAll(async () => {
    t = await createTestApp();
    sessions = t.app.get(SessionService);
  });
  afterAll(() => t.close());

  it('answers the calls of one request id from one look-up, and a new request id asks again', async () => {
    const user = await signUp(t, 'Shared Lookup');
    const requestId = randomUUID();
    expect(await sessions.resolve(tokenOf(user), requestId)).toMatchObject({ id: user.id });
    // Gone from the table (as if expired): the same render still has its actor, the next render does not.
    await t.dataSource.query(`DELETE FROM sessions WHERE user_id = $1`, [user.id]);
    expect(await sessions.resolve(tokenOf(user), requestId)).toMatchObject({ id: user.id });
    expect(await sessions.resolve(tokenOf(user), randomUUID())).toBeNull();
    expect(await sessions.resolve(tokenOf(user))).toBeNull();
  });

  it('never answers one session with another’s actor under the same request id', async () => {
    const [ada, bob] = [await signUp(t, 'Shared Ada'), await signUp(t, 'Shared Bob')];
    const requestId = randomUUID();
    expect(await sessions.resolve(tokenOf(ada), requestId)).toMatchObject({ id: ada.id });
    expect(await sessions.resolve(tokenOf(bob), requestId)).toMatchObject({ id: bob.id });
    expect(await sessions.resolve('not-a-session', requestId)).toBeNull();
  });

  it('forgets a session at once when it is signed out or ended from another device', async () => {
    const user = await signUp(t, 'Shared Signout');
    const requestId = randomUUID();
    expect(await sessions.resolve(tokenOf(user), requestId)).toMatchObject({ id: user.id });
    await sessions.destroy(tokenOf(user));
    expect(await sessions.resolve(tokenOf(user), requestId)).toBeNull();

    const other = await signUp(t, 'Shared Elsewhere');
    const kept = await sessions.create(other.id);
    expect(await sessions.resolve(tokenOf(other), requestId)).toMatchObject({ id: other.id });
    expect(await sessions.endOthers(other.id, kept)).toBe(1);
    expect(await sessions.resolve(tokenOf(other), requestId)).toBeNull();
    expect(await sessions.resolve(kept, requestId)).toMatchObject({ id: other.id });
  });

  it('signs out over GraphQL within the same request id: the next call of that request is anonymous', async () => {
    const user = await signUp(t, 'Shared Graphql');
    const requestId = randomUUID();
    const post = (query: string) =>
      request(t.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('cookie', user.cookie)
        .set('x-request-id', requestId)
        .send({ query });
    expect((await post(`{ me { id } }`)).body.data.me).toMatchObject({ id: user.id });
    await post(`mutation { signOut }`);
    expect((await post(`{ me { id } }`)).body.data.me).toBeNull();
  });
});
