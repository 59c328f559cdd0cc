import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql ships a CommonJS and an ES module build without an exports map: Node (and so Nest and
// graphql-ws) load the CommonJS one, Vite would pick the ES one for our sources. One schema cannot
// cross between the two, so tests load the same build as production.
const graphql = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { conditions: ['source'], alias: [{ find: /^graphql$/, replacement: graphql }] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.spec.ts'],
    globalSetup: ['src/test-support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
