import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSpace, signUp } from '../../test-support/builders';
import { expectError } from '../../test-support/matchers';
import { createTestApp, type TestApp } from '../../test-support/test-app';

describe('search and similar questions per client', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SEARCH_RATE_LIMIT: '3' });
    await seedSpace(t.dataSource);
  });
  afterAll(() => t.close());

  it('are rate-limited per client', async () => {
    for (let i = 0; i < 3; i++) expect((await t.gql(`{ search(query: "invoice") { totalCount } }`)).errors).toBeUndefined();
    expectError(await t.gql(`{ search(query: "invoice") { totalCount } }`), 'RATE_LIMITED');
    for (let i = 0; i < 3; i++) expect((await t.gql(`{ similarQuestions(text: "invoice") { relevance } }`)).errors).toBeUndefined();
    const limited = await t.gql(`{ similarQuestions(text: "invoice") { relevance } }`);
    expectError(limited, 'RATE_LIMITED');
    expect(limited.errors![0]!.extensions.retryAfterSeconds).toBeGreaterThan(0);
    // Another client (a signed-in member) still gets answers.
    const member = await signUp(t, 'Other Client');
    expect((await t.gql(`{ search(query: "invoice") { totalCount } }`, {}, member.cookie)).errors).toBeUndefined();
  });
});
