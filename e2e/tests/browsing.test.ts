// Browsing as visitors of Discourse or Stack Overflow expect it: /questions with sort links and
// filters, tag pages reached from a tag chip, and the user directory — in Chromium at 390 and
// 1280 px, with screenshots in e2e/results/browsing/ for a look by eye.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api.ts';
import { openBrowser, type Browser } from '../support/browser.ts';
import { demoUsers } from '../support/demo.ts';
import { resultsDir, startStack, type Stack } from '../support/stack.ts';

let stack: Stack;
let browser: Browser;
let api: ApiClient;
const shots = join(resultsDir, 'browsing');

beforeAll(async () => {
  stack = await startStack({ demo: true, name: 'browsing' });
  browser = await openBrowser();
  api = new ApiClient(stack.apiUrl);
  await mkdir(shots, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function open(page: Page, path: string): Promise<void> {
  const response = await page.goto(stack.webUrl + path);
  expect(response?.status(), path).toBe(200);
}

const listedTitles = (page: Page) => page.locator('main article h3 a').allTextContents();

async function apiTitles(sort: string, filter: Record<string, unknown> = {}): Promise<string[]> {
  const data = await api.request<{ questions: { edges: { node: { title: string } }[] } }>(
    `query ($sort: QuestionSort!, $filter: QuestionFilter) { questions(first: 20, sort: $sort, filter: $filter) { edges { node { title } } } }`,
    { sort, filter },
  );
  return data.questions.edges.map((edge) => edge.node.title);
}

test('sort links change the order of /questions, and the filters narrow it', async () => {
  const page = browser.page;
  await open(page, '/questions');
  const newest = await listedTitles(page);
  expect(newest).toEqual(await apiTitles('NEWEST'));
  expect(newest.length).toBeGreaterThan(3);

  await page.getByRole('navigation', { name: 'Sort questions' }).getByRole('link', { name: 'Most votes' }).click();
  await page.waitForURL(/sort=votes/);
  const votes = await listedTitles(page);
  expect(votes).toEqual(await apiTitles('VOTES'));
  expect(votes).not.toEqual(newest);
  await expect.poll(() => page.locator('[aria-current="page"]', { hasText: 'Most votes' }).count()).toBe(1);

  await page.getByRole('link', { name: 'Unanswered' }).click();
  await page.waitForURL(/sort=unanswered/);
  expect(await listedTitles(page)).toEqual(await apiTitles('UNANSWERED'));

  // The filter form is a plain GET form: the sort stays, the status narrows.
  await page.getByRole('link', { name: 'Active' }).click();
  await page.waitForURL(/sort=active/);
  await page.getByLabel('Status').selectOption('solved');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForURL(/status=solved/);
  expect(page.url()).toContain('sort=active');
  expect(await listedTitles(page)).toEqual(await apiTitles('ACTIVE', { status: 'SOLVED' }));
});

test('search results keep their matches and change order with the sort links, kept in the URL', async () => {
  const page = browser.page;
  const searchTitles = async (sort: string) =>
    (
      await api.request<{ search: { edges: { node: { question: { title: string } } }[] } }>(
        `query ($sort: SearchSort!) { search(query: "invoice", first: 20, sort: $sort) { edges { node { question { title } } } } }`,
        { sort },
      )
    ).search.edges.map((edge) => edge.node.question.title);
  await open(page, '/search?q=invoice');
  const hitTitles = () => page.locator('main ol article h3 a').allTextContents();
  const relevance = await hitTitles();
  expect(relevance).toEqual(await searchTitles('RELEVANCE'));
  expect(relevance.length).toBeGreaterThan(2);

  const sorts = page.getByRole('navigation', { name: 'Sort results' });
  await sorts.getByRole('link', { name: 'Newest' }).click();
  await page.waitForURL(/sort=newest/);
  const newest = await hitTitles();
  expect(newest).toEqual(await searchTitles('NEWEST'));
  expect(newest).not.toEqual(relevance);
  expect([...newest].sort()).toEqual([...relevance].sort());
  expect(await sorts.locator('[aria-current="page"]').textContent()).toBe('Newest');

  await sorts.getByRole('link', { name: 'Most votes' }).click();
  await page.waitForURL(/sort=votes/);
  expect(await hitTitles()).toEqual(await searchTitles('VOTES'));
  await page.screenshot({ path: join(shots, 'search-sorted-1280.png'), fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: join(shots, 'search-sorted-390.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('a tag chip leads to the tag page, which lists only that tag’s questions', async () => {
  const page = browser.page;
  await open(page, '/questions');
  const chip = page.locator('main ul.tags a').first();
  const slug = (await chip.textContent())!.trim();
  await chip.click();
  await page.waitForURL(new RegExp(`/tags/${slug}$`));
  await expect.poll(() => page.locator('h1').textContent()).toContain(slug);
  const titles = await listedTitles(page);
  expect(titles.length).toBeGreaterThan(0);
  expect(titles).toEqual(await apiTitles('NEWEST', { tag: slug }));
  for (const item of await page.locator('main article').all()) expect(await item.locator('ul.tags a').allTextContents()).toContain(slug);

  await page.getByRole('link', { name: 'All tags' }).click();
  await page.waitForURL(/\/tags$/);
  await expect.poll(() => page.locator('main a[href$="/tags/' + slug + '"]').count()).toBe(1);
  const missing = await page.goto(`${stack.webUrl}/tags/no-such-tag`);
  expect(missing?.status()).toBe(404);
});

test('the user directory lists people by reputation with their badges, filters by name, and shows no e-mail address', async () => {
  const page = browser.page;
  await open(page, '/users');
  const names = await page.locator('main ul.people li a.name').allTextContents();
  expect(names.length).toBeGreaterThan(5);
  const text = (await page.locator('main').textContent())!;
  for (const user of demoUsers) expect(text).not.toContain(user.email);
  expect(text).not.toContain('@');

  const someone = demoUsers.find((user) => user.role === 'member')!;
  await page.getByLabel('Name').fill(someone.displayName.slice(0, 5));
  await page.getByRole('button', { name: 'Find' }).click();
  await page.waitForURL(/name=/);
  expect(await page.locator('main ul.people li a.name').allTextContents()).toContain(someone.displayName);

  await page.getByLabel('Name').fill('nobody-is-called-this');
  await page.getByRole('button', { name: 'Find' }).click();
  await page.waitForURL(/nobody-is-called-this/);
  await expect.poll(() => page.locator('main').textContent()).toContain('Nobody here has a name containing');
});

/** The page's own width and the elements sticking out of the viewport (not clipped by a scroller). */
function overflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const sticking: string[] = [];
    for (const element of document.body.querySelectorAll('main *, header *')) {
      const rect = element.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1 || element.closest('details:not([open])')) continue;
      if (rect.right > width + 1 || rect.left < -1)
        sticking.push(`${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 30)}"`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, sticking: sticking.slice(0, 5) };
  });
}

test('no browsing page scrolls sideways at 390 px (screenshots at 390 and 1280 px, English and German)', async () => {
  const german = await openBrowser({ locale: 'de-DE' });
  try {
    const problems: string[] = [];
    const visits: [string, string][] = [
      ['questions', '/questions'],
      ['questions-votes-filtered', '/questions?sort=votes&status=open'],
      ['questions-empty', '/questions?tag=no-such-tag'],
      ['tags', '/tags'],
      ['tag', '/tags/invoice?sort=active'],
      ['users', '/users'],
      ['users-empty', '/users?name=nobody-is-called-this'],
    ];
    for (const [lang, page] of [
      ['en', browser.page],
      ['de', german.page],
    ] as const) {
      for (const [name, path] of visits) {
        for (const width of [390, 1280]) {
          await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
          await open(page, path);
          const result = await overflow(page);
          if (result.scrollWidth > result.width || result.sticking.length > 0)
            problems.push(`${lang} ${name} at ${width} px: ${result.scrollWidth} px wide; ${result.sticking.join('; ')}`);
          // The first screen on a phone (what a visitor sees without scrolling), the whole page on a desktop.
          await page.screenshot({ path: join(shots, `${name}-${lang}-${width}.png`), fullPage: width !== 390 });
        }
      }
    }
    expect(problems).toEqual([]);
  } finally {
    await german.close();
    await browser.page.setViewportSize({ width: 1280, height: 900 });
  }
}, 180_000);
