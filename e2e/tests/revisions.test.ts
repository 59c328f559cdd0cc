// Revision history as a member uses it: edit a question in the web app, follow "edited once ·
// history" and read the word diff (added words in <ins>, removed ones in <del>, announced to screen
// readers), server-drawn so it works without JavaScript; a phone shows it without sideways scrolling.
// Screenshots in e2e/results/revisions/ (390 px light and dark, 1280 px) for a look by eye.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openBrowser, type Browser } from '../support/browser.ts';
import { BILLING, demoUsers } from '../support/demo.ts';
import { DEMO_PASSWORD, resultsDir, startStack, type Stack } from '../support/stack.ts';
import { ask, questionArticle, signIn, textOf, visit } from '../support/ui.ts';

let stack: Stack;
let browser: Browser;
const shots = join(resultsDir, 'revisions');
const member = demoUsers.find((user) => user.key === 'priya')!;

beforeAll(async () => {
  stack = await startStack({ demo: true, name: 'revisions' });
  browser = await openBrowser();
  await mkdir(shots, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

test('an edited question links to its history, which shows the words that changed', async () => {
  const page = browser.page;
  await signIn(page, stack.webUrl, member.email, DEMO_PASSWORD);
  await ask(page, stack.webUrl, {
    space: BILLING.name,
    title: 'Meter reading upload fails in the app',
    body: 'The upload of my meter reading spins forever since the last update.\n\nI restarted the phone twice.',
  });

  await questionArticle(page).getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Meter reading upload fails in the Android app');
  await page
    .getByRole('textbox', { name: 'Details' })
    .fill('The upload of my meter reading stops at 90 % since the last update.\n\nI restarted the phone twice.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForURL(/meter-reading-upload-fails-in-the-android-app$/);

  await questionArticle(page).getByRole('link', { name: 'edited once · history' }).click();
  await page.waitForURL(/\/questions\/\d+\/revisions$/);
  await page.getByRole('heading', { level: 1, name: 'History of the question' }).waitFor();

  const versions = page.getByRole('list', { name: 'Versions' }).getByRole('listitem');
  expect(await versions.count()).toBe(2);
  const latest = versions.first();
  expect(await textOf(latest.getByRole('heading', { level: 2 }))).toBe('Version 2');
  const marked = async (selector: string) => (await latest.locator(selector).allTextContents()).map((text) => text.replace(/\s+/g, ' '));
  expect(await marked('ins')).toEqual(['Added: Android (end)', 'Added: stops at 90 % (end)']);
  expect(await marked('del')).toEqual(['Removed: spins forever (end)']);
  expect(await textOf(versions.nth(1).getByRole('heading', { level: 2 }))).toBe('Version 1 · Original');
  expect(await versions.nth(1).locator('ins, del').count()).toBe(0);
  await page.screenshot({ path: join(shots, 'history-1280.png'), fullPage: true });

  // Drawn on the server: an anonymous visitor without JavaScript gets the same diff in the HTML.
  const html = await (await fetch(page.url())).text();
  expect(html).toMatch(/<del[^>]*>.*?spins forever/s);
  expect(html).toMatch(/<ins[^>]*>.*?stops at 90 %/s);

  await page.setViewportSize({ width: 390, height: 844 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await visit(page, page.url());
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `sideways scroll at 390 px (${scheme})`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(shots, `history-390-${scheme}.png`), fullPage: true });
  }
});
