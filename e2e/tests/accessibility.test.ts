// Accessibility: axe-core on every public page and the main staff pages, in English and German,
// light and dark, as the person who uses the page: no serious or critical violation. A second test
// takes dark-mode screenshots at 390 and 1280 px into e2e/results/dark/ for a look by eye.
//
// axe is run with page.evaluate (the DevTools protocol), not a <script> tag: the web's CSP allows only
// scripts with its nonce, and evaluate is not subject to it. No axe rule is excluded.
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api.ts';
import { openBrowser, type Browser } from '../support/browser.ts';
import { BILLING, demoUsers } from '../support/demo.ts';
import { DEMO_PASSWORD, resultsDir, startStack, type Stack } from '../support/stack.ts';

let stack: Stack;
let browser: Browser;
let axeSource: string;
const shots = join(resultsDir, 'dark');

type Role = 'visitor' | 'member' | 'agent' | 'moderator' | 'admin';
const sessions = new Map<Role, string | undefined>();
const paths: Record<string, string> = {};

const demo = (role: string) => demoUsers.find((user) => user.role === role)!;

async function demoClient(email: string): Promise<ApiClient> {
  const client = new ApiClient(stack.apiUrl);
  await client.signIn(email, DEMO_PASSWORD);
  return client;
}

beforeAll(async () => {
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  stack = await startStack({ demo: true, name: 'accessibility' });
  const agent = await demoClient(demo('agent').email);
  const queue = await agent.request<{
    escalationQueue: { edges: { node: { id: string; question: { id: string; slug: string } } }[] };
  }>(`{ escalationQueue { edges { node { id question { id slug } } } } }`);
  const escalation = queue.escalationQueue.edges[0]!.node;
  paths.thread = `/questions/${escalation.question.id}/${escalation.question.slug}`;
  paths.escalation = `/console/escalations/${escalation.id}`;

  sessions.set('visitor', undefined);
  sessions.set('member', (await demoClient(demo('member').email)).session);
  sessions.set('agent', agent.session);
  sessions.set('moderator', (await demoClient(demo('moderator').email)).session);
  sessions.set('admin', (await demoClient(demo('admin').email)).session);

  await mkdir(shots, { recursive: true });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

interface Visit {
  name: string;
  role: Role;
  path: () => string;
}

const pages: Visit[] = [
  { name: 'home', role: 'visitor', path: () => '/' },
  { name: 'thread', role: 'visitor', path: () => paths.thread! },
  { name: 'thread-member', role: 'member', path: () => paths.thread! },
  { name: 'search', role: 'visitor', path: () => '/search?q=invoice' },
  { name: 'questions', role: 'visitor', path: () => '/questions' },
  { name: 'tags', role: 'visitor', path: () => '/tags' },
  { name: 'users', role: 'visitor', path: () => '/users' },
  { name: 'leaderboard', role: 'visitor', path: () => '/leaderboard' },
  { name: 'team', role: 'visitor', path: () => '/team' },
  { name: 'imprint', role: 'visitor', path: () => '/imprint' },
  { name: 'privacy', role: 'visitor', path: () => '/privacy' },
  { name: 'signin', role: 'visitor', path: () => '/signin' },
  { name: 'signup', role: 'visitor', path: () => '/signup' },
  { name: 'ask', role: 'member', path: () => '/ask' },
  { name: 'console', role: 'agent', path: () => '/console' },
  { name: 'escalation', role: 'agent', path: () => paths.escalation! },
  { name: 'insights', role: 'admin', path: () => '/console/insights' },
  { name: 'review', role: 'moderator', path: () => '/review' },
  { name: 'audit', role: 'admin', path: () => '/audit' },
  { name: 'admin-teams', role: 'admin', path: () => '/admin/teams' },
  { name: 'notifications', role: 'member', path: () => '/notifications' },
  { name: 'settings', role: 'member', path: () => '/settings' },
  { name: 'activity', role: 'member', path: () => '/activity' },
  { name: 'space', role: 'member', path: () => `/spaces/${BILLING.slug}` },
  { name: 'revisions', role: 'visitor', path: () => `${paths.thread!.replace(/\/[^/]+$/, '')}/revisions` },
  { name: 'alerts', role: 'agent', path: () => '/console/alerts' },
];

async function visit(page: Page, target: Visit, locale: 'en' | 'de', colorScheme: 'light' | 'dark'): Promise<void> {
  await browser.context.clearCookies();
  const session = sessions.get(target.role);
  const cookies: { name: string; value: string; url: string }[] = [{ name: 'lang', value: locale, url: stack.webUrl }];
  if (session) cookies.push({ name: 'pd_session', value: session, url: stack.webUrl });
  await browser.context.addCookies(cookies);
  await page.emulateMedia({ colorScheme });
  const response = await page.goto(`${stack.webUrl}${target.path()}`);
  await page.waitForLoadState('networkidle');
  expect(response?.status(), `${target.name} as ${target.role}`).toBe(200);
}

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** axe-core's serious and critical violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
    }
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact!,
        help: violation.help,
        nodes: violation.nodes
          .slice(0, 5)
          .map((node) => `${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`),
      }));
  });
}

