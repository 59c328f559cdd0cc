import { describe, expect, it } from 'vitest';
import { StatementNames } from './prepared-statements';

describe('StatementNames', () => {
  it('names a text once it has come back, the same name every time', () => {
    const names = new StatementNames(10, 2);
    const text = 'SELECT id FROM questions WHERE id = $1';
    expect(names.nameOf(text)).toBeUndefined();
    expect(names.nameOf(text)).toBeUndefined();
    const name = names.nameOf(text);
    expect(name).toMatch(/^pd_[\w-]+$/);
    expect(names.nameOf(text)).toBe(name);
    expect(names.nameOf('SELECT id FROM answers WHERE id = $1')).toBeUndefined();
  });

  it('names at most `limit` texts; the others stay unnamed', () => {
    const names = new StatementNames(2, 0);
    expect(names.nameOf('SELECT $1::int AS a')).toBeDefined();
    expect(names.nameOf('SELECT $1::int AS b')).toBeDefined();
    expect(names.nameOf('SELECT $1::int AS c')).toBeUndefined();
    expect(names.nameOf('SELECT $1::int AS c')).toBeUndefined();
    expect(names.size).toBe(2);
  });

  it('forgets the texts it watches when too many one-off texts come by, so they cannot grow without bound', () => {
    const names = new StatementNames(10, 1, 3);
    for (let i = 0; i < 100; i++) expect(names.nameOf(`SELECT $1::int AS x${i}`)).toBeUndefined();
    expect(names.size).toBe(0);
  });
});
