// Reading needs no JavaScript: every page a visitor reads is rendered on the server, including the
// demo community, and the language switch is a plain link that sets a cookie.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api.ts';
import { openBrowser, type Browser } from '../support/browser.ts';
import { BILLING, demoSpaces, demoThreads, demoUserName } from '../support/demo.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { answers, questionArticle, textOf } from '../support/ui.ts';

let stack: Stack;
let browser: Browser;
let page: Page;

// A solved demo thread with more than one answer: the accepted answer must come first.
const thread = demoThreads.find((t) => t.space === BILLING.slug && t.answers.length > 1 && t.answers.some((a) => a.accepted))!;
const demoTitles = new Set(demoThreads.map((t) => t.title));

beforeAll(async () => {
  stack = await startStack({ demo: true, name: 'reading-without-js' });
  browser = await openBrowser({ javaScriptEnabled: false });
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The question titles linked from a list region of the page. */
async function listedTitles(regionName: string): Promise<string[]> {
  const links = page.getByRole('region', { name: regionName }).getByRole('heading', { level: 3 }).getByRole('link');
  return (await links.allTextContents()).map((t) => t.trim());
}

describe('without JavaScript', () => {
  test('the home page lists the demo community’s questions and spaces', async () => {
    await page.goto(`${stack.webUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'How can we help?' }).waitFor();
    const newest = await listedTitles('Newest questions');
    expect(newest.length).toBeGreaterThanOrEqual(5);
    for (const title of newest) expect(demoTitles).toContain(title);
    const spaces = page.getByRole('region', { name: 'Spaces' });
    for (const space of demoSpaces) await spaces.getByRole('link', { name: space.name }).first().waitFor();
  });

  test('a space page lists its questions', async () => {
    await page.goto(`${stack.webUrl}/spaces/${BILLING.slug}`);
    await page.getByRole('heading', { level: 1, name: BILLING.name }).waitFor();
    const titles = (await page.getByRole('heading', { level: 3 }).getByRole('link').allTextContents()).map((t) => t.trim());
    expect(titles.sort()).toEqual(
      demoThreads
        .filter((t) => t.space === BILLING.slug)
        .map((t) => t.title)
        .sort(),
    );
  });

  test('a question page shows the body and the answers, the accepted one first', async () => {
    // Linked from its space page by title.
    await page.goto(`${stack.webUrl}/spaces/${BILLING.slug}`);
    await page.getByRole('link', { name: thread.title, exact: true }).click();
    await page.waitForURL(/\/questions\/\d+\/[\w-]+$/);

    await page.getByRole('heading', { level: 1, name: thread.title }).waitFor();
    const id = /\/questions\/(\d+)/.exec(page.url())![1]!;
    const { question } = await new ApiClient(stack.apiUrl).request<{ question: { excerpt: string } }>(
      `query ($id: ID!) { question(id: $id) { excerpt } }`,
      { id },
    );
    // The excerpt is the body as plain text; compared without whitespace, which markup shifts around.
    const squeeze = (text: string) => text.replace(/\s+/g, '');
    expect(squeeze(await textOf(questionArticle(page)))).toContain(squeeze(question.excerpt).slice(0, 60));
    expect(await textOf(questionArticle(page))).toContain(demoUserName(thread.author));

    expect(await answers(page).count()).toBe(thread.answers.length);
    const accepted = thread.answers.find((a) => a.accepted)!;
    const first = await textOf(answers(page).first());
    expect(first).toContain('Accepted answer');
    expect(first).toContain(demoUserName(accepted.author));
  });

  test('the language switch shows the interface in German and remembers the choice', async () => {
    await page.goto(`${stack.webUrl}/spaces/${BILLING.slug}`);
    await page
      .getByRole('navigation', { name: 'Language' })
      .getByRole('link', { name: /Deutsch/ })
      .click();
    await page.waitForURL(`${stack.webUrl}/spaces/${BILLING.slug}`);
    await page.getByRole('link', { name: 'Frage stellen' }).first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');

    // The cookie keeps German on the next page; switching back works the same way.
    await page.goto(`${stack.webUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Wie können wir helfen?' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Sprache' })
      .getByRole('link', { name: /English/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'How can we help?' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });
});
