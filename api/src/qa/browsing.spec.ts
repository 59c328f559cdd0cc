import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSpace, setRole, signUp, type TestUser } from '../test-support/builders';
import { expectError } from '../test-support/matchers';
import { createTestApp, type GqlResult, type TestApp } from '../test-support/test-app';

const LIST = `query ($first: Int, $after: String, $sort: QuestionSort!, $filter: QuestionFilter) {
  questions(first: $first, after: $after, sort: $sort, filter: $filter) {
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title score answerCount status } }
  }
}`;

interface Row {
  title: string;
  score?: number;
  answers?: number;
  status?: 'open' | 'answered' | 'closed';
  /** Minutes before now. */
  age: number;
  /** Minutes before now of the last activity (defaults to `age`). */
  active?: number;
  state?: 'published' | 'pending_review' | 'hidden' | 'deleted';
  tags?: string[];
}

type Node = { id: string; title: string; score: number; answerCount: number; status: string };
type Connection = { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: Node }[] };

/** One fixed moment, so that equal ages are equal timestamps (ties the cursors must break by id). */
const BASE = new Date().toISOString();

describe('browsing: question sorts, tags and the user directory', () => {
  let t: TestApp;
  let author: TestUser;

  async function insert(row: Row): Promise<string> {
    const rows: { id: string }[] = await t.dataSource.query(
      `INSERT INTO questions (space_id, author_id, title, body_markdown, body_html, status, score, answer_count, created_at, last_activity_at, moderation_state)
       VALUES ((SELECT id FROM spaces WHERE slug = 'billing'), $1, $2, 'Body', '<p>Body</p>', $3, $4, $5,
               $9::timestamptz - make_interval(mins => $6), $9::timestamptz - make_interval(mins => $7), $8)
       RETURNING id`,
      [
        author.id,
        row.title,
        row.status ?? 'open',
        row.score ?? 0,
        row.answers ?? 0,
        row.age,
        row.active ?? row.age,
        row.state ?? 'published',
        BASE,
      ],
    );
    const id = rows[0]!.id;
    for (const tag of row.tags ?? [])
      await t.dataSource.query(`INSERT INTO question_tags (question_id, tag_id) SELECT $1, id FROM tags WHERE slug = $2`, [id, tag]);
    return id;
  }

  /** Walks every page of a sort with the given page size and returns the titles in order. */
  async function walk(sort: string, first: number, filter: Record<string, unknown> | null = null): Promise<string[]> {
    const titles: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const res: GqlResult<{ questions: Connection }> = await t.gql<{ questions: Connection }>(LIST, { first, after, sort, filter });
      expect(res.errors).toBeUndefined();
      titles.push(...res.data.questions.edges.map((e) => e.node.title));
      if (!res.data.questions.pageInfo.hasNextPage) return titles;
      after = res.data.questions.pageInfo.endCursor;
    }
    throw new Error('too many pages');
  }

  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
    await t.dataSource.query(`INSERT INTO tags (slug) VALUES ('meter'), ('unused') ON CONFLICT DO NOTHING`);
    author = await signUp(t, 'Browsing Author');
    // Ties on purpose: equal scores and equal creation minutes must still page without repeats.
    await insert({ title: 'Q1 old popular', score: 9, answers: 2, status: 'answered', age: 600, active: 5, tags: ['invoice'] });
    await insert({ title: 'Q2 newest', score: 0, age: 1, tags: ['tariff'] });
    await insert({ title: 'Q3 tie A', score: 3, age: 100, tags: ['invoice', 'tariff'] });
    await insert({ title: 'Q4 tie B', score: 3, age: 100, tags: ['invoice'] });
    await insert({ title: 'Q5 answered', score: 3, answers: 1, status: 'answered', age: 50, active: 2 });
    await insert({ title: 'Q6 closed unanswered', score: -1, status: 'closed', age: 20 });
    await insert({ title: 'Q7 open', score: 1, age: 300, active: 200, tags: ['invoice'] });
    await insert({ title: 'H1 held', score: 50, age: 0, state: 'pending_review', tags: ['invoice'] });
    await insert({ title: 'H2 hidden', score: 40, age: 0, state: 'hidden', tags: ['invoice'] });
    await insert({ title: 'H3 deleted', score: 30, age: 0, state: 'deleted', tags: ['invoice'] });
  });
  afterAll(() => t.close());

  const published = ['Q1 old popular', 'Q2 newest', 'Q3 tie A', 'Q4 tie B', 'Q5 answered', 'Q6 closed unanswered', 'Q7 open'];

  it('sorts by newest, activity and votes, the same on every page size, never repeating nor listing held or hidden posts', async () => {
    const newest = ['Q2 newest', 'Q6 closed unanswered', 'Q5 answered', 'Q4 tie B', 'Q3 tie A', 'Q7 open', 'Q1 old popular'];
    const active = ['Q2 newest', 'Q5 answered', 'Q1 old popular', 'Q6 closed unanswered', 'Q4 tie B', 'Q3 tie A', 'Q7 open'];
    const votes = ['Q1 old popular', 'Q5 answered', 'Q4 tie B', 'Q3 tie A', 'Q7 open', 'Q2 newest', 'Q6 closed unanswered'];
    for (const first of [1, 2, 3, 20]) {
      expect(await walk('NEWEST', first)).toEqual(newest);
      expect(await walk('ACTIVE', first)).toEqual(active);
      expect(await walk('VOTES', first)).toEqual(votes);
    }
    expect([...votes].sort()).toEqual(published);
  });

  it('lists as unanswered only open questions without answers, newest first', async () => {
    for (const first of [1, 2, 20]) expect(await walk('UNANSWERED', first)).toEqual(['Q2 newest', 'Q4 tie B', 'Q3 tie A', 'Q7 open']);
    expect(await walk('UNANSWERED', 5, { tag: 'tariff' })).toEqual(['Q2 newest', 'Q3 tie A']);
    expect(await walk('UNANSWERED', 5, { status: 'ANSWERED' })).toEqual([]);
  });

  it('filters by tag, space and status with every sort', async () => {
    expect(await walk('VOTES', 2, { tag: 'invoice' })).toEqual(['Q1 old popular', 'Q4 tie B', 'Q3 tie A', 'Q7 open']);
    expect(await walk('ACTIVE', 1, { tag: 'invoice', status: 'OPEN' })).toEqual(['Q4 tie B', 'Q3 tie A', 'Q7 open']);
    expect(await walk('NEWEST', 3, { spaceSlug: 'billing', status: 'CLOSED' })).toEqual(['Q6 closed unanswered']);
    expect(await walk('NEWEST', 3, { tag: 'unused' })).toEqual([]);
  });

  it('refuses a cursor that is not one of its own, or from another sort, with a field error', async () => {
    const newest = await t.gql<{ questions: Connection }>(LIST, { first: 1, sort: 'NEWEST' });
    const foreign = await t.gql(LIST, { first: 1, sort: 'VOTES', after: newest.data.questions.pageInfo.endCursor });
    expectError(foreign, 'BAD_USER_INPUT');
    const garbage = await t.gql(LIST, { first: 1, sort: 'VOTES', after: Buffer.from('["x","1; drop"]').toString('base64url') });
    expectError(garbage, 'BAD_USER_INPUT');
  });

  it('shows a tag by its slug and counts only published questions, popular tags first', async () => {
    const res = await t.gql<{
      tag: { slug: string; questionCount: number } | null;
      missing: null;
      tags: { slug: string; questionCount: number }[];
    }>(`{ tag(slug: "invoice") { slug questionCount } missing: tag(slug: "nope") { slug } tags(first: 10) { slug questionCount } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.tag).toEqual({ slug: 'invoice', questionCount: 4 });
    expect(res.data.missing).toBeNull();
    expect(res.data.tags).toEqual([
      { slug: 'invoice', questionCount: 4 },
      { slug: 'tariff', questionCount: 2 },
      { slug: 'meter', questionCount: 0 },
      { slug: 'unused', questionCount: 0 },
    ]);
  });

  it('lists people by reputation in pages without repeats, filters by name, and never shows an e-mail address', async () => {
    const people: TestUser[] = [];
    for (const [name, reputation] of [
      ['Directory Dora', 120],
      ['Directory Dieter', 40],
      ['Directory Dana', 40],
      ['Percent 100% Paul', 5],
    ] as const) {
      const user = await signUp(t, name);
      await t.dataSource.query(`UPDATE users SET reputation = $2 WHERE id = $1`, [user.id, reputation]);
      people.push(user);
    }
    await setRole(t.dataSource, people[1]!.id, 'agent');

    const USERS = `query ($first: Int, $after: String, $filter: UserFilter) {
      users(first: $first, after: $after, filter: $filter) {
        pageInfo { hasNextPage endCursor }
        edges { node { id displayName reputation trustLevel role isStaff } }
      }
    }`;
    type Users = {
      users: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { displayName: string; role: string } }[] };
    };
    const walkUsers = async (first: number, filter: Record<string, unknown> | null) => {
      const names: string[] = [];
      let after: string | null = null;
      for (;;) {
        const res: GqlResult<Users> = await t.gql<Users>(USERS, { first, after, filter });
        expect(res.errors).toBeUndefined();
        for (const email of [author.email, ...people.map((p) => p.email)]) expect(JSON.stringify(res.data)).not.toContain(email);
        expect(JSON.stringify(res.data)).not.toContain('@');
        names.push(...res.data.users.edges.map((e) => e.node.displayName));
        if (!res.data.users.pageInfo.hasNextPage) return names;
        after = res.data.users.pageInfo.endCursor;
      }
    };
    const all = await walkUsers(1, null);
    expect(new Set(all).size).toBe(all.length);
    expect(all.slice(0, 3)).toEqual(['Directory Dora', 'Directory Dana', 'Directory Dieter']);
    expect(all).toContain('Browsing Author');
    expect(await walkUsers(2, { name: 'directory d' })).toEqual(['Directory Dora', 'Directory Dana', 'Directory Dieter']);
    expect(await walkUsers(5, { name: '100%' })).toEqual(['Percent 100% Paul']);
    expect(await walkUsers(5, { name: '%' })).toEqual(['Percent 100% Paul']);
    expect(await walkUsers(5, { name: 'nobody here' })).toEqual([]);

    const staff = await t.gql<Users>(USERS, { first: 3 });
    expect(staff.data.users.edges.find((e) => e.node.displayName === 'Directory Dieter')!.node.role).toBe('AGENT');
    // The public type has no e-mail field at all.
    const email = await t.gql(`{ users(first: 1) { edges { node { email } } } }`);
    expect(email.errors?.[0]?.message).toMatch(/Cannot query field "email"/);
  });
});
