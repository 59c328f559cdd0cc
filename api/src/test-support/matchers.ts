import { expect } from 'vitest';
import type { GqlResult } from './test-app';

/** Every error assertion reads the same: one error with this code (and, optionally, this field code). */
export function expectError(result: GqlResult<unknown>, code: string, field?: { field: string; code: string }): void {
  expect(result.errors, `expected a ${code} error`).toBeDefined();
  const error = result.errors![0]!;
  expect(error.extensions.code).toBe(code);
  if (field) expect(error.extensions.fields).toContainEqual(expect.objectContaining(field));
}
