import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSpace, signUp } from '../test-support/builders';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { PostgresSearchWriter } from './postgres-search.writer';
import type { SearchDocument } from './search-index';

/**
 * The writer keeps BM25's statistics (per-term document frequencies, document count and total length)
 * as running sums and writes postings beside each document. Whatever order and concurrency the
 * documents are written, rewritten and removed in, the sums must equal a recount and no posting may
 * outlive its document.
 */
describe('PostgreSQL index writer: statistics and postings', () => {
  let t: TestApp;
  let writer: PostgresSearchWriter;
  let ids: string[];

  const doc = (questionId: string, title: string, body: string, answers = ''): SearchDocument => ({
    questionId,
    spaceId: '0',
    status: 'open',
    tags: ['meter'],
    title,
    bodyText: body,
    answersText: answers,
    acceptedExcerpt: null,
    duplicateTitles: '',
    duplicateOfId: null,
    score: 0,
    answerCount: 0,
    verified: false,
    createdAt: new Date('2026-01-01'),
    lastActivityAt: new Date('2026-01-01'),
  });

  /** Differences between the kept statistics and a recount (all zero when consistent). */
  const drift = async () => {
    const [row]: { terms: number; documents: number; length: number; orphans: number }[] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM (SELECT l AS lexeme, count(*)::int AS n FROM search_documents d, unnest(tsvector_to_array(d.document)) l GROUP BY l) c
                 FULL JOIN (SELECT * FROM search_terms WHERE df > 0) t USING (lexeme) WHERE c.n IS DISTINCT FROM t.df) AS terms,
              (SELECT documents - (SELECT count(*) FROM search_documents) FROM search_stats)::int AS documents,
              (SELECT total_length - (SELECT coalesce(sum(length), 0) FROM search_documents) FROM search_stats)::int AS length,
              (SELECT count(*)::int FROM search_postings p WHERE NOT EXISTS (SELECT 1 FROM search_documents d WHERE d.question_id = p.question_id)) AS orphans`,
    );
    return row;
  };

  beforeAll(async () => {
    t = await createTestApp({ SEARCH_WORKER: 'false' });
    await seedSpace(t.dataSource);
    const author = await signUp(t, 'Writer');
    const [space]: { id: string }[] = await t.dataSource.query(`SELECT id FROM spaces ORDER BY id LIMIT 1`);
    const rows: { id: string }[] = await t.dataSource.query(
      `INSERT INTO questions (space_id, author_id, title, body_markdown, body_html, created_at, last_activity_at)
       SELECT $1, $2, 'Thread ' || n, 'Body', '<p>Body</p>', now(), now() FROM generate_series(1, 40) n RETURNING id::text`,
      [space!.id, author.id],
    );
    ids = rows.map((r) => r.id);
    writer = new PostgresSearchWriter(t.dataSource);
    await writer.clear();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('keeps term statistics equal to a recount through writes, concurrent rewrites and removals', async () => {
    const first = ids
      .slice(0, 30)
      .map((id, i) => doc(id, `Meter reading ${i} is wrong`, `The smart meter shows ${i} kWh too much after the tariff change.`));
    await writer.upsert(first);
    expect(await drift()).toEqual({ terms: 0, documents: 0, length: 0, orphans: 0 });
    expect(await writer.count()).toBe(30);

    // Two writers at once, overlapping in threads and terms: rewritten texts drop some words and add others.
    const rewrite = (from: number, to: number, word: string) =>
      ids
        .slice(from, to)
        .map((id, i) => doc(id, `Invoice ${word} ${i} disputed`, `Die Rechnung für ${word} ist zu hoch.`, `Answer about ${word}.`));
    await Promise.all([writer.upsert(rewrite(10, 35, 'battery')), writer.upsert(rewrite(20, 40, 'wallbox'))]);
    expect(await drift()).toEqual({ terms: 0, documents: 0, length: 0, orphans: 0 });
    expect(await writer.count()).toBe(40);

    await writer.remove(ids.slice(0, 15));
    expect(await drift()).toEqual({ terms: 0, documents: 0, length: 0, orphans: 0 });
    expect(await writer.count()).toBe(25);
    const [meter]: { df: number }[] = await t.dataSource.query(`SELECT df FROM search_terms WHERE lexeme = 'meter'`);
    // 'meter' stays as a tag of every document left.
    expect(meter!.df).toBe(25);
  });

  it('deletes the postings of a thread deleted from the database', async () => {
    await writer.upsert([doc(ids[39]!, 'Wallbox firmware update', 'Powerline adapter in the garage.')]);
    const count = async () =>
      Number((await t.dataSource.query(`SELECT count(*) AS n FROM search_postings WHERE question_id = $1`, [ids[39]]))[0].n);
    expect(await count()).toBeGreaterThan(0);
    await t.dataSource.query(`DELETE FROM questions WHERE id = $1`, [ids[39]]);
    expect(await count()).toBe(0);
  });
});
