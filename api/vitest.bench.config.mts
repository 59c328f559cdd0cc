import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.mts';

// Benchmarks on the real PostgreSQL of the test setup; they print figures and assert nothing about time.
export default mergeConfig(base, defineConfig({ test: { include: ['src/**/*.bench.ts'], testTimeout: 600_000, hookTimeout: 600_000 } }));
