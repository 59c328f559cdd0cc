import { join } from 'node:path';
import { Client } from 'pg';
import type { TestProject } from 'vitest/node';
import { createDataSource } from '../platform/database/data-source';
import { ensureDatabase, startEmbeddedPostgres } from '../platform/database/embedded-postgres';
import { createLogger } from '../platform/logger';

export const TEMPLATE_DATABASE = 'peerdesk_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseServerUrl: string;
  }
}

/** Swaps the database name of a postgres URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Starts the test PostgreSQL once per run (embedded, or the server in DATABASE_URL), migrates a template
 * database, and hands the server URL to the test files, which clone the template for themselves.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const logger = createLogger({ logLevel: 'warn', logFormat: 'pretty' });
  let serverUrl: string;
  let stop = async () => undefined as void;
  if (process.env.DATABASE_URL) {
    serverUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
    console.log(`api tests use the PostgreSQL server of DATABASE_URL (${new URL(serverUrl).host})`);
  } else {
    // One cluster per port, so parallel suites on different TEST_PG_PORTs never share a data directory.
    const port = Number(process.env.TEST_PG_PORT ?? 54339);
    const dataDir = join(__dirname, '..', '..', '..', '.data', port === 54339 ? 'test' : `test-${port}`);
    const server = await startEmbeddedPostgres(dataDir, port, logger);
    serverUrl = server.url('postgres');
    stop = server.stop;
    console.log(`api tests use an embedded PostgreSQL (${new URL(serverUrl).host})`);
  }

  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.end();
  await ensureDatabase(serverUrl, TEMPLATE_DATABASE);
  const template = createDataSource(withDatabase(serverUrl, TEMPLATE_DATABASE));
  await template.initialize();
  await template.runMigrations({ transaction: 'each' });
  await template.destroy();

  project.provide('databaseServerUrl', serverUrl);
  return stop;
}
