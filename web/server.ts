// Production entry of the web app: the adapter-node server, plus the WebSocket relay to the api
// for live updates (SvelteKit itself does not handle upgrades). `node web/server.ts` starts it.
import type { Server } from 'node:http';
import { attachLiveProxy } from './live-proxy.ts';
import { attachUnsubscribeRelay } from './unsubscribe-relay.ts';
import { attachPageCache } from './src/lib/server/page-cache-server.ts';
import { securityHeaders } from './src/lib/server/security-headers.ts';

// Form posts up to 6 MB: staff photo uploads (the api takes at most 5 MB) pass through the web.
process.env.BODY_SIZE_LIMIT ??= '6M';

// Loaded by a computed path so type checks stay out of the generated bundle.
const entry = './build/index.js';
const { server } = (await import(entry)) as { server: Server };
// Security headers also on what SvelteKit's hooks never see (static files, the static error page);
// SvelteKit's own headers (a page's CSP with its nonce) replace these where it sets them.
const headers = Object.entries(securityHeaders(process.env.PUBLIC_URL));
server.prependListener('request', (_request, response) => {
  for (const [name, value] of headers) response.setHeader(name, value);
});
attachLiveProxy(server, process.env.API_URL ?? 'http://127.0.0.1:4000');
attachUnsubscribeRelay(server, process.env.API_URL ?? 'http://127.0.0.1:4000');
// Anonymous visitors' public pages from memory, in front of everything else (PAGE_CACHE_MB, default 32; 0 turns it off).
const pageCacheMiB = Number(process.env.PAGE_CACHE_MB ?? 32);
if (pageCacheMiB > 0) attachPageCache(server, pageCacheMiB * 1024 * 1024);
