// Staff escalation as people meet it, in real Chromium: a customer asks and hands the question to
// the company; the thread promises a staff reply by a stated time (and says so plainly outside
// opening hours); an agent claims it in the console, talks to the customer privately (live, both
// ways), and resolves it with a public summary that an anonymous visitor then reads — and nothing private.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api.ts';
import { openBrowser, type Browser } from '../support/browser.ts';
import { setTrustLevel } from '../support/db.ts';
import { BILLING, demoUsers, INVOICE_TAG } from '../support/demo.ts';
import { DEMO_PASSWORD, startStack, type Stack } from '../support/stack.ts';
import { answers, ask, signIn, signUp, textOf, visit } from '../support/ui.ts';

let stack: Stack;
let admin: ApiClient;
const browsers: Browser[] = [];
const open = async (options?: Parameters<typeof openBrowser>[0]) => {
  const browser = await openBrowser(options);
  browsers.push(browser);
  return browser.page;
};
/** An agent of "Customer care", the team of the billing space in the demo. */
const agent = demoUsers.find((user) => user.key === 'miriam')!;

const signInDemo = (page: Page, email: string) => signIn(page, stack.webUrl, email, DEMO_PASSWORD);

/** Resolves once the page's live socket (through the web's relay) is acknowledged. */
function liveReady(page: Page): Promise<void> {
  return new Promise((resolve) =>
    page.on('websocket', (socket) =>
      socket.on('framereceived', (frame) => {
        if (String(frame.payload).includes('connection_ack')) resolve();
      }),
    ),
  );
}

/** Whether a team is within its opening hours now, as the api's team list says. */
async function teamOpenNow(name: string): Promise<boolean> {
  const { teams } = await admin.request<{ teams: { name: string; openNow: boolean }[] }>(`{ teams { name openNow } }`);
  return teams.find((team) => team.name === name)!.openNow;
}

const conversation = (page: Page) => page.getByTestId('private-conversation');

beforeAll(async () => {
  stack = await startStack({ demo: true, name: 'escalation' });
  // Staff replies in the demo's spaces go through four-eyes review by default, and so would the
  // resolution summary (it is a staff answer). This test is about escalation, so an admin turns
  // that review off for the billing space, as an admin could in the product.
  admin = new ApiClient(stack.apiUrl);
  await admin.signIn(demoUsers.find((user) => user.role === 'admin')!.email, DEMO_PASSWORD);
  await admin.request(`mutation ($input: SetSpaceReviewInput!) { setSpaceReview(input: $input) { reviewStaffReplies } }`, {
    input: { spaceSlug: BILLING.slug, reviewStaffReplies: false },
  });
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await stack?.stop();
});

