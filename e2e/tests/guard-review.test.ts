// The PII guard and four-eyes review as people meet them, in real Chromium: a customer who types an
// IBAN into a question is stopped and offered the private channel; an agent's answer that sends the
// customer to the hotline shows the finding in review; a second agent approves a clean draft and the
// asker sees it with the agent's face; the audit log shows who wrote and who reviewed.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { PASSWORD, signedUpClient } from '../support/api.ts';
import { openBrowser, type Browser } from '../support/browser.ts';
import { setTrustLevel } from '../support/db.ts';
import { BILLING, demoUsers } from '../support/demo.ts';
import { DEMO_PASSWORD, startStack, type Stack } from '../support/stack.ts';
import { answers, fillAskForm, signIn, signUp, submitQuestion, textOf, visit } from '../support/ui.ts';
import pg from 'pg';

let stack: Stack;
const browsers: Browser[] = [];
const open = async (options?: Parameters<typeof openBrowser>[0]) => {
  const browser = await openBrowser(options);
  browsers.push(browser);
  return browser.page;
};
const [writer, reviewer] = demoUsers.filter((user) => user.role === 'agent');
const admin = demoUsers.find((user) => user.role === 'admin')!;

/** Signs in as one of the demo accounts. */
function signInAs(page: Page, email: string): Promise<void> {
  return signIn(page, stack.webUrl, email, DEMO_PASSWORD);
}

async function query<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A customer's question, asked through the api. */
async function customerQuestion(name: string, title: string): Promise<{ url: string; email: string }> {
  const { client, account } = await signedUpClient(stack.apiUrl, name);
  await setTrustLevel(stack.databaseUrl, name, 1);
  const { id, slug } = await client.askQuestion({
    spaceSlug: BILLING.slug,
    title,
    body: 'Since the price change my monthly advance payment went up by a third. Is that right and what can I do?',
    tags: [],
  });
  return { url: `${stack.webUrl}/questions/${id}/${slug}`, email: account.email };
}

/** The agent writes an answer on the thread; it goes to review as a draft. */
async function writeDraft(page: Page, url: string, body: string): Promise<void> {
  await visit(page, url);
  await page.getByRole('textbox', { name: 'Your answer' }).fill(body);
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await page.getByTestId('staff-draft').filter({ hasText: 'Waiting for review' }).waitFor();
}

/** Opens the review of the newest draft about this thread title in the console queue; returns the draft id. */
async function openReview(page: Page, threadTitle: string): Promise<string> {
  await visit(page, `${stack.webUrl}/console/reviews`);
  await page.getByTestId('review-draft').filter({ hasText: threadTitle }).last().getByRole('link', { name: threadTitle }).click();
  await page.getByRole('heading', { level: 1, name: 'Review a staff reply' }).waitFor();
  return page.url().split('/').pop()!.split('?')[0]!;
}

beforeAll(async () => {
  stack = await startStack({ demo: true, name: 'guard-review' });
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await stack?.stop();
});

test('a customer who types an IBAN into a question is stopped and continues privately', async () => {
  const page = await open();
  await signUp(page, stack.webUrl, 'Careful Carla');
  await setTrustLevel(stack.databaseUrl, 'Careful Carla', 1);
  await visit(page, `${stack.webUrl}/ask`);
  const iban = 'DE89 3704 0044 0532 0130 00';
  const title = 'Refund of a double debit last month';
  await fillAskForm(page, {
    space: BILLING.name,
    title,
    body: `You debited my account twice in March. Please refund it to ${iban}, thank you!`,
  });

  const notice = page.getByTestId('personal-data-notice');
  await notice.waitFor();
  expect(await textOf(notice)).toContain('Bank and card numbers are never published');
  expect(await textOf(notice)).toContain('a bank account number (IBAN)');
  await notice.getByRole('button', { name: 'Remove it' }).waitFor();

  // Posting anyway is refused by the server, which shows the same hint.
  await submitQuestion(page);
  await page.getByText('Bank and card numbers are never published. Remove them, or continue privately.').first().waitFor();
  expect(await query(`SELECT id FROM questions WHERE title = $1`, [title])).toEqual([]);

  await page.getByTestId('personal-data-notice').getByRole('button', { name: 'Continue privately' }).click();
  await page.waitForURL(/\/questions\/\d+\/[\w-]+/);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  expect(await textOf(page.locator('article').first())).not.toContain('3704');

  const [question] = await query<{ id: string; body_markdown: string }>(`SELECT id, body_markdown FROM questions WHERE title = $1`, [
    title,
  ]);
  expect(question!.body_markdown).not.toContain('DE89');
  const messages = await query<{ body: string }>(
    `SELECT m.body_markdown AS body FROM conversation_messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.question_id = $1`,
    [question!.id],
  );
  expect(messages.map((m) => m.body).join('\n')).toContain(iban);
});

