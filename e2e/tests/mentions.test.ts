// @mentions: typing "@" and a name in the answer composer lists people, the keyboard picks one,
// the answer carries a link to their profile, and the person mentioned is told in their inbox.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, PASSWORD, signedUpClient } from '../support/api.ts';
import { openBrowser, type Browser } from '../support/browser.ts';
import { setTrustLevel } from '../support/db.ts';
import { BILLING, demoUsers } from '../support/demo.ts';
import { DEMO_PASSWORD, startStack, type Stack } from '../support/stack.ts';
import { answers, signIn, visit } from '../support/ui.ts';
import { until } from '../support/until.ts';
import { expectNoSidewaysScroll, screenshots } from '../support/page-checks.ts';

let stack: Stack;
const browsers: Browser[] = [];
const screenshot = screenshots('mentions');

beforeAll(async () => {
  stack = await startStack({ demo: true, name: 'mentions' });
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await stack?.stop();
});

test('a mention picked from the composer links the profile and tells the person mentioned', async () => {
  const priya = demoUsers.find((user) => user.key === 'priya')!;
  const heike = demoUsers.find((user) => user.key === 'heike')!;
  const asker = new ApiClient(stack.apiUrl);
  await asker.signIn(priya.email, DEMO_PASSWORD);
  const question = await asker.askQuestion({
    spaceSlug: BILLING.slug,
    title: 'Advance payment raised twice in one year',
    body: 'My monthly advance payment went up in March and again in September. Is that allowed?',
  });

  const { account } = await signedUpClient(stack.apiUrl, 'Mona Mentioner');
  await setTrustLevel(stack.databaseUrl, 'Mona Mentioner', 1);
  const opened = await openBrowser();
  browsers.push(opened);
  const page = opened.page;
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, stack.webUrl, account.email, PASSWORD);
  await visit(page, `${stack.webUrl}/questions/${question.id}`);

  const field = page.getByRole('textbox', { name: 'Your answer' });
  await field.click();
  await field.pressSequentially('Twice is allowed once the prices change. @Hei');
  const picker = page.getByTestId('mention-picker');
  await picker.getByRole('option', { name: '@Heike Brandt' }).waitFor();
  expect(await field.getAttribute('aria-activedescendant')).toMatch(/-person-0$/);
  await screenshot(page, 'picker-390', { fullPage: false });
  await expectNoSidewaysScroll(page);
  await field.press('Enter');
  await picker.waitFor({ state: 'detached' });
  expect(await field.inputValue()).toMatch(/^Twice is allowed once the prices change\. \[@Heike Brandt\]\(\/users\/\d+\) $/);
  await field.pressSequentially('had the same, see her thread.');
  await page.getByRole('button', { name: 'Post your answer' }).click();
  const posted = answers(page).filter({ hasText: 'had the same' });
  await posted.waitFor();
  expect(await posted.getByRole('link', { name: '@Heike Brandt' }).getAttribute('href')).toMatch(/^\/users\/\d+$/);

  const mentioned = new ApiClient(stack.apiUrl);
  await mentioned.signIn(heike.email, DEMO_PASSWORD);
  await until(async () => {
    const data = await mentioned.request<{ notifications: { edges: { node: { kind: string; questionId: string } }[] } }>(
      `query { notifications(first: 10) { edges { node { kind questionId } } } }`,
    );
    return data.notifications.edges.some((e) => e.node.kind === 'MENTION' && e.node.questionId === question.id);
  }, 'Heike to be told of the mention');
});
