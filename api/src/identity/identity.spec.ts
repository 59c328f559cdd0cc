import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimitService } from '../platform/rate-limit/rate-limit.service';
import { PASSWORD, signUp } from '../test-support/builders';
import { expectError } from '../test-support/matchers';
import { createTestApp, type TestApp } from '../test-support/test-app';

const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { viewer { id email displayName initials role } } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { viewer { id } } }`;
const ME = `{ me { id email displayName } }`;

describe('identity', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('signs up with an httpOnly SameSite session cookie and an argon2id hash', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({
        query: SIGN_UP,
        variables: { input: { email: 'Ada.Lovelace@Example.com', password: PASSWORD, displayName: '  Ada   Lovelace ' } },
      });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.signUp.viewer).toMatchObject({
      email: 'ada.lovelace@example.com',
      displayName: 'Ada Lovelace',
      initials: 'AL',
      role: 'MEMBER',
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^pd_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const [row] = await t.dataSource.query(`SELECT password_hash FROM users WHERE email = 'ada.lovelace@example.com'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('knows the signed-in viewer, and nobody when signed out', async () => {
    const user = await signUp(t, 'Grace Hopper');
    const me = await t.gql<{ me: { id: string } }>(ME, {}, user.cookie);
    expect(me.data.me.id).toBe(user.id);
    await t.gql(`mutation { signOut }`, {}, user.cookie);
    const after = await t.gql<{ me: null }>(ME, {}, user.cookie);
    expect(after.data.me).toBeNull();
  });

  it('rejects a taken e-mail without creating a second account', async () => {
    const first = await signUp(t, 'Alan Turing');
    const res = await t.gql(SIGN_UP, { input: { email: first.email.toUpperCase(), password: PASSWORD, displayName: 'Imposter' } });
    expectError(res, 'BAD_USER_INPUT', { field: 'email', code: 'taken' });
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM users WHERE email = $1`, [first.email]);
    expect(count).toBe(1);
  });

  it.each([
    ['short', 'too short'],
    ['password123', 'common'],
    ['aaaaaaaaaaaa', 'repetitive'],
  ])('rejects the weak password "%s" (%s)', async (password) => {
    const res = await t.gql(SIGN_UP, { input: { email: `weak-${password}@example.com`, password, displayName: 'Weak' } });
    expectError(res, 'BAD_USER_INPUT', { field: 'password', code: 'weak' });
  });

  it('reports every invalid field at once', async () => {
    const res = await t.gql(SIGN_UP, { input: { email: 'not-an-email', password: 'x', displayName: '' } });
    expectError(res, 'BAD_USER_INPUT');
    expect(res.errors![0]!.extensions.fields!.map((f) => f.field).sort()).toEqual(['displayName', 'email', 'password']);
  });

  it('answers a wrong password and an unknown e-mail with the same generic message', async () => {
    const user = await signUp(t, 'Katherine Johnson');
    const wrong = await t.gql(SIGN_IN, { input: { email: user.email, password: 'not the password at all' } });
    const unknown = await t.gql(SIGN_IN, { input: { email: 'nobody@example.com', password: 'not the password at all' } });
    expectError(wrong, 'BAD_USER_INPUT', { field: 'password', code: 'invalid_credentials' });
    expect(unknown.errors![0]!.message).toBe(wrong.errors![0]!.message);
    expect(wrong.cookie).toBeUndefined();
  });

  it('rate limits repeated failed sign-ins, even with the right password afterwards', async () => {
    const user = await signUp(t, 'Margaret Hamilton');
    for (let i = 0; i < 5; i += 1) await t.gql(SIGN_IN, { input: { email: user.email, password: `wrong password ${i}` } });
    const blocked = await t.gql(SIGN_IN, { input: { email: user.email, password: PASSWORD } });
    expectError(blocked, 'RATE_LIMITED');
    expect(blocked.errors![0]!.extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.cookie).toBeUndefined();
  });

  it('signs in with the right password', async () => {
    const user = await signUp(t, 'Barbara Liskov');
    const res = await t.gql<{ signIn: { viewer: { id: string } } }>(SIGN_IN, {
      input: { email: ` ${user.email.toUpperCase()} `, password: PASSWORD },
    });
    expect(res.data.signIn.viewer.id).toBe(user.id);
    expect(res.cookie).toMatch(/^pd_session=/);
  });

  it('never exposes e-mail addresses or password hashes on public users', async () => {
    const user = await signUp(t, 'Frances Allen');
    const res = await t.gql(`{ user(id: "${user.id}") { email } }`);
    expectError(res, 'GRAPHQL_VALIDATION_FAILED');
    const hash = await t.gql(`{ user(id: "${user.id}") { passwordHash } }`);
    expectError(hash, 'GRAPHQL_VALIDATION_FAILED');
  });

  it('sweeps rate-limit windows older than a day', async () => {
    await t.dataSource.query(
      `INSERT INTO rate_limit_buckets (key, window_start, hits) VALUES ('old', now() - interval '2 days', 3), ('fresh', now(), 1)`,
    );
    await t.app.get(RateLimitService).sweep();
    const rows = await t.dataSource.query(`SELECT key FROM rate_limit_buckets WHERE key IN ('old', 'fresh')`);
    expect(rows).toEqual([{ key: 'fresh' }]);
  });

  it('reports database readiness on /health', async () => {
    const res = await request(t.app.getHttpServer()).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ready' });
  });
});
