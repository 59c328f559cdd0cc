import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimitService } from '../platform/rate-limit/rate-limit.service';
import { SIGN_IN_THROTTLE, signInDelayMs } from './auth.service';
import { PASSWORD, signUp } from '../test-support/builders';
import { expectError } from '../test-support/matchers';
import { createTestApp, type TestApp } from '../test-support/test-app';

const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { accepted } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { viewer { id } } }`;
const SIGN_IN_VIEWER = `mutation ($input: SignInInput!) { signIn(input: $input) { viewer { id email displayName initials role } } }`;
const ME = `{ me { id email displayName } }`;

describe('identity', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** A sign-in by a visitor at `address`, as the web (the trusted proxy hop) forwards it. */
  const signInFrom = (address: string, email: string, password: string) =>
    request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-forwarded-for', address)
      .send({ query: SIGN_IN, variables: { input: { email, password } } });

  it('signs up with an argon2id hash, then signs in with an httpOnly SameSite session cookie', async () => {
    const input = { email: 'Ada.Lovelace@Example.com', password: PASSWORD, displayName: '  Ada   Lovelace ' };
    const up = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: SIGN_UP, variables: { input } });
    expect(up.body).toEqual({ data: { signUp: { accepted: true } } });
    expect(up.headers['set-cookie']).toBeUndefined();
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: SIGN_IN_VIEWER, variables: { input: { email: input.email, password: PASSWORD } } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.signIn.viewer).toMatchObject({
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

  it('answers a sign-up with a taken e-mail exactly like one with a free e-mail, and changes nothing', async () => {
    const first = await signUp(t, 'Alan Turing');
    const send = (email: string) =>
      request(t.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: SIGN_UP, variables: { input: { email, password: 'another long secret 42', displayName: 'Imposter' } } });
    const taken = await send(first.email.toUpperCase());
    const free = await send('a.free.address@example.com');
    expect(taken.status).toBe(free.status);
    expect(taken.body).toEqual(free.body);
    expect(taken.body).toEqual({ data: { signUp: { accepted: true } } });
    expect(taken.headers['set-cookie']).toBeUndefined();
    expect(free.headers['set-cookie']).toBeUndefined();
    const rows = await t.dataSource.query(`SELECT display_name FROM users WHERE email = $1`, [first.email]);
    expect(rows).toEqual([{ display_name: 'Alan Turing' }]);
    // The owner's password still works; the one the second sign-up chose does not.
    const owner = await t.gql(SIGN_IN, { input: { email: first.email, password: PASSWORD } });
    expect(owner.cookie).toMatch(/^pd_session=/);
    const imposter = await t.gql(SIGN_IN, { input: { email: first.email, password: 'another long secret 42' } });
    expectError(imposter, 'BAD_USER_INPUT', { field: 'password', code: 'invalid_credentials' });
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

  it('throttles wrong passwords per client: another client still signs in, the owner is never locked out', async () => {
    const user = await signUp(t, 'Margaret Hamilton');
    const attacker = '198.51.100.66';
    const attempts = [];
    for (let i = 0; i < 8; i += 1) attempts.push(await signInFrom(attacker, user.email, `wrong password ${i}`));
    expect(attempts.slice(0, 5).map((r) => r.body.errors[0].extensions.code)).toEqual(Array(5).fill('BAD_USER_INPUT'));
    expect(attempts[7]!.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(attempts[7]!.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    // The attacker's client stays limited even with the right password...
    const attackerRight = await signInFrom(attacker, user.email, PASSWORD);
    expect(attackerRight.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(attackerRight.headers['set-cookie']).toBeUndefined();
    // ...while the owner, from their own address, signs in at once.
    const owner = await signInFrom('203.0.113.20', user.email, PASSWORD);
    expect(owner.body.errors).toBeUndefined();
    expect(owner.body.data.signIn.viewer.id).toBe(user.id);
    expect(String(owner.headers['set-cookie'])).toMatch(/^pd_session=/);
  });

  it('slows down, but never refuses, an account that many clients guess at', () => {
    expect(signInDelayMs(0)).toBe(0);
    expect(signInDelayMs(SIGN_IN_THROTTLE.slowAfter)).toBe(0);
    expect(signInDelayMs(SIGN_IN_THROTTLE.slowAfter + 2)).toBe(2 * SIGN_IN_THROTTLE.delayStepMs);
    expect(signInDelayMs(10_000)).toBe(SIGN_IN_THROTTLE.maxDelayMs);
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
    expect(res.body).toEqual({ status: 'ok', database: 'ready', live: 'in-process', subscriptions: expect.any(Number) });
  });
});

describe('the client address behind the web', () => {
  let viaLoopback: TestApp;
  let viaWebHop: TestApp;
  beforeAll(async () => {
    viaLoopback = await createTestApp({ TRUST_PROXY: 'loopback' });
    // The web's address in the production topology (docker-compose.yml); these tests call from 127.0.0.1.
    viaWebHop = await createTestApp({ TRUST_PROXY: '172.28.0.10' });
  });
  afterAll(async () => {
    await viaWebHop.close();
    await viaLoopback.close();
  });

  let n = 0;
  const signUpFrom = (t: TestApp, forwardedFor?: string) => {
    n += 1;
    let req = request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    if (forwardedFor) req = req.set('x-forwarded-for', forwardedFor);
    return req.send({
      query: SIGN_UP,
      variables: { input: { email: `client.${n}@example.com`, password: PASSWORD, displayName: 'Client' } },
    });
  };
  const codes = (responses: request.Response[]) => responses.map((r) => r.body.errors?.[0]?.extensions.code ?? 'OK');

  it('counts visitors the trusted hop reports separately', async () => {
    expect(codes([await signUpFrom(viaLoopback, '198.51.100.1'), await signUpFrom(viaLoopback, '198.51.100.2')])).toEqual(['OK', 'OK']);
  });

  it('believes only the address the trusted hop itself reports, not a chain of "trusted" addresses forged before it', async () => {
    const own: request.Response[] = [];
    for (let i = 0; i < 10; i += 1) own.push(await signUpFrom(viaLoopback));
    expect(codes(own)).toEqual(Array(10).fill('OK'));
    const forged = [];
    for (let i = 0; i < 3; i += 1) forged.push(await signUpFrom(viaLoopback, `203.0.113.${i}, 127.0.0.1`));
    expect(codes(forged)).toEqual(Array(3).fill('RATE_LIMITED'));
  });

  it('ignores X-Forwarded-For from a caller that is not the configured proxy hop', async () => {
    const direct: request.Response[] = [];
    for (let i = 0; i < 10; i += 1) direct.push(await signUpFrom(viaWebHop));
    expect(codes(direct)).toEqual(Array(10).fill('OK'));
    const forged = [];
    for (let i = 0; i < 3; i += 1) forged.push(await signUpFrom(viaWebHop, `203.0.113.${i}`));
    expect(codes(forged)).toEqual(Array(3).fill('RATE_LIMITED'));
  });
});
