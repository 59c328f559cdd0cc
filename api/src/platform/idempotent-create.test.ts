import { describe, expect, it } from 'vitest';
import { idempotentCreate, isUniqueViolation } from './idempotent-create';

const uniqueViolation = (constraint: string) => Object.assign(new Error('duplicate key'), { code: '23505', constraint });

describe('idempotentCreate', () => {
  it('returns what an earlier submit with the key made, without creating', async () => {
    let created = 0;
    const result = await idempotentCreate('key-12345', {
      constraint: 'c',
      find: () => Promise.resolve('earlier'),
      create: () => Promise.resolve(`new ${++created}`),
    });
    expect([result, created]).toEqual(['earlier', 0]);
  });

  it('reads the winner when a concurrent submit with the same key took the unique index first', async () => {
    const found: (string | null)[] = [null, 'winner'];
    const result = await idempotentCreate('key-12345', {
      constraint: 'answers_client_mutation_key',
      find: () => Promise.resolve(found.shift() ?? null),
      create: () => Promise.reject(uniqueViolation('answers_client_mutation_key')),
    });
    expect(result).toBe('winner');
  });

  it('passes on other errors, violations of other indexes, and every error without a key', async () => {
    const base = { constraint: 'a_key', find: () => Promise.resolve(null) };
    await expect(idempotentCreate('key-12345', { ...base, create: () => Promise.reject(new Error('boom')) })).rejects.toThrow('boom');
    await expect(idempotentCreate('key-12345', { ...base, create: () => Promise.reject(uniqueViolation('other')) })).rejects.toThrow(
      'duplicate key',
    );
    await expect(idempotentCreate(null, { ...base, create: () => Promise.reject(uniqueViolation('a_key')) })).rejects.toThrow(
      'duplicate key',
    );
  });

  it('recognises a unique violation wrapped by the driver', () => {
    expect(isUniqueViolation({ driverError: { code: '23505', constraint: 'x' } }, 'x')).toBe(true);
    expect(isUniqueViolation({ code: '23503' })).toBe(false);
  });
});