test('no serious or critical axe violation on any main page, in English and German, light and dark', async () => {
  const page = browser.page;
  await page.setViewportSize({ width: 1280, height: 900 });
  // axe really runs and reports: an image without a text alternative is a critical violation.
  await visit(page, pages[0]!, 'en', 'light');
  await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('img'), { src: '/favicon.svg' })));
  expect((await seriousViolations(page)).map((violation) => violation.id)).toContain('image-alt');

  const problems: string[] = [];
  for (const target of pages) {
    for (const locale of ['en', 'de'] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        await visit(page, target, locale, colorScheme);
        for (const violation of await seriousViolations(page)) {
          problems.push(
            `${target.name} (${locale}, ${colorScheme}): ${violation.id} [${violation.impact}] ${violation.help}\n    ${violation.nodes.join('\n    ')}`,
          );
        }
      }
    }
  }
  expect(problems.join('\n')).toBe('');
});

test('dark mode follows the system: dark page, form fields and code blocks; screenshots at 390 and 1280 px', async () => {
  const page = browser.page;
  /** Relative luminance (0 black … 1 white) of a computed CSS colour. */
  const luminance = (page: Page, selector: string, property: 'backgroundColor' | 'color') =>
    page.evaluate(
      ([selector, property]) => {
        const element = document.querySelector(selector!);
        if (!element) return null;
        const [r, g, b] = (getComputedStyle(element)[property as 'color'].match(/[\d.]+/g) ?? []).map(Number);
        const channel = (value: number) => (value / 255 <= 0.03928 ? value / 255 / 12.92 : ((value / 255 + 0.055) / 1.055) ** 2.4);
        return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
      },
      [selector, property],
    );
  for (const target of pages) {
    await visit(page, target, 'en', 'dark');
    expect(await luminance(page, 'body', 'backgroundColor'), `${target.name}: dark background`).toBeLessThan(0.05);
    expect(await luminance(page, 'body', 'color'), `${target.name}: light text`).toBeGreaterThan(0.6);
    for (const field of ['input.input', 'textarea', 'select']) {
      const value = await luminance(page, field, 'backgroundColor');
      if (value !== null) expect(value, `${target.name}: ${field} is dark`).toBeLessThan(0.05);
    }
    const code = await luminance(page, '.prose pre', 'backgroundColor');
    if (code !== null) expect(code, `${target.name}: code block is dark`).toBeLessThan(0.05);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.screenshot({ path: join(shots, `${target.name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  // The same pages stay light for light systems: the calm light look is unchanged.
  await visit(page, pages[0]!, 'en', 'light');
  expect(await luminance(page, 'body', 'backgroundColor')).toBeGreaterThan(0.85);
});
