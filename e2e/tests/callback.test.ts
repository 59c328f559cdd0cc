// A call back as people meet it, in real Chromium: the customer asks for one with their phone
// number in the private conversation; the agent sees the number in the console, picks a time inside
// the window; the customer sees it scheduled (in their time) and is told; the agent marks it done.
// The number never shows on the public page. Both pages are checked at phone and desktop width.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient } from '../support/api.ts';
import { openBrowser, type Browser } from '../support/browser.ts';
import { BILLING, demoUsers } from '../support/demo.ts';
import { DEMO_PASSWORD, resultsDir, startStack, type Stack } from '../support/stack.ts';
import { signIn, textOf, visit } from '../support/ui.ts';
import { until } from '../support/until.ts';

let stack: Stack;
const browsers: Browser[] = [];
const open = async (options?: Parameters<typeof openBrowser>[0]) => {
  const browser = await openBrowser(options);
  browsers.push(browser);
  return browser.page;
};
const PHONE = '+49 30 9876-5432';
const INBOX = `query { notifications(first: 50) { edges { node { kind questionId } } } }`;

const conversation = (page: Page) => page.getByTestId('private-conversation');
const callbackState = (page: Page) => conversation(page).getByTestId('callback-state');

/** Checks the page at phone and desktop width: no sideways scroll, and a screenshot to look at. */
async function checkWidths(page: Page, name: string): Promise<void> {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await conversation(page).scrollIntoViewIfNeeded();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      `${name} at ${width}`,
    ).toBe(0);
    await page.screenshot({ path: join(resultsDir, `callback-${name}-${width}.png`), fullPage: false });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(async () => {
  stack = await startStack({ demo: true, name: 'callback' });
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await stack?.stop();
});

test('the customer asks for a call back with their number, the agent schedules it, the customer is told, the agent marks it done', async () => {
  const priya = demoUsers.find((user) => user.key === 'priya')!;
  const agent = demoUsers.find((user) => user.key === 'miriam')!;
  const asker = new ApiClient(stack.apiUrl);
  await asker.signIn(priya.email, DEMO_PASSWORD);
  const question = await asker.askQuestion({
    spaceSlug: BILLING.slug,
    title: 'My advance payment doubled without any notice',
    body: 'Since this month my advance payment is twice as high and nobody told me why. Can someone explain?',
  });
  const { escalateQuestion } = await asker.request<{ escalateQuestion: { id: string } }>(
    `mutation ($input: EscalateQuestionInput!) { escalateQuestion(input: $input) { id } }`,
    { input: { questionId: question.id, privateDetails: 'My contract number is 2024-77.' } },
  );
  const questionUrl = `${stack.webUrl}/questions/${question.id}/${question.slug}`;
  const escalationUrl = `${stack.webUrl}/console/escalations/${escalateQuestion.id}`;

  // The customer asks to be called back tomorrow between 10:00 and 11:30 their time.
  const customer = await open();
  await signIn(customer, stack.webUrl, priya.email, DEMO_PASSWORD);
  await visit(customer, questionUrl);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await conversation(customer).getByText('Request a call back').first().click();
  await customer.getByLabel('Earliest').fill(`${tomorrow}T10:00`);
  await customer.getByLabel('Latest').fill(`${tomorrow}T11:30`);
  await customer.getByLabel('Phone number').fill('call me');
  await customer.getByRole('button', { name: 'Request a call back' }).click();
  await conversation(customer).getByText('Use only digits, spaces, +, - and ( )').waitFor();
  await customer.getByLabel('Phone number').fill(PHONE);
  await customer.getByRole('button', { name: 'Request a call back' }).click();
  await callbackState(customer).getByText('Waiting for a time from our staff.').waitFor();

  // The agent sees the number as a link to call and schedules 10:30 inside the window.
  const desk = await open();
  await signIn(desk, stack.webUrl, agent.email, DEMO_PASSWORD);
  await visit(desk, escalationUrl);
  const phoneLink = callbackState(desk).getByTestId('callback-phone');
  expect(await phoneLink.getAttribute('href')).toBe('tel:+493098765432');
  expect(await textOf(phoneLink)).toContain(PHONE);
  await callbackState(desk)
    .getByLabel(/Call at/)
    .fill(`${tomorrow}T10:30`);
  await callbackState(desk).getByRole('button', { name: 'Schedule call back' }).click();
  await callbackState(desk)
    .getByText(/Call back scheduled for .*10:30/)
    .waitFor();
  await checkWidths(desk, 'console');

  // The customer sees the time in their own zone and hears of it in the inbox.
  await until(async () => {
    const data = await asker.request<{ notifications: { edges: { node: { kind: string; questionId: string | null } }[] } }>(INBOX);
    return data.notifications.edges.some((e) => e.node.kind === 'CALLBACK_SCHEDULED' && e.node.questionId === question.id);
  }, 'the asker to hear the call back was scheduled');
  await visit(customer, `${stack.webUrl}/notifications`);
  await customer.getByText('Call back scheduled').first().waitFor();
  await visit(customer, questionUrl);
  expect(await textOf(callbackState(customer))).toMatch(/Call back scheduled for .*10:30.*\(your time\)/);
  await checkWidths(customer, 'thread');

  // The agent marks it done; the customer sees so, and no one else ever sees the number.
  await callbackState(desk).getByRole('button', { name: 'Mark call back done' }).click();
  await callbackState(desk).getByText('Call back done.').waitFor();
  await visit(customer, questionUrl);
  await callbackState(customer).getByText('Call back done.').waitFor();
  await until(async () => {
    const data = await asker.request<{ notifications: { edges: { node: { kind: string } }[] } }>(INBOX);
    return data.notifications.edges.some((e) => e.node.kind === 'CALLBACK_DONE');
  }, 'the asker to hear the call back is done');

  const visitor = await open({ javaScriptEnabled: false });
  await visitor.goto(questionUrl);
  expect(await textOf(visitor.locator('body'))).not.toContain('9876');
});
