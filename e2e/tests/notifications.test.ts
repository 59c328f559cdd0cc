// Hearing back: a customer asks, someone answers, and the asker's header counts it live; the inbox
// groups what happened and leads straight to the answer; the e-mail arrives in a real SMTP server
// with a working link and one-click unsubscribe. Nobody is told of a draft or of a private message
// they may not see.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient } from '../support/api.ts';
import { openBrowser, type Browser } from '../support/browser.ts';
import { BILLING, demoUsers } from '../support/demo.ts';
import { DEMO_PASSWORD, startStack, type Stack } from '../support/stack.ts';
import { signIn, visit } from '../support/ui.ts';
import { until } from '../support/until.ts';
import { expectNoSidewaysScroll, screenshots } from '../support/page-checks.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';

let stack: Stack;
const browsers: Browser[] = [];
let smtp: TestSmtp;

/** Quoted-printable undone (soft breaks, escaped bytes), so links can be read from the raw message. */
const screenshot = screenshots('notifications');

const INBOX = `query { notifications(first: 50) { edges { node { kind questionId path } } } }`;

async function demo(key: string): Promise<{ client: ApiClient; id: string; email: string }> {
  const client = new ApiClient(stack.apiUrl);
  const email = demoUsers.find((user) => user.key === key)!.email;
  const account = await client.signIn(email, DEMO_PASSWORD);
  return { client, id: account.id, email };
}

async function kindsFor(client: ApiClient, questionId: string): Promise<string[]> {
  const data = await client.request<{ notifications: { edges: { node: { kind: string; questionId: string | null } }[] } }>(INBOX);
  return data.notifications.edges.filter((e) => e.node.questionId === questionId).map((e) => e.node.kind);
}

/** The number on the header's bell (0 when it shows none). */
async function shownCount(page: Page): Promise<number> {
  const count = page.getByTestId('notification-count');
  return (await count.count()) > 0 ? Number(await count.innerText()) : 0;
}

beforeAll(async () => {
  smtp = await startSmtp();
  stack = await startStack({
    demo: true,
    name: 'notifications',
    env: { SMTP_URL: smtp.url, MAIL_DELAY_SECONDS: '0' },
  });
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await stack?.stop();
  await smtp?.close();
});

