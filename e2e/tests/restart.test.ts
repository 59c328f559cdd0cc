// The product as `pnpm start` runs it survives its api dying: the web keeps answering with its
// "temporarily unavailable" page, the api comes back on its own, and stopping the product stops the
// embedded PostgreSQL it started — also when the api was killed without a chance to clean up.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startStack, type Stack } from '../support/stack.ts';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ name: 'restart' });
});
afterAll(async () => {
  await stack?.stop();
});

/** Pids of processes whose command line contains `pattern` (none: empty). */
function pids(pattern: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', pattern], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The api process among the children of start.mjs. */
function apiPid(): number | undefined {
  const children = execFileSync('pgrep', ['-P', String(stack.pid)], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map(Number);
  return children.find((pid) => execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).includes('api/dist/main.js'));
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s:\n${stack.logs()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** With DATABASE_URL the product uses that server and starts none of its own. */
const embedded = !process.env.DATABASE_URL;
const embeddedDatabase = () => `postgres -D .* -p ${new URL(stack.databaseUrl).port}`;

test('the web serves "temporarily unavailable" while a killed api restarts, then everything works again', async () => {
  if (embedded) expect(pids(embeddedDatabase())).not.toEqual([]);
  const first = apiPid()!;
  expect(first).toBeGreaterThan(0);

  process.kill(first, 'SIGKILL');
  // The api's database supervisor notices its parent is gone and stops PostgreSQL with it.
  if (embedded) await until('the database stopping with its api', async () => (pids(embeddedDatabase()).length === 0 ? true : undefined));
  // A page the anonymous page cache does not keep (the home page may still answer from it meanwhile).
  const unavailable = await fetch(`${stack.webUrl}/leaderboard`);
  expect(unavailable.status).toBe(503);
  expect(await unavailable.text()).toContain('Temporarily unavailable');

  const page = await until('the page answering again', async () => {
    const res = await fetch(`${stack.webUrl}/leaderboard`);
    return res.status === 200 ? res : undefined;
  });
  expect(await page.text()).toContain('<html');
  expect(apiPid()).not.toBe(first);
});

test.skipIf(!embedded)('stopping the product stops the database it started', async () => {
  expect(pids(embeddedDatabase())).not.toEqual([]);
  // As Ctrl-C would: start.mjs alone gets the signal, not its whole process group.
  process.kill(stack.pid, 'SIGTERM');
  await until('the product stopping', async () => (pids(`^${process.execPath} scripts/start.mjs`).includes(stack.pid) ? undefined : true));
  // PostgreSQL's own shutdown may still be finishing (a checkpoint, on a busy machine); it must end by itself.
  await until('the database stopping with the product', async () => (pids(embeddedDatabase()).length === 0 ? true : undefined), 30_000);
});
