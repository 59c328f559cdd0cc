import { describe, expect, test } from 'vitest';
import { FRESH_MS, isShareable, KEEP_UNCHANGED_MS, matchesEtag, PageCache, pageCacheKey, type RenderedPage } from './page-cache.ts';

const get = (url: string, headers: Record<string, string> = {}) => ({ method: 'GET', url, headers });

describe('pageCacheKey', () => {
  test('anonymous GETs of public pages, keyed by language, time zone and URL', () => {
    expect(pageCacheKey(get('/questions/12/slug'))).toBe('en UTC /questions/12/slug');
    expect(pageCacheKey(get('/questions/12/slug', { 'accept-language': 'de-AT,de;q=0.9' }))).toBe('de UTC /questions/12/slug');
    expect(pageCacheKey(get('/questions/12', { cookie: 'lang=de; pd_tz=Europe%2FBerlin' }))).toBe('de Europe/Berlin /questions/12');
    for (const url of ['/', '/questions', '/questions?sort=new', '/tags', '/tags/invoice', '/spaces/billing'])
      expect(pageCacheKey(get(url)), url).not.toBeNull();
  });

  test('never with a session, for other methods, JSON or private pages', () => {
    expect(pageCacheKey(get('/questions/12/slug', { cookie: 'lang=en; pd_session=abc' }))).toBeNull();
    expect(pageCacheKey({ method: 'POST', url: '/questions/12/slug', headers: {} })).toBeNull();
    expect(pageCacheKey({ method: 'HEAD', url: '/', headers: {} })).toBeNull();
    expect(pageCacheKey(get('/questions/12/slug', { accept: 'application/json' }))).toBeNull();
    for (const url of ['/questions/12/slug/__data.json', '/questions/12/edit/x', '/settings', '/signin', '/notifications', '/graphql'])
      expect(pageCacheKey(get(url)), url).toBeNull();
  });
});

const html = (body: string, nonce = 'n1', headers: RenderedPage['headers'] = {}): RenderedPage => ({
  status: 200,
  headers: {
    'content-type': 'text/html',
    'content-security-policy': `script-src 'self' 'nonce-${nonce}'`,
    'x-request-id': 'r1',
    ...headers,
  },
  body: Buffer.from(body),
});

describe('isShareable', () => {
  test('only complete HTML pages without a cookie or a private marker', () => {
    expect(isShareable(html('<p>ok</p>'))).toBe(true);
    expect(isShareable({ ...html('nope'), status: 404 })).toBe(false);
    expect(isShareable(html('<p>ok</p>', 'n', { 'set-cookie': ['pd_session=; Max-Age=0'] }))).toBe(false);
    expect(isShareable(html('<p>ok</p>', 'n', { 'cache-control': 'private' }))).toBe(false);
    expect(isShareable(html('{}', 'n', { 'content-type': 'application/json' }))).toBe(false);
  });
});

describe('PageCache', () => {
  test('fresh for FRESH_MS, then rendered again', () => {
    let now = 0;
    const cache = new PageCache({ maxBytes: 1_000, now: () => now });
    const entry = cache.store('k', html('<p>a</p>'));
    expect(entry.headers.etag).toBe(entry.etag);
    expect(entry.headers['x-request-id']).toBeUndefined();
    expect(entry.headers['cache-control']).toContain('public');
    now = FRESH_MS - 1;
    expect(cache.fresh('k')).toBe(entry);
    now = FRESH_MS;
    expect(cache.fresh('k')).toBeUndefined();
  });

  test('a render that differs only in nonce, reference time and form keys keeps the first bytes and ETag', () => {
    let now = 0;
    const cache = new PageCache({ maxBytes: 10_000, now: () => now });
    const page = (nonce: string, time: number, id: string) =>
      html(`<script nonce="${nonce}">data:{now:${time},answerMutationId:"${id}"}</script><p>a</p>`, nonce);
    const first = cache.store('k', page('n1', 1796658681639, '045d9774-cba4-4053-a045-5869aa7d2f3e'));
    now = FRESH_MS;
    expect(cache.store('k', page('n2', 1796658682639, '7645e8b1-67ea-4c64-9db3-d6920b1c0d11'))).toBe(first);
    expect(cache.fresh('k')).toBe(first);

    now = 2 * FRESH_MS;
    const changed = cache.store('k', html('<p>b</p>', 'n3'));
    expect(changed.etag).not.toBe(first.etag);
    now = KEEP_UNCHANGED_MS + 3 * FRESH_MS;
    const renewed = cache.store('k', html('<p>b</p>', 'n4'));
    expect(renewed).not.toBe(changed);
    expect(renewed.renderedAt).toBe(now);
  });

  test('bounded by bytes, least recently used first out', () => {
    const cache = new PageCache({ maxBytes: 30 });
    cache.store('a', html('x'.repeat(10)));
    cache.store('b', html('x'.repeat(10)));
    cache.store('c', html('x'.repeat(10)));
    cache.fresh('a');
    cache.store('d', html('x'.repeat(10)));
    expect(cache.fresh('b')).toBeUndefined();
    expect(cache.fresh('a')).toBeDefined();
    expect(cache.usedBytes).toBe(30);
    cache.store('huge', html('x'.repeat(31)));
    expect(cache.fresh('huge')).toBeUndefined();
    expect(cache.size).toBe(3);
  });

  test('clear empties it', () => {
    const cache = new PageCache({ maxBytes: 1_000 });
    cache.store('a', html('<p>a</p>'));
    cache.clear();
    expect(cache.fresh('a')).toBeUndefined();
    expect(cache.usedBytes).toBe(0);
  });
});

test('matchesEtag', () => {
  expect(matchesEtag('"a", "b"', '"b"')).toBe(true);
  expect(matchesEtag('W/"b"', '"b"')).toBe(true);
  expect(matchesEtag('*', '"b"')).toBe(true);
  expect(matchesEtag('"a"', '"b"')).toBe(false);
  expect(matchesEtag(undefined, '"b"')).toBe(false);
});
