// "Remove it" in the composer's personal-data hint, in real Chromium: each value becomes a visible
// placeholder the person can edit ("[IBAN removed]"), in the composer's language, and the hint says what
// was removed. Without JavaScript the ask form's server action does the same.
import { afterAll, beforeAll, expect, test } from 'vitest';
import pg from 'pg';
import { openBrowser, type Browser } from '../support/browser.ts';
import { setTrustLevel } from '../support/db.ts';
import { BILLING } from '../support/demo.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { fillAskForm, signUp, submitQuestion, textOf, visit } from '../support/ui.ts';

let stack: Stack;
const browsers: Browser[] = [];
const open = async (options?: Parameters<typeof openBrowser>[0]) => {
  const browser = await openBrowser(options);
  browsers.push(browser);
  return browser.page;
};

const IBAN = 'DE89 3704 0044 0532 0130 00';
const PHONE = '0171 2345678';
const BODY = `You debited my account twice in March. Please refund it to ${IBAN} or call me on ${PHONE}.`;
const REDACTED = 'You debited my account twice in March. Please refund it to [IBAN removed] or call me on [phone number removed].';
const REMOVED = 'Removed: 1 IBAN, 1 phone number — share them in a private conversation instead.';

async function bodyOf(title: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ body_markdown: string }>(`SELECT body_markdown FROM questions WHERE title = $1`, [title]);
    return rows[0]?.body_markdown;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  stack = await startStack({ demo: true, name: 'composer-redaction' });
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await stack?.stop();
});

test('“Remove it” puts editable placeholders where the IBAN and the phone number were and says what was removed', async () => {
  const page = await open();
  await signUp(page, stack.webUrl, 'Redacting Rita');
  await setTrustLevel(stack.databaseUrl, 'Redacting Rita', 1);
  await visit(page, `${stack.webUrl}/ask`);
  const title = 'Charged twice for the March advance payment';
  await fillAskForm(page, { space: BILLING.name, title, body: BODY });

  const notice = page.getByTestId('personal-data-notice');
  await notice.getByRole('button', { name: 'Remove it' }).click();
  const details = page.getByRole('textbox', { name: 'Details' });
  expect(await details.inputValue()).toBe(REDACTED);
  expect(await textOf(page.getByTestId('personal-data-removed'))).toBe(REMOVED);
  expect(await page.getByRole('status').filter({ hasText: 'Removed:' }).count()).toBe(1);
  expect(await notice.count()).toBe(0);

  // The placeholder is plain text the person can edit; the question goes out as edited.
  await details.fill(REDACTED.replace('[phone number removed]', 'the number in my profile'));
  await submitQuestion(page);
  await page.waitForURL(/\/questions\/\d+\/[\w-]+/);
  const stored = await bodyOf(title);
  expect(stored).toContain('[IBAN removed]');
  expect(stored).toContain('the number in my profile');
  expect(stored).not.toContain('3704');
});

test('the placeholders speak the composer’s language', async () => {
  const page = await open();
  await signUp(page, stack.webUrl, 'Redigierende Renate');
  // The language switcher's cookie: the UI, and so the composer, is German from here on.
  await page.context().addCookies([{ name: 'lang', value: 'de', url: stack.webUrl }]);
  await setTrustLevel(stack.databaseUrl, 'Redigierende Renate', 1);
  await visit(page, `${stack.webUrl}/ask`);
  const details = page.locator('textarea[name="body"]');
  await details.fill(`Bitte erstatten Sie es auf ${IBAN} oder rufen Sie mich unter ${PHONE} an.`);
  await page.getByTestId('personal-data-notice').getByRole('button', { name: 'Entfernen' }).click();
  expect(await details.inputValue()).toBe(
    'Bitte erstatten Sie es auf [IBAN entfernt] oder rufen Sie mich unter [Telefonnummer entfernt] an.',
  );
  expect(await textOf(page.getByTestId('personal-data-removed'))).toBe(
    'Entfernt: 1 IBAN, 1 Telefonnummer – teile sie stattdessen in einer privaten Unterhaltung.',
  );
});

test('without JavaScript “Remove it” is a form post that comes back with the same placeholders and message', async () => {
  const page = await open({ javaScriptEnabled: false });
  await signUp(page, stack.webUrl, 'Plain Redacting Ralf');
  await setTrustLevel(stack.databaseUrl, 'Plain Redacting Ralf', 1);
  await visit(page, `${stack.webUrl}/ask`);
  const title = 'Double debit in March, please refund';
  await fillAskForm(page, { space: BILLING.name, title, body: BODY });
  // Without JavaScript the hint appears after a submit; posting is refused because of the IBAN.
  await submitQuestion(page);
  await page.getByTestId('personal-data-notice').getByRole('button', { name: 'Remove it' }).click();
  await page.getByTestId('personal-data-removed').waitFor();
  expect(await textOf(page.getByTestId('personal-data-removed'))).toBe(REMOVED);
  expect(await page.getByRole('textbox', { name: 'Details' }).inputValue()).toBe(REDACTED);
  expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(title);
  expect(await page.getByTestId('personal-data-notice').count()).toBe(0);

  await submitQuestion(page);
  await page.waitForURL(/\/questions\/\d+\/[\w-]+/);
  expect(await bodyOf(title)).toBe(REDACTED);
});
