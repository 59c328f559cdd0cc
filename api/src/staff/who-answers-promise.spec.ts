// "Who answers here" tells the public what a team promises: how soon its first reply to an
// escalated question comes (normal priority, business time).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCast } from '../escalation/test/escalation-fixture';
import { createTestApp, type TestApp } from '../test-support/test-app';

describe('who answers here', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedCast(t);
  });
  afterAll(() => t.close());

  it('names each team’s first-response promise, to anonymous visitors too', async () => {
    const res = await t.gql<{ whoAnswersHere: { name: string; firstResponseMinutes: number | null }[] }>(
      `query { whoAnswersHere { name firstResponseMinutes } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.whoAnswersHere).toEqual(
      expect.arrayContaining([
        { name: 'Customer care', firstResponseMinutes: 240 },
        { name: 'Metering experts', firstResponseMinutes: 240 },
      ]),
    );
  });
});
