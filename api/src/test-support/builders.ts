import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { TestApp } from './test-app';

export const PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  cookie: string;
}

/**
 * Signs a new member up through the API and returns its session cookie. The account is then put at
 * trust level 1 (member), so its posts publish directly; pass `{ trustLevel: 0 }` for a newcomer,
 * whose first posts wait in the review queue. The address counts as confirmed unless `{ verified: false }`.
 */
export async function signUp(
  t: TestApp,
  displayName = 'Test Member',
  options: { trustLevel?: number; verified?: boolean } = {},
): Promise<TestUser> {
  const email = `${displayName.toLowerCase().replace(/\W+/g, '.')}.${randomBytes(4).toString('hex')}@example.com`;
  const up = await t.gql(`mutation ($input: SignUpInput!) { signUp(input: $input) { accepted } }`, {
    input: { email, password: PASSWORD, displayName },
  });
  if (up.errors) throw new Error(`sign up failed: ${JSON.stringify(up.errors)}`);
  // Sign-up starts no session (it answers alike for taken addresses); signing in does.
  const res = await t.gql<{ signIn: { viewer: { id: string } } }>(
    `mutation ($input: SignInInput!) { signIn(input: $input) { viewer { id } } }`,
    { input: { email, password: PASSWORD } },
  );
  if (res.errors || !res.cookie) throw new Error(`sign in after sign up failed: ${JSON.stringify(res.errors)}`);
  await setTrustLevel(t.dataSource, res.data.signIn.viewer.id, options.trustLevel ?? 1);
  if (options.verified !== false) {
    // A member who already confirmed the address; the confirmation mail is out of the way of tests that count mail.
    await t.dataSource.query(`UPDATE users SET email_verified_at = now() WHERE id = $1`, [res.data.signIn.viewer.id]);
    await t.dataSource.query(`DELETE FROM mail_outbox WHERE recipient_id = $1`, [res.data.signIn.viewer.id]);
  }
  return { id: res.data.signIn.viewer.id, email, cookie: res.cookie };
}

export async function setTrustLevel(dataSource: DataSource, userId: string, trustLevel: number): Promise<void> {
  await dataSource.query(`UPDATE users SET trust_level = $2 WHERE id = $1`, [userId, trustLevel]);
}

export async function setRole(dataSource: DataSource, userId: string, role: string): Promise<void> {
  await dataSource.query(`UPDATE users SET role = $2 WHERE id = $1`, [userId, role]);
}

/** A space `billing` with the tags `invoice` and `tariff`. */
export async function seedSpace(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `INSERT INTO spaces (slug, name, description) VALUES ('billing', 'Billing', 'Invoices and tariffs') ON CONFLICT DO NOTHING`,
  );
  await dataSource.query(`INSERT INTO tags (slug) VALUES ('invoice'), ('tariff') ON CONFLICT DO NOTHING`);
}

export const ASK = `mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id title status slug bodyHtml tags { slug } } }`;
export const ANSWER = `mutation ($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id isAccepted } }`;

export function questionInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    spaceSlug: 'billing',
    title: 'Why is my invoice higher than last month?',
    body: 'My November invoice is 40 % higher although my usage did not change. What could cause this?',
    tags: ['invoice'],
    ...overrides,
  };
}

export async function ask(t: TestApp, user: TestUser, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await t.gql<{ askQuestion: { id: string } }>(ASK, { input: questionInput(overrides) }, user.cookie);
  if (res.errors) throw new Error(`ask failed: ${JSON.stringify(res.errors)}`);
  return res.data.askQuestion.id;
}

export async function answer(
  t: TestApp,
  user: TestUser,
  questionId: string,
  body = 'Check whether your monthly advance payment was adjusted.',
): Promise<string> {
  const res = await t.gql<{ answerQuestion: { id: string } }>(ANSWER, { input: { questionId, body } }, user.cookie);
  if (res.errors) throw new Error(`answer failed: ${JSON.stringify(res.errors)}`);
  return res.data.answerQuestion.id;
}
