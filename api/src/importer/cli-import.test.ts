import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseImportArgs } from './cli-import';

const dir = mkdtempSync(join(tmpdir(), 'peerdesk-cli-'));
const dump = join(dir, 'site.stackexchange.com');
mkdirSync(dump);
writeFileSync(join(dump, 'Posts.xml'), '<posts/>');
const jsonl = join(dir, 'threads.jsonl');
writeFileSync(jsonl, '');
const empty = join(dir, 'empty');
mkdirSync(empty);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const error = (args: string[]) => {
  const parsed = parseImportArgs(args);
  return parsed.ok ? null : parsed.error;
};

describe('pnpm cli import arguments (usage errors exit 2 before the database opens)', () => {
  it('accepts a dump folder and a JSONL file with their options', () => {
    expect(parseImportArgs([dump, '--format', 'stackexchange', '--space', 'cardano', '--source-url', 'https://x.example/q/{id}'])).toEqual({
      ok: true,
      options: {
        format: 'stackexchange',
        path: dump,
        source: null,
        space: 'cardano',
        license: null,
        sourceUrl: 'https://x.example/q/{id}',
        batchSize: 500,
      },
    });
    expect(parseImportArgs(['--format=jsonl', jsonl, '--source', 'forums', '--license', 'MIT', '--batch-size', '50'])).toMatchObject({
      ok: true,
      options: { format: 'jsonl', path: jsonl, source: 'forums', license: 'MIT', batchSize: 50 },
    });
  });

  it('rejects what cannot work, saying why', () => {
    expect(error(['--format', 'jsonl'])).toBe('Give the path of a dump folder or a JSONL file.');
    expect(error([jsonl])).toMatch(/--format stackexchange or --format jsonl/);
    expect(error([jsonl, '--format', 'csv'])).toBe('Unknown --format "csv": use stackexchange or jsonl.');
    expect(error([join(dir, 'missing'), '--format', 'jsonl'])).toBe(`No such file or folder: ${join(dir, 'missing')}`);
    expect(error([jsonl, '--format', 'stackexchange'])).toMatch(/is not a folder/);
    expect(error([empty, '--format', 'stackexchange'])).toMatch(/No Posts.xml/);
    expect(error([empty, '--format', 'jsonl'])).toBe(`${empty} is a folder without threads.jsonl: give the JSONL file itself.`);
    expect(error([jsonl, '--format', 'jsonl', '--space', 'Not A Slug'])).toMatch(/is not a space slug/);
    expect(error([jsonl, '--format', 'jsonl', '--source-url', 'https://x.example/q/'])).toMatch(/containing \{id\}/);
    expect(error([jsonl, '--format', 'jsonl', '--batch-size', '0'])).toMatch(/--batch-size/);
    expect(error([jsonl, '--format', 'jsonl', '--bench'])).toBe('Unknown option --bench.');
    expect(error([jsonl, '--format'])).toBe('--format needs a value.');
    expect(error([jsonl, jsonl, '--format', 'jsonl'])).toMatch(/One path only/);
  });
});
