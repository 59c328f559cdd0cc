// Security headers on every kind of web response, and pages that still work under their
// Content-Security-Policy in a real browser: hydration, a form, live updates, no violation.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiClient } from '../support/api.ts';
import { openBrowser, type Browser } from '../support/browser.ts';
import { BILLING, demoUsers } from '../support/demo.ts';
import { DEMO_PASSWORD, startStack, type Stack } from '../support/stack.ts';
import { answers, signIn, visit } from '../support/ui.ts';

let stack: Stack;
const browsers: Browser[] = [];

beforeAll(async () => {
  stack = await startStack({ demo: true, name: 'security-headers' });
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await stack?.stop();
});

/** A header value as a map of directive name to sources. */
function parseCsp(value: string | null): Map<string, string[]> {
  return new Map(
    (value ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function expectSecurityHeaders(what: string, response: Response): void {
  const csp = parseCsp(response.headers.get('content-security-policy'));
  expect(csp.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(csp.get('object-src'), what).toEqual(["'none'"]);
  expect(csp.get('script-src'), what).toContain("'self'");
  expect(csp.get('script-src'), what).not.toContain("'unsafe-inline'");
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(response.headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  // PUBLIC_URL is plain http here: no HSTS (the https case is a unit test of the web).
  expect(response.headers.get('strict-transport-security'), what).toBeNull();
}

describe('every kind of response carries the security headers', () => {
  const get = (path: string) => fetch(`${stack.webUrl}${path}`, { redirect: 'manual' });
  const postForm = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${stack.webUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: stack.webUrl, ...headers },
      body: new URLSearchParams(fields),
    });

  test('pages, with a nonce for their inline scripts', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expectSecurityHeaders('home page', response);
    const csp = parseCsp(response.headers.get('content-security-policy'));
    const nonce = csp.get('script-src')!.find((source) => source.startsWith("'nonce-"));
    expect(nonce).toBeDefined();
    const html = await response.text();
    // Every inline script of the page carries the nonce.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce!.slice(7, -1)}"`);
  });

  test('error pages', async () => {
    for (const path of ['/no-such-page', '/questions/999999999']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
      expectSecurityHeaders(path, response);
    }
  });

  test('form actions, as a page (no JavaScript) and as data (enhanced form)', async () => {
    const fields = { email: 'nobody@example.invalid', password: 'wrong-password-123', redirectTo: '/' };
    const page = await postForm('/signin', fields);
    expect(page.status).toBe(400);
    expectSecurityHeaders('form page', page);
    const data = await postForm('/signin', fields, { accept: 'application/json', 'x-sveltekit-action': 'true' });
    expect(data.headers.get('content-type')).toMatch(/^application\/json/);
    expectSecurityHeaders('form data', data);
  });

  test('redirects, which never lead to another host', async () => {
    for (const target of ['/.//evil.example/x', '//evil.example/x', '/%2f%2fevil.example', '/\\evil.example']) {
      const response = await get(`/lang/en?redirectTo=${encodeURIComponent(target)}`);
      expect(response.status, target).toBe(303);
      expect(response.headers.get('location'), target).toBe('/');
      expectSecurityHeaders(`redirect to ${target}`, response);
    }
  });

  test('the GraphQL relay and static files', async () => {
    const graphql = await fetch(`${stack.webUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: stack.webUrl },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(graphql.status).toBe(200);
    expectSecurityHeaders('graphql', graphql);
    const asset = await get('/favicon.svg');
    expect(asset.status).toBe(200);
    expectSecurityHeaders('favicon', asset);
  });
});

test('pages hydrate, forms and live updates work under the policy, and nothing is blocked', async () => {
  const demo = demoUsers.find((user) => user.key === 'priya')!;
  const helper = new ApiClient(stack.apiUrl);
  await helper.signIn(demoUsers.find((user) => user.key === 'heike')!.email, DEMO_PASSWORD);

  const browser = await openBrowser();
  browsers.push(browser);
  const { page, context } = browser;
  // Collected in every document the browser opens (init scripts are not subject to the page's CSP).
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /content security policy|refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

  // A form, enhanced by JavaScript once the page has hydrated.
  await signIn(page, stack.webUrl, demo.email, DEMO_PASSWORD);
  expect(await violations()).toEqual([]);

  const asker = new ApiClient(stack.apiUrl);
  await asker.signIn(demo.email, DEMO_PASSWORD);
  const question = await asker.askQuestion({
    spaceSlug: BILLING.slug,
    title: 'Standing order for the advance payment bounced',
    body: 'My bank returned the standing order for this month. Do I need to pay the advance another way now?',
  });
  const acknowledged = new Promise<void>((resolve) =>
    page.on('websocket', (socket) =>
      socket.on('framereceived', (frame) => {
        if (String(frame.payload).includes('connection_ack')) resolve();
      }),
    ),
  );
  await visit(page, `${stack.webUrl}/questions/${question.id}`);
  await acknowledged;
  await new Promise((resolve) => setTimeout(resolve, 300));
  await helper.answerQuestion(question.id, 'Transfer the amount once by hand; the standing order is retried next month.');
  const notice = page.getByRole('status').filter({ hasText: '1 new reply since you opened this page' });
  await notice.waitFor({ timeout: 10_000 });
  await notice.getByRole('button', { name: 'Show' }).click();
  await answers(page).first().waitFor();

  expect(await violations()).toEqual([]);
  expect(problems).toEqual([]);

  // The policy is enforced and the watch above sees what it blocks: an injected inline script is refused.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.body.append(script);
  });
  await expect.poll(violations).toEqual([expect.stringMatching(/^script-src/)]);
  expect(await page.evaluate(() => 'injected' in window)).toBe(false);
});
