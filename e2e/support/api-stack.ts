// Starts the api alone (no web app) with its own embedded PostgreSQL on fixed ports and a throw-away
// data directory, for benchmark drivers that only talk GraphQL and import through the cli.
// Requires a built api (api/dist). Fixed ports keep clear of the defaults (4000, 54329) and of the
// other drivers; a run fails early if one is taken.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, resultsDir } from './stack.ts';

export interface ApiStack {
  apiUrl: string;
  databaseUrl: string;
  logs(): string;
  stop(): Promise<void>;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
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

export async function startApiStack(options: {
  apiPort: number;
  pgPort: number;
  name: string;
  env?: Record<string, string>;
}): Promise<ApiStack> {
  if (!existsSync(join(repoRoot, 'api/dist/main.js'))) throw new Error('api/dist/main.js is missing: build the api first.');
  for (const port of [options.apiPort, options.pgPort]) {
    if (!(await portIsFree(port))) throw new Error(`port ${port} is in use: is another run of this benchmark still going?`);
  }
  const dataDir = await mkdtemp(join(tmpdir(), `peerdesk-${options.name}-`));
  // As root, embedded PostgreSQL runs as the `postgres` user, which must reach its data folder.
  await chmod(dataDir, 0o755);
  const apiUrl = `http://127.0.0.1:${options.apiPort}`;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    API_PORT: String(options.apiPort),
    PUBLIC_URL: `http://127.0.0.1:${options.apiPort}`,
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(options.pgPort),
    DEMO_COMMUNITY: 'off',
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  delete env.DATABASE_URL;
  delete env.MEILI_URL;
  const databaseUrl = `postgres://postgres:peerdesk-local@127.0.0.1:${options.pgPort}/peerdesk`;

  // Its own process group, so stop() also reaches the PostgreSQL supervisor the api starts.
  const child = spawn(process.execPath, ['api/dist/main.js'], { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid!;
  mkdirSync(resultsDir, { recursive: true });
  const logFile = createWriteStream(join(resultsDir, `${options.name}.api.log`));
  let output = '';
  const collect = (chunk: Buffer) => {
    logFile.write(chunk);
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const logs = () => output;
  const onExit = () => killGroup(pid, 'SIGKILL');
  process.once('exit', onExit);
  // Ctrl-C or a kill of the driver does not run 'exit' handlers by default: stop the api and its database too.
  const onSignal = (signal: NodeJS.Signals) => {
    killGroup(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      process.off('exit', onExit);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      child.kill('SIGTERM');
      await Promise.race([exited(child), new Promise((resolve) => setTimeout(resolve, 15_000))]);
      killGroup(pid, 'SIGKILL');
      logFile.end();
      await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
    })());

  try {
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`the api exited during start-up (${child.signalCode ?? `exit code ${child.exitCode}`}):\n${logs()}`);
      if (Date.now() > deadline) throw new Error(`the api did not answer at ${apiUrl}/health within 180 s:\n${logs()}`);
      try {
        const res = await fetch(`${apiUrl}/health`, { signal: AbortSignal.timeout(5_000) });
        if (res.ok) break;
      } catch {
        // not up yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { apiUrl, databaseUrl, logs, stop };
}
