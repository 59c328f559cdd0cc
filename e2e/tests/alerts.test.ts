// Monitoring, as staff meet it: six weeks of quiet hours on a tag are in the roll-up, then a burst of
// angry posts on that tag is replayed through the outbox (as the qa services write them). The api's
// roll-up worker scores them and raises a spike alert; an agent sees the banner on the queue, opens the
// alert (curve and posts), acknowledges it and publishes an announcement that shows on the space and
// its threads. A member is refused /console/alerts. Screenshots at 1280 and 390 px (dark; the space in German) go to e2e/results/alerts/.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openBrowser, type Browser } from '../support/browser.ts';
import { sql } from '../support/db.ts';
import { BILLING, demoUsers } from '../support/demo.ts';
import { DEMO_PASSWORD, resultsDir, startStack, type Stack } from '../support/stack.ts';
import { signIn, signUp, textOf, visit } from '../support/ui.ts';

let stack: Stack;
const browsers: Browser[] = [];
const shots = join(resultsDir, 'alerts');
const agent = demoUsers.find((user) => user.key === 'miriam')!;
const TAG = 'router-outage';
const BURST = [
  'Internet is down, the router shows a red light. Outage?',
  'Totaler Ausfall bei uns, kein Internet, nichts geht!',
  'Router offline again, this is unacceptable, we cannot work.',
  'Is there an outage? Nothing works, the connection is completely broken.',
  'Kein Internet seit einer Viertelstunde, furchtbar. Störung?',
  'Connection lost for everyone in our office. Horrible.',
];

beforeAll(async () => {
  stack = await startStack({ demo: true, name: 'alerts' });
  await mkdir(shots, { recursive: true });
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await stack?.stop();
});

async function open(viewport?: { width: number; height: number }, options?: Parameters<typeof openBrowser>[0]) {
  const browser = await openBrowser(options);
  browsers.push(browser);
  if (viewport) await browser.page.setViewportSize(viewport);
  return browser.page;
}

/** One quiet post in the previous and the current hour of each of the last six weeks, as the roll-up would hold them. */
async function quietHistory(): Promise<void> {
  await sql(stack.databaseUrl, `INSERT INTO tags (slug) VALUES ($1) ON CONFLICT DO NOTHING`, [TAG]);
  await sql(
    stack.databaseUrl,
    `INSERT INTO tone_hourly (scope, scope_id, hour, posts, negative)
     SELECT 'tag', (SELECT id FROM tags WHERE slug = $1), date_trunc('hour', now()) - make_interval(weeks => w) - make_interval(hours => h), 1, 0
     FROM generate_series(1, 6) AS w, generate_series(0, 1) AS h`,
    [TAG],
  );
}

/** Angry questions on the tag, written as the qa services write them: the row, its tag and the outbox event. */
async function replayBurst(): Promise<void> {
  await sql(
    stack.databaseUrl,
    `WITH input AS (SELECT * FROM unnest($2::text[]) WITH ORDINALITY AS p(text, n)),
     created AS (
       INSERT INTO questions (space_id, author_id, title, body_markdown, body_html, created_at, updated_at, last_activity_at)
       SELECT (SELECT id FROM spaces WHERE slug = $3), (SELECT id FROM users WHERE role = 'member' ORDER BY id LIMIT 1),
              text, text, '<p>' || text || '</p>', now() - make_interval(secs => n), now(), now()
       FROM input RETURNING id
     ), tagged AS (INSERT INTO question_tags (question_id, tag_id) SELECT id, (SELECT id FROM tags WHERE slug = $1) FROM created)
     INSERT INTO outbox_events (topic, aggregate_id, payload)
     SELECT 'question.created', id, jsonb_build_object('spaceId', (SELECT id FROM spaces WHERE slug = $3)::text) FROM created`,
    [TAG, [...BURST, ...BURST], BILLING.slug],
  );
}

test('an agent sees the alert of a replayed burst, acknowledges it and announces on the space; a member is refused', async () => {
  await quietHistory();
  await replayBurst();

  const page = await open();
  await signIn(page, stack.webUrl, agent.email, DEMO_PASSWORD);
  // The roll-up and the detector run in the api on their own: the banner appears once they have.
  await expect
    .poll(
      async () => {
        await visit(page, `${stack.webUrl}/console`);
        return textOf(page.getByTestId('alert-banner'));
      },
      { timeout: 60_000, interval: 1_000 },
    )
    .toMatch(new RegExp(`${TAG}|open alerts`));
  await page.screenshot({ path: join(shots, 'queue-banner-1280.png'), fullPage: false });

  await page.getByRole('link', { name: 'Alerts', exact: true }).click();
  await page.waitForURL(/\/console\/alerts/);
  const row = page.getByTestId('alert-row').filter({ hasText: `Tag ${TAG}` });
  await row.waitFor();
  expect(await textOf(row)).toMatch(/Spike.*Open/);
  await row.getByRole('link').click();
  await page.waitForURL(/\/console\/alerts\/\d+/);

  // The curve is an SVG drawn on the server, named by its title and description; the posts are listed.
  const chart = page.getByRole('img', { name: 'Posts per hour' });
  await chart.waitFor();
  expect(await chart.evaluate((svg) => svg.querySelector('desc')?.textContent)).toMatch(/posts in the last hour/);
  expect(await page.getByRole('link', { name: BURST[1] }).count()).toBeGreaterThanOrEqual(1);
  await page.screenshot({ path: join(shots, 'alert-1280.png'), fullPage: true });

  await page.getByRole('button', { name: 'Acknowledge' }).click();
  await page.waitForURL(/#actions$/);
  expect(await textOf(page.locator('header').filter({ hasText: TAG }))).toMatch(/Acknowledged by/);

  const announcement = 'We know about the router outage; next update at 14:00.';
  await page.getByLabel('Announcement', { exact: true }).fill(announcement);
  await page.getByRole('button', { name: 'Publish announcement' }).click();
  await page.getByText('Pinned on the space:').waitFor();

  // Everyone reading the space, and its threads, sees it at the top (here a German visitor on a phone).
  const visitor = await open({ width: 390, height: 844 }, { locale: 'de-DE' });
  await visit(visitor, `${stack.webUrl}/spaces/${BILLING.slug}`);
  await expect.poll(() => textOf(visitor.getByTestId('announcement').first()), { timeout: 10_000 }).toContain(announcement);
  expect(await textOf(visitor.getByTestId('announcement').first())).toContain('Ankündigung des Teams');
  expect(await visitor.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await visitor.screenshot({ path: join(shots, 'space-announcement-390.png'), fullPage: false });
  await visitor.getByRole('link', { name: BURST[0] }).first().click();
  await visitor.waitForURL(/\/questions\//);
  expect(await textOf(visitor.getByTestId('announcement').first())).toContain(announcement);

  // The alert page fits a phone too, in dark mode.
  const phone = await open({ width: 390, height: 844 }, { colorScheme: 'dark' });
  await signIn(phone, stack.webUrl, agent.email, DEMO_PASSWORD);
  await visit(phone, page.url().replace(/#.*$/, ''));
  await phone.getByRole('img', { name: 'Posts per hour' }).waitFor();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await phone.screenshot({ path: join(shots, 'alert-390-dark.png'), fullPage: true });

  // A member is refused the alerts.
  const member = await open();
  await signUp(member, stack.webUrl, 'Mona Member');
  const response = await member.goto(`${stack.webUrl}/console/alerts`);
  expect(response?.status()).toBe(403);
});
