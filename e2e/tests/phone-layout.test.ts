// Every main page, as the person who uses it, fits a 390 px and a 360 px wide phone and a 1280 px
// and 1024 px wide desktop without scrolling sideways, and no element sticks out of the viewport.
// Screenshots at 390 and 1280 px go to e2e/results/phone-layout/ for a look by eye.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient, signedUpClient } from '../support/api.ts';
import { openBrowser, type Browser } from '../support/browser.ts';
import { BILLING, demoUsers } from '../support/demo.ts';
import { DEMO_PASSWORD, resultsDir, startStack, type Stack } from '../support/stack.ts';

let stack: Stack;
let browser: Browser;
const shots = join(resultsDir, 'phone-layout');

type Role = 'visitor' | 'asker' | 'newcomer' | 'agent' | 'moderator' | 'admin';
const sessions = new Map<Role, string | undefined>();
const paths: Record<string, string> = {};

const demo = (role: string) => demoUsers.find((user) => user.role === role)!;
const agentUser = demoUsers.find((user) => user.key === 'miriam')!;

async function demoClient(email: string): Promise<ApiClient> {
  const client = new ApiClient(stack.apiUrl);
  await client.signIn(email, DEMO_PASSWORD);
  return client;
}

/** A long word and a code line, the kind of text that pushed the conversation off the screen. */
const LONG_REPLY = [
  'Thanks, I checked your contract: the Zählerstandsplausibilisierungsverfahren flagged the reading as implausible, so billing estimated it.',
  '',
  '```',
  'GET https://portal.example.test/api/v2/contracts/4711/meter-readings?from=2026-10-01&until=2026-10-31&estimated=true',
  '```',
].join('\n');

