import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSpace, signUp } from '../test-support/builders';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { reindexAll } from './reindex';
import { SEARCH_INDEX, type SearchIndex } from './search-index';

/**
 * Candidate generation at a realistic size: thousands of newer, better-voted threads share the query's
 * common words, and the thread that matches the text must still be found — whatever the import order.
 * PostgreSQL search only (it runs on the real index tables); the adapters share the contract spec.
 */

interface Thread {
  title: string;
  body: string;
  score: number;
  /** Minutes after 2026-01-01 (the archive's own date, whatever the import order). */
  minute: number;
}

// A seeded generator, so both test apps get the same corpus.
function generator(seed: number) {
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  return <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
}

const VERBS = ['get', 'use', 'install', 'update', 'connect', 'configure', 'reset', 'fix', 'change', 'find'];
const THINGS = ['app', 'meter', 'router', 'account', 'tariff', 'display', 'battery', 'charger', 'printer', 'invoice', 'gateway', 'cable'];
const TROUBLE = ['not working', 'keeps failing', 'shows an error', 'is slow', 'stopped', 'does nothing', 'is missing'];

/** 5,000 threads that all say "install" in their title, with votes, each newer than the target. */
function distractors(count: number): Thread[] {
  const pick = generator(7);
  return Array.from({ length: count }, (_, i) => ({
    title: `How to install the ${pick(THINGS)} ${pick(THINGS)} when it ${pick(TROUBLE)} (${i})`,
    body: `I tried to ${pick(VERBS)} and ${pick(VERBS)} the ${pick(THINGS)} but it ${pick(TROUBLE)}. Install guide step ${i % 17} did not help. Please help me install it.`,
    score: 5 + (i % 40),
    minute: 1_000 + i,
  }));
}

const TARGET: Thread = {
  title: 'Install wallbox firmware over powerline adapter',
  body: 'The wallbox sits in the garage and only reaches the network over a powerline adapter. How do I install new firmware that way?',
  score: 0,
  minute: 0,
};

const ERROR_THREAD: Thread = {
  title: 'Gateway service crashes on start',
  body: [
    'After the last update the gateway service does not start any more. The journal shows:',
    'fennwatt-gatewayd[812]: FATAL: could not bind listener on 0.0.0.0:8443 (EADDRINUSE)',
    'fennwatt-gatewayd[812]: modbus bridge: retry budget exhausted after 5 attempts',
    'Anyone seen this?',
  ].join('\n'),
  score: 0,
  minute: 1,
};

const PASTED_ERROR = [
  'Hi all, I have a problem with the gateway after I tried to update it yesterday evening. It worked fine for months but now',
  'nothing works any more and I do not know what to do. I already tried to restart it several times and to unplug the power',
  'for a few minutes, I also checked the cable and the router and everything else looks fine. Here is what the log says:',
  '',
  'Dec 03 21:14:07 gw systemd[1]: Starting Fennwatt gateway service...',
  'Dec 03 21:14:08 gw fennwatt-gatewayd[812]: config: loaded /etc/fennwatt/gateway.toml (14 sections)',
  'Dec 03 21:14:08 gw fennwatt-gatewayd[812]: FATAL: could not bind listener on 0.0.0.0:8443 (EADDRINUSE)',
  'Dec 03 21:14:08 gw fennwatt-gatewayd[812]: modbus bridge: retry budget exhausted after 5 attempts',
  'Dec 03 21:14:08 gw systemd[1]: fennwatt-gatewayd.service: Main process exited, code=exited, status=1/FAILURE',
  'Dec 03 21:14:08 gw systemd[1]: fennwatt-gatewayd.service: Failed with result exit-code.',
  'Dec 03 21:14:13 gw systemd[1]: fennwatt-gatewayd.service: Scheduled restart job, restart counter is at 4.',
  'Dec 03 21:14:13 gw systemd[1]: Stopped Fennwatt gateway service.',
  '',
  'I did not change anything in the settings myself, the update was installed automatically by the app. Is there a way to',
  'get back to the old version or to fix this without sending the device in? Thanks for any help, I would really like to use',
  'the app again to see my consumption and the battery state, this is not working at all right now and it is really annoying.',
].join('\n');

const SIMILAR = `query ($text: String!, $exclude: ID) { similarQuestions(text: $text, first: 10, excludeQuestionId: $exclude) { question { id title } } }`;
const SEARCH = `query ($q: String!) { search(query: $q, first: 10) { edges { node { question { title } } } } }`;

async function load(t: TestApp, threads: Thread[], authorId: string): Promise<void> {
  const [space]: { id: string }[] = await t.dataSource.query(`SELECT id FROM spaces ORDER BY id LIMIT 1`);
  const spaceId = space!.id;
  for (let from = 0; from < threads.length; from += 2_000) {
    const batch = threads.slice(from, from + 2_000);
    await t.dataSource.query(
      `INSERT INTO questions (space_id, author_id, title, body_markdown, body_html, score, created_at, last_activity_at)
       SELECT $1, $2, title, body, '<p>' || body || '</p>', score, timestamptz '2026-01-01' + n * interval '1 minute', now()
         FROM unnest($3::text[], $4::text[], $5::int[], $6::int[]) AS x(title, body, score, n)`,
      [spaceId, authorId, batch.map((b) => b.title), batch.map((b) => b.body), batch.map((b) => b.score), batch.map((b) => b.minute)],
    );
  }
  await reindexAll(t.dataSource, t.app.get<SearchIndex>(SEARCH_INDEX));
}

