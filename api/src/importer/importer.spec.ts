import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderMarkdown } from '@peerdesk/markdown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeReputation } from '../reputation/recompute';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { findInconsistencies, importedCounts } from './import-check';
import { runImport, type ImportOptions, type ImportResult } from './import.service';
import { CollectingReporter } from './progress';
import { writeSampleDump, xml } from './sample-dump';

const countsFor = (t: TestApp, source: string) => importedCounts(t.dataSource, source);

/** Counters agree with rows, and every stored body_html is the policy's rendering of its Markdown. */
async function expectConsistent(t: TestApp, source: string): Promise<void> {
  expect(await findInconsistencies(t.dataSource, source)).toEqual([]);
  const html = (await t.dataSource.query(
    `SELECT body_markdown, body_html FROM questions WHERE source_name = $1
     UNION ALL SELECT a.body_markdown, a.body_html FROM answers a JOIN questions q ON q.id = a.question_id WHERE q.source_name = $1
     UNION ALL SELECT c.body_markdown, c.body_html FROM comments c JOIN questions q ON q.id = c.question_id WHERE q.source_name = $1`,
    [source],
  )) as { body_markdown: string; body_html: string }[];
  for (const row of html) expect(row.body_html).toBe(renderMarkdown(row.body_markdown));
}

async function question(t: TestApp, source: string, title: string): Promise<Record<string, unknown>> {
  const [row] = (await t.dataSource.query(
    `SELECT q.*, u.display_name AS author, u.email, u.password_hash, u.reputation AS author_reputation, u.imported_from AS author_source, s.slug AS space,
            ARRAY(SELECT t.slug FROM question_tags qt JOIN tags t ON t.id = qt.tag_id WHERE qt.question_id = q.id ORDER BY t.slug) AS tags
       FROM questions q JOIN users u ON u.id = q.author_id JOIN spaces s ON s.id = q.space_id
      WHERE q.source_name = $1 AND q.title = $2`,
    [source, title],
  )) as Record<string, unknown>[];
  return row!;
}

