// Account basics: a new account works at once with a banner until the address is confirmed through
// the link in a real mail; broken links change nothing; My activity; the account deleted from
// /settings with its password leaves the person signed out and unable to sign in.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, GraphQLRequestError } from '../support/api.ts';
import { openBrowser, type Browser } from '../support/browser.ts';
import { BILLING } from '../support/demo.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { signUp, visit } from '../support/ui.ts';
import { until } from '../support/until.ts';
import { expectNoSidewaysScroll, screenshots } from '../support/page-checks.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';

let stack: Stack;
let smtp: TestSmtp;
const browsers: Browser[] = [];
const screenshot = screenshots('account');

async function browser(): Promise<Page> {
  const opened = await openBrowser();
  browsers.push(opened);
  return opened.page;
}

beforeAll(async () => {
  smtp = await startSmtp();
  stack = await startStack({ demo: true, name: 'account', env: { SMTP_URL: smtp.url, MAIL_DELAY_SECONDS: '0' } });
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await stack?.stop();
  await smtp?.close();
});

test('sign-up: banner until the address is confirmed through the mailed link; broken links change nothing', async () => {
  const page = await browser();
  const person = await signUp(page, stack.webUrl, 'Banner Bea');
  await page.getByTestId('email-banner').waitFor();
  expect(await page.getByTestId('email-banner').innerText()).toContain('Please confirm your e-mail address');

  await until(async () => smtp.mails.some((m) => m.to === person.email), 'the confirmation mail');
  const link = /https?:\/\/[^\s"<>]+\/verify-email\/[\w-]+/.exec(smtp.mails.find((m) => m.to === person.email)!.decoded)![0];
  const path = new URL(link).pathname;

  await visit(page, `${stack.webUrl}${path.slice(0, -3)}xyz`);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.getByTestId('verify-failed').waitFor();
  expect(await page.getByTestId('verify-failed').innerText()).toContain('not valid');
  expect(await page.getByTestId('verify-failed').innerText()).toContain('Nothing was changed.');
  await visit(page, stack.webUrl);
  expect(await page.getByTestId('email-banner').count()).toBe(1);

  await visit(page, `${stack.webUrl}${path}`);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.getByTestId('verify-done').waitFor();
  expect(await page.getByTestId('verify-done').innerText()).toContain('your e-mail address is confirmed');
  await visit(page, stack.webUrl);
  expect(await page.getByTestId('email-banner').count()).toBe(0);

  // The same link again: already used, nothing changes.
  await visit(page, `${stack.webUrl}${path}`);
  await page.getByRole('button', { name: 'Confirm' }).click();
  expect(await page.getByTestId('verify-failed').innerText()).toContain('already used');
});

test('My activity lists my question; deleting the account signs me out for good', async () => {
  const page = await browser();
  const person = await signUp(page, stack.webUrl, 'Leaving Leo');
  await visit(page, `${stack.webUrl}/activity`);
  expect(await page.getByTestId('activity-empty').innerText()).toContain('You have not asked anything yet.');

  const client = new ApiClient(stack.apiUrl);
  await client.signIn(person.email, person.password);
  await client.askQuestion({
    spaceSlug: BILLING.slug,
    title: 'My meter reading was estimated wrongly',
    body: 'The estimate is twice my usual consumption. How do I send the real reading?',
  });
  await visit(page, `${stack.webUrl}/activity`);
  expect(await page.getByTestId('activity-items').innerText()).toContain('My meter reading was estimated wrongly');

  for (const [width, name] of [
    [390, 'settings-390'],
    [1280, 'settings-1280'],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await visit(page, `${stack.webUrl}/settings`);
    await expectNoSidewaysScroll(page);
    await screenshot(page, name);
  }
  await page.emulateMedia({ colorScheme: 'dark' });
  await visit(page, `${stack.webUrl}/activity`);
  await screenshot(page, 'activity-dark-1280');
  await page.emulateMedia({ colorScheme: 'light' });

  await visit(page, `${stack.webUrl}/settings`);
  const form = page.locator('#delete-account');
  expect(await form.innerText()).toContain('deleted user');
  await form.getByLabel('Current password').fill('not the password');
  await form.getByRole('button', { name: 'Delete my account for good' }).click();
  await page.locator('#delete-account [role="alert"]').first().waitFor();
  await form.getByLabel('Current password').fill(person.password);
  await form.getByRole('button', { name: 'Delete my account for good' }).click();
  await page.waitForURL(/\/\?accountDeleted=1$/);
  await page.getByRole('link', { name: 'Sign in' }).first().waitFor({ state: 'attached' });
  await expect(new ApiClient(stack.apiUrl).signIn(person.email, person.password)).rejects.toBeInstanceOf(GraphQLRequestError);
});
