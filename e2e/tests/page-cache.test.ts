// The anonymous page cache (web/src/lib/server/page-cache.ts): anonymous visitors share rendered
// public pages, validated with ETag / 304. The promise: a change reaches the next anonymous visitor
// at most 1 s after it was committed, at once when it was made through this web server; signed-in
// visitors and responses that set a cookie are never shared; each language has its own copy.
// "At once": a signed-in person's write through this web server empties its cache.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiClient, signedUpClient } from '../support/api.ts';
import { setTrustLevel } from '../support/db.ts';
import { BILLING, INVOICE_TAG } from '../support/demo.ts';
import { startStack, type Stack } from '../support/stack.ts';

/** FRESH_MS in page-cache.ts: how long a render is served before the page is rendered again. */
const FRESH_MS = 1_000;

let stack: Stack;
let member: ApiClient;
let helper: ApiClient;
const memberName = 'Cache Member';
let threadPath: string;

beforeAll(async () => {
  stack = await startStack({ demo: true, name: 'page-cache' });
  member = (await signedUpClient(stack.apiUrl, memberName)).client;
  helper = (await signedUpClient(stack.apiUrl, 'Cache Helper')).client;
  await setTrustLevel(stack.databaseUrl, memberName, 2);
  await setTrustLevel(stack.databaseUrl, 'Cache Helper', 2);
  const question = await member.askQuestion({
    spaceSlug: BILLING.slug,
    title: 'Advance payment changed twice in one month',
    tags: [INVOICE_TAG],
    body: 'My advance payment was raised in May and lowered again a week later. Which amount is right?',
  });
  threadPath = `/questions/${question.id}/${question.slug}`;
});
afterAll(async () => {
  await stack?.stop();
});

const page = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${stack.webUrl}${path}`, { redirect: 'manual', headers: { 'accept-language': 'en', ...headers } });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('anonymous pages are shared and validated', () => {
  test('a thread page carries a strong ETag and short public caching; If-None-Match answers 304', async () => {
    const first = await page(threadPath);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=1, stale-while-revalidate=10');
    expect(first.headers.get('vary')).toContain('Cookie');
    const html = await first.text();

    const second = await page(threadPath, { 'x-request-id': 'page-cache-test-2' });
    expect(second.headers.get('etag')).toBe(etag);
    expect(second.headers.get('x-request-id')).toBe('page-cache-test-2');
    expect(await second.text()).toBe(html);
    // The CSP nonce of the shared copy is the one in its scripts, or the page would not hydrate.
    const nonce = /'nonce-([^']+)'/.exec(second.headers.get('content-security-policy') ?? '')?.[1];
    expect(html).toContain(`nonce="${nonce}"`);

    const revalidated = await page(threadPath, { 'if-none-match': etag! });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('etag')).toBe(etag);
    expect(await revalidated.text()).toBe('');

    // Rendered again after it went stale, an unchanged thread keeps its bytes and ETag.
    await sleep(FRESH_MS + 100);
    const later = await page(threadPath, { 'if-none-match': etag! });
    expect(later.status).toBe(304);
  });

  test('the home page, the question list and a space are shared too; a missing thread is not', async () => {
    for (const path of ['/', '/questions', `/spaces/${BILLING.slug}`]) {
      const response = await page(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toContain('public');
    }
    const missing = await page('/questions/987654321/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control') ?? '').not.toContain('public');
  });
});

describe('changes reach the next visitor', () => {
  test('an answer posted over GraphQL shows within 1 s', async () => {
    const before = await page(threadPath);
    const etag = before.headers.get('etag')!;
    const body = 'The amount on the latest letter counts; the earlier one was withdrawn.';
    await member.answerQuestion(threadPath.split('/')[2]!, body);
    await sleep(FRESH_MS);
    const after = await page(threadPath, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(await after.text()).toContain(body);
  });

  test('an answer posted through the web shows to the very next visitor', async () => {
    await page(threadPath); // cached now
    const body = 'Check the Payments tab: the second change is listed with its date.';
    const posted = await fetch(`${stack.webUrl}${threadPath}?/answer`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: stack.webUrl, cookie: `pd_session=${helper.session}`, accept: 'text/html' },
      body: new URLSearchParams({ body, clientMutationId: `cache-${Date.now()}` }),
    });
    expect(posted.status, await posted.text()).toBe(303);
    expect(await (await page(threadPath)).text()).toContain(body);
  });

  test('a change through the web’s GraphQL relay shows on every page at once', async () => {
    const questions = await (await page('/questions')).text();
    const title = 'Smart meter display stays blank after the update';
    expect(questions).not.toContain(title);
    const asked = await fetch(`${stack.webUrl}/graphql`, {
      method: 'POST',
      headers: { origin: stack.webUrl, cookie: `pd_session=${helper.session}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
        variables: { input: { spaceSlug: BILLING.slug, title, body: 'Since last night the display shows nothing at all.', tags: [] } },
      }),
    });
    expect(((await asked.json()) as { errors?: unknown }).errors).toBeUndefined();
    expect(await (await page('/questions')).text()).toContain(title);
  });
});

describe('what is never shared', () => {
  test('a signed-in visitor gets their own page, not the shared copy', async () => {
    const anonymous = await page(threadPath);
    const etag = anonymous.headers.get('etag')!;
    expect(await anonymous.text()).toContain('viewer:null');
    const signedIn = await page(threadPath, { cookie: `pd_session=${member.session}`, 'if-none-match': etag });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('cache-control') ?? '').not.toContain('public');
    expect(signedIn.headers.get('etag')).not.toBe(etag);
    const html = await signedIn.text();
    expect(html).not.toContain('viewer:null');
    expect(html).toContain(memberName);
  });

  test('a response that sets a cookie is not shared', async () => {
    // An unknown session: the web forgets it with a Set-Cookie and renders the page anonymously.
    const stale = await page(threadPath, { cookie: 'pd_session=no-such-session' });
    expect(stale.status).toBe(200);
    expect(stale.headers.getSetCookie().some((cookie) => cookie.startsWith('pd_session=;'))).toBe(true);
    expect(stale.headers.get('cache-control') ?? '').not.toContain('public');
    const next = await page(threadPath);
    expect(next.headers.getSetCookie()).toEqual([]);
  });

  test('German and English pages are cached apart', async () => {
    const english = await (await page(threadPath)).text();
    const german = await (await page(threadPath, { 'accept-language': 'de-DE,de;q=0.9' })).text();
    const chosenGerman = await (await page(threadPath, { cookie: 'lang=de' })).text();
    const englishAgain = await (await page(threadPath)).text();
    expect(english).toContain('<html lang="en"');
    expect(german).toContain('<html lang="de"');
    expect(chosenGerman).toContain('<html lang="de"');
    expect(englishAgain).toContain('<html lang="en"');
  });
});
