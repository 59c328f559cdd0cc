import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createDataSource } from './data-source';

describe('every SQL statement', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is bounded by a statement timeout (10 s unless configured)', async () => {
    expect(await t.dataSource.query(`SHOW statement_timeout`)).toEqual([{ statement_timeout: '10s' }]);
    const short = createDataSource(t.databaseUrl, undefined, { statementTimeoutMs: 100 });
    await short.initialize();
    try {
      await expect(short.query(`SELECT pg_sleep(30)`)).rejects.toMatchObject({ driverError: { code: '57014' } });
    } finally {
      await short.destroy();
    }
  });
});
