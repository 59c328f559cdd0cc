// What a person does in the web app, step by step, through accessible names (labels, roles and
// button texts of the English UI). Works with and without JavaScript: every form is a plain form post.
import type { Page } from 'playwright-core';
import { PASSWORD, uniqueEmail } from './api.ts';

export interface Person {
  displayName: string;
  email: string;
  password: string;
}

export interface AskInput {
  /** The space's visible name, e.g. "Billing & Tariffs". */
  space: string;
  title: string;
  body: string;
  tags?: string[];
}

/** The collapsed text of an element (whitespace normalised), '' when it is missing. */
export async function textOf(locator: ReturnType<Page['locator']>): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Opens a page and waits until it is ready for input: with JavaScript, until SvelteKit has hydrated
 * it (nothing loads any more), because text typed before hydration can be lost (see the report).
 */
export async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForLoadState('networkidle');
}

export async function signUp(page: Page, webUrl: string, displayName: string): Promise<Person> {
  const person = { displayName, email: uniqueEmail(displayName), password: PASSWORD };
  await visit(page, `${webUrl}/signup`);
  await page.getByLabel('Display name').fill(person.displayName);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(`${webUrl}/`);
  await page.getByRole('button', { name: 'Sign out', includeHidden: true }).waitFor({ state: 'attached' });
  return person;
}

/** Fills the ask form on the current /ask page without sending it. */
export async function fillAskForm(page: Page, input: AskInput): Promise<void> {
  await page.getByLabel('Space', { exact: true }).selectOption({ label: input.space });
  await page.getByLabel('Title', { exact: true }).fill(input.title);
  for (const tag of input.tags ?? []) await page.getByRole('checkbox', { name: tag, exact: true }).check();
  await page.getByRole('textbox', { name: 'Details' }).fill(input.body);
}

export function submitQuestion(page: Page): Promise<void> {
  return page.getByRole('button', { name: 'Post your question' }).click();
}

/** Asks through /ask and returns the URL of the new question's page. */
export async function ask(page: Page, webUrl: string, input: AskInput): Promise<string> {
  await visit(page, `${webUrl}/ask`);
  await fillAskForm(page, input);
  await submitQuestion(page);
  await page.waitForURL(/\/questions\/\d+\/[\w-]+/);
  await page.getByRole('heading', { level: 1, name: input.title }).waitFor();
  return page.url();
}

/** Posts an answer with the answer form of the question page that is open. */
export async function answer(page: Page, body: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Your answer' }).fill(body);
  await page.getByRole('button', { name: 'Post your answer' }).click();
  await answers(page).filter({ hasText: body }).waitFor();
}

/** The answers of the open question page, in page order. */
export function answers(page: Page) {
  return page.getByRole('region', { name: /\d+ answers?$/ }).getByRole('article');
}

/** The question itself (the article with the page's heading). */
export function questionArticle(page: Page) {
  return page.getByRole('article').filter({ has: page.getByRole('heading', { level: 1 }) });
}

/** Signs in on the web's sign-in page and waits until the header shows the signed-in person. */
export async function signIn(page: Page, webUrl: string, email: string, password: string): Promise<void> {
  await visit(page, `${webUrl}/signin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out', includeHidden: true }).waitFor({ state: 'attached' });
}
