// Puts the anonymous page cache (page-cache.ts) in front of SvelteKit in the production server.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import { SESSION_COOKIE } from './api.ts';
import { isShareable, matchesEtag, PageCache, pageCacheKey, REQUEST_ID, type CachedPage, type RenderedPage } from './page-cache.ts';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

function send(req: IncomingMessage, res: ServerResponse, page: CachedPage, hit: boolean): void {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  const requestId = { 'x-request-id': id, 'x-page-cache': hit ? 'hit' : 'miss' };
  if (matchesEtag(req.headers['if-none-match'], page.etag)) {
    const { vary, 'cache-control': cacheControl } = page.headers;
    res.writeHead(304, { etag: page.etag, vary, 'cache-control': cacheControl, ...requestId }).end();
  } else {
    res.writeHead(200, { ...page.headers, ...requestId }).end(page.body);
  }
}

/**
 * Lets SvelteKit answer, but keeps what it writes instead of sending it, so the render can be
 * stored before the visitor gets it (with its ETag). Resolves to the render, or to null when the
 * response went out as is (the connection closed, or SvelteKit wrote in an unexpected way).
 */
function capture(req: IncomingMessage, res: ServerResponse, render: Listener): Promise<RenderedPage | null> {
  return new Promise((resolve) => {
    const writeHead = res.writeHead;
    const write = res.write;
    const end = res.end;
    const chunks: Buffer[] = [];
    let status = 200;
    const restore = () => Object.assign(res, { writeHead, write, end });
    const toBuffer = (chunk: unknown, encoding?: unknown) =>
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array);
    res.writeHead = function (code: number, ...rest: unknown[]) {
      status = code;
      const headers = rest.find((arg) => typeof arg === 'object' && arg !== null) as OutgoingHttpHeaders | undefined;
      if (Array.isArray(headers)) {
        restore();
        resolve(null);
        return writeHead.call(res, code, ...(rest as [OutgoingHttpHeaders]));
      }
      for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) res.setHeader(name, value);
      return res;
    } as ServerResponse['writeHead'];
    res.write = function (chunk: unknown, encoding?: unknown) {
      chunks.push(toBuffer(chunk, encoding));
      return true;
    } as ServerResponse['write'];
    res.end = function (chunk?: unknown, encoding?: unknown) {
      if (chunk !== undefined && typeof chunk !== 'function') chunks.push(toBuffer(chunk, encoding));
      restore();
      resolve({ status, headers: res.getHeaders(), body: Buffer.concat(chunks) });
      return res;
    } as ServerResponse['end'];
    res.once('close', () => {
      restore();
      resolve(null);
    });
    render(req, res);
  });
}

/**
 * A request that may change what anonymous visitors see: a signed-in person's form post or GraphQL
 * call through this server. One change can show on many pages (a thread, the lists, the home page),
 * and writes are rare next to reads, so it empties the cache.
 */
function mayWrite(req: IncomingMessage): boolean {
  return req.method !== 'GET' && req.method !== 'HEAD' && (req.headers.cookie ?? '').includes(`${SESSION_COOKIE}=`);
}

/** Sends a render that is not shared exactly as SvelteKit wrote it. */
function sendAsRendered(res: ServerResponse, page: RenderedPage): void {
  res.writeHead(page.status).end(page.body);
}

/**
 * Anonymous GETs of public pages are answered from a bounded in-memory cache (see
 * docs/ARCHITECTURE.md, "Page cache"); everything else goes on to SvelteKit unchanged. Concurrent
 * misses of one page wait for one render. A signed-in person's write through this server empties
 * the cache at once.
 */
export function attachPageCache(server: Server, maxBytes: number): PageCache {
  const cache = new PageCache({ maxBytes });
  const rendering = new Map<string, Promise<CachedPage | null>>();
  // A render that began before a write may show the old state: it is sent, but neither stored nor shared.
  let generation = 0;
  const listeners = server.listeners('request') as Listener[];
  server.removeAllListeners('request');
  const pass: Listener = (req, res) => {
    for (const listener of listeners) listener.call(server, req, res);
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const key = pageCacheKey(req);
    if (key === null) {
      if (mayWrite(req))
        res.once('finish', () => {
          generation++;
          rendering.clear();
          cache.clear();
        });
      return pass(req, res);
    }
    const cached = cache.fresh(key);
    if (cached) return send(req, res, cached, true);
    const waiting = rendering.get(key);
    if (waiting) {
      void waiting.then((page) => (page ? send(req, res, page, true) : pass(req, res)));
      return;
    }
    const started = generation;
    const render = capture(req, res, pass).then((page) => {
      if (rendering.get(key) === render) rendering.delete(key);
      if (!page) return null;
      if (!isShareable(page) || generation !== started) {
        sendAsRendered(res, page);
        return null;
      }
      const entry = cache.store(key, page);
      send(req, res, entry, false);
      return entry;
    });
    rendering.set(key, render);
  });
  return cache;
}
