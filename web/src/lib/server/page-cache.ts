// The anonymous page cache: what may be cached, under which key, and the bounded store itself.
// Plain TypeScript without SvelteKit imports: the production server (web/server.ts) runs it in
// front of SvelteKit (see page-cache-server.ts), so a hit costs no rendering at all.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { readTimeZone, TIME_ZONE_COOKIE } from '../i18n/format.ts';
import { LOCALE_COOKIE, negotiateLocale } from '../i18n/locale.ts';
import { SESSION_COOKIE } from './api.ts';

/** How long a rendered page is served without rendering again: a change is visible to the next visitor after at most this. */
export const FRESH_MS = 1_000;
/**
 * A page rendered again that differs only in what every render varies (see {@link fingerprint})
 * keeps the bytes and ETag stored first, so browsers and shared caches get 304s, for at most this long.
 */
export const KEEP_UNCHANGED_MS = 5 * 60_000;
/** Browsers always revalidate (cheap: 304); shared caches may keep a page 1 s and serve it stale while they fetch it again. */
export const CACHE_CONTROL = `public, max-age=0, s-maxage=${FRESH_MS / 1000}, stale-while-revalidate=10`;

/** A caller's request id that is kept (hooks.server.ts, cache hits); any other gets a new one. */
export const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Public pages whose HTML is the same for every anonymous visitor with the same language and time zone. */
const CACHEABLE_PATH = /^\/(?:questions(?:\/\d{1,18}(?:\/[^/]+)?)?|tags(?:\/[^/]+)?|spaces\/[^/]+)?$/;

export interface PageRequest {
  method?: string | undefined;
  url?: string | undefined;
  headers: IncomingHttpHeaders;
}

function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const value = part.slice(eq + 1).trim();
    try {
      cookies.set(part.slice(0, eq).trim(), decodeURIComponent(value));
    } catch {
      cookies.set(part.slice(0, eq).trim(), value);
    }
  }
  return cookies;
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(', ') : value);

/**
 * The cache key of a request that may be answered from the cache, or null. Only GETs of an HTML
 * page without a session cookie qualify; the page's language and time zone (the only inputs of
 * an anonymous render besides the URL) are resolved as the app resolves them, so `de` and `en`
 * pages, and readers in different zones, never share an entry.
 */
export function pageCacheKey(request: PageRequest): string | null {
  if (request.method !== 'GET' || !request.url) return null;
  const query = request.url.indexOf('?');
  const path = query < 0 ? request.url : request.url.slice(0, query);
  if (!CACHEABLE_PATH.test(path)) return null;
  const accept = single(request.headers.accept);
  if (accept && !accept.includes('text/html') && !accept.includes('*/*')) return null;
  const cookies = parseCookies(single(request.headers.cookie));
  if (cookies.has(SESSION_COOKIE)) return null;
  const locale = negotiateLocale(cookies.get(LOCALE_COOKIE), single(request.headers['accept-language']));
  return `${locale} ${readTimeZone(cookies.get(TIME_ZONE_COOKIE))} ${request.url}`;
}

export interface RenderedPage {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

export interface CachedPage {
  /** Response headers of the render, with ETag and Cache-Control, without the render's request id. */
  headers: OutgoingHttpHeaders;
  body: Buffer;
  etag: string;
  fingerprint: string;
  /** When it was last rendered (or confirmed unchanged by a render). */
  checkedAt: number;
  /** When these bytes were rendered. */
  renderedAt: number;
}

/** Whether a render may be shared with other anonymous visitors. */
export function isShareable(page: RenderedPage): boolean {
  const header = (name: string) => String(page.headers[name] ?? '').toLowerCase();
  return (
    page.status === 200 &&
    page.headers['set-cookie'] === undefined &&
    header('content-type').startsWith('text/html') &&
    !/private|no-store/.test(header('cache-control'))
  );
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * The page without what every render varies: the CSP nonce, the reference time for relative
 * dates (`now:`) and the idempotency keys of its forms (random UUIDs). Two renders with the same
 * fingerprint show the same content.
 */
export function fingerprint(page: RenderedPage): string {
  const nonce = /'nonce-([^']+)'/.exec(String(page.headers['content-security-policy'] ?? ''))?.[1];
  let html = page.body.toString('utf8');
  if (nonce) html = html.replaceAll(nonce, '');
  html = html.replace(/\bnow:\d+/g, 'now:').replace(UUID, '');
  return createHash('sha256').update(html).digest('base64url');
}

export interface PageCacheOptions {
  maxBytes: number;
  now?: () => number;
}

/** A least-recently-used store of rendered pages, bounded by the bytes of their bodies. */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private bytes = 0;
  private readonly maxBytes: number;
  private readonly now: () => number;

  constructor(options: PageCacheOptions) {
    this.maxBytes = options.maxBytes;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get usedBytes(): number {
    return this.bytes;
  }

  /** The entry if it may be served without rendering again. */
  fresh(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry || this.now() - entry.checkedAt >= FRESH_MS) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /**
   * Stores a new render and returns what to serve: the earlier entry, confirmed, when the render
   * shows the same content (same bytes and ETag for revalidating clients), else the new render.
   */
  store(key: string, page: RenderedPage): CachedPage {
    const now = this.now();
    const print = fingerprint(page);
    const previous = this.entries.get(key);
    if (previous && previous.fingerprint === print && now - previous.renderedAt < KEEP_UNCHANGED_MS) {
      previous.checkedAt = now;
      return previous;
    }
    const etag = `"${createHash('sha256').update(page.body).digest('base64url').slice(0, 27)}"`;
    const headers: CachedPage['headers'] = {};
    for (const [name, value] of Object.entries(page.headers))
      if (value !== undefined && name !== 'x-request-id' && name !== 'etag') headers[name] = value;
    headers.etag = etag;
    headers['cache-control'] = CACHE_CONTROL;
    headers['content-length'] = page.body.byteLength;
    const entry: CachedPage = { headers, body: page.body, etag, fingerprint: print, checkedAt: now, renderedAt: now };
    this.delete(key);
    if (page.body.byteLength > this.maxBytes) return entry;
    this.entries.set(key, entry);
    this.bytes += page.body.byteLength;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.body.byteLength;
    }
    return entry;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.byteLength;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}

/** Whether the request's If-None-Match names this ETag. */
export function matchesEtag(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  const header = single(ifNoneMatch);
  if (!header) return false;
  return header.trim() === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
