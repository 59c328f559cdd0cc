// Moderation as people meet it, in real Chromium: a newcomer's first post waits in the review queue
// and is approved; a moderator hides a spam answer and the audit log shows it; staff verify an
// answer and it carries the seal; an expert closes a duplicate.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signedUpClient } from '../support/api.ts';
import { openBrowser, type Browser } from '../support/browser.ts';
import { setTrustLevel, sql } from '../support/db.ts';
import { BILLING, demoUsers, INVOICE_TAG } from '../support/demo.ts';
import { DEMO_PASSWORD, startStack, type Stack } from '../support/stack.ts';
import { answers, ask, questionArticle, signUp, textOf, visit } from '../support/ui.ts';
import type { Page } from 'playwright-core';

let stack: Stack;
const browsers: Browser[] = [];
const open = async (options?: Parameters<typeof openBrowser>[0]) => {
  const browser = await openBrowser(options);
  browsers.push(browser);
  return browser.page;
};
const moderator = demoUsers.find((user) => user.role === 'moderator')!;

async function signIn(page: Page, email: string): Promise<void> {
  await visit(page, `${stack.webUrl}/signin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out', includeHidden: true }).waitFor({ state: 'attached' });
}

/** The review item about the post with this text. */
const reviewItem = (page: Page, text: string) => page.getByRole('article').filter({ hasText: text });

beforeAll(async () => {
  stack = await startStack({ demo: true, name: 'moderation' });
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await stack?.stop();
});

test('a newcomer’s first question waits for review and is published once a moderator approves it', async () => {
  const title = 'Meter reading photo upload fails with an error';
  const body = 'When I upload the photo of my meter reading in the portal, it says "upload failed". What can I do?';
  const newcomer = await open();
  await signUp(newcomer, stack.webUrl, 'Newcomer Nils');
  const questionUrl = await ask(newcomer, stack.webUrl, { space: BILLING.name, title, body, tags: [INVOICE_TAG] });
  // The asker is told what happens and roughly when (issue 15), not just that the post waits.
  await newcomer.getByText('Your post is waiting for a moderator').waitFor();
  expect(await newcomer.getByText('usually within a few hours').count()).toBeGreaterThan(0);

  const visitor = await open({ javaScriptEnabled: false });
  expect((await visitor.goto(questionUrl))!.status()).toBe(404);

  const mod = await open();
  await signIn(mod, moderator.email);
  await visit(mod, `${stack.webUrl}/review`);
  const item = reviewItem(mod, title);
  expect(await textOf(item)).toContain('First post of a newcomer');
  expect(await textOf(item)).toContain('trust level 0');
  await item.getByRole('button', { name: 'Approve' }).click();
  await mod.getByText('Approved and published.').waitFor();
  expect(await reviewItem(mod, title).count()).toBe(0);

  expect((await visitor.goto(questionUrl))!.status()).toBe(200);
  expect(await textOf(questionArticle(visitor))).toContain(body);
});

test('a moderator hides a spam answer from the review queue, and the audit log shows who, what and why', async () => {
  const { client: asker } = await signedUpClient(stack.apiUrl, 'Asking Astrid');
  await setTrustLevel(stack.databaseUrl, 'Asking Astrid', 1);
  const { id: questionId } = await asker.askQuestion({
    spaceSlug: BILLING.slug,
    title: 'Refund for a cancelled contract',
    body: 'I cancelled in March; when is the credit paid out to my account?',
    tags: [],
  });
  const { client: spammer } = await signedUpClient(stack.apiUrl, 'Cheap Watches');
  const spam = 'Best replica watches at example.com, click now for 90% off!!!';
  await spammer.answerQuestion(questionId, spam);

  const mod = await open();
  await signIn(mod, moderator.email);
  await visit(mod, `${stack.webUrl}/review`);
  const item = reviewItem(mod, spam);
  await item.getByLabel('Reason (kept in the audit log)').first().fill('Link spam');
  await item.getByRole('button', { name: 'Hide', exact: true }).click();
  await mod.getByText('Hidden.').waitFor();

  await visit(mod, `${stack.webUrl}/audit?text=link+spam`);
  const row = mod.getByRole('row').filter({ hasText: 'post.hidden' });
  expect(await textOf(row)).toContain(moderator.displayName);
  expect(await textOf(row)).toContain('Link spam');

  const visitor = await open({ javaScriptEnabled: false });
  await visitor.goto(`${stack.webUrl}/questions/${questionId}`);
  expect(await visitor.getByText(spam).count()).toBe(0);
});

test('staff verify an answer and it shows the seal with their name', async () => {
  const thread = demoThreadUrl();
  const mod = await open();
  await signIn(mod, moderator.email);
  await visit(mod, thread);
  const first = answers(mod).first();
  await first.getByRole('button', { name: 'Verify this answer' }).click();
  await mod.getByText('Verified by Fennwatt').first().waitFor();

  const visitor = await open({ javaScriptEnabled: false });
  await visitor.goto(thread);
  const sealed = answers(visitor).filter({ hasText: 'Verified by Fennwatt' });
  expect(await sealed.count()).toBeGreaterThan(0);
  expect(await textOf(sealed.first())).toContain(`confirmed by ${moderator.displayName}`);
});

test('an expert closes a question as a duplicate of another', async () => {
  const expertUser = demoUsers.find((user) => user.role === 'member')!;
  await sql(stack.databaseUrl, `UPDATE users SET trust_level = 3 WHERE email = $1`, [expertUser.email]);
  const { client } = await signedUpClient(stack.apiUrl, 'Double Dora');
  await setTrustLevel(stack.databaseUrl, 'Double Dora', 1);
  const { id: original } = await client.askQuestion({
    spaceSlug: BILLING.slug,
    title: 'Why did my monthly advance payment go up?',
    body: 'My advance payment rose from 80 to 95 euros without notice. Why?',
    tags: [],
  });
  const { id: duplicate } = await client.askQuestion({
    spaceSlug: BILLING.slug,
    title: 'Advance payment increased without notice',
    body: 'The monthly advance went up by 15 euros. Is that allowed without telling me?',
    tags: [],
  });

  const expert = await open();
  await signIn(expert, expertUser.email);
  await visit(expert, `${stack.webUrl}/questions/${duplicate}`);
  await expert.getByText('Close as duplicate', { exact: true }).first().click();
  await expert.getByLabel('Original question').fill(original);
  await expert.getByRole('button', { name: 'Close as duplicate' }).click();
  await expert.getByText('This question was closed as a duplicate of').waitFor();
  expect(await expert.getByRole('link', { name: 'Why did my monthly advance payment go up?' }).count()).toBeGreaterThan(0);
});

function demoThreadUrl(): string {
  return `${stack.webUrl}/questions/1`;
}
