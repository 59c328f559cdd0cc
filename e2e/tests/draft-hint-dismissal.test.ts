// A reviewer dismisses a staff-reply hint with a reason, in real Chromium without JavaScript (the form is a
// plain form post): the hint is no longer marked in the draft, the list shows who dismissed it and why, the
// audit log keeps rule and reason, and the draft's author has no dismiss form on their own draft.
import { afterAll, beforeAll, expect, test } from 'vitest';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { signedUpClient } from '../support/api.ts';
import { openBrowser, type Browser } from '../support/browser.ts';
import { setTrustLevel } from '../support/db.ts';
import { BILLING, demoUsers } from '../support/demo.ts';
import { DEMO_PASSWORD, startStack, type Stack } from '../support/stack.ts';
import { signIn, textOf, visit } from '../support/ui.ts';

let stack: Stack;
const browsers: Browser[] = [];
const open = async (options?: Parameters<typeof openBrowser>[0]) => {
  const browser = await openBrowser(options);
  browsers.push(browser);
  return browser.page;
};
const [writer, reviewer] = demoUsers.filter((user) => user.role === 'agent');

beforeAll(async () => {
  stack = await startStack({ demo: true, name: 'draft-hint-dismissal' });
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await stack?.stop();
});

async function openReview(page: Page, threadTitle: string): Promise<string> {
  await visit(page, `${stack.webUrl}/console/reviews`);
  await page.getByTestId('review-draft').filter({ hasText: threadTitle }).last().getByRole('link', { name: threadTitle }).click();
  await page.getByRole('heading', { level: 1, name: 'Review a staff reply' }).waitFor();
  return page.url().split('/').pop()!.split('?')[0]!;
}

test('a reviewer dismisses the “another channel” hint with a reason; it shows muted as “dismissed by …” and is in the audit log', async () => {
  const title = 'Meter reading disputed after the exchange';
  const { client } = await signedUpClient(stack.apiUrl, 'Disputing Dora');
  await setTrustLevel(stack.databaseUrl, 'Disputing Dora', 1);
  const { id, slug } = await client.askQuestion({
    spaceSlug: BILLING.slug,
    title,
    body: 'The new meter shows a reading that cannot be right. Who can check the exchange protocol?',
    tags: [],
  });

  const author = await open();
  await signIn(author, stack.webUrl, writer!.email, DEMO_PASSWORD);
  await visit(author, `${stack.webUrl}/questions/${id}/${slug}`);
  await author
    .getByRole('textbox', { name: 'Your answer' })
    .fill('Hallo Dora, bitte rufen Sie unsere Hotline an, dort kann man das Protokoll des Zählerwechsels prüfen. Viele Grüße, Miriam');
  await author.getByRole('button', { name: 'Submit for review' }).click();
  await author.getByTestId('staff-draft').filter({ hasText: 'Waiting for review' }).waitFor();

  const second = await open({ javaScriptEnabled: false });
  await signIn(second, stack.webUrl, reviewer!.email, DEMO_PASSWORD);
  const draftId = await openReview(second, title);
  const findings = second.getByTestId('draft-findings');
  const hint = findings.locator('li[data-rule="channel-redirect"]');
  await hint.getByText('Dismiss this hint').click();
  const reason = 'The hotline is the only place that can read the exchange protocol.';
  await hint.getByLabel('Why does it not apply? (kept in the audit log)').fill(reason);
  await hint.getByRole('button', { name: 'Dismiss', exact: true }).click();

  await second.getByText('Hint dismissed.').waitFor();
  const dismissed = second.getByTestId('dismissed-hint');
  expect(await textOf(dismissed)).toBe(`Sends the customer to another channel Dismissed by ${reviewer!.displayName}: ${reason}`);
  expect(await findings.locator('li.warning[data-rule="channel-redirect"], li.error[data-rule="channel-redirect"]').count()).toBe(0);
  expect(await second.getByTestId('draft-text').locator('mark').count()).toBe(0);

  const client2 = new pg.Client({ connectionString: stack.databaseUrl });
  await client2.connect();
  try {
    const { rows } = await client2.query<{ reason: string; rule: string }>(
      `SELECT reason, details->>'rule' AS rule FROM audit_log WHERE action = 'draft.hint_dismissed' AND subject_id = $1`,
      [draftId],
    );
    expect(rows).toEqual([{ reason, rule: 'channel-redirect' }]);
  } finally {
    await client2.end();
  }

  // The author sees the dismissal on the review page, but no dismiss form on their own draft.
  await visit(author, `${stack.webUrl}/console/reviews/${draftId}`);
  expect(await textOf(author.getByTestId('dismissed-hint'))).toContain(reason);
  expect(await author.getByText('Dismiss this hint').count()).toBe(0);
});