test('without JavaScript the server shows the same hint; a phone number goes out once acknowledged, and a moderator redacts it', async () => {
  const page = await open({ javaScriptEnabled: false });
  await signUp(page, stack.webUrl, 'Plain Paula');
  await setTrustLevel(stack.databaseUrl, 'Plain Paula', 1);
  await visit(page, `${stack.webUrl}/ask`);
  const title = 'Meter exchange appointment was missed';
  const phone = '0171 2345678';
  await fillAskForm(page, {
    space: BILLING.name,
    title,
    body: `The technician did not come today. You can reach me at ${phone} to set a new date.`,
  });
  await submitQuestion(page);
  const notice = page.getByTestId('personal-data-notice');
  await notice.waitFor();
  expect(await textOf(notice)).toContain('a phone number');
  await notice.getByRole('checkbox', { name: /want to post it anyway/ }).check();
  await submitQuestion(page);
  await page.waitForURL(/\/questions\/\d+\/[\w-]+/);
  const questionUrl = page.url();
  expect(await textOf(page.locator('article').first())).toContain(phone);

  const moderator = await open();
  await signInAs(moderator, demoUsers.find((user) => user.role === 'moderator')!.email);
  await visit(moderator, questionUrl);
  const question = moderator.locator('article').first();
  await question.getByText('Redact personal data').click();
  await question.getByLabel('Reason (kept in the audit log)').fill('Phone number in a public post');
  await question.getByRole('button', { name: 'Replace with “[removed]”' }).click();
  await moderator.getByRole('region', { name: 'Redactions (visible to staff only)' }).waitFor();

  await visit(page, questionUrl);
  const text = await textOf(page.locator('article').first());
  expect(text).toContain('[removed]');
  expect(text).not.toContain(phone);
  expect(await page.getByText('Redactions (visible to staff only)').count()).toBe(0);
});

test('an agent’s answer that says “please call our hotline” shows the finding in review', async () => {
  const title = 'Advance payment went up after price change';
  const { url } = await customerQuestion('Hotline Hanna', title);
  const author = await open();
  await signInAs(author, writer!.email);
  await writeDraft(author, url, 'Hallo Hanna, bitte rufen Sie unsere Hotline an, dort kann man Ihren Abschlag prüfen. Viele Grüße, Miriam');

  const second = await open();
  await signInAs(second, reviewer!.email);
  await openReview(second, title);
  const findings = second.getByTestId('draft-findings');
  expect(await textOf(findings)).toContain('Sends the customer to another channel');
  expect(await second.getByTestId('draft-text').locator('mark.warning').count()).toBeGreaterThan(0);
});

