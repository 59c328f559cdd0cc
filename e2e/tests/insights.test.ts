// Insights, as staff read them: an agent opens /console/insights on the demo community, sees the
// charts drawn on the server (named SVG with a table behind them), the power-user, hot-topic and
// backlog sections, downloads tables as CSV, and the page fits a 390 px phone without scrolling
// sideways. A member is refused the page and the export.
// Screenshots at 1280 and 390 px go to e2e/results/insights/.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openBrowser, type Browser } from '../support/browser.ts';
import { demoUsers } from '../support/demo.ts';
import { DEMO_PASSWORD, resultsDir, startStack, type Stack } from '../support/stack.ts';
import { signIn, signUp, visit } from '../support/ui.ts';

let stack: Stack;
const browsers: Browser[] = [];
const shots = join(resultsDir, 'insights');
const agent = demoUsers.find((user) => user.key === 'miriam')!;

beforeAll(async () => {
  stack = await startStack({ demo: true, name: 'insights' });
  await mkdir(shots, { recursive: true });
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await stack?.stop();
});

async function open(options?: Parameters<typeof openBrowser>[0]) {
  const browser = await openBrowser(options);
  browsers.push(browser);
  return browser.page;
}

test('an agent reads insights, downloads a CSV, and the page fits a phone', async () => {
  const page = await open();
  await signIn(page, stack.webUrl, agent.email, DEMO_PASSWORD);
  // Staff links live in the header's menu.
  await page.getByTestId('site-menu').locator('summary').click();
  await page.getByRole('link', { name: 'Console' }).first().click();
  await page.getByRole('link', { name: 'Insights' }).click();
  await page.waitForURL(/\/console\/insights/);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Insights');

  // Charts are server-rendered SVG named by their title and description, with the numbers as a table.
  const chart = page.getByRole('img', { name: 'First answer by' });
  await chart.waitFor();
  expect(await chart.evaluate((svg) => svg.querySelector('desc')?.textContent)).toMatch(/by the community/);
  expect(await page.getByRole('img', { name: 'Questions and escalations per day' }).count()).toBe(1);
  expect(await page.getByRole('table').count()).toBeGreaterThanOrEqual(4);

  // The period stays in the URL.
  const url = new URL(page.url());
  await page.getByLabel('From', { exact: true }).fill('2026-01-01');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForURL(/from=2026-01-01/);
  expect(new URL(page.url()).searchParams.get('to')).toBeTruthy();
  await visit(page, url.toString());

  // A plain link downloads the table as CSV.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download “Self-service” as CSV' }).click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('Metric,Value');
  expect(csv).toMatch(/^Questions asked,\d+\r$/m);
  const response = await page.request.get(
    await page
      .getByRole('link', { name: 'Download “SLA attainment per team and priority” as CSV' })
      .getAttribute('href')
      .then((href) => new URL(href!, stack.webUrl).toString()),
  );
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/csv/);
  expect((await response.text()).split('\r\n')[0]).toMatch(/^Team,Priority,Opened,/);

  // The community sections: power users, hot topics and the backlog over time, each with its CSV.
  for (const name of ['Power users', 'Hot topics', 'Escalation backlog'])
    expect(await page.getByRole('heading', { level: 2, name }).count()).toBe(1);
  const backlog = page.getByRole('img', { name: 'Escalation backlog' });
  expect(await backlog.evaluate((svg) => svg.querySelector('desc')?.textContent)).toMatch(
    /^Escalations open at the end of each day: \d+ on /,
  );
  expect(await page.getByText('Became regulars', { exact: true }).count()).toBe(1);
  const backlogCsv = await page.request.get(
    new URL(
      (await page.getByRole('link', { name: 'Download “Escalation backlog” as CSV' }).getAttribute('href'))!,
      stack.webUrl,
    ).toString(),
  );
  expect(backlogCsv.headers()['content-type']).toMatch(/^text\/csv/);
  const lines = (await backlogCsv.text()).trimEnd().split('\r\n');
  expect(lines[0]).toBe('Day (UTC),Open escalations');
  expect(lines).toHaveLength(31); // the default period: 30 days
  expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2},\d+$/);

  await page.screenshot({ path: join(shots, 'insights-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await visit(page, page.url());
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
  await page.screenshot({ path: join(shots, 'insights-390.png'), fullPage: true });
});

test('a member is refused the page and the export', async () => {
  const page = await open();
  await signUp(page, stack.webUrl, 'Insight Seeker');
  const pageResponse = await page.goto(`${stack.webUrl}/console/insights`);
  expect(pageResponse?.status()).toBe(403);
  const csv = await page.request.get(`${stack.webUrl}/console/insights/export/self-service`);
  expect(csv.status()).toBe(403);
  expect(csv.headers()['content-type']).not.toMatch(/text\/csv/);
});
