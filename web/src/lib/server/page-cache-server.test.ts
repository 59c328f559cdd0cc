import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { attachPageCache } from './page-cache-server.ts';

/**
 * A stand-in for SvelteKit: GETs render the current version once `open()` is called (reading it
 * when the render starts, as a load reads the database); POSTs write a new version.
 */
function fakeApp() {
  let version = 1;
  let renders = 0;
  let gate = Promise.resolve();
  let open = () => {};
  const app = {
    get renders() {
      return renders;
    },
    close() {
      gate = new Promise((resolve) => (open = resolve));
    },
    open: () => open(),
    listener: (req: IncomingMessage, res: ServerResponse) => {
      if (req.method === 'POST') {
        version++;
        res.end();
        return;
      }
      renders++;
      const seen = version;
      void gate.then(() => {
        res.setHeader('content-type', 'text/html');
        if (req.headers.cookie?.includes('pd_session=')) res.setHeader('set-cookie', 'pd_session=renewed');
        res.writeHead(200);
        res.end(`<p>version ${seen}</p>`);
      });
    },
  };
  return app;
}

let server: Server | undefined;
/** Requests the server has received so far. */
let arrived = 0;

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function start(app: ReturnType<typeof fakeApp>): Promise<(path: string, init?: RequestInit) => Promise<Response>> {
  server = createServer(app.listener);
  attachPageCache(server, 1_000_000);
  arrived = 0;
  server.prependListener('request', () => arrived++);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return (path, init) => fetch(`http://127.0.0.1:${port}${path}`, init);
}

describe('attachPageCache', () => {
  test('the second anonymous GET is a hit with the same ETag; a session always renders', async () => {
    const app = fakeApp();
    const get = await start(app);
    const first = await get('/questions/1/a');
    const second = await get('/questions/1/a');
    expect(first.headers.get('x-page-cache')).toBe('miss');
    expect(second.headers.get('x-page-cache')).toBe('hit');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await second.text()).toBe('<p>version 1</p>');
    await get('/questions/1/a', { headers: { cookie: 'pd_session=s' } });
    const signedIn = await get('/questions/1/a', { headers: { cookie: 'pd_session=s' } });
    expect(signedIn.headers.get('x-page-cache')).toBeNull();
    expect(signedIn.headers.get('cache-control')).toBeNull();
    expect(app.renders).toBe(3);
  });

  test('concurrent misses of one page wait for one render', async () => {
    const app = fakeApp();
    const get = await start(app);
    app.close();
    const pending = Array.from({ length: 5 }, () => get('/questions/1/a'));
    await until(() => arrived === 5);
    app.open();
    const bodies = await Promise.all(pending.map(async (response) => (await response).text()));
    expect(new Set(bodies)).toEqual(new Set(['<p>version 1</p>']));
    expect(app.renders).toBe(1);
  });

  test('a render that began before a signed-in write is not kept', async () => {
    const app = fakeApp();
    const get = await start(app);
    app.close();
    const before = get('/questions/1/a');
    await until(() => app.renders === 1);
    expect((await get('/questions/1/a?/answer', { method: 'POST', headers: { cookie: 'pd_session=s' } })).status).toBe(200);
    app.open();
    expect(await (await before).text()).toBe('<p>version 1</p>');
    expect(await (await get('/questions/1/a')).text()).toBe('<p>version 2</p>');
  });
});
