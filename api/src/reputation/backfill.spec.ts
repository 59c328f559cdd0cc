import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCommunity } from '../demo/seed-demo';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { backfillLedger } from './backfill';

describe('ledger backfill for content that arrived by SQL (the demo community)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoCommunity(t.dataSource, { onlyIfEmpty: true, password: 'demo-Passw0rd-2026' });
  });
  afterAll(() => t.close());

  it('gives authors the reputation their votes and accepted answers earn, with totals equal to the ledger', async () => {
    const rows: { reputation: number; ledger: number }[] = await t.dataSource.query(
      `SELECT u.reputation, coalesce((SELECT sum(delta) FROM reputation_events e WHERE e.user_id = u.id), 0)::int AS ledger FROM users u`,
    );
    expect(rows.every((r) => r.reputation === r.ledger)).toBe(true);
    expect(rows.filter((r) => r.reputation > 0).length).toBeGreaterThan(5);
    const [accepted] = await t.dataSource.query(`SELECT count(*)::int AS n FROM reputation_events WHERE kind = 'answer.accepted'`);
    const [solved] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM questions q JOIN answers a ON a.id = q.accepted_answer_id WHERE a.author_id <> q.author_id`,
    );
    expect(accepted.n).toBe(solved.n);
  });

  it('writes nothing a second time', async () => {
    const written = await t.dataSource.transaction((manager) => backfillLedger(manager));
    expect(written).toBe(0);
  });
});
