import { describe, expect, it } from 'vitest';
import { isUnavailable } from './errors';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('isUnavailable', () => {
  it('recognises a database that is restarting or cannot be reached', () => {
    for (const code of ['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', 'ECONNREFUSED', 'ECONNRESET']) {
      expect(isUnavailable(withCode(code)), code).toBe(true);
    }
    expect(isUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('looks through TypeORM, GraphQL and aggregated errors', () => {
    expect(isUnavailable({ message: 'query failed', driverError: withCode('57P01') })).toBe(true);
    expect(isUnavailable({ message: 'wrapped', originalError: { driverError: withCode('57P03') } })).toBe(true);
    expect(isUnavailable(new AggregateError([withCode('ECONNREFUSED')], 'connect failed'))).toBe(true);
    expect(isUnavailable(new Error('outer', { cause: withCode('08006') }))).toBe(true);
  });

  it('leaves other failures alone', () => {
    for (const code of ['23505', '22021', '57014', '42P01', 'ENOENT']) expect(isUnavailable(withCode(code)), code).toBe(false);
    expect(isUnavailable(new Error('invalid byte sequence for encoding "UTF8": 0x00'))).toBe(false);
    expect(isUnavailable(null)).toBe(false);
    expect(isUnavailable('ECONNREFUSED')).toBe(false);
  });
});
