// Following a space: a member follows it on its page (a plain form post), another member asks there,
// the follower finds the new question in the inbox and lands on it; /notifications lists what one
// follows and stops it; the weekly digest mail is built (`pnpm cli digests`) and shows at /admin/mail.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PASSWORD, signedUpClient } from '../support/api.ts';
import { openBrowser, type Browser } from '../support/browser.ts';
import { sql, setTrustLevel } from '../support/db.ts';
import { BILLING, demoUsers } from '../support/demo.ts';
import { DEMO_PASSWORD, repoRoot, startStack, type Stack } from '../support/stack.ts';
import { signIn, textOf, visit } from '../support/ui.ts';
import { until } from '../support/until.ts';
import { expectNoSidewaysScroll, screenshots } from '../support/page-checks.ts';

let stack: Stack;
const browsers: Browser[] = [];
const screenshot = screenshots('follow');

async function browser(javaScriptEnabled = true): Promise<Page> {
  const opened = await openBrowser({ javaScriptEnabled });
  browsers.push(opened);
  return opened.page;
}

beforeAll(async () => {
  stack = await startStack({ demo: true, name: 'follow' });
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await stack?.stop();
});

test('a follower of a space hears of a new question there, lands on it, and gets it in the weekly digest', async () => {
  const spacePath = `${stack.webUrl}/spaces/${BILLING.slug}`;
  const visitor = await browser(false);
  await visit(visitor, spacePath);
  expect(await textOf(visitor.getByTestId('follow'))).toContain('Sign in to follow');

  const follower = await signedUpClient(stack.apiUrl, 'Fenja Follower');
  const page = await browser(false);
  await signIn(page, stack.webUrl, follower.account.email, PASSWORD);
  await visit(page, spacePath);
  const follow = page.getByTestId('follow');
  await follow.getByRole('button', { name: 'Follow', exact: true }).click();
  await follow.getByRole('button', { name: 'Following' }).waitFor();
  expect(await textOf(follow)).toContain('1 follower');

  const asker = await signedUpClient(stack.apiUrl, 'Arne Asker');
  await setTrustLevel(stack.databaseUrl, 'Arne Asker', 1);
  const question = await asker.client.askQuestion({
    spaceSlug: BILLING.slug,
    title: 'Credit note missing after tariff downgrade',
    body: 'I moved to the smaller tariff in October but the credit note for the difference never arrived. Is that normal?',
  });

  // The notification worker runs after the ask's commit.
  await until(async () => {
    const data = await follower.client.request<{ notifications: { edges: { node: { questionId: string } }[] } }>(
      `query { notifications(first: 10) { edges { node { questionId } } } }`,
    );
    return data.notifications.edges.some((e) => e.node.questionId === question.id);
  }, 'the follower to be told of the new question');
  const withJs = await browser(true);
  await signIn(withJs, stack.webUrl, follower.account.email, PASSWORD);
  await visit(withJs, `${stack.webUrl}/notifications`);
  expect(await textOf(withJs.locator('main'))).toContain('New question where you follow');
  const following = withJs.locator('#following');
  expect(await textOf(following)).toContain(BILLING.name);
  await screenshot(withJs, 'notifications-1280');
  await withJs.setViewportSize({ width: 390, height: 844 });
  await visit(withJs, `${stack.webUrl}/notifications`);
  await screenshot(withJs, 'notifications-390');
  await expectNoSidewaysScroll(withJs);
  await visit(withJs, spacePath);
  await screenshot(withJs, 'space-390');
  await expectNoSidewaysScroll(withJs);
  await visit(withJs, `${stack.webUrl}/notifications`);
  await withJs.getByRole('link', { name: /Credit note missing after tariff downgrade/ }).click();
  await withJs.waitForURL(new RegExp(`/questions/${question.id}`));

  // The digest of the week: the follower's period started eight days ago (and the address is
  // confirmed: digests, like all notification mail, wait for that); the cli builds what is due.
  await sql(
    stack.databaseUrl,
    `WITH confirmed AS (UPDATE users SET email_verified_at = now() WHERE email = $1 RETURNING id)
     UPDATE notification_settings SET digest_sent_at = now() - interval '8 days' WHERE user_id = (SELECT id FROM confirmed)`,
    [follower.account.email],
  );
  const built = spawnSync(process.execPath, [join(repoRoot, 'api', 'dist', 'cli.js'), 'digests'], {
    env: { ...process.env, DATABASE_URL: stack.databaseUrl },
    encoding: 'utf8',
  });
  expect(built.status, built.stderr).toBe(0);
  expect(built.stdout).toMatch(/Digests: \d+ users due, 1 mails queued/);

  const admin = await browser(true);
  await signIn(admin, stack.webUrl, demoUsers.find((user) => user.key === 'katrin')!.email, DEMO_PASSWORD);
  await visit(admin, `${stack.webUrl}/admin/mail`);
  await admin.getByText('Your weekly digest: 1 new question').first().waitFor();

  // How each group arrives is chosen on the same page, without JavaScript too.
  await visit(page, `${stack.webUrl}/notifications`);
  await page.getByLabel('Badges and trust levels').selectOption('OFF');
  await page.getByLabel('Answers and comments on threads you follow').selectOption('APP');
  await page.getByRole('button', { name: 'Save' }).click();
  await visit(page, `${stack.webUrl}/notifications`);
  expect(await page.getByLabel('Badges and trust levels').inputValue()).toBe('OFF');
  expect(await page.getByLabel('Answers and comments on threads you follow').inputValue()).toBe('APP');
  expect(await page.getByLabel('Mentions of you').inputValue()).toBe('APP_AND_EMAIL');

  // Stop following from the list on /notifications.
  await visit(page, `${stack.webUrl}/notifications`);
  await page.locator('#following').getByRole('button', { name: 'Stop following' }).click();
  await page.getByText('You follow no space or tag yet.', { exact: false }).waitFor();
});
