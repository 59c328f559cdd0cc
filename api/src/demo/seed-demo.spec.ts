import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { seedDemoCommunity } from './seed-demo';

const PASSWORD = 'demo-Passw0rd-2026';

describe('the demo community', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoCommunity(t.dataSource, { onlyIfEmpty: true, password: PASSWORD });
  });
  afterAll(() => t.close());

  it('gives a demo agent a queue to work, soonest due first', async () => {
    const signIn = await t.gql(`mutation ($input: SignInInput!) { signIn(input: $input) { viewer { id } } }`, {
      input: { email: 'miriam.celik@demo.peerdesk.test', password: PASSWORD },
    });
    const queue = await t.gql<{ escalationQueue: { edges: { node: { priority: string; status: string } }[] } }>(
      `{ escalationQueue { edges { node { priority status } } } }`,
      {},
      signIn.cookie,
    );
    expect(queue.errors).toBeUndefined();
    expect(queue.data.escalationQueue.edges.map((e) => e.node)).toEqual(
      expect.arrayContaining([
        { priority: 'URGENT', status: 'NEW' },
        { priority: 'NORMAL', status: 'NEW' },
      ]),
    );
  });

  it('is seeded once: a second start leaves it alone', async () => {
    expect(await seedDemoCommunity(t.dataSource, { onlyIfEmpty: true, password: PASSWORD })).toBeNull();
  });
});
