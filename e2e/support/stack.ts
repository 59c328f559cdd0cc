// Starts the whole product (api + embedded PostgreSQL + web) for one test run, via the same
// scripts/start.mjs as `pnpm start`, on free loopback ports with a throw-away data directory.
// Requires a prior `pnpm build` (the root `test:e2e` and `bench` scripts build first).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** Screenshots and logs of test runs (gitignored). */
export const resultsDir = join(repoRoot, 'e2e', 'results');

/** The password of every demo account while the demo community is on. */
export const DEMO_PASSWORD = 'e2e-demo-Fennwatt-2026';

export interface StackOptions {
  /** Load the demo community (spaces, tags, threads, accounts); off by default. */
  demo?: boolean;
  /** Passed on to the api and web processes. */
  env?: Record<string, string>;
  /** Use this database as it is (kept afterwards), instead of a fresh one. */
  databaseUrl?: string;
  /** The processes' output goes to e2e/results/<name>.stack.log (overwritten each run). */
  name?: string;
}

export interface Stack {
  webUrl: string;
  apiUrl: string;
  /** Where the api keeps its data (for read-only measurements such as the bench's SQL count). */
  databaseUrl: string;
  /** The pid of the start.mjs process; the api and web run as its children. */
  pid: number;
  /** The last lines the processes printed (for failure messages). */
  logs(): string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now (the kernel's pick for port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** With DATABASE_URL set, each run gets its own fresh database on that server. */
async function freshDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `peerdesk_e2e_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone already
  }
}

async function waitUntilUp(url: string, child: ChildProcess, logs: () => string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The stack exited during start-up (${child.signalCode ?? `exit code ${child.exitCode}`}):\n${logs()}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The web app did not answer at ${url} within ${timeoutMs / 1000} s:\n${logs()}`);
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  for (const file of ['api/dist/main.js', 'web/build/index.js']) {
    if (!existsSync(join(repoRoot, file)))
      throw new Error(`${file} is missing: run \`pnpm build\` first (\`pnpm test:e2e\` does it for you).`);
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'peerdesk-e2e-'));
  // As root, embedded PostgreSQL runs as the `postgres` user, which must reach its data folder.
  await chmod(dataDir, 0o755);
  const database = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => undefined }
    : process.env.DATABASE_URL
      ? await freshDatabase(process.env.DATABASE_URL)
      : undefined;
  const ports = new Set<number>();
  while (ports.size < 3) ports.add(await freePort());
  const [apiPort, webPort, pgPort] = [...ports];
  const webUrl = `http://127.0.0.1:${webPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;

  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    API_PORT: String(apiPort),
    WEB_PORT: String(webPort),
    PUBLIC_URL: webUrl,
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    DEMO_COMMUNITY: options.demo ? 'on' : 'off',
    DEMO_PASSWORD,
    LOG_LEVEL: 'info',
    ...options.env,
  };
  if (database) env.DATABASE_URL = database.url;
  else delete env.DATABASE_URL;
  // The embedded server's fixed local credentials (api/src/platform/database/embedded-postgres.ts).
  const databaseUrl = database?.url ?? `postgres://postgres:peerdesk-local@127.0.0.1:${pgPort}/peerdesk`;

  // Its own process group, so stop() reaches the api, the web and PostgreSQL as well.
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid!;
  mkdirSync(resultsDir, { recursive: true });
  const logFile = createWriteStream(join(resultsDir, `${options.name ?? 'stack'}.stack.log`));
  let output = '';
  const collect = (chunk: Buffer) => {
    logFile.write(chunk);
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const logs = () => output;
  // Never leave a stack behind, even when the test process ends abruptly.
  const onExit = () => killGroup(pid, 'SIGKILL');
  process.once('exit', onExit);

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      process.off('exit', onExit);
      // start.mjs forwards SIGTERM to the api (which stops PostgreSQL) and the web and waits for
      // them; whatever is left of the group afterwards gets SIGKILL.
      child.kill('SIGTERM');
      await Promise.race([exited(child), new Promise((resolve) => setTimeout(resolve, 10_000))]);
      killGroup(pid, 'SIGKILL');
      logFile.end();
      await database?.drop().catch((error: unknown) => console.warn(`could not drop the e2e database: ${String(error)}`));
      await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
    })());

  try {
    await waitUntilUp(`${webUrl}/`, child, logs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { webUrl, apiUrl, databaseUrl, pid, logs, stop };
}
