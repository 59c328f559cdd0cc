/// <reference types="vitest/config" />
import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import nodeAdapter from '@sveltejs/adapter-node';
import type { Adapter } from '@sveltejs/kit';
import { sveltekit } from '@sveltejs/kit/vite';
import { defaultClientConditions, defaultServerConditions, defineConfig, type Plugin } from 'vite';
import { attachLiveProxy } from './live-proxy.ts';
import { CSP_DIRECTIVES } from './src/lib/server/security-headers.ts';

/**
 * adapter-node 6 fixes the app's origin at build time (`paths.origin`) and otherwise assumes
 * `https://<host>`, so a plain-http run (local, CI, e2e) would fail SvelteKit's CSRF origin check
 * on every form. Peerdesk is configured at run time instead: after the node adapter has written
 * its output, the origin it hands to its request handler is read from `PUBLIC_URL` when the
 * server starts (default `http://localhost:$PORT`). The CSRF check itself stays on.
 */
function withRuntimeOrigin(adapter: Adapter, out: string): Adapter {
  return {
    ...adapter,
    async adapt(builder) {
      await adapter.adapt(builder);
      const file = path.resolve(out, 'adapter-node.js');
      const source = fs.readFileSync(file, 'utf8');
      const line = /^export const origin = .*;$/m;
      if (!line.test(source)) {
        throw new Error(`${file}: adapter-node output changed, cannot set the runtime origin`);
      }
      fs.writeFileSync(
        file,
        source.replace(
          line,
          'export const origin = new URL(process.env.PUBLIC_URL || `http://localhost:${process.env.PORT || 3000}`).origin;',
        ),
      );
      builder.log.minor('Origin is read from PUBLIC_URL at start');
    },
  };
}

/** In `vite dev`, live updates reach the api through the same relay as in production (`server.ts`). */
const liveProxy: Plugin = {
  name: 'peerdesk-live-proxy',
  configureServer(server) {
    if (server.httpServer) attachLiveProxy(server.httpServer as Server, process.env.API_URL ?? 'http://127.0.0.1:4000');
  },
};

/** The adapter's output; `node web/server.ts` starts it with the live-update relay. */
const BUILD_DIR = 'build';

export default defineConfig({
  plugins: [
    liveProxy,
    sveltekit({
      adapter: withRuntimeOrigin(nodeAdapter({ out: BUILD_DIR }), BUILD_DIR),
      // SvelteKit's origin check on form posts stays on; no other origin is trusted.
      csrf: { trustedOrigins: [] },
      // Absolute links, so one path helper serves hrefs, redirects and canonical URLs alike.
      paths: { relative: false },
      // Nonces for SvelteKit's inline scripts; the other headers are set in hooks.server.ts.
      csp: { mode: 'auto', directives: CSP_DIRECTIVES },
    }),
  ],
  // Workspace libraries are consumed from their TypeScript source (no prior build needed).
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