async function corpus(order: 'target first' | 'target last'): Promise<TestApp> {
  const t = await createTestApp();
  await seedSpace(t.dataSource);
  const author = await signUp(t, 'Archive');
  const rest = distractors(5_000);
  // The same threads with the same dates; only the ids, and so the import order, differ.
  const threads = order === 'target first' ? [TARGET, ERROR_THREAD, ...rest] : [...rest.reverse(), ERROR_THREAD, TARGET];
  await load(t, threads, author.id);
  return t;
}

describe('search at a realistic size: 5,000 newer, better-voted threads share a common word', () => {
  let first: TestApp;
  let last: TestApp;

  beforeAll(async () => {
    first = await corpus('target first');
    last = await corpus('target last');
  }, 240_000);
  afterAll(async () => {
    await first?.close();
    await last?.close();
  });

  const similarTitles = async (t: TestApp, text: string, exclude?: string) => {
    const res = await t.gql<{ similarQuestions: { question: { id: string; title: string } }[] }>(SIMILAR, { text, exclude });
    expect(res.errors).toBeUndefined();
    return res.data.similarQuestions.map((s) => s.question.title);
  };
  const searchTitles = async (t: TestApp, q: string) => {
    const res = await t.gql<{ search: { edges: { node: { question: { title: string } } }[] } }>(SEARCH, { q });
    expect(res.errors).toBeUndefined();
    return res.data.search.edges.map((e) => e.node.question.title);
  };

  it('finds the thread whose title matches the query first, in search and in similar questions', async () => {
    for (const t of [first, last]) {
      expect((await similarTitles(t, TARGET.title))[0]).toBe(TARGET.title);
      expect((await searchTitles(t, 'install wallbox firmware powerline'))[0]).toBe(TARGET.title);
    }
  });

  it('corrects a misspelt word though the other word matches thousands of threads', async () => {
    for (const t of [first, last]) {
      expect((await searchTitles(t, 'install the walbox'))[0]).toBe(TARGET.title);
      expect((await similarTitles(t, 'How to install the walbox?'))[0]).toBe(TARGET.title);
    }
  });

  it('vacuums the rebuilt index, so reading postings needs no heap visits', async () => {
    const rows: { relname: string; vacuum_count: string }[] = await first.dataSource.query(
      `SELECT relname, vacuum_count FROM pg_stat_user_tables WHERE relname IN ('search_postings', 'search_documents', 'search_terms') ORDER BY relname`,
    );
    expect(rows.map((r) => [r.relname, Number(r.vacuum_count) > 0])).toEqual([
      ['search_documents', true],
      ['search_postings', true],
      ['search_terms', true],
    ]);
  });

  it('gives the same results whichever order the corpus was imported in', async () => {
    for (const text of [TARGET.title, 'how to install the router when it is slow', 'install printer cable error']) {
      expect(await similarTitles(last, text)).toEqual(await similarTitles(first, text));
      expect(await searchTitles(last, text)).toEqual(await searchTitles(first, text));
    }
  });

  it('finds the thread of a pasted 1,500-character error message', async () => {
    expect(PASTED_ERROR.length).toBeGreaterThan(1_400);
    expect((await similarTitles(first, PASTED_ERROR)).slice(0, 3)).toContain(ERROR_THREAD.title);
    expect((await searchTitles(first, PASTED_ERROR)).slice(0, 3)).toContain(ERROR_THREAD.title);
  });

  it('still suggests threads when the rarest words occur only in the excluded question', async () => {
    const [target]: { id: string }[] = await first.dataSource.query(`SELECT id FROM questions WHERE title = $1`, [TARGET.title]);
    const related = await similarTitles(first, `${TARGET.title}\n${TARGET.body}`, target!.id);
    expect(related).not.toContain(TARGET.title);
    expect(related.length).toBeGreaterThan(0);
  });
});

describe('similar questions asked in other words', () => {
  const WIRELESS: Thread = {
    title: 'Laptop wireless network disconnects',
    body: 'It happens on my laptop every few minutes, at home and at work.',
    score: 0,
    minute: 0,
  };
  const TROUBLES = [
    'battery drains overnight',
    'fan is very loud',
    'screen flickers',
    'charger gets hot',
    'touchpad is too sensitive',
    'speakers crackle',
    'hinge is loose',
    'lid scratches easily',
  ];
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
    const author = await signUp(t, 'Archive');
    // Newer, better-voted threads that share the query's one common word ("laptop") and nothing else.
    const others = Array.from({ length: 64 }, (_, i) => ({
      title: `Laptop ${TROUBLES[i % TROUBLES.length]}`,
      body: `Since last week it ${TROUBLES[(i + 3) % TROUBLES.length]} as well. Model ${i}.`,
      score: 3 + (i % 9),
      minute: 10 + i,
    }));
    await load(t, [WIRELESS, ...others], author.id);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('ranks the thread that means the same first, though it shares no rare word with the draft', async () => {
    const res = await t.gql<{ similarQuestions: { question: { title: string } }[] }>(SIMILAR, { text: 'Laptop wifi signal lost' });
    expect(res.errors).toBeUndefined();
    expect(res.data.similarQuestions[0]?.question.title).toBe(WIRELESS.title);
  });
});
