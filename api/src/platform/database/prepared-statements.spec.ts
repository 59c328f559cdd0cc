import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createDataSource } from './data-source';

const prepared = `SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE '%pd_prepared_probe%'`;

describe('repeated SQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('runs as a named prepared statement on its connection, with the same results', async () => {
    const runner = t.dataSource.createQueryRunner();
    try {
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await runner.query(`SELECT $1::int + 1 AS n /* pd_prepared_probe */`, [i]));
      expect(results).toEqual([[{ n: 1 }], [{ n: 2 }], [{ n: 3 }], [{ n: 4 }]]);
      const rows: { name: string }[] = await runner.query(prepared);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.name).toMatch(/^pd_/);
    } finally {
      await runner.release();
    }
  });

  it('is sent unnamed when turned off (PG_PREPARED_STATEMENTS=off, for a pooler that cannot keep statements)', async () => {
    const plain = createDataSource(t.databaseUrl, undefined, { preparedStatements: false });
    await plain.initialize();
    const runner = plain.createQueryRunner();
    try {
      for (let i = 0; i < 4; i++) await runner.query(`SELECT $1::int + 2 AS n /* pd_prepared_probe */`, [i]);
      expect(await runner.query(prepared)).toEqual([]);
    } finally {
      await runner.release();
      await plain.destroy();
    }
  });
});
