// Starts the whole product on one machine: the api (which starts the embedded PostgreSQL when
// DATABASE_URL is unset) and, once it is healthy, the server-rendered web app in front of it.
// Stops both on Ctrl-C. Used by `pnpm start` and by the e2e and benchmark drivers.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const apiPort = Number(process.env.API_PORT ?? 4000);
const webPort = Number(process.env.WEB_PORT ?? 3000);
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${webPort}`;
const apiUrl = `http://127.0.0.1:${apiPort}`;

for (const file of ['api/dist/main.js', 'web/build/index.js']) {
  if (!existsSync(join(root, file))) {
    console.error(`${file} is missing: run \`pnpm build\` first (\`pnpm start\` does it for you).`);
    process.exit(1);
  }
}

/**
 * A child process that is started again when it dies unexpectedly, after a pause that grows while it
 * keeps dying (1 s, 2 s, 4 s … at most 30 s) and resets once it has run for a minute. Meanwhile the
 * other one keeps serving: the web shows its "temporarily unavailable" page while the api restarts.
 * The api stops the embedded PostgreSQL it started, however it ends (see embedded-postgres.ts).
 */
const supervised = [];
/**
 * What runs here is the built product: production mode unless told otherwise (libraries such as
 * Express skip development work; the api hides its schema). `NODE_ENV=development pnpm start` gives
 * introspection back. Logs are lines for people in a terminal and JSON for a log collector
 * (LOG_FORMAT decides when set).
 */
const baseEnv = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? 'production',
  LOG_FORMAT: process.env.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json'),
  // glibc gives each thread that allocates its own malloc arena (up to 8 per core), and each keeps
  // its freed memory; two are plenty for processes whose work runs on one JavaScript thread.
  MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
};
function supervise(name, args, env) {
  const service = { name, child: undefined, failures: 0 };
  const launch = () => {
    const startedAt = Date.now();
    const child = spawn(process.execPath, args, { cwd: root, env: { ...baseEnv, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    service.child = child;
    child.on('exit', (code, signal) => {
      if (stopping) return;
      if (!running) {
        console.error(`${name} stopped during start-up (${signal ?? `exit code ${code}`}); stopping everything.`);
        return stop(1);
      }
      service.failures = Date.now() - startedAt > 60_000 ? 1 : service.failures + 1;
      const pause = Math.min(1_000 * 2 ** (service.failures - 1), 30_000);
      console.error(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); starting it again in ${pause / 1000} s.`);
      setTimeout(() => stopping || launch(), pause);
    });
  };
  launch();
  supervised.push(service);
}

let stopping = false;
/** Set once both are up: a child that dies before that (say, on bad configuration) stops everything. */
let running = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  const running = supervised.map((s) => s.child).filter((c) => c && c.exitCode === null && c.signalCode === null);
  for (const child of running) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 10_000).unref();
  Promise.all(running.map((c) => new Promise((resolve) => c.once('exit', resolve)))).then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitFor(url, what, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.error(`${what} did not become ready within ${timeoutMs / 1000} s.`);
  stop(1);
}

/**
 * Memory under load. V8 sizes the young generation from the machine's memory (on a 24 GB host each
 * process kept 128 MiB of new space resident) and lets the old generation grow to several times
 * what is live while requests allocate fast: api + web reached 600–700 MiB serving 32 connections
 * with ~65 MiB live in the api. 4 MiB semi-spaces and an old-generation ceiling of 256 MiB (api)
 * and 128 MiB (web) keep the two below 400 MiB: in bench:pages (signed-in page and GraphQL thread
 * query, 32 connections) the peak was 399–408 MiB with 8 MiB semi-spaces and glibc's default malloc
 * arenas, 373–392 MiB with 4 MiB and two arenas. The price is GC work: in CPU profiles of the same
 * run the collector took 21–24% of the api's main thread (17–18% with 8 MiB) and 17–21% of the
 * web's (16–17%), below what the shared machine lets bench:pages resolve in CPU per page. Larger
 * semi-spaces (16, 32 MiB) saved no measurable CPU and cost 35–80 MiB, and lower ceilings
 * (160 / 96 MiB) did not lower the peak. A larger machine or a big import may want more:
 * API_HEAP_MB / WEB_HEAP_MB set the ceilings (0: V8's own), API_SEMI_SPACE_MB / WEB_SEMI_SPACE_MB
 * the semi-spaces (8 gives back the GC work for ~10 MiB each).
 */
function heapOptions(service, ceilingMiB) {
  const mib = Number(process.env[`${service}_HEAP_MB`] ?? ceilingMiB);
  const semiSpace = Number(process.env[`${service}_SEMI_SPACE_MB`] ?? 4);
  return [`--max-semi-space-size=${semiSpace}`, ...(mib > 0 ? [`--max-old-space-size=${mib}`] : [])];
}

supervise('api', [...heapOptions('API', 256), 'api/dist/main.js'], { API_PORT: String(apiPort), PUBLIC_URL: publicUrl });
await waitFor(`${apiUrl}/health`, 'The api');
supervise('web', [...heapOptions('WEB', 128), 'web/server.ts'], {
  PORT: String(webPort),
  HOST: process.env.WEB_HOST ?? '127.0.0.1',
  API_URL: apiUrl,
  PUBLIC_URL: publicUrl,
});
await waitFor(`http://127.0.0.1:${webPort}/`, 'The web app');
running = !stopping;
if (!stopping) console.log(`\n  Peerdesk is running: ${publicUrl}\n  (GraphQL api on ${apiUrl}/graphql; stop with Ctrl-C)\n`);
