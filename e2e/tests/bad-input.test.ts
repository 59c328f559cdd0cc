// Bad input gets an answer, never a half-written record: the server-side form actions are exercised
// with JavaScript off, so no client-side check can hide a server bug.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient, type Account } from '../support/api.ts';
import { openBrowser, type Browser } from '../support/browser.ts';
import { BILLING, INVOICE_TAG } from '../support/demo.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { fillAskForm, signUp, submitQuestion, textOf, type Person } from '../support/ui.ts';
import { setTrustLevel } from '../support/db.ts';

let stack: Stack;
const browsers: Browser[] = [];
let page: Page;
let person: Person;
let account: Account;

beforeAll(async () => {
  stack = await startStack({ demo: true, name: 'bad-input' });
  const browser = await openBrowser({ javaScriptEnabled: false });
  browsers.push(browser);
  page = browser.page;
  person = await signUp(page, stack.webUrl, 'Careful Carla');
  await setTrustLevel(stack.databaseUrl, 'Careful Carla', 1);
  account = await new ApiClient(stack.apiUrl).signIn(person.email, person.password);
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await stack?.stop();
});

/** Everything this person has asked, straight from the api. */
async function questionsOfPerson(): Promise<{ id: string; title: string }[]> {
  return new ApiClient(stack.apiUrl).questions({ authorId: account.id });
}

const body = 'The invoice for October lists the base fee twice. Is that a pro-rated month or a mistake?';

describe('without JavaScript', () => {
  test('asking with an empty title shows a field error, keeps the input and creates nothing', async () => {
    await page.goto(`${stack.webUrl}/ask`);
    // Blanks pass the browser's own checks (required, minlength) and are empty once trimmed.
    await fillAskForm(page, { space: BILLING.name, title: ' '.repeat(12), body, tags: [INVOICE_TAG] });
    await submitQuestion(page);

    await page.getByRole('alert').filter({ hasText: 'Please correct the marked fields.' }).waitFor();
    const title = page.getByLabel('Title', { exact: true });
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await title.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-error'))!;
    expect(await textOf(page.locator(`[id="${errorId}"]`))).toBe('This field is required.');
    // What was typed is still there.
    expect(await page.getByRole('textbox', { name: 'Details' }).inputValue()).toBe(body);
    expect(await page.getByLabel('Space', { exact: true }).inputValue()).toBe(BILLING.slug);
    expect(await page.getByRole('checkbox', { name: INVOICE_TAG, exact: true }).isChecked()).toBe(true);

    expect(await questionsOfPerson()).toEqual([]);
  });

  test('sending the same ask form twice creates one question', async () => {
    const title = 'Base fee listed twice on the October invoice';
    await page.goto(`${stack.webUrl}/ask`);
    await fillAskForm(page, { space: BILLING.name, title, body, tags: [INVOICE_TAG] });
    const clientMutationId = await page.locator('input[name="clientMutationId"]').inputValue();
    expect(clientMutationId).not.toBe('');
    const askAction = new URL('?/ask', page.url()).href;
    await submitQuestion(page);
    await page.waitForURL(/\/questions\/\d+\/[\w-]+$/);
    const questionUrl = page.url();

    // The same form data again, with the same hidden key, as a reload or a double click sends it.
    const replay = await page.request.post(askAction, {
      form: { spaceSlug: BILLING.slug, title, body, tags: INVOICE_TAG, clientMutationId },
      headers: { origin: stack.webUrl, accept: 'text/html' },
      maxRedirects: 0,
    });
    expect(replay.status()).toBe(303);
    expect(new URL(replay.headers().location!, stack.webUrl).href).toBe(questionUrl);

    const asked = await questionsOfPerson();
    expect(asked.map((q) => q.title)).toEqual([title]);
  });

  test('signing in with a wrong password shows one generic error', async () => {
    const visitor = await openBrowser({ javaScriptEnabled: false });
    browsers.push(visitor);
    const form = visitor.page.locator('main form');
    /** Everything the sign-in form says after a failed attempt. */
    const attempt = async (email: string) => {
      await visitor.page.goto(`${stack.webUrl}/signin`);
      await visitor.page.getByLabel('Email').fill(email);
      await visitor.page.getByLabel('Password').fill('not-the-right-password-1');
      await visitor.page.getByRole('button', { name: 'Sign in' }).click();
      await form.getByRole('alert').waitFor();
      return textOf(form);
    };

    const wrongPassword = await attempt(person.email);
    expect(await textOf(form.getByRole('alert'))).toBe('Email or password is incorrect.');
    // An unknown address gets the very same answer, so nobody can probe for accounts.
    expect(await attempt('nobody-here@e2e.peerdesk.test')).toBe(wrongPassword);
    expect(await visitor.page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    expect(await visitor.page.getByLabel('Email').inputValue()).toBe('nobody-here@e2e.peerdesk.test');
  });
});
