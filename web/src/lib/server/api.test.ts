import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MeDocument, QuestionPageDocument, SignInDocument, SignOutDocument } from '#lib/graphql/generated.ts';
import { ApiError, createApiClient, httpFetch, readSessionCookie, toApiError, type SessionUpdate } from './api.ts';

function jsonResponse(body: unknown, init: { status?: number; setCookie?: string[] } = {}): Response {
  const headers = new Headers({ 'content-type': 'application/json' });
  for (const cookie of init.setCookie ?? []) headers.append('set-cookie', cookie);
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers });
}

describe('toApiError', () => {
  it('maps a BAD_USER_INPUT error with field details', () => {
    const error = toApiError([
      {
        message: 'Invalid input',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [
            { field: 'title', code: 'too_short', message: 'Title is too short' },
            { field: 'body', code: 'required', message: 'Body is required' },
          ],
        },
      },
    ]);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.status).toBe(400);
    expect(error.fields).toEqual([
      { field: 'title', code: 'too_short', message: 'Title is too short' },
      { field: 'body', code: 'required', message: 'Body is required' },
    ]);
  });

  it('collects fields from every error with the same code and ignores malformed entries', () => {
    const error = toApiError([
      { message: 'a', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'email', code: 'taken', message: 'Taken' }] } },
      { message: 'b', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'password' }, { nope: true }, 'x'] } },
      { message: 'c', extensions: { code: 'FORBIDDEN', fields: [{ field: 'ignored', code: 'x', message: 'x' }] } },
    ]);
    expect(error.fields).toEqual([
      { field: 'email', code: 'taken', message: 'Taken' },
      { field: 'password', code: 'invalid', message: '' },
    ]);
  });

  it('keeps the known codes and their HTTP statuses', () => {
    const cases = [
      ['UNAUTHENTICATED', 401],
      ['FORBIDDEN', 403],
      ['NOT_FOUND', 404],
      ['CONFLICT', 409],
      ['RATE_LIMITED', 429],
      ['INTERNAL_SERVER_ERROR', 500],
    ] as const;
    for (const [code, status] of cases) {
      const error = toApiError([{ message: code, extensions: { code } }]);
      expect(error.code).toBe(code);
      expect(error.status).toBe(status);
      expect(error.fields).toEqual([]);
    }
  });

  it('turns unknown or missing codes into INTERNAL_SERVER_ERROR and parse failures into BAD_REQUEST', () => {
    expect(toApiError([{ message: 'x', extensions: { code: 'SOMETHING_NEW' } }]).code).toBe('INTERNAL_SERVER_ERROR');
    expect(toApiError([{ message: 'x' }]).code).toBe('INTERNAL_SERVER_ERROR');
    expect(toApiError([]).code).toBe('INTERNAL_SERVER_ERROR');
    expect(toApiError('nonsense').code).toBe('INTERNAL_SERVER_ERROR');
    expect(toApiError([{ message: 'x', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }]).code).toBe('BAD_REQUEST');
    expect(toApiError([{ message: 'x', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]).code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('readSessionCookie', () => {
  const NOW = Date.parse('2026-11-20T12:00:00Z');

  it('ignores responses that do not touch the session', () => {
    expect(readSessionCookie([], NOW)).toBeUndefined();
    expect(readSessionCookie(['other=1; Path=/'], NOW)).toBeUndefined();
  });

  it('reads a new session verbatim with its lifetime', () => {
    expect(readSessionCookie(['pd_session=abc.DEF-123%3D; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000'], NOW)).toEqual({
      value: 'abc.DEF-123%3D',
      maxAge: 2592000,
    });
    expect(readSessionCookie(['pd_session=tok; Expires=Fri, 20 Nov 2026 13:00:00 GMT'], NOW)).toEqual({
      value: 'tok',
      maxAge: 3600,
    });
    expect(readSessionCookie(['pd_session=tok; Path=/'], NOW)).toEqual({ value: 'tok' });
  });

  it('recognises a cleared session', () => {
    expect(readSessionCookie(['pd_session=; Path=/; Max-Age=0'], NOW)).toEqual({ value: null });
    expect(readSessionCookie(['pd_session=old; Expires=Thu, 01 Jan 1970 00:00:00 GMT'], NOW)).toEqual({ value: null });
  });
});

describe('createApiClient', () => {
  it('posts JSON with the session, language and request id, and returns data', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => jsonResponse({ data: { me: null } }));
    const api = createApiClient({
      url: 'http://api.test:4000/',
      session: 's3cret',
      acceptLanguage: 'de, en;q=0.8',
      requestId: 'req-1',
      clientAddress: '203.0.113.7',
      fetch: fetch as unknown as typeof globalThis.fetch,
    });

    await expect(api.request(MeDocument)).resolves.toEqual({ me: null });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('http://api.test:4000/graphql');
    expect(init?.method).toBe('POST');
    const headers = init?.headers as Record<string, string>;
    expect(headers['content-type']).toBe('application/json');
    expect(headers.cookie).toBe('pd_session=s3cret');
    expect(headers['accept-language']).toBe('de, en;q=0.8');
    expect(headers['x-request-id']).toBe('req-1');
    expect(headers['x-forwarded-for']).toBe('203.0.113.7');
    const body = JSON.parse(String(init?.body));
    expect(body.query).toContain('query Me');
    expect(body.variables).toEqual({});
  });

  it('sends no cookie without a session and passes variables', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => jsonResponse({ data: { question: null } }));
    const api = createApiClient({ url: 'http://api.test', fetch: fetch as unknown as typeof globalThis.fetch });
    await api.request(QuestionPageDocument, { id: '7' });
    const init = fetch.mock.calls[0]![1];
    expect((init?.headers as Record<string, string>).cookie).toBeUndefined();
    expect(JSON.parse(String(init?.body)).variables).toEqual({ id: '7' });
    expect(api.hasSession).toBe(false);
  });

  it('throws a typed ApiError for GraphQL errors, even with HTTP 200', async () => {
    const fetch = async () =>
      jsonResponse({
        data: null,
        errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }],
      });
    const api = createApiClient({ url: 'http://api.test', fetch });
    await expect(api.request(MeDocument)).rejects.toMatchObject({ name: 'ApiError', code: 'UNAUTHENTICATED', status: 401 });
  });

  it('reports an unreachable api or a non-GraphQL answer as UNAVAILABLE', async () => {
    const down = createApiClient({
      url: 'http://api.test',
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await expect(down.request(MeDocument)).rejects.toMatchObject({ code: 'UNAVAILABLE', status: 503 });

    const proxyError = createApiClient({
      url: 'http://api.test',
      fetch: async () => new Response('<html>Bad gateway</html>', { status: 502 }),
    });
    await expect(proxyError.request(MeDocument)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('reports a retryable UNAVAILABLE of the api (its database restarting) as a 503', async () => {
    const restarting = createApiClient({
      url: 'http://api.test',
      fetch: async () =>
        jsonResponse(
          { errors: [{ message: 'The service is temporarily unavailable.', extensions: { code: 'UNAVAILABLE', retryAfterSeconds: 5 } }] },
          { status: 503 },
        ),
    });
    await expect(restarting.request(MeDocument)).rejects.toMatchObject({ code: 'UNAVAILABLE', status: 503 });
  });

  it('mirrors a session the api sets or clears, and uses the new one afterwards', async () => {
    const updates: SessionUpdate[] = [];
    const responses = [
      jsonResponse({ data: { signIn: {} } }, { setCookie: ['pd_session=new-token; Path=/; HttpOnly; Max-Age=60'] }),
      jsonResponse({ data: { me: null } }),
      jsonResponse({ data: { signOut: true } }, { setCookie: ['pd_session=; Path=/; Max-Age=0'] }),
      jsonResponse({ data: { me: null } }),
    ];
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => responses.shift()!);
    const api = createApiClient({
      url: 'http://api.test',
      fetch: fetch as unknown as typeof globalThis.fetch,
      onSession: (update) => updates.push(update),
    });

    await api.request(SignInDocument, { input: { email: 'a@example.com', password: 'x' } });
    await api.request(MeDocument);
    expect((fetch.mock.calls[1]![1]?.headers as Record<string, string>).cookie).toBe('pd_session=new-token');
    await api.request(SignOutDocument);
    await api.request(MeDocument);
    expect((fetch.mock.calls[3]![1]?.headers as Record<string, string>).cookie).toBeUndefined();
    expect(updates).toEqual([{ value: 'new-token', maxAge: 60 }, { value: null }]);
  });

  it('forwards a raw body and hands back status and text', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) =>
      jsonResponse({ errors: [{ message: 'bad' }] }, { status: 400 }),
    );
    const api = createApiClient({ url: 'http://api.test', session: 'abc', fetch: fetch as unknown as typeof globalThis.fetch });
    const forwarded = await api.forward('{"query":"{ me { id } }"}');
    expect(forwarded.status).toBe(400);
    expect(JSON.parse(forwarded.body)).toEqual({ errors: [{ message: 'bad' }] });
    expect(fetch.mock.calls[0]![1]?.body).toBe('{"query":"{ me { id } }"}');
    expect((fetch.mock.calls[0]![1]?.headers as Record<string, string>).cookie).toBe('pd_session=abc');
  });
});