test('the asker sees the unread count rise live, opens the inbox and lands on the answer; privacy holds', async () => {
  const asker = await demo('priya');
  const helper = await demo('heike');
  const question = await asker.client.askQuestion({
    spaceSlug: BILLING.slug,
    title: 'Meter reading missing on my annual bill',
    body: 'My annual bill says the meter reading was estimated, but I submitted it in the app in December. What now?',
  });

  const browser = await openBrowser();
  browsers.push(browser);
  const page = browser.page;
  const acknowledged = new Promise<void>((resolve) =>
    page.on('websocket', (socket) =>
      socket.on('framereceived', (frame) => {
        if (String(frame.payload).includes('unreadNotificationsChanged')) resolve();
      }),
    ),
  );
  await signIn(page, stack.webUrl, asker.email, DEMO_PASSWORD);
  await visit(page, `${stack.webUrl}/`);
  const badge = page.getByTestId('notification-badge');
  await badge.waitFor();
  // The subscription answers with the count at once: from then on it is in place.
  await acknowledged;
  const before = await shownCount(page);

  const answer = await helper.client.answerQuestion(
    question.id,
    'Upload a photo of the meter in the app; the bill is then corrected within a week.',
  );
  await until(async () => (await shownCount(page)) === before + 1, 'the live unread count to rise');

  await badge.click();
  await page.waitForURL(`${stack.webUrl}/notifications`);
  const item = page.getByTestId('notification').filter({ hasText: 'Meter reading missing on my annual bill' });
  expect(await item.innerText()).toContain('New answer');
  expect(await item.innerText()).toContain('Heike Brandt');
  await screenshot(page, 'inbox-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await visit(page, `${stack.webUrl}/notifications`);
  await screenshot(page, 'inbox-390');
  await expectNoSidewaysScroll(page);
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByTestId('notification').filter({ hasText: 'Meter reading missing on my annual bill' }).getByRole('link').click();
  await page.waitForURL(new RegExp(`/questions/${question.id}.*#answer-${answer.id}$`));
  await page.locator(`#answer-${answer.id}`).waitFor();
  await until(async () => (await shownCount(page)) === before, 'the count to drop once the answer was opened');

  // The e-mail: in the SMTP server, its link leads to the answer, and one click (a POST as mail programs send it) unsubscribes.
  await until(async () => smtp.mails.some((m) => m.to === asker.email && m.raw.includes(`#answer-${answer.id}`)), 'the mail to arrive');
  const received = smtp.mails.find((m) => m.to === asker.email && m.raw.includes(`#answer-${answer.id}`))!.decoded;
  const link = new RegExp(`${stack.webUrl}/questions/${question.id}#answer-${answer.id}`).exec(received)![0];
  await visit(page, link);
  await page.locator(`#answer-${answer.id}`).waitFor();
  const unsubscribe = /^List-Unsubscribe:\s*<([^>]+)>/im.exec(received)![1]!;
  expect(received).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/im);
  const oneClick = await fetch(unsubscribe, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  expect(oneClick.status).toBe(200);
  const settings = await asker.client.request<{ notificationSettings: { email: boolean } }>(`query { notificationSettings { email } }`);
  expect(settings.notificationSettings.email).toBe(false);
  await visit(page, unsubscribe);
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Stop e-mail notifications');

  // A staff draft and a private conversation on the asker's question: staff reviewers and the asker hear
  // of what is theirs to see; the answerer, who watches the thread, hears of neither.
  const agent = await demo('miriam');
  const reviewer = await demo('tobias');
  const draft = await agent.client.request<{ saveStaffDraft: { id: string } }>(
    `mutation ($input: SaveStaffDraftInput!) { saveStaffDraft(input: $input) { id } }`,
    { input: { kind: 'ANSWER', questionId: question.id, body: 'We corrected your bill; the new one arrives by post this week.' } },
  );
  const escalation = await asker.client.request<{ escalateQuestion: { id: string } }>(
    `mutation ($input: EscalateQuestionInput!) { escalateQuestion(input: $input) { id } }`,
    { input: { questionId: question.id } },
  );
  await agent.client.request(`mutation ($id: ID!) { claimEscalation(id: $id) { id } }`, { id: escalation.escalateQuestion.id });
  await agent.client.request(`mutation ($q: ID!, $b: String!) { openConversation(questionId: $q, body: $b) { id } }`, {
    q: question.id,
    b: 'Could you tell me the meter number privately?',
  });
  await until(async () => (await kindsFor(asker.client, question.id)).includes('MESSAGE_NEW'), 'the asker to hear of the private message');
  await until(async () => (await kindsFor(reviewer.client, question.id)).includes('DRAFT_REVIEW'), 'a reviewer to hear of the draft');
  expect(draft.saveStaffDraft.id).toBeTruthy();
  // The agent is told of the new escalation for their team.
  expect(await kindsFor(agent.client, question.id)).toContain('ESCALATION_NEW');
  expect(await kindsFor(asker.client, question.id)).not.toContain('DRAFT_REVIEW');
  const helperKinds = await kindsFor(helper.client, question.id);
  expect(helperKinds).not.toContain('MESSAGE_NEW');
  expect(helperKinds.filter((k) => k.startsWith('DRAFT'))).toEqual([]);
});

test('admins read outgoing mail at /admin/mail', async () => {
  const browser = await openBrowser();
  browsers.push(browser);
  const page = browser.page;
  const admin = demoUsers.find((user) => user.key === 'katrin')!;
  await signIn(page, stack.webUrl, admin.email, DEMO_PASSWORD);
  await visit(page, `${stack.webUrl}/admin/mail`);
  expect(await page.getByTestId('mail-delivery').innerText()).toContain('delivered through the configured SMTP server');
  await page.getByTestId('outgoing-mail').first().waitFor();
  await screenshot(page, 'admin-mail-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await visit(page, `${stack.webUrl}/admin/mail`);
  await screenshot(page, 'admin-mail-390');
  await expectNoSidewaysScroll(page);
});

test('forgot password: the link arrives by e-mail, sets a new password once, and the old sessions end', async () => {
  const person = await demo('lena');
  const browser = await openBrowser();
  browsers.push(browser);
  const page = browser.page;
  await visit(page, `${stack.webUrl}/signin`);
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Email').fill(person.email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await page.getByTestId('reset-sent').waitFor();

  await until(async () => smtp.mails.some((m) => m.to === person.email && m.raw.includes('/reset-password/')), 'the reset mail');
  const received = smtp.mails.filter((m) => m.to === person.email && m.raw.includes('/reset-password/')).at(-1)!.decoded;
  const link = new RegExp(`${stack.webUrl}/reset-password/[\\w-]+`).exec(received)![0];
  await visit(page, link);
  const fresh = 'a fresh lantern password 2026';
  await page.getByLabel('New password').fill(fresh);
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await page.getByTestId('reset-done').waitFor();

  // The api session from before the reset has ended; the new password signs in; the link is spent.
  await expect(person.client.request(`query { me { id } }`)).resolves.toEqual({ me: null });
  await signIn(page, stack.webUrl, person.email, fresh);
  await visit(page, link);
  await page.getByLabel('New password').fill('another lantern password 77');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await page.getByText('This link is not valid any more').waitFor();
});