beforeAll(async () => {
  stack = await startStack({ demo: true, name: 'phone-layout' });
  const agent = await demoClient(agentUser.email);
  const admin = await demoClient(demo('admin').email);
  const moderator = await demoClient(demo('moderator').email);

  // One of the demo's escalated questions, as its asker, with a private conversation in it.
  const queue = await agent.request<{
    escalationQueue: { edges: { node: { id: string; question: { id: string; slug: string; author: { id: string } } } }[] };
  }>(`{ escalationQueue { edges { node { id question { id slug author { id } } } } } }`);
  const escalation = queue.escalationQueue.edges[0]!.node;
  await agent.request(`mutation ($q: ID!, $b: String!) { openConversation(questionId: $q, body: $b) { id } }`, {
    q: escalation.question.id,
    b: LONG_REPLY,
  });
  const { user: askerAccount } = await admin.request<{ user: { displayName: string } }>(
    `query ($id: ID!) { user(id: $id) { displayName } }`,
    { id: escalation.question.author.id },
  );
  const asker = await demoClient(demoUsers.find((user) => user.displayName === askerAccount.displayName)!.email);

  // A staff draft waiting for four-eyes review.
  const draft = await agent.request<{ saveStaffDraft: { id: string } }>(
    `mutation ($input: SaveStaffDraftInput!) { saveStaffDraft(input: $input) { id } }`,
    {
      input: {
        kind: 'ANSWER',
        questionId: escalation.question.id,
        body: 'You can send the actual reading through the portal; billing then corrects the final invoice within a few days.',
      },
    },
  );

  // A newcomer's first question, held for review.
  const { client: newcomer, account } = await signedUpClient(stack.apiUrl, 'Phone Pia');
  await newcomer.askQuestion({
    spaceSlug: BILLING.slug,
    title: 'Why did my advance payment go up after the meter change?',
    body: 'My monthly advance payment went up by 30 euros after the meter was changed in September. Is that right?',
  });

  sessions.set('visitor', undefined);
  sessions.set('asker', asker.session);
  sessions.set('newcomer', newcomer.session);
  sessions.set('agent', agent.session);
  sessions.set('moderator', moderator.session);
  sessions.set('admin', admin.session);
  paths.thread = `/questions/${escalation.question.id}/${escalation.question.slug}`;
  paths.escalation = `/console/escalations/${escalation.id}`;
  paths.review = `/console/reviews/${draft.saveStaffDraft.id}`;
  paths.profile = `/users/${escalation.question.author.id}`;
  paths.newProfile = `/users/${account.id}`;

  await mkdir(shots, { recursive: true });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function actAs(role: Role): Promise<void> {
  await browser.context.clearCookies();
  const session = sessions.get(role);
  if (session) await browser.context.addCookies([{ name: 'pd_session', value: session, url: stack.webUrl }]);
}

/** What sticks out of the viewport: the page's own width and every element wider than the screen, not clipped by a scroller. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const clipped = (element: Element): boolean => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX !== 'visible' || style.display === 'none') {
          return parent.getBoundingClientRect().right <= width + 1 || style.display === 'none';
        }
      }
      return false;
    };
    const describe = (element: Element) => {
      const classes =
        typeof element.className === 'string' && element.className ? `.${element.className.trim().split(/\s+/).join('.')}` : '';
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      const rect = element.getBoundingClientRect();
      return `${element.tagName.toLowerCase()}${classes} [${Math.round(rect.left)}–${Math.round(rect.right)}] "${text}"`;
    };
    const sticking: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      const rect = element.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) continue; // visually hidden
      const disclosure = element.closest('details:not([open])');
      if (disclosure && !element.closest('summary')) continue; // in a closed disclosure, not shown
      if (rect.right <= width + 1 && rect.left >= -1) continue;
      if (rect.bottom < 0) continue; // the skip link waits above the page
      if (clipped(element)) continue;
      sticking.push(describe(element));
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, sticking: sticking.slice(0, 8) };
  });
}

interface Visit {
  name: string;
  role: Role;
  path: () => string;
}

const pages: Visit[] = [
  { name: 'home', role: 'visitor', path: () => '/' },
  { name: 'thread-asker', role: 'asker', path: () => paths.thread! },
  { name: 'thread-visitor', role: 'visitor', path: () => paths.thread! },
  { name: 'search', role: 'visitor', path: () => '/search?q=invoice' },
  { name: 'profile', role: 'asker', path: () => paths.profile! },
  { name: 'profile-newcomer', role: 'newcomer', path: () => paths.newProfile! },
  { name: 'leaderboard', role: 'visitor', path: () => '/leaderboard' },
  { name: 'team', role: 'visitor', path: () => '/team' },
  { name: 'console', role: 'agent', path: () => '/console' },
  { name: 'escalation', role: 'agent', path: () => paths.escalation! },
  { name: 'review-detail', role: 'moderator', path: () => paths.review! },
  { name: 'review', role: 'moderator', path: () => '/review' },
  { name: 'audit', role: 'admin', path: () => '/audit' },
  { name: 'admin-teams', role: 'admin', path: () => '/admin/teams' },
  { name: 'signin', role: 'visitor', path: () => '/signin' },
  { name: 'signup', role: 'visitor', path: () => '/signup' },
  { name: 'ask', role: 'newcomer', path: () => '/ask' },
];

test('no main page scrolls sideways or sticks out on phones (390, 360 px) or desktops (1280, 1024 px)', async () => {
  const page = browser.page;
  const problems: string[] = [];
  for (const visit of pages) {
    await actAs(visit.role);
    for (const width of [390, 360, 1280, 1024]) {
      await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
      const response = await page.goto(`${stack.webUrl}${visit.path()}`);
      await page.waitForLoadState('networkidle');
      expect(response?.status(), `${visit.name} as ${visit.role}`).toBe(200);
      const result = await overflow(page);
      if (result.scrollWidth > result.innerWidth || result.sticking.length > 0) {
        problems.push(`${visit.name} at ${width} px: ${result.scrollWidth} px wide; ${result.sticking.join('; ')}`);
      }
      if (width === 390 || width === 1280) await screenshots(page, `${visit.name}-${width}`);
    }
  }
  expect(problems).toEqual([]);
});

test('on a phone the first search hit is above the fold, the filters follow the results', async () => {
  const page = browser.page;
  await actAs('visitor');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${stack.webUrl}/search?q=invoice`);
  const firstHit = page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first();
  const box = (await firstHit.boundingBox())!;
  expect(box.y).toBeLessThan(844 - 60);
  await page.getByRole('link', { name: /Filter results/ }).click();
  await page.waitForURL(/#filters$/);
});

test('the header on a phone: "Ask a question" in words, the rest in a menu that opens', async () => {
  const page = browser.page;
  for (const role of ['visitor', 'agent'] as const) {
    await actAs(role);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${stack.webUrl}/`);
    await page.waitForLoadState('networkidle');
    const header = page.getByRole('banner');
    await header.getByRole('link', { name: 'Ask a question' }).getByText('Ask a question').waitFor();
    const menu = header.getByTestId('site-menu');
    await menu.locator('summary').click();
    const links = role === 'visitor' ? ['Leaderboard', 'Sign in', 'Create account'] : ['Leaderboard', 'Console', 'Review', 'Audit log'];
    for (const name of links) expect(await menu.getByRole('link', { name, exact: true }).isVisible(), `${role}: ${name}`).toBe(true);
    const bar = (await header.boundingBox())!;
    expect(bar.height, `${role}: the header stays one row`).toBeLessThan(80);
  }
});

/** The full page in pieces of at most 1,400 px, so each stays readable in an image viewer. */
async function screenshots(page: Page, name: string): Promise<void> {
  const { width, height } = await page.evaluate(() => ({ width: window.innerWidth, height: document.documentElement.scrollHeight }));
  const step = 1400;
  for (let part = 0, y = 0; y < height; part++, y += step) {
    await page.screenshot({
      path: join(shots, `${name}${part === 0 ? '' : `-${part + 1}`}.png`),
      fullPage: true,
      clip: { x: 0, y, width, height: Math.min(step, height - y) },
    });
  }
}
