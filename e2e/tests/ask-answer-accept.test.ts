// The core loop of a support community, in real Chromium: ask → answer → accept → everyone sees it solved.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signedUpClient } from '../support/api.ts';
import { openBrowser, type Browser } from '../support/browser.ts';
import { setTrustLevel } from '../support/db.ts';
import { BILLING, INVOICE_TAG } from '../support/demo.ts';
import { resultsDir, startStack, type Stack } from '../support/stack.ts';
import { answer, answers, ask, questionArticle, signUp, textOf, visit } from '../support/ui.ts';

let stack: Stack;
const browsers: Browser[] = [];
const open = async (options?: Parameters<typeof openBrowser>[0]) => {
  const browser = await openBrowser(options);
  browsers.push(browser);
  return browser.page;
};

beforeAll(async () => {
  stack = await startStack({ demo: true, name: 'ask-answer-accept' });
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await stack?.stop();
});

test('a question is asked, answered and accepted; visitors see it solved with the accepted answer first', async () => {
  const title = 'Second monthly payment collected after switching tariff';
  const questionBody = 'After my tariff switch the monthly payment was collected twice this month. Will the second one be refunded?';
  const answerBody = 'Yes: a duplicate direct debit is reversed automatically within five business days.';

  // A signs up and asks.
  const asker = await open();
  await signUp(asker, stack.webUrl, 'Asker Anna');
  await setTrustLevel(stack.databaseUrl, 'Asker Anna', 1);
  const questionUrl = await ask(asker, stack.webUrl, { space: BILLING.name, title, body: questionBody, tags: [INVOICE_TAG] });
  expect(await textOf(questionArticle(asker))).toContain(questionBody);
  expect(await textOf(questionArticle(asker))).toContain(INVOICE_TAG);

  // Someone else answers first (through the api), so the accepted answer is not first by age.
  const early = await signedUpClient(stack.apiUrl, 'Early Eddie');
  await setTrustLevel(stack.databaseUrl, 'Early Eddie', 1);
  const questionId = /\/questions\/(\d+)/.exec(questionUrl)![1]!;
  await early.client.answerQuestion(questionId, 'Have you checked the Payments tab of the portal?');

  // B signs up in a second browser and answers through the form.
  const helper = await open();
  await signUp(helper, stack.webUrl, 'Helper Ben');
  await setTrustLevel(stack.databaseUrl, 'Helper Ben', 1);
  await visit(helper, questionUrl);
  await answer(helper, answerBody);
  expect(await answers(helper).count()).toBe(2);

  // A accepts B's answer.
  await visit(asker, questionUrl);
  const bens = answers(asker).filter({ hasText: answerBody });
  await bens.getByRole('button', { name: 'Accept this answer' }).click();
  await bens.getByText('Accepted answer').waitFor();

  // A visitor with JavaScript and one without see the question solved, the accepted answer first.
  for (const javaScriptEnabled of [true, false]) {
    const visitor = await open({ javaScriptEnabled });
    await visitor.goto(questionUrl);
    expect(await textOf(questionArticle(visitor).getByText('Solved', { exact: true }))).toBe('Solved');
    await visitor.getByText('Solved — the accepted answer is shown first.').waitFor();
    const first = answers(visitor).first();
    expect(await textOf(first)).toContain(answerBody);
    expect(await textOf(first)).toContain('Accepted answer');
    expect(await textOf(first)).toContain('Helper Ben');
    expect(await answers(visitor).count()).toBe(2);
    expect(await visitor.getByRole('button', { name: 'Accept this answer' }).count()).toBe(0);
    if (!javaScriptEnabled) {
      await visitor.screenshot({ path: join(resultsDir, 'solved-question.png'), fullPage: true });
    }
  }
});