test('a second agent approves a clean draft; the asker sees it with the agent’s face; the audit log shows who wrote and who reviewed', async () => {
  const title = 'Why is my advance payment higher now?';
  const { url, email } = await customerQuestion('Asking Anja', title);
  const body =
    'Hallo Anja,\n\ndein Abschlag wurde nach der Preisanpassung zum 1. März neu berechnet. In der App unter Verträge siehst du die Rechnung dazu.\n\nViele Grüße\nMiriam';
  const author = await open();
  await signInAs(author, writer!.email);
  await writeDraft(author, url, body);

  // The asker does not see the draft.
  const asker = await open();
  await signIn(asker, stack.webUrl, email, PASSWORD);
  await visit(asker, url);
  expect(await asker.getByText('dein Abschlag wurde').count()).toBe(0);

  const second = await open();
  await signInAs(second, reviewer!.email);
  const draftId = await openReview(second, title);
  expect(await textOf(second.getByTestId('draft-findings'))).toContain('The guardrails found nothing to point out.');
  await second.getByRole('button', { name: 'Approve and publish' }).click();
  await second.waitForURL(/\/questions\/\d+/);

  await visit(asker, url);
  const published = answers(asker).filter({ hasText: 'dein Abschlag wurde' });
  await published.waitFor();
  const text = await textOf(published);
  expect(text).toContain(writer!.displayName);
  expect(text).toContain(`Reviewed by ${reviewer!.displayName}`);
  const photo = published.locator('img.avatar');
  expect(await photo.getAttribute('src')).toMatch(/^\/team\/photos\/\d+\?v=[0-9a-f]{32}$/);
  // The image really loads through the web (its natural width is that of the re-encoded photo).
  await expect
    .poll(() => photo.evaluate((img) => ((img as HTMLImageElement).complete ? (img as HTMLImageElement).naturalWidth : 0)))
    .toBe(256);

  const auditor = await open();
  await signInAs(auditor, admin.email);
  await visit(auditor, `${stack.webUrl}/audit?subjectType=staff_draft&subjectId=${draftId}`);
  const created = auditor.getByRole('row').filter({ hasText: 'draft.created' });
  const approved = auditor.getByRole('row').filter({ hasText: 'draft.approved' });
  expect(await textOf(created)).toContain(writer!.displayName);
  expect(await textOf(approved)).toContain(reviewer!.displayName);
});

test('the public “who answers here” page shows the team with faces and opening hours', async () => {
  const visitor = await open({ javaScriptEnabled: false });
  await visit(visitor, `${stack.webUrl}/team`);
  await visitor.getByRole('heading', { level: 1, name: 'Who answers here' }).waitFor();
  const body = await textOf(visitor.locator('main'));
  expect(body).toContain('Opening hours');
  expect(body).toContain(writer!.displayName);
  expect(await visitor.locator('img.avatar').count()).toBeGreaterThan(0);
});

test('an admin lets a senior agent publish directly in an emergency; the bypass is reported', async () => {
  const title = 'Power outage in the north district';
  const { url } = await customerQuestion('Outage Olli', title);
  const adminPage = await open();
  await signInAs(adminPage, admin.email);
  await visit(adminPage, `${stack.webUrl}/console/reviews/settings`);
  const [reviewerRow] = await query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [reviewer!.email]);
  await adminPage.getByLabel('Staff member (profile link or number)').fill(`${stack.webUrl}/users/${reviewerRow!.id}`);
  await adminPage.getByLabel('Reason', { exact: true }).fill('Outage: updates must go out at once');
  await adminPage.getByRole('button', { name: 'Allow to publish directly' }).click();
  await adminPage.getByRole('region', { name: 'Allowed to publish directly' }).getByText(reviewer!.displayName).waitFor();

  const agent = await open();
  await signInAs(agent, reviewer!.email);
  await visit(agent, url);
  const body = 'Hallo Olli, wir haben die Störung im Netz Nord gefunden; die Versorgung läuft seit 14:10 wieder. Viele Grüße, Tobias';
  await agent.getByRole('textbox', { name: 'Your answer' }).fill(body);
  await agent.getByRole('button', { name: 'Post your answer' }).click();
  await answers(agent).filter({ hasText: 'Störung im Netz Nord' }).waitFor();

  await visit(adminPage, `${stack.webUrl}/console/reviews/settings`);
  const report = adminPage.getByRole('region', { name: 'Published without review' });
  expect(await textOf(report)).toContain(reviewer!.displayName);
});
