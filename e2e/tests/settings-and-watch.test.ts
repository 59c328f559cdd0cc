// Following a thread and the account basics: watch and mute a thread with plain form posts (no
// JavaScript), "I have this problem too" counts each person once, signed-out visitors are asked to
// sign in to follow.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, PASSWORD, signedUpClient } from '../support/api.ts';
import { openBrowser, type Browser } from '../support/browser.ts';
import { BILLING, demoUsers } from '../support/demo.ts';
import { DEMO_PASSWORD, startStack, type Stack } from '../support/stack.ts';
import { signIn, textOf, visit } from '../support/ui.ts';
import { expectNoSidewaysScroll, screenshots } from '../support/page-checks.ts';

let stack: Stack;
const browsers: Browser[] = [];
const screenshot = screenshots('watch');

async function browser(javaScriptEnabled = true): Promise<Page> {
  const opened = await openBrowser({ javaScriptEnabled });
  browsers.push(opened);
  return opened.page;
}

beforeAll(async () => {
  stack = await startStack({ demo: true, name: 'settings-and-watch' });
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await stack?.stop();
});

test('a thread is watched and muted without JavaScript; "I have this problem too" counts each person once', async () => {
  const asker = new ApiClient(stack.apiUrl);
  await asker.signIn(demoUsers.find((user) => user.key === 'priya')!.email, DEMO_PASSWORD);
  const question = await asker.askQuestion({
    spaceSlug: BILLING.slug,
    title: 'Direct debit taken twice this month',
    body: 'My bank statement shows the monthly instalment twice in November. Is that a known problem?',
  });
  const path = `${stack.webUrl}/questions/${question.id}`;

  // Signed out: an offer to sign in, no forms.
  const visitor = await browser(false);
  await visit(visitor, path);
  const visitorWatch = visitor.getByTestId('thread-watch');
  expect(await textOf(visitorWatch)).toContain('Sign in to follow');
  expect(await visitorWatch.locator('form').count()).toBe(0);

  // Signed in, without JavaScript: every click is a form post and a redirect back.
  const { account } = await signedUpClient(stack.apiUrl, 'Watcher One');
  const page = await browser(false);
  await signIn(page, stack.webUrl, account.email, PASSWORD);
  await visit(page, path);
  const watch = page.getByTestId('thread-watch');
  await watch.getByRole('button', { name: 'Watch', exact: true }).click();
  await watch.getByRole('button', { name: 'Watching' }).waitFor();
  expect(await watch.getByRole('button', { name: 'Watching' }).getAttribute('aria-pressed')).toBe('true');

  await watch.getByRole('button', { name: 'Mute' }).click();
  await watch.getByRole('button', { name: 'Muted' }).waitFor();
  expect(await watch.getByRole('button', { name: 'Watch', exact: true }).getAttribute('aria-pressed')).toBe('false');

  const affected = watch.getByTestId('affected');
  expect(await textOf(affected)).toBe('I have this problem too (0)');
  await affected.click();
  await watch.getByRole('button', { name: 'I have this problem too (1)' }).waitFor();
  expect(await affected.getAttribute('aria-pressed')).toBe('true');
  // Saying so watches the thread again.
  await watch.getByRole('button', { name: 'Watching' }).waitFor();
  await page.reload();
  expect(await textOf(page.getByTestId('affected'))).toBe('I have this problem too (1)');

  // A second person, with JavaScript: the count rises to 2 in place.
  const second = await signedUpClient(stack.apiUrl, 'Watcher Two');
  const withJs = await browser(true);
  await signIn(withJs, stack.webUrl, second.account.email, PASSWORD);
  await visit(withJs, path);
  await withJs.getByTestId('affected').click();
  await withJs.getByRole('button', { name: 'I have this problem too (2)' }).waitFor();
  await screenshot(withJs, 'thread-1280');
  await withJs.setViewportSize({ width: 390, height: 844 });
  await visit(withJs, path);
  await withJs.getByTestId('thread-watch').scrollIntoViewIfNeeded();
  await screenshot(withJs, 'thread-390');
  await expectNoSidewaysScroll(withJs);

  // The asker sees the count but is not offered to count themselves.
  const askerPage = await browser(true);
  await signIn(askerPage, stack.webUrl, demoUsers.find((user) => user.key === 'priya')!.email, DEMO_PASSWORD);
  await visit(askerPage, path);
  expect(await textOf(askerPage.getByTestId('affected-count'))).toBe('2 people have this problem too');
  expect(await askerPage.getByTestId('affected').count()).toBe(0);
  await visit(visitor, path);
  expect(await textOf(visitor.getByTestId('affected-count'))).toBe('2 people have this problem too');
});

test('settings: the display name changes; signing out of other sessions ends the other browser’s session', async () => {
  const { account } = await signedUpClient(stack.apiUrl, 'Settings Person');
  const page = await browser(true);
  const other = await browser(true);
  await signIn(page, stack.webUrl, account.email, PASSWORD);
  await signIn(other, stack.webUrl, account.email, PASSWORD);

  // From the header's account links.
  const settingsLink = page.locator('header a[href="/settings"]:visible').first();
  if ((await settingsLink.count()) === 0) await page.getByTestId('site-menu').locator('summary').click();
  await settingsLink.click();
  await page.waitForURL(`${stack.webUrl}/settings`);
  await page.getByLabel('Display name').fill('Renamed Person');
  await page.getByRole('button', { name: 'Save' }).first().click();
  await page.getByText('Saved.').waitFor();
  expect(await textOf(page.locator('header .me-name').first())).toBe('Renamed Person');

  // A bad new password is explained at its field.
  // The password form (changing the e-mail and deleting the account ask for the password too).
  const passwordForm = page.locator('form', { has: page.getByRole('button', { name: 'Change password' }) });
  await passwordForm.getByLabel('Current password').fill(PASSWORD);
  await passwordForm.getByLabel('New password').fill('password123');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.locator('#newPassword-error').waitFor();

  await screenshot(page, 'settings-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await visit(page, `${stack.webUrl}/settings`);
  await screenshot(page, 'settings-390');
  await expectNoSidewaysScroll(page);

  await page.getByRole('button', { name: 'Sign out of all other sessions' }).click();
  // Two: the other browser and the api client that created the account.
  await page.getByText('2 other sessions ended.').waitFor();
  await visit(other, `${stack.webUrl}/settings`);
  await other.waitForURL(/\/signin/);
  await visit(page, `${stack.webUrl}/settings`);
  expect(page.url()).toBe(`${stack.webUrl}/settings`);
});
