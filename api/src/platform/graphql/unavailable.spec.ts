import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Pool } from 'pg';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SearchService } from '../../search/search.service';
import { seedSpace, signUp } from '../../test-support/builders';
import { expectError } from '../../test-support/matchers';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { until } from '../../test-support/until';

describe('while the database is unreachable', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
    admin = new Client({ connectionString: t.databaseUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await t.close();
  });

  const pool = () => (t.dataSource.driver as unknown as { master: Pool & { options: { connectionString: string } } }).master;

  it('a request whose backend is terminated gets a retryable UNAVAILABLE (HTTP 503)', async () => {
    const search = t.app.get(SearchService);
    const spy = vi.spyOn(search, 'similar').mockImplementation(async () => {
      await t.dataSource.query(`SELECT pg_sleep(30) /* terminated */`);
      return [];
    });
    try {
      const pending = t.gql(`{ similarQuestions(text: "invoice") { relevance } }`);
      await until(async () => {
        const rows: unknown[] = await admin
          .query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%/* terminated */%' AND pid <> pg_backend_pid()`)
          .then((r) => r.rows);
        return rows.length > 0;
      }, 'the statement to run');
      const res = await pending;
      expect(res.status).toBe(503);
      expectError(res, 'UNAVAILABLE');
      expect(res.errors![0]!.extensions.retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      spy.mockRestore();
    }
    // The terminated connection may be handed out once more before the pool hears that it closed.
    await until(async () => (await t.gql(`{ spaces { slug } }`)).data !== null, 'the api to answer again');
    expect((await t.gql(`{ spaces { slug } }`)).data).toEqual({ spaces: [{ slug: 'billing' }] });
  });

  it('requests fail with UNAVAILABLE (HTTP 503) while no connection can be opened, and work again after', async () => {
    const member = await signUp(t, 'Waiting Member');
    const url = pool().options.connectionString;
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = new URL(url);
    unreachable.hostname = '127.0.0.1';
    unreachable.port = String(closedPort);
    pool().options.connectionString = unreachable.toString();
    try {
      // The server "crashes": every connection of this database is terminated.
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      await until(() => pool().totalCount === 0, 'the pool to drop its dead connections');

      const anonymous = await t.gql(`{ spaces { slug } }`);
      expect(anonymous.status).toBe(503);
      expectError(anonymous, 'UNAVAILABLE');
      const signedIn = await t.gql(`{ spaces { slug } }`, {}, member.cookie);
      expect(signedIn.status).toBe(503);
      expectError(signedIn, 'UNAVAILABLE');
    } finally {
      pool().options.connectionString = url;
    }
    expect((await t.gql(`{ spaces { slug } }`, {}, member.cookie)).data).toEqual({ spaces: [{ slug: 'billing' }] });
  });
});
