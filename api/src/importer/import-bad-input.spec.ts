import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { formatSummary, runImport, type ImportOptions, type ImportResult } from './import.service';
import { findInconsistencies, importedCounts } from './import-check';
import { CollectingReporter } from './progress';
import { writeSampleDump } from './sample-dump';

const countsFor = (t: TestApp, source: string) => importedCounts(t.dataSource, source);
const expectConsistent = async (t: TestApp, source: string) => expect(await findInconsistencies(t.dataSource, source)).toEqual([]);

function thread(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    title: `Question ${id} about the API`,
    body: `Body of ${id}.`,
    body_format: 'text',
    tags: ['api'],
    creation_date: '2014-03-01T10:00:00',
    score: 1,
    view_count: 10,
    accepted_answer_id: null,
    owner_user_id: 7,
    owner_display_name: 'Poster',
    comments: [],
    answers: [
      {
        id: `${id}.1`,
        body: 'An answer.',
        creation_date: '2014-03-02T10:00:00',
        score: 0,
        owner_user_id: 8,
        owner_display_name: 'Helper',
        is_accepted: false,
      },
    ],
    ...extra,
  };
}

describe('import: bad input is reported and skipped, never half-written', () => {
  let t: TestApp;
  let root: string;

  beforeAll(async () => {
    t = await createTestApp({ SEARCH_WORKER: 'false' });
    root = mkdtempSync(join(tmpdir(), 'peerdesk-import-bad-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  const run = (
    options: Partial<ImportOptions> & Pick<ImportOptions, 'path' | 'format'>,
    reporter = new CollectingReporter(),
  ): Promise<ImportResult> => runImport(t.dataSource, { reporter, ...options });

  it('reports JSONL lines that are not JSON, lack required fields or have bad answers, with their line numbers, and imports the rest', async () => {
    const dir = join(root, 'jsonl-bad');
    mkdirSync(dir);
    const lines = [
      JSON.stringify(thread('ok:1')),
      '{"id": "broken:2", "title": "cut off',
      JSON.stringify({ ...thread('notitle:3'), title: '' }),
      '[1, 2, 3]',
      '',
      JSON.stringify(
        thread('ok:6', {
          answers: [
            { id: 'ok:6.1', body: 'fine answer', creation_date: '2014-03-02T10:00:00' },
            { id: 'ok:6.2', body: 'bad date', creation_date: '05/15/15 17:21' },
          ],
        }),
      ),
      JSON.stringify({ ...thread('badformat:7'), body_format: 'rtf', creation_date: 'yesterday' }),
    ];
    writeFileSync(join(dir, 'threads.jsonl'), lines.join('\n'));
    const reporter = new CollectingReporter();
    const result = await run({ path: join(dir, 'threads.jsonl'), format: 'jsonl' }, reporter);
    expect(result.fatal).toBeNull();
    const warnings = reporter.warnings.join('\n');
    expect(warnings).toMatch(/threads\.jsonl line 2: question skipped — the line is not valid JSON \(.+\)/);
    expect(warnings).toContain(
      'threads.jsonl line 3 (id notitle:3): question skipped — missing or invalid field(s) (title (missing or empty))',
    );
    expect(warnings).toContain('threads.jsonl line 4: question skipped — the line is not a JSON object');
    expect(warnings).toContain(
      'threads.jsonl line 6 (id ok:6), answer ok:6.2: answer skipped — missing or invalid field(s) (creation_date ("05/15/15 17:21" is not ISO 8601))',
    );
    expect(warnings).toContain(
      'threads.jsonl line 7 (id badformat:7): question skipped — missing or invalid field(s) (creation_date ("yesterday" is not ISO 8601), body_format ("rtf": use html, text or markdown))',
    );
    expect(result.kinds.get('question')).toMatchObject({ imported: 2, present: 0 });
    expect([...result.kinds.get('question')!.skipped]).toEqual([
      ['the line is not valid JSON', 1],
      ['missing or invalid field(s)', 2],
      ['the line is not a JSON object', 1],
    ]);
    expect(result.kinds.get('answer')).toMatchObject({ imported: 2 });
    expect(await countsFor(t, 'jsonl-bad')).toMatchObject({ questions: 2, answers: 2 });

    const summary = formatSummary(result);
    expect(summary).toMatch(/questions\s+2\s+0\s+4/);
    expect(summary).toContain('questions: 2 × missing or invalid field(s)');
    expect(summary).toMatch(/Throughput: 9 posts \(questions and answers; 4 new\) in .* posts\/s\./);
  });

  it('skips a record the database rejects (a date PostgreSQL cannot store) and keeps the rest of its batch', async () => {
    const dir = join(root, 'jsonl-db');
    mkdirSync(dir);
    const lines = [
      thread('a:1'),
      thread('a:2', { creation_date: '0000-01-01T00:00:00' }),
      thread('a:3', { title: 'Lone surrogate \ud800 in a title' }),
    ];
    writeFileSync(join(dir, 'threads.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
    const reporter = new CollectingReporter();
    const result = await run({ path: dir, format: 'jsonl' }, reporter);
    expect(result.fatal).toBeNull();
    expect(reporter.warnings.join('\n')).toMatch(
      /threads\.jsonl line 2 \(id a:2\): question skipped — the database rejected it \(.*range.*\)/,
    );
    expect(result.kinds.get('question')).toMatchObject({ imported: 2 });
    const [row] = (await t.dataSource.query(`SELECT title FROM questions WHERE source_name = 'jsonl-db' AND title LIKE 'Lone%'`)) as {
      title: string;
    }[];
    expect(row!.title).toBe('Lone surrogate \uFFFD in a title');
    await expectConsistent(t, 'jsonl-db');
  });

  it('stops at invalid UTF-8 in JSONL, naming the byte offset and line, keeps the lines before it, and resumes once fixed', async () => {
    const dir = join(root, 'jsonl-utf8');
    mkdirSync(dir);
    const good = `${JSON.stringify(thread('u:1'))}\n`;
    const bad = Buffer.concat([
      Buffer.from(good),
      Buffer.from('{"id": "u:2", "title": "Caf'),
      Buffer.from([0xe9]),
      Buffer.from(` latte question", "body": "x", "creation_date": "2014-01-01T00:00:00"}\n`),
    ]);
    writeFileSync(join(dir, 'threads.jsonl'), bad);
    const result = await run({ path: dir, format: 'jsonl' });
    const offset = bad.indexOf(0xe9);
    expect(result.fatal).toBe(
      `threads.jsonl: invalid UTF-8 at byte offset ${offset} (line 2): byte 0xE9. It looks like Latin-1 / Windows-1252 text: convert it with \`iconv -f latin1 -t utf-8\`.`,
    );
    expect(await countsFor(t, 'jsonl-utf8')).toMatchObject({ questions: 1 });

    writeFileSync(join(dir, 'threads.jsonl'), Buffer.from(bad.toString('latin1'), 'utf8'));
    const fixed = await run({ path: dir, format: 'jsonl' });
    expect(fixed.fatal).toBeNull();
    expect(fixed.kinds.get('question')).toMatchObject({ imported: 1, present: 1 });
    const titles = (await t.dataSource.query(`SELECT title FROM questions WHERE source_name = 'jsonl-utf8' ORDER BY id`)) as {
      title: string;
    }[];
    expect(titles.map((r) => r.title)).toEqual(['Question u:1 about the API', 'Café latte question']);
  });

  it('stops at invalid UTF-8 in a dump file with the offset; a Latin-1 file that declares its encoding is read correctly', async () => {
    const dir = join(root, 'latin1-dump');
    writeSampleDump(dir);
    const posts = readFileSync(join(dir, 'Posts.xml'), 'utf8').replace(
      'Title="Wallet empty after syncing, why?"',
      'Title="Wallet empty after syncing, café?"',
    );
    const latin1 = Buffer.from(posts.replace('\uFEFF', ''), 'latin1');
    writeFileSync(join(dir, 'Posts.xml'), latin1);
    const broken = await run({ path: dir, format: 'stackexchange', source: 'latin1' });
    expect(broken.fatal).toMatch(
      new RegExp(`^Posts\\.xml: invalid UTF-8 at byte offset ${latin1.indexOf(0xe9)} \\(line 4\\): byte 0xE9\\. It looks like Latin-1`),
    );
    expect(broken.fatal).toContain('declare encoding="ISO-8859-1"');
    // Question 1 precedes the bad byte and is kept; nothing was written with a replacement character.
    expect(await countsFor(t, 'latin1')).toMatchObject({ questions: 1, answers: 0 });
    const mangled = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM questions WHERE source_name = 'latin1' AND title LIKE '%\uFFFD%'`,
    )) as { n: number }[];
    expect(mangled[0]!.n).toBe(0);

    writeFileSync(
      join(dir, 'Posts.xml'),
      Buffer.from(posts.replace('\uFEFF', '').replace('encoding="utf-8"', 'encoding="ISO-8859-1"'), 'latin1'),
    );
    const fixed = await run({ path: dir, format: 'stackexchange', source: 'latin1' });
    expect(fixed.fatal).toBeNull();
    const [row] = (await t.dataSource.query(`SELECT title FROM questions WHERE source_name = 'latin1' AND title LIKE 'Wallet empty%'`)) as {
      title: string;
    }[];
    expect(row!.title).toBe('Wallet empty after syncing, café?');
    expect(await countsFor(t, 'latin1')).toMatchObject({ questions: 5, answers: 4, comments: 3 });
    await expectConsistent(t, 'latin1');
  });

  it('reports dump rows with missing fields and answers or comments whose post is missing, with their Ids', async () => {
    const dir = join(root, 'rows-dump');
    writeSampleDump(dir);
    const posts = readFileSync(join(dir, 'Posts.xml'), 'utf8')
      .replace('Title="An unanswered question without owner"', '')
      .replace('CreationDate="2021-05-07T11:00:00.000"', 'CreationDate="not a date"');
    writeFileSync(join(dir, 'Posts.xml'), posts);
    const reporter = new CollectingReporter();
    const result = await run({ path: dir, format: 'stackexchange', source: 'rows' }, reporter);
    expect(result.fatal).toBeNull();
    const warnings = reporter.warnings.join('\n');
    expect(warnings).toMatch(/Posts\.xml line \d+ \(Id 7\): question skipped — missing or invalid Title/);
    expect(warnings).toMatch(/Posts\.xml line \d+ \(Id 11\): answer skipped — missing or invalid CreationDate/);
    expect(warnings).toMatch(
      /Posts\.xml line \d+ \(Id 8\): answer skipped — its question is not in the import \(missing or skipped\) \(question 999\)/,
    );
    expect(warnings).toMatch(/Comments\.xml line \d+ \(Id 102\): comment skipped — its post is not in the import/);
    expect(await countsFor(t, 'rows')).toMatchObject({ questions: 4, answers: 3 });
    await expectConsistent(t, 'rows');
  });
});