describe('the client over node:http (its default transport)', () => {
  let server: Server;
  let url: string;
  const seen: { headers: IncomingMessage['headers']; body: string }[] = [];
  /** What the next request is answered with. */
  let answer: (res: import('node:http').ServerResponse) => void = (res) => res.end();

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ headers: req.headers, body });
        answer(res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts the query with the session and reads data and every Set-Cookie', async () => {
    answer = (res) => {
      res.setHeader('content-type', 'application/json');
      res.setHeader('set-cookie', ['other=1; Path=/', 'pd_session=renewed; Path=/; HttpOnly; Max-Age=60']);
      res.end(JSON.stringify({ data: { me: null } }));
    };
    const updates: SessionUpdate[] = [];
    const api = createApiClient({ url, session: 's3cret', requestId: 'req-9', onSession: (u) => updates.push(u) });
    await expect(api.request(MeDocument)).resolves.toEqual({ me: null });
    const request = seen.at(-1)!;
    expect(request.headers.cookie).toBe('pd_session=s3cret');
    expect(request.headers['x-request-id']).toBe('req-9');
    expect(JSON.parse(request.body).query).toContain('query Me');
    expect(updates).toEqual([{ value: 'renewed', maxAge: 60 }]);
  });

  it('hands GraphQL errors and non-GraphQL answers on like fetch', async () => {
    answer = (res) =>
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ errors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }] }));
    await expect(createApiClient({ url }).request(MeDocument)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    answer = (res) => res.writeHead(502).end('<html>Bad gateway</html>');
    await expect(createApiClient({ url }).request(MeDocument)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    answer = (res) => res.writeHead(400, { 'content-type': 'application/json' }).end('{"errors":[{"message":"bad"}]}');
    await expect(createApiClient({ url }).forward('{}')).resolves.toEqual({
      status: 400,
      contentType: 'application/json',
      body: '{"errors":[{"message":"bad"}]}',
    });
  });

  it('reports an api that does not answer in time, or cannot be reached, as UNAVAILABLE', async () => {
    answer = () => undefined; // never answers
    await expect(createApiClient({ url, timeoutMs: 100 }).request(MeDocument)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const gone = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(createApiClient({ url: gone }).request(MeDocument)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('answers 204 without a body', async () => {
    answer = (res) => res.writeHead(204).end();
    const response = await httpFetch(url, { method: 'POST', body: '{}' });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });
});
