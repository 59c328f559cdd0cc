// The public question index behind the sitemaps: only published questions, keyset pages over ids.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, seedSpace, signUp } from '../test-support/builders';
import { createTestApp, type TestApp } from '../test-support/test-app';

type Page = { entries: [string, string, string][]; endCursor: string | null };

describe('public question index', () => {
  let t: TestApp;
  const published: string[] = [];
  let held: string;
  let hidden: string;
  let deleted: string;

  const get = async <T>(path: string, status = 200): Promise<T> => {
    const res = await request(t.app.getHttpServer()).get(path);
    expect(res.status).toBe(status);
    return res.body as T;
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
    const member = await signUp(t, 'Index Ida', { trustLevel: 2 });
    for (let i = 0; i < 5; i += 1) published.push(await ask(t, member, { title: `Public question number ${i} about invoices` }));
    held = await ask(t, member, { title: 'A question held for review by moderators' });
    hidden = await ask(t, member, { title: 'A question a moderator has hidden from view' });
    deleted = await ask(t, member, { title: 'A question that was deleted by its author' });
    await t.dataSource.query(`UPDATE questions SET moderation_state = 'pending_review' WHERE id = $1`, [held]);
    await t.dataSource.query(`UPDATE questions SET moderation_state = 'hidden' WHERE id = $1`, [hidden]);
    await t.dataSource.query(`UPDATE questions SET moderation_state = 'deleted' WHERE id = $1`, [deleted]);
  });
  afterAll(() => t.close());

  it('lists published questions only, with slug and last activity, to anonymous callers', async () => {
    const page = await get<Page>('/discovery/questions?first=100');
    expect(page.entries.map(([id]) => id)).toEqual(published);
    expect(page.endCursor).toBeNull();
    const [id, slug, lastActivity] = page.entries[0]!;
    expect(id).toBe(published[0]);
    expect(slug).toBe('public-question-number-0-about-invoices');
    expect(new Date(lastActivity).toISOString()).toBe(lastActivity);
    for (const excluded of [held, hidden, deleted]) expect(page.entries.map(([entry]) => entry)).not.toContain(excluded);
  });

  it('pages by keyset: each page continues after the cursor, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after = '0';
    for (let round = 0; round < 10; round += 1) {
      const page = await get<Page>(`/discovery/questions?first=2&after=${after}`);
      seen.push(...page.entries.map(([id]) => id));
      if (!page.endCursor) break;
      expect(page.entries).toHaveLength(2);
      after = page.endCursor;
    }
    expect(seen).toEqual(published);
  });

  it('keeps to an id range (a sitemap chunk) with until', async () => {
    const page = await get<Page>(`/discovery/questions?after=${published[0]}&until=${published[2]}`);
    expect(page.entries.map(([id]) => id)).toEqual([published[1], published[2]]);
  });

  it('reads the index with keyset SQL (id > cursor, no OFFSET)', async () => {
    const statements: string[] = [];
    const original = t.dataSource.query.bind(t.dataSource);
    t.dataSource.query = ((sql: string, params?: unknown[]) => {
      statements.push(sql);
      return original(sql, params);
    }) as typeof t.dataSource.query;
    try {
      await get<Page>(`/discovery/questions?first=2&after=${published[1]}`);
    } finally {
      t.dataSource.query = original;
    }
    const sql = statements.find((s) => s.includes('FROM questions'))!;
    expect(sql).toMatch(/id > \$1/);
    expect(sql).not.toMatch(/offset/i);
  });

  it('names the sitemap chunks that hold public questions', async () => {
    const sitemap = await get<{ chunkSize: number; chunks: { chunk: number; lastModified: string }[] }>('/discovery/sitemap');
    expect(sitemap.chunkSize).toBe(50_000);
    expect(sitemap.chunks).toHaveLength(1);
    expect(sitemap.chunks[0]!.chunk).toBe(1);
    const [latest] = await t.dataSource.query(`SELECT max(last_activity_at) AS last FROM questions WHERE moderation_state = 'published'`);
    expect(sitemap.chunks[0]!.lastModified).toBe((latest.last as Date).toISOString());
  });

  it('refuses malformed cursors and page sizes', async () => {
    await get('/discovery/questions?after=abc', 400);
    await get('/discovery/questions?first=0', 400);
    await get('/discovery/questions?until=-1', 400);
  });

  it('lists nothing once every question is held', async () => {
    await t.dataSource.query(`UPDATE questions SET moderation_state = 'pending_review'`);
    expect((await get<Page>('/discovery/questions')).entries).toEqual([]);
    expect((await get<{ chunks: unknown[] }>('/discovery/sitemap')).chunks).toEqual([]);
  });
});