describe('import: Stack Exchange dump and thread JSONL', () => {
  let t: TestApp;
  let root: string;

  beforeAll(async () => {
    t = await createTestApp({ SEARCH_WORKER: 'false' });
    root = mkdtempSync(join(tmpdir(), 'peerdesk-import-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  const run = (
    options: Partial<ImportOptions> & Pick<ImportOptions, 'path' | 'format'>,
    reporter = new CollectingReporter(),
  ): Promise<ImportResult> => runImport(t.dataSource, { reporter, ...options });

  it('imports a Stack Exchange dump: users, tags, questions, answers, acceptance, duplicates, comments', async () => {
    const dir = join(root, 'mini.stackexchange.com');
    writeSampleDump(dir);
    const reporter = new CollectingReporter();
    const result = await run({ path: dir, format: 'stackexchange', space: 'mini' }, reporter);
    expect(result.fatal).toBeNull();
    expect(result.source).toBe('mini.stackexchange.com');
    const kinds = Object.fromEntries(
      [...result.kinds].map(([k, c]) => [
        k,
        { imported: c.imported, present: c.present, skipped: [...c.skipped.values()].reduce((a, b) => a + b, 0) },
      ]),
    );
    expect(kinds).toMatchObject({
      question: { imported: 5, present: 0, skipped: 0 },
      answer: { imported: 4, present: 0, skipped: 1 },
      comment: { imported: 3, present: 0, skipped: 1 },
      acceptance: { imported: 1 },
      duplicate: { imported: 2, skipped: 2 },
      'other post': { skipped: 1 },
      tag: { imported: 3 },
    });
    // 3 from Users.xml, plus "user2878" and "gone" (kept by name) and the "Deleted user" placeholder.
    expect(kinds.user).toEqual({ imported: 6, present: 0, skipped: 0 });
    expect(reporter.warnings.join('\n')).toMatch(
      /Posts\.xml line \d+ \(Id 8\): answer skipped — its question is not in the import.*question 999/,
    );
    expect(reporter.warnings.join('\n')).toMatch(
      /Posts\.xml line \d+ \(Id 4\): answer author 77 is not in the users file; shown as "Deleted user"/,
    );
    expect(reporter.warnings.join('\n')).toMatch(/Comments\.xml line \d+ \(Id 102\): comment skipped — its post is not in the import/);
    expect(result.stackExchange?.votes).toEqual({ rows: 3, byType: { up: 1, accepted: 1, down: 1 } });
    expect(result.stackExchange?.badges).toBe(1);
    expect(result.posts).toBe(10);

    const q1 = await question(t, 'mini.stackexchange.com', 'Why does my wallet show zero ADA after sync?');
    expect(q1).toMatchObject({
      status: 'solved',
      score: 7,
      view_count: 120,
      answer_count: 2,
      author: 'Alice Asker',
      email: null,
      password_hash: null,
      author_reputation: 1234,
      author_source: 'mini.stackexchange.com',
      space: 'mini',
      tags: ['cpp', 'wallet'],
      source_url: 'https://mini.stackexchange.com/q/1',
      source_license: 'CC BY-SA 4.0',
      closed_reason: null,
    });
    expect((q1.created_at as Date).toISOString()).toBe('2021-05-01T10:00:00.000Z');
    expect((q1.last_activity_at as Date).toISOString()).toBe('2021-05-03T00:00:00.000Z');
    expect((q1.solved_at as Date).toISOString()).toBe('2021-05-01T11:00:00.000Z');
    const [accepted] = (await t.dataSource.query(`SELECT a.score, a.body_markdown FROM answers a WHERE a.id = $1`, [
      q1.accepted_answer_id,
    ])) as { score: number; body_markdown: string }[];
    expect(accepted).toEqual({ score: 12, body_markdown: 'Wait for the node to **fully** sync.' });

    // HTML → Markdown keeps code, links (relative ones made absolute), lists, emphasis, quotes; drops script and style.
    const markdown = q1.body_markdown as string;
    expect(markdown).toContain('`0 ADA`');
    expect(markdown).toContain('```\ncardano-cli query utxo --address addr1\n```');
    expect(markdown).toContain('[this](https://mini.stackexchange.com/questions/9)');
    expect(markdown).toContain('[the docs](https://docs.cardano.org/x)');
    expect(markdown).toMatch(/- {1,3}\*first\* step/);
    expect(markdown).toContain('> quoted text');
    expect(markdown).toContain('unknown tag text');
    expect(markdown).not.toMatch(/alert|script|p\{\}|marquee/);
    expect(q1.body_html).toBe(renderMarkdown(markdown));

    const q2 = await question(t, 'mini.stackexchange.com', 'Wallet empty after syncing, why?');
    expect(q2).toMatchObject({
      status: 'closed',
      closed_reason: 'duplicate',
      duplicate_of_id: q1.id,
      source_license: 'CC BY-SA 3.0',
      tags: ['wallet'],
    });
    const q6 = await question(t, 'mini.stackexchange.com', 'How do I compile a Plutus script?');
    expect(q6).toMatchObject({ status: 'answered', answer_count: 1, author: 'user2878', tags: ['plutus-core'] });
    // Closed as a duplicate of question 2, which is itself a duplicate: it points to the original.
    const q10 = await question(t, 'mini.stackexchange.com', 'A last question with an answer');
    expect(q10).toMatchObject({ status: 'closed', closed_reason: 'duplicate', duplicate_of_id: q1.id, answer_count: 1 });
    expect(reporter.warnings.join('\n')).toMatch(
      /PostLinks\.xml line \d+ \(Id 5\): duplicate skipped — the original is itself a duplicate of this question/,
    );
    const q7 = await question(t, 'mini.stackexchange.com', 'An unanswered question without owner');
    expect(q7).toMatchObject({ status: 'open', answer_count: 0, author: 'Deleted user', email: null });

    const comments = (await t.dataSource.query(
      `SELECT c.body_markdown, c.answer_id IS NOT NULL AS on_answer, u.display_name FROM comments c JOIN users u ON u.id = c.author_id JOIN questions q ON q.id = c.question_id
        WHERE q.source_name = $1 ORDER BY c.created_at`,
      ['mini.stackexchange.com'],
    )) as unknown[];
    expect(comments).toEqual([
      { body_markdown: 'Which wallet do you use?', on_answer: false, display_name: 'Bob Builder' },
      { body_markdown: 'This worked for me, **thanks**.', on_answer: true, display_name: 'Alice Asker' },
      { body_markdown: 'Comment by a deleted account.', on_answer: false, display_name: 'gone' },
    ]);
    // No votes are invented: the dumps do not say who voted.
    const [votes] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM votes`)) as { n: number }[];
    expect(votes!.n).toBe(0);

    // One outbox event per committed batch naming every question the batch touched.
    const events = (await t.dataSource.query(
      `SELECT aggregate_id, payload FROM outbox_events WHERE topic = 'questions.imported' ORDER BY id`,
    )) as {
      aggregate_id: string;
      payload: { questionIds: string[] };
    }[];
    expect(events.length).toBeGreaterThanOrEqual(4);
    for (const e of events) expect(e.aggregate_id).toBe(e.payload.questionIds[0]);
    const touched = new Set(events.flatMap((e) => e.payload.questionIds));
    const ids = (await t.dataSource.query(`SELECT id::text FROM questions WHERE source_name = $1`, ['mini.stackexchange.com'])) as {
      id: string;
    }[];
    expect([...touched].sort()).toEqual(ids.map((r) => r.id).sort());

    await expectConsistent(t, 'mini.stackexchange.com');
    const counts = await countsFor(t, 'mini.stackexchange.com');
    expect(counts).toMatchObject({ questions: 5, answers: 4, comments: 3, users: 6, revisions: 9 });

    // Idempotent: a second run adds nothing, writes no event and leaves every counter as it was.
    const again = await run({ path: dir, format: 'stackexchange', space: 'mini' });
    expect(again.fatal).toBeNull();
    expect(again.kinds.get('question')).toMatchObject({ imported: 0, present: 5 });
    expect(again.kinds.get('answer')).toMatchObject({ imported: 0, present: 4 });
    expect(again.kinds.get('comment')).toMatchObject({ imported: 0, present: 3 });
    expect(again.kinds.get('user')).toMatchObject({ imported: 0, present: 3 });
    expect(again.kinds.get('acceptance')).toMatchObject({ imported: 0, present: 1 });
    expect(again.kinds.get('duplicate')).toMatchObject({ imported: 0, present: 2 });
    expect(await countsFor(t, 'mini.stackexchange.com')).toEqual(counts);
    await expectConsistent(t, 'mini.stackexchange.com');
  });

  it('carries the reputation users bring into the ledger once, so a recompute keeps it', async () => {
    const alice = async () =>
      (
        await t.dataSource.query(
          `SELECT u.reputation, (SELECT sum(delta) FROM reputation_events e WHERE e.user_id = u.id)::int AS ledger,
                  (SELECT count(*) FROM reputation_events e WHERE e.user_id = u.id AND e.kind = 'reputation.imported')::int AS entries
             FROM users u WHERE u.display_name = 'Alice Asker' AND u.imported_from = 'mini.stackexchange.com'`,
        )
      )[0] as { reputation: number; ledger: number; entries: number };
    expect(await alice()).toEqual({ reputation: 1234, ledger: 1234, entries: 1 });
    await run({ path: join(root, 'mini.stackexchange.com'), format: 'stackexchange', space: 'mini' });
    await t.dataSource.transaction((manager) => recomputeReputation(manager));
    expect(await alice()).toEqual({ reputation: 1234, ledger: 1234, entries: 1 });
  });

  it('never chains duplicates: when an original is later closed as a duplicate, its duplicates move to the new original', async () => {
    for (const batchSize of [1, 500]) {
      const dir = join(root, `chain-${batchSize}`);
      writeSampleDump(dir);
      writeFileSync(
        join(dir, 'PostLinks.xml'),
        xml('postlinks', [
          { Id: 1, CreationDate: '2021-05-08T12:00:00.000', PostId: 10, RelatedPostId: 2, LinkTypeId: 3 },
          { Id: 2, CreationDate: '2021-05-09T12:00:00.000', PostId: 2, RelatedPostId: 1, LinkTypeId: 3 },
        ]),
      );
      const source = `chain-${batchSize}`;
      const result = await run({ path: dir, format: 'stackexchange', source, batchSize });
      expect(result.kinds.get('duplicate')).toMatchObject({ imported: 2 });
      const rows = (await t.dataSource.query(
        `SELECT r.external_id, (SELECT o.external_id FROM external_refs o WHERE o.source = $1 AND o.kind = 'question' AND o.internal_id = q.duplicate_of_id) AS original
           FROM questions q JOIN external_refs r ON r.source = $1 AND r.kind = 'question' AND r.internal_id = q.id
          WHERE q.duplicate_of_id IS NOT NULL ORDER BY r.external_id`,
        [source],
      )) as unknown[];
      expect(rows).toEqual([
        { external_id: '10', original: '1' },
        { external_id: '2', original: '1' },
      ]);
      const again = await run({ path: dir, format: 'stackexchange', source, batchSize });
      expect(again.kinds.get('duplicate')).toMatchObject({ imported: 0, present: 2 });
    }
  });

  it('resumes after a crash mid-import without duplicates, with the same result as an uninterrupted run', async () => {
    const dir = join(root, 'crash-dump');
    writeSampleDump(dir);
    // Batches of 2 rows (tags 1–2, users 3–4, questions 5–7, answers 8–10); the second answer
    // batch dies inside its transaction before it commits, as with kill -9.
    const crashed = await run({
      path: dir,
      format: 'stackexchange',
      source: 'crash',
      batchSize: 2,
      beforeCommit: (batch) => {
        if (batch === 9) throw new Error('simulated crash');
      },
    });
    expect(crashed.fatal).toBe('simulated crash');
    const partial = await countsFor(t, 'crash');
    expect(partial).toMatchObject({ questions: 5, answers: 2, comments: 0 });
    await expectConsistent(t, 'crash');

    const resumed = await run({ path: dir, format: 'stackexchange', source: 'crash', batchSize: 2 });
    expect(resumed.fatal).toBeNull();
    expect(resumed.kinds.get('question')).toMatchObject({ imported: 0, present: 5 });
    expect(resumed.kinds.get('answer')).toMatchObject({ imported: 2, present: 2 });
    const counts = await countsFor(t, 'crash');
    expect(counts).toMatchObject({ questions: 5, answers: 4, comments: 3, users: 6 });
    await expectConsistent(t, 'crash');
    const [state] = (await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'solved')::int AS solved, count(*) FILTER (WHERE closed_reason = 'duplicate')::int AS duplicates, sum(answer_count)::int AS answers, sum(score)::int AS score
         FROM questions WHERE source_name = 'crash'`,
    )) as unknown[];
    expect(state).toEqual({ solved: 1, duplicates: 2, answers: 4, score: 10 });
  });

  it('stops at a truncated Posts.xml after committing what it read, and a re-run with the fixed file completes', async () => {
    const dir = join(root, 'truncated');
    writeSampleDump(dir, { truncatePosts: true });
    const broken = await run({ path: dir, format: 'stackexchange', source: 'truncated', batchSize: 2 });
    expect(broken.fatal).toMatch(/Posts\.xml:\d+:\d+: .*the file looks truncated/);
    // The questions before the break are committed; the answer pass never ran.
    const partial = await countsFor(t, 'truncated');
    expect(partial.questions).toBe(4);
    expect(partial.answers).toBe(0);
    await expectConsistent(t, 'truncated');

    writeSampleDump(dir);
    const fixed = await run({ path: dir, format: 'stackexchange', source: 'truncated', batchSize: 2 });
    expect(fixed.fatal).toBeNull();
    expect(fixed.kinds.get('question')).toMatchObject({ imported: 1, present: 4 });
    expect(await countsFor(t, 'truncated')).toMatchObject({ questions: 5, answers: 4, comments: 3 });
    await expectConsistent(t, 'truncated');
  });

  it('imports thread JSONL (html, text and markdown bodies, nested comments, acceptance, users.jsonl) idempotently', async () => {
    const dir = join(root, 'forum');
    mkdirSync(dir);
    const threads = [
      {
        id: 'f:1',
        title: 'Envelope API times out',
        body: 'Sometimes I get a *timeout* calling CreateEnvelope, see https://example.com/a_b_c and 2 * 3.\n\nSecond paragraph.',
        body_format: 'text',
        tags: ['sap_gateway', 'odata;ui5;', 'C#'],
        creation_date: '2013-07-04T02:33:00',
        score: 2,
        view_count: 912,
        accepted_answer_id: null,
        owner_user_id: 1,
        owner_display_name: 'aramt',
        url: 'http://community.example.com/t/1',
        comments: [
          {
            id: 'f:1.c1',
            body: 'Which account?',
            creation_date: '2013-07-04T03:00:00',
            score: 0,
            owner_user_id: 2,
            owner_display_name: 'Ergin',
          },
        ],
        answers: [
          {
            id: 'f:1.1',
            body: 'The demo server had issues.',
            creation_date: '2013-07-04T22:49:00',
            score: 1,
            owner_user_id: 2,
            owner_display_name: 'Ergin',
            is_accepted: true,
            comments: [{ body: 'Thanks!', creation_date: '2013-07-05T08:00:00Z', owner_user_id: 1 }],
          },
          {
            id: 'f:1.2',
            body: 'Try again later.',
            creation_date: '2013-07-05T09:00:00',
            score: 0,
            owner_user_id: 3,
            owner_display_name: 'Newbie',
            is_accepted: false,
          },
        ],
      },
      {
        id: 'f:2',
        title: 'HTML body thread',
        body: '<p>Use <code>npm ci</code> — <b>always</b>.</p>',
        body_format: 'html',
        tags: [],
        creation_date: '2014-01-01T00:00:00Z',
        score: 0,
        view_count: 1,
        accepted_answer_id: 'f:2.1',
        owner_user_id: 2,
        answers: [{ id: 'f:2.1', body: '<p>Agreed</p>', creation_date: '2014-01-02T00:00:00', owner_user_id: 1 }],
      },
      {
        id: 'f:3',
        title: 'Markdown thread',
        body: '# Heading\n\n`code` here',
        body_format: 'markdown',
        creation_date: '2015-01-01T00:00:00',
        owner_user_id: null,
        owner_display_name: null,
      },
    ];
    writeFileSync(join(dir, 'threads.jsonl'), threads.map((th) => JSON.stringify(th)).join('\n') + '\n');
    writeFileSync(
      join(dir, 'users.jsonl'),
      [
        { id: 1, display_name: 'Aram T.' },
        { id: 2, display_name: 'Ergin' },
      ]
        .map((u) => JSON.stringify(u))
        .join('\n'),
    );
    const result = await run({ path: join(dir, 'threads.jsonl'), format: 'jsonl' });
    expect(result.fatal).toBeNull();
    expect(result.source).toBe('forum');
    expect(result.space.slug).toBe('forum');
    expect(result.kinds.get('question')).toMatchObject({ imported: 3 });
    expect(result.kinds.get('answer')).toMatchObject({ imported: 3 });
    expect(result.kinds.get('comment')).toMatchObject({ imported: 2 });
    expect(result.kinds.get('acceptance')).toMatchObject({ imported: 2 });
    // users.jsonl (2), "Newbie" known only from a post, and the placeholder.
    expect(result.kinds.get('user')).toMatchObject({ imported: 4 });

    const q1 = await question(t, 'forum', 'Envelope API times out');
    expect(q1).toMatchObject({
      status: 'solved',
      answer_count: 2,
      score: 2,
      view_count: 912,
      author: 'Aram T.',
      source_url: 'http://community.example.com/t/1',
      source_license: null,
    });
    expect(q1.tags).toEqual(['csharp', 'odata', 'sap-gateway', 'ui5']);
    expect(q1.body_markdown).toBe(
      'Sometimes I get a \\*timeout\\* calling CreateEnvelope, see https://example.com/a_b_c and 2 \\* 3.\n\nSecond paragraph.',
    );
    expect(q1.body_html).toContain('<a href="https://example.com/a_b_c"');
    expect(q1.body_html).toContain('*timeout*');
    expect((q1.last_activity_at as Date).toISOString()).toBe('2013-07-05T09:00:00.000Z');
    const q2 = await question(t, 'forum', 'HTML body thread');
    expect(q2).toMatchObject({ status: 'solved', body_markdown: 'Use `npm ci` — **always**.' });
    const q3 = await question(t, 'forum', 'Markdown thread');
    expect(q3).toMatchObject({ status: 'open', author: 'Deleted user', body_markdown: '# Heading\n\n`code` here' });
    await expectConsistent(t, 'forum');

    const counts = await countsFor(t, 'forum');
    const again = await run({ path: dir, format: 'jsonl' });
    expect(again.fatal).toBeNull();
    expect(again.kinds.get('question')).toMatchObject({ imported: 0, present: 3 });
    expect(again.kinds.get('answer')).toMatchObject({ imported: 0, present: 3 });
    expect(again.kinds.get('comment')).toMatchObject({ imported: 0, present: 2 });
    expect(again.kinds.get('acceptance')).toMatchObject({ imported: 0, present: 2 });
    expect(await countsFor(t, 'forum')).toEqual(counts);
  });

  it('closes JSONL threads as duplicates of the thread their duplicate_of names, also when the original comes later or was imported before', async () => {
    const dir = join(root, 'dups');
    mkdirSync(dir);
    const thread = (id: string, title: string, extra: Record<string, unknown> = {}) =>
      JSON.stringify({ id, title, body: `Body of ${title}`, creation_date: '2014-01-01T00:00:00', ...extra });
    writeFileSync(
      join(dir, 'threads.jsonl'),
      [
        thread('d1', 'Stuck at the purple splash', { duplicate_of: 'o1' }),
        thread('o1', 'Boots to a black screen'),
        thread('d2', 'Links to nothing', { duplicate_of: 'missing' }),
        thread('d3', 'Bad link', { duplicate_of: { id: 1 } }),
      ].join('\n'),
    );
    const result = await run({ path: dir, format: 'jsonl', source: 'dups' });
    expect(result.fatal).toBeNull();
    expect(result.kinds.get('duplicate')).toMatchObject({ imported: 1 });
    expect([...result.kinds.get('duplicate')!.skipped.values()].reduce((a, b) => a + b, 0)).toBe(2);
    const original = await question(t, 'dups', 'Boots to a black screen');
    expect(await question(t, 'dups', 'Stuck at the purple splash')).toMatchObject({
      status: 'closed',
      closed_reason: 'duplicate',
      duplicate_of_id: original.id,
    });
    // A later import links a new thread to one imported before.
    writeFileSync(join(dir, 'threads.jsonl'), thread('d4', 'Purple screen after nvidia update', { duplicate_of: 'o1' }));
    const later = await run({ path: dir, format: 'jsonl', source: 'dups' });
    expect(later.kinds.get('duplicate')).toMatchObject({ imported: 1 });
    expect(await question(t, 'dups', 'Purple screen after nvidia update')).toMatchObject({ duplicate_of_id: original.id });
  });
});