test('a customer escalates, an agent answers privately and resolves with a public summary that visitors read', async () => {
  const title = 'Final invoice after moving shows the wrong meter reading';
  const privateLine = 'My customer number is 4711-0815 and the meter reads 12345 kWh.';
  const staffLine = 'Thanks, I found your contract. Could you send a photo of the meter?';
  const summary =
    'The final invoice used an estimated reading. Billing corrects it when you send the actual reading through the portal; a corrected invoice follows within a few days.';

  // The customer asks and hands the question to the company.
  const customer = await open();
  await signUp(customer, stack.webUrl, 'Moving Maren');
  await setTrustLevel(stack.databaseUrl, 'Moving Maren', 1);
  const questionUrl = await ask(customer, stack.webUrl, {
    space: BILLING.name,
    title,
    body: 'I moved out in October and my final invoice shows a meter reading much higher than the one I wrote down. Who can fix this?',
    tags: [INVOICE_TAG],
  });
  await customer.getByText('Need the company?').click();
  await customer.getByLabel('What do you need from the company?').fill('Please check the meter reading on my final invoice.');
  const openNow = await teamOpenNow('Customer care');
  await customer.getByRole('button', { name: 'I need the company' }).click();

  // Everyone sees the honest promise: who, by when, and plainly when the team is away.
  const promise = customer.getByTestId('staff-promise');
  await promise.waitFor();
  const promiseText = await textOf(promise);
  expect(promiseText).toContain('Our team is on it');
  expect(promiseText).toMatch(/Customer care replies here within 4 business hours — expected by \S.+\./);
  expect(promiseText).toContain('Available Mon');
  if (openNow) expect(promiseText).not.toContain('away right now');
  else expect(promiseText).toMatch(/The team is away right now and back \S+/);
  const visitor = await open({ javaScriptEnabled: false });
  await visitor.goto(questionUrl);
  expect(await textOf(visitor.getByTestId('staff-promise'))).toBe(promiseText);

  // The agent finds it at the top of the console queue, opens it from the keyboard and claims it.
  const desk = await open();
  await signInDemo(desk, agent.email);
  await visit(desk, `${stack.webUrl}/console`);
  const row = desk.getByTestId('queue-row').filter({ hasText: title });
  expect(await textOf(row)).toMatch(/New.*Customer care.*Unassigned.*(left|overdue)/);
  const rows = await desk.getByTestId('queue-row').count();
  await desk.keyboard.press('j');
  for (let moves = 1; moves < rows && (await textOf(desk.locator(':focus'))) !== title; moves++) await desk.keyboard.press('j');
  expect(await textOf(desk.locator(':focus'))).toBe(title);
  await desk.keyboard.press('Enter');
  await desk.getByRole('heading', { level: 1, name: title }).waitFor();
  await desk.getByRole('button', { name: 'Claim', exact: true }).click();
  await desk.getByTestId('escalation-status').getByText('Assigned').waitFor();

  // The agent opens the private conversation; the customer sees it and answers; the agent sees that live.
  await desk.getByLabel('First message').fill('Hello Maren, I am looking into it. Could you tell me your customer number?');
  await desk.getByRole('button', { name: 'Open conversation' }).click();
  await conversation(desk).getByText('Could you tell me your customer number?').waitFor();

  const customerLive = liveReady(customer);
  await visit(customer, questionUrl);
  await conversation(customer).getByText('Could you tell me your customer number?').waitFor();
  expect(await textOf(conversation(customer))).toContain(`Your contact: ${agent.displayName}`);
  await customerLive;

  const deskLive = liveReady(desk);
  await desk.reload();
  await deskLive;
  await new Promise((resolve) => setTimeout(resolve, 300));
  await customer.getByLabel('Your message').fill(privateLine);
  await customer.getByRole('button', { name: 'Send message' }).click();
  await conversation(customer).getByText(privateLine).waitFor();
  await conversation(desk).getByText(privateLine).waitFor();

  await desk.getByLabel('Your message').fill(staffLine);
  await desk.getByRole('button', { name: 'Send message' }).click();
  await conversation(customer).getByText(staffLine).waitFor();

  // The customer asks for a call back tomorrow morning; the agent sees the window on the escalation.
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await customer.getByText('Request a call back').first().click();
  await customer.getByLabel('Earliest').fill(`${tomorrow}T10:00`);
  await customer.getByLabel('Latest').fill(`${tomorrow}T11:30`);
  await customer.getByLabel('Phone number').fill('030 1234567');
  await customer.getByRole('button', { name: 'Request a call back' }).click();
  await conversation(customer).getByText('Call back requested between').waitFor();
  await conversation(desk).getByText('Call back requested between').waitFor();
  // A case with an open call back is not resolved: the agent marks the call done first.
  await desk.getByRole('button', { name: 'Mark call back done' }).click();
  await conversation(desk).getByText('Call back done.').waitFor();

  // Resolving after a private conversation needs the public summary; then the thread carries it.
  await desk.getByLabel('Public resolution summary').fill(summary);
  await desk.getByRole('button', { name: 'Resolve' }).click();
  await desk.getByTestId('escalation-status').getByText('Resolved').waitFor();

  await visitor.goto(questionUrl);
  expect(await textOf(answers(visitor).filter({ hasText: summary }))).toContain(agent.displayName);
  const page = await textOf(visitor.locator('body'));
  for (const secret of [privateLine, staffLine, '4711-0815', 'Private conversation', 'customer number?'])
    expect(page).not.toContain(secret);
  expect(await visitor.getByTestId('staff-promise').count()).toBe(0);
});

test('the console is for staff only: members are refused, visitors are sent to sign in', async () => {
  const visitor = await open({ javaScriptEnabled: false });
  await visitor.goto(`${stack.webUrl}/console`);
  expect(new URL(visitor.url()).pathname).toBe('/signin');

  const member = await open({ javaScriptEnabled: false });
  await signUp(member, stack.webUrl, 'Curious Carl');
  expect((await member.goto(`${stack.webUrl}/console`))!.status()).toBe(403);
  expect(await member.getByRole('link', { name: 'Console' }).count()).toBe(0);
});

test('an admin sees the teams with their hours and gets a clear error for an unknown time zone', async () => {
  const page = await open({ javaScriptEnabled: false });
  await signInDemo(page, demoUsers.find((user) => user.role === 'admin')!.email);
  await visit(page, `${stack.webUrl}/admin/teams`);
  const team = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Customer care' }) });
  expect(await textOf(team)).toContain('Mon–Fri 08:00–18:00');
  expect(await textOf(team)).toContain(agent.displayName);

  await team.getByText('Edit Customer care').click();
  await team.getByLabel('Time zone').fill('Europe/Atlantis');
  await team.getByRole('button', { name: 'Save team' }).click();
  const edited = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Customer care' }) });
  await edited.getByText('Please correct the marked fields.').waitFor();
  expect(await edited.getByLabel('Time zone').inputValue()).toBe('Europe/Atlantis');

  await visit(page, `${stack.webUrl}/admin/teams`);
  expect(await textOf(page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Customer care' }) }))).toContain(
    'Europe/Berlin',
  );
});

test('an agent sees the teams read-only: no forms to change hours, targets or members', async () => {
  const page = await open({ javaScriptEnabled: false });
  await signInDemo(page, agent.email);
  await visit(page, `${stack.webUrl}/admin/teams`);
  const team = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Customer care' }) });
  expect(await textOf(team)).toContain('Mon–Fri 08:00–18:00');
  expect(await textOf(page.locator('main'))).toContain('Only admins change teams');
  expect(await page.locator('main form').count()).toBe(0);
  expect(await page.getByText('Edit Customer care').count()).toBe(0);
});
