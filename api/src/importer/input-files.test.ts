import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { firstInvalidUtf8, ImportInputError, readLines, readXmlRows, StrictUtf8Decoder } from './input-files';

const dir = mkdtempSync(join(tmpdir(), 'peerdesk-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect<T>(iterable: AsyncIterable<T>): Promise<{ items: T[]; error: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of iterable) items.push(item);
    return { items, error: null };
  } catch (error) {
    return { items, error };
  }
}

describe('StrictUtf8Decoder', () => {
  it('decodes multi-byte characters split across chunks at every position', () => {
    const bytes = Buffer.from('Grüße, 日本語 and 😀!', 'utf8');
    for (let cut = 0; cut <= bytes.length; cut++) {
      const decoder = new StrictUtf8Decoder('f.txt');
      const text = decoder.write(bytes.subarray(0, cut)) + decoder.write(bytes.subarray(cut));
      decoder.end();
      expect(text).toBe('Grüße, 日本語 and 😀!');
    }
  });

  it('names the byte offset and line of the first invalid byte, and returns the text before it', () => {
    const decoder = new StrictUtf8Decoder('data.jsonl');
    expect(decoder.write(Buffer.from('ok\nfine\n'))).toBe('ok\nfine\n');
    expect(decoder.write(Buffer.from([0x61, 0x0a, 0x62, 0xe9, 0x63]))).toBe('a\nb');
    expect(decoder.error).toBeInstanceOf(ImportInputError);
    expect(decoder.error!.message).toBe(
      'data.jsonl: invalid UTF-8 at byte offset 11 (line 4): byte 0xE9. It looks like Latin-1 / Windows-1252 text: convert it with `iconv -f latin1 -t utf-8`.',
    );
    expect(() => decoder.end()).toThrow(/byte offset 11/);
  });

  it('reports a file that ends inside a character', () => {
    const decoder = new StrictUtf8Decoder('x.xml');
    decoder.write(Buffer.from([0x61, 0xe6, 0x97]));
    expect(() => decoder.end()).toThrow(
      'x.xml: invalid UTF-8 at byte offset 1 (line 1): byte 0xE6 (the file ends inside a multi-byte character).',
    );
  });

  it('finds overlong forms, surrogates and stray continuation bytes', () => {
    expect(firstInvalidUtf8(Buffer.from('abc'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0x80]))).toBe(2);
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
  });
});

describe('readLines and readXmlRows', () => {
  it('reads LF and CRLF lines with their numbers, dropping a BOM', async () => {
    const file = join(dir, 'lines.jsonl');
    writeFileSync(file, '\uFEFFfirst\r\nsecond\n\nlast');
    const { items } = await collect(readLines(file));
    expect(items).toEqual([
      { text: 'first', line: 1 },
      { text: 'second', line: 2 },
      { text: '', line: 3 },
      { text: 'last', line: 4 },
    ]);
  });

  it('streams rows with their line numbers and stops at a truncated file after the complete rows', async () => {
    const file = join(dir, 'Posts.xml');
    writeFileSync(
      file,
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<posts>\n  <row Id="1" Title="a &amp; b" />\n  <row Id="2" />\n  <row Id="3" Ti',
    );
    const { items, error } = await collect(readXmlRows(file));
    expect(items).toEqual([
      { attributes: { Id: '1', Title: 'a & b' }, line: 3 },
      { attributes: { Id: '2' }, line: 4 },
    ]);
    expect(error).toBeInstanceOf(ImportInputError);
    expect((error as Error).message).toMatch(/^Posts\.xml:\d+:\d+: .* — the file looks truncated\.$/);
  });

  it('reports broken markup with its position', async () => {
    const file = join(dir, 'Users.xml');
    writeFileSync(file, '<users>\n  <row Id="1" />\n  <row Id=2 />\n</users>\n');
    const { items, error } = await collect(readXmlRows(file));
    expect(items).toHaveLength(1);
    expect((error as Error).message).toMatch(/^Users\.xml:3:\d+: /);
  });
});
