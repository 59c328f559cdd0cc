import { defineConfig } from 'vitest/config';

// Each test file starts its own stack (api, embedded PostgreSQL, web) and real Chromium, so files
// run one after another and the time limits are generous.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
