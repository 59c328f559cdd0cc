import { describe, expect, it } from 'vitest';
import { de } from './de.ts';
import { en } from './en.ts';

const placeholders = (value: unknown): string[] => {
  const texts = typeof value === 'string' ? [value] : Object.values(value as Record<string, string>);
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '')))].sort();
};

describe('message catalogs', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('agree on which entries are plural and on their forms', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const english = en[key];
      const german = de[key];
      expect(typeof german, key).toBe(typeof english);
      if (typeof english === 'object') expect(Object.keys(german).sort(), key).toEqual(Object.keys(english).sort());
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(de[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('have no empty texts', () => {
    for (const catalog of [en, de]) {
      for (const [key, value] of Object.entries(catalog)) {
        for (const text of typeof value === 'string' ? [value] : Object.values(value)) {
          expect(text.trim(), key).not.toBe('');
        }
      }
    }
  });
});
