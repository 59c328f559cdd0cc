import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, ask, seedSpace, signUp, type TestUser } from '../test-support/builders';
import { expectError } from '../test-support/matchers';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { AppConfig } from '../platform/config';
import { seedDemoCommunity } from '../demo/seed-demo';
import { createLogger } from '../platform/logger';
import { PostgresSearchIndex } from './postgres-search.index';
import type { SearchDocument, SearchIndex } from './search-index';
import { SearchIndexer } from './search-indexer';

const SEARCH = `query ($q: String!, $first: Int, $after: String, $filter: SearchFilterInput, $sort: SearchSort) {
  search(query: $q, first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { titleHtml snippetHtml relevance question { id title status } } }
    facets { spaces { value label count } tags { value count } statuses { value count } }
  }
}`;
const SIMILAR = `query ($text: String!, $exclude: ID) { similarQuestions(text: $text, first: 5, excludeQuestionId: $exclude) { relevance acceptedExcerpt question { id title status } } }`;

interface SearchData {
  search: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { titleHtml: string; snippetHtml: string; question: { id: string; title: string; status: string } } }[];
    facets: {
      spaces: { value: string; count: number }[];
      tags: { value: string; count: number }[];
      statuses: { value: string; count: number }[];
    };
  };
}

const engines: { name: string; env: Record<string, string> }[] = [{ name: 'postgres', env: {} }];
if (process.env.MEILI_URL)
  engines.push({ name: 'meilisearch', env: { MEILI_URL: process.env.MEILI_URL, MEILI_KEY: process.env.MEILI_KEY ?? '' } });
else console.warn('search contract: Meilisearch adapter SKIPPED (set MEILI_URL to run it against a Meilisearch server)');

describe.each(engines)('search contract: $name', ({ env }) => {
  let t: TestApp;
  let asker: TestUser;
  let helper: TestUser;
  const ids: Record<'password' | 'passwordOpen' | 'invoice' | 'installing' | 'script', string> = {
    password: '',
    passwordOpen: '',
    invoice: '',
    installing: '',
    script: '',
  };
  const search = (q: string, extra: Record<string, unknown> = {}) => t.gql<SearchData>(SEARCH, { q, ...extra });
  const titles = async (q: string, extra: Record<string, unknown> = {}) => {
    const res = await search(q, extra);
    expect(res.errors).toBeUndefined();
    return res.data.search.edges.map((e) => e.node.question.title);
  };

  beforeAll(async () => {
    t = await createTestApp(env);
    await seedSpace(t.dataSource);
    await t.dataSource.query(`INSERT INTO spaces (slug, name) VALUES ('solar', 'Solar')`);
    [asker, helper] = [await signUp(t, 'Searching Sam'), await signUp(t, 'Knowing Kim')];
    ids.password = await ask(t, asker, {
      title: 'How do I reset my password?',
      body: 'I forgot my password and the reset e-mail never arrives in my inbox.',
      tags: ['tariff'],
    });
    const accepted = await answer(t, helper, ids.password, 'Check the spam folder first; the reset link is valid for 24 hours.');
    await t.gql(`mutation { acceptAnswer(answerId: "${accepted}") { id } }`, {}, asker.cookie);
    ids.passwordOpen = await ask(t, helper, {
      title: 'Password reset link expired',
      body: 'The password reset link says it expired although I clicked it right away.',
      tags: [],
    });
    ids.invoice = await ask(t, asker, {
      title: 'Warum ist meine Rechnung so hoch?',
      body: 'Die letzten Rechnungen waren viel niedriger. Der Zähler läuft normal.',
      tags: ['invoice'],
    });
    ids.installing = await ask(t, helper, {
      title: 'Installing the inverter firmware update',
      body: 'After installing firmware 2.4 the inverter shows error E-1042 on the display.',
      spaceSlug: 'solar',
      tags: [],
    });
    ids.script = await ask(t, asker, {
      title: 'Why does <script> appear in my meter name?',
      body: 'The app shows <b>bold</b> tags literally in the meter name field.',
      tags: [],
    });
    for (let i = 0; i < 5; i += 1)
      await ask(t, helper, {
        title: `Battery storage question number ${i}`,
        body: `The battery storage capacity drops in winter, case ${i}.`,
        spaceSlug: 'solar',
        tags: [],
      });
    await t.app.get(SearchIndexer).drain();
  });
  afterAll(() => t.close());

  it('finds threads by words in the title, body and answers', async () => {
    expect(await titles('password reset')).toEqual(expect.arrayContaining(['How do I reset my password?', 'Password reset link expired']));
    expect(await titles('spam folder')).toContain('How do I reset my password?');
  });

  it('ranks the solved thread first when both match alike', async () => {
    expect((await titles('password reset'))[0]).toBe('How do I reset my password?');
  });

  it('stems English and German words and folds accents', async () => {
    expect(await titles('installed')).toContain('Installing the inverter firmware update');
    expect(await titles('Rechnungen')).toContain('Warum ist meine Rechnung so hoch?');
    expect(await titles('zahler')).toContain('Warum ist meine Rechnung so hoch?');
  });

  it('tolerates typos', async () => {
    expect(await titles('pasword reset')).toContain('How do I reset my password?');
  });

  it('highlights matches and escapes everything else', async () => {
    const res = await search('meter name');
    const hit = res.data.search.edges.find((e) => e.node.question.id === ids.script)!;
    expect(hit.node.titleHtml).toContain('&lt;script&gt;');
    expect(hit.node.titleHtml).toMatch(/<mark>meter<\/mark>/i);
    expect(hit.node.titleHtml).not.toContain('<script');
    expect(hit.node.snippetHtml).not.toMatch(/<b>/);
  });

  it('filters by space, tag and status and counts facets', async () => {
    const all = await search('battery storage');
    expect(all.data.search.facets.spaces).toEqual(
      [{ value: 'solar', label: 'Solar', count: 5 }].map(({ label: _label, ...f }) => expect.objectContaining(f)),
    );
    expect(await titles('password', { filter: { statuses: ['SOLVED'] } })).toEqual(['How do I reset my password?']);
    expect(await titles('password', { filter: { tags: ['tariff'] } })).toEqual(['How do I reset my password?']);
    expect(await titles('firmware', { filter: { spaceSlugs: ['billing'] } })).toEqual([]);
    const statuses = (await search('password')).data.search.facets.statuses;
    expect(statuses).toEqual(
      expect.arrayContaining([
        { value: 'SOLVED', count: 1 },
        { value: 'OPEN', count: 1 },
      ]),
    );
  });

  it('pages through results with cursors, without repeats', async () => {
    const first = await search('battery storage', { first: 2 });
    expect(first.data.search.pageInfo.hasNextPage).toBe(true);
    const seen = first.data.search.edges.map((e) => e.node.question.id);
    let after = first.data.search.pageInfo.endCursor;
    while (after) {
      const next = await search('battery storage', { first: 2, after });
      seen.push(...next.data.search.edges.map((e) => e.node.question.id));
      after = next.data.search.pageInfo.hasNextPage ? next.data.search.pageInfo.endCursor : null;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('sorts the same matches by newest or by votes, and pages within the chosen order', async () => {
    const battery = (await search('battery storage')).data.search.edges.map((e) => e.node.question);
    const idOf = (n: number) => battery.find((q) => q.title === `Battery storage question number ${n}`)!.id;
    const voter = await signUp(t, 'Voting Vera');
    for (const [user, n] of [
      [asker, 1],
      [asker, 3],
      [voter, 3],
    ] as const)
      expect(
        (await t.gql(`mutation { vote(input: { questionId: "${idOf(n)}", value: 1 }) { score } }`, {}, user.cookie)).errors,
      ).toBeUndefined();
    await t.app.get(SearchIndexer).drain();
    const numbers = async (extra: Record<string, unknown>) =>
      (await titles('battery storage', extra)).map((title) => Number(title.replace('Battery storage question number ', '')));

    expect(await numbers({ sort: 'NEWEST' })).toEqual([4, 3, 2, 1, 0]);
    const byVotes = await numbers({ sort: 'VOTES' });
    expect(byVotes.slice(0, 2)).toEqual([3, 1]);
    expect([...byVotes].sort()).toEqual([0, 1, 2, 3, 4]);

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { data: SearchData } = await search('battery storage', { sort: 'NEWEST', first: 2, after });
      seen.push(...page.data.search.edges.map((e) => e.node.question.title));
      after = page.data.search.pageInfo.hasNextPage ? page.data.search.pageInfo.endCursor : null;
    } while (after);
    expect(seen.map((title) => title.at(-1))).toEqual(['4', '3', '2', '1', '0']);

    const relevanceCursor = (await search('battery storage', { first: 2 })).data.search.pageInfo.endCursor;
    expectError(await search('battery storage', { sort: 'NEWEST', first: 2, after: relevanceCursor }), 'BAD_USER_INPUT', {
      field: 'after',
      code: 'invalid',
    });
  });

  it('suggests similar questions, solved first, with the accepted answer inline', async () => {
    const res = await t.gql<{ similarQuestions: { acceptedExcerpt: string | null; question: { id: string } }[] }>(SIMILAR, {
      text: 'Forgot my password, reset mail does not arrive',
    });
    expect(res.data.similarQuestions[0]!.question.id).toBe(ids.password);
    expect(res.data.similarQuestions[0]!.acceptedExcerpt).toMatch(/spam folder/);
    const excluded = await t.gql<{ similarQuestions: { question: { id: string } }[] }>(SIMILAR, {
      text: 'How do I reset my password?',
      exclude: ids.password,
    });
    expect(excluded.data.similarQuestions.map((s) => s.question.id)).not.toContain(ids.password);
  });

  it('picks up edits and answers through the outbox', async () => {
    await t.gql(
      `mutation ($i: EditQuestionInput!) { editQuestion(input: $i) { id } }`,
      {
        i: {
          id: ids.installing,
          title: 'Installing the inverter firmware update fails',
          body: 'After installing firmware 2.4 the inverter shows error E-1042 and a red LED.',
          tags: [],
        },
      },
      helper.cookie,
    );
    await answer(t, asker, ids.installing, 'Downgrading to firmware 2.3 and updating again cleared the red LED for me.');
    await t.app.get(SearchIndexer).drain();
    expect(await titles('downgrading')).toContain('Installing the inverter firmware update fails');
  });

  describe('bad input', () => {
    it('rejects an empty and an over-long query', async () => {
      expectError(await search('   '), 'BAD_USER_INPUT', { field: 'query', code: 'required' });
      expectError(await search('x'.repeat(10_000)), 'BAD_USER_INPUT', { field: 'query', code: 'too_long' });
    });

    it('answers punctuation-only queries with no results', async () => {
      const res = await search('?!… --- ***');
      expect(res.errors).toBeUndefined();
      expect(res.data.search.totalCount).toBe(0);
    });

    it.each([
      `'; DROP TABLE questions; --`,
      `password' OR '1'='1`,
      `tags = "x" OR status = "solved"`,
      `title:password AND NOT (x)`,
      `\\x00 $1 $$`,
    ])('treats %s as plain words', async (q) => {
      const res = await search(q);
      expect(res.errors).toBeUndefined();
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM questions`);
      expect(count).toBeGreaterThan(0);
    });

    it('rejects unknown filter values', async () => {
      expectError(await search('password', { filter: { spaceSlugs: ['nope'] } }), 'BAD_USER_INPUT', {
        field: 'filter.spaceSlugs',
        code: 'unknown',
      });
      expectError(await search('password', { filter: { tags: ['made-up'] } }), 'BAD_USER_INPUT', { field: 'filter.tags', code: 'unknown' });
      expect((await search('password', { filter: { statuses: ['MAYBE'] } })).errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    });
  });
});

describe('search indexer', () => {
  it('indexes a new question within moments of the commit (LISTEN/NOTIFY)', async () => {
    const t = await createTestApp({ SEARCH_WORKER: 'on' });
    try {
      await seedSpace(t.dataSource);
      const user = await signUp(t, 'Fast Fiona');
      await ask(t, user, { title: 'Heat pump tariff registration', body: 'How do I register my heat pump for the special tariff?' });
      const deadline = Date.now() + 10_000;
      let found = false;
      while (!found && Date.now() < deadline) {
        const res = await t.gql<SearchData>(SEARCH, { q: 'heat pump tariff' });
        found = res.data.search.totalCount > 0;
        if (!found) await new Promise((r) => setTimeout(r, 50));
      }
      expect(found).toBe(true);
    } finally {
      await t.close();
    }
  });

  it('records deflection: a suggestion opened without asking afterwards', async () => {
    const t = await createTestApp();
    try {
      await seedSpace(t.dataSource);
      const user = await signUp(t, 'Deflected Dora');
      const questionId = await ask(t, user, { title: 'Existing thread about meters' });
      const open = (session: string) =>
        t.gql(`mutation ($i: SuggestionOpenedInput!) { recordSuggestionOpened(input: $i) }`, { i: { askSession: session, questionId } });
      expect((await open('visit-deflected-1')).errors).toBeUndefined();
      await open('visit-asked-anyway');
      await ask(t, user, { title: 'A new question asked anyway', askSession: 'visit-asked-anyway' });
      const rows = await t.dataSource.query(`SELECT ask_session, asked FROM deflection_events ORDER BY id`);
      expect(rows).toEqual([
        { ask_session: 'visit-deflected-1', asked: false },
        { ask_session: 'visit-asked-anyway', asked: true },
      ]);
      expectError(await open('x'), 'BAD_USER_INPUT', { field: 'askSession', code: 'invalid' });
    } finally {
      await t.close();
    }
  });
});

describe('when the search engine is down', () => {
  it('keeps the events pending and catches up once it is back', async () => {
    const t = await createTestApp();
    try {
      await seedSpace(t.dataSource);
      const user = await signUp(t, 'Patient Paula');
      await ask(t, user, { title: 'Question written while search is down' });
      const real = new PostgresSearchIndex(t.dataSource);
      let down = true;
      const flaky: SearchIndex = Object.assign(Object.create(real) as SearchIndex, {
        upsert: (documents: SearchDocument[]) => (down ? Promise.reject(new Error('engine unreachable')) : real.upsert(documents)),
      });
      const indexer = new SearchIndexer(
        t.dataSource,
        flaky,
        t.app.get(AppConfig),
        createLogger({ logLevel: 'error', logFormat: 'pretty' }),
      );
      const pending = async () =>
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_events WHERE processed_at IS NULL`))[0].n as number;
      const before = await pending();
      await expect(indexer.drain()).rejects.toThrow('engine unreachable');
      expect(await pending()).toBe(before);
      down = false;
      expect(await indexer.drain()).toBe(before);
      expect(await pending()).toBe(0);
      const res = await t.gql<SearchData>(SEARCH, { q: 'written while search is down' });
      expect(res.data.search.totalCount).toBe(1);
    } finally {
      await t.close();
    }
  });
});

describe('typo tolerance for a single word', () => {
  it('finds a long title by one misspelt word', async () => {
    const t = await createTestApp();
    try {
      await seedSpace(t.dataSource);
      const user = await signUp(t, 'Typo Tina');
      await ask(t, user, {
        title: 'Passwort-Reset-Mail kommt nicht an, auch nicht im Spam-Ordner',
        body: 'Ich habe dreimal einen neuen Link angefordert.',
      });
      await t.app.get(SearchIndexer).drain();
      for (const q of ['pasword', 'Passwrt', 'paswort']) {
        const res = await t.gql<SearchData>(SEARCH, { q });
        expect(res.data.search.totalCount, q).toBe(1);
      }
    } finally {
      await t.close();
    }
  });
});

describe('the demo community', () => {
  it('is searchable right after it is created', async () => {
    const t = await createTestApp();
    try {
      const seeded = await seedDemoCommunity(t.dataSource, { onlyIfEmpty: true, password: 'demo-password-for-tests' });
      expect(seeded?.questions).toBeGreaterThan(20);
      await t.app.get(SearchIndexer).drain();
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM search_documents`);
      expect(n).toBe(seeded!.questions);
    } finally {
      await t.close();
    }
  });
});

describe('paths, file and host names', () => {
  it('are found by the words inside them, as queries split them', async () => {
    const t = await createTestApp();
    try {
      await seedSpace(t.dataSource);
      const user = await signUp(t, 'Terminal Theo');
      const id = await ask(t, user, {
        title: 'Updates fail on the gateway since 12.04',
        body: 'apt says: E: Could not open lock file /var/lib/dpkg/lock. My sources come from archive.fennwatt.example and the setting is in gateway_config.toml.',
      });
      await ask(t, user, { title: 'Gateway lock screen', body: 'The display locks after a minute. Which file holds the timeout?' });
      await t.app.get(SearchIndexer).drain();
      for (const q of ['dpkg lock', 'fennwatt archive', 'gateway config toml']) {
        const res = await t.gql<SearchData>(SEARCH, { q });
        expect(res.data.search.edges[0]?.node.question.id, q).toBe(id);
      }
      const similar = await t.gql<{ similarQuestions: { question: { id: string } }[] }>(SIMILAR, {
        text: 'how solve this problem (E: Could not open lock file /var/lib/dpkg/lock)',
      });
      expect(similar.data.similarQuestions[0]?.question.id).toBe(id);
    } finally {
      await t.close();
    }
  });

  it('are reindexed from `search.stale` events when the index was built the old way', async () => {
    const t = await createTestApp();
    try {
      await seedSpace(t.dataSource);
      const user = await signUp(t, 'Legacy Lena');
      const id = await ask(t, user, { title: 'Meter stuck on firmware 3.2.1', body: 'Reading /etc/meter/limits.conf fails.' });
      await t.app.get(SearchIndexer).drain();
      // A document as an older index built it: the path and the version as whole tokens.
      await t.dataSource.query(
        `UPDATE search_documents SET document = to_tsvector('simple', '/etc/meter/limits.conf 3.2.1') WHERE question_id = $1`,
        [id],
      );
      await t.dataSource.query(`SELECT pd_index_postings(ARRAY[$1::bigint])`, [id]);
      const found = async () => (await t.gql<SearchData>(SEARCH, { q: 'limits conf' })).data.search.totalCount;
      expect(await found()).toBe(0);
      await t.dataSource.query(`INSERT INTO outbox_events (topic, aggregate_id, payload) VALUES ('search.stale', $1, $2)`, [
        id,
        { questionIds: [id] },
      ]);
      await t.app.get(SearchIndexer).drain();
      expect(await found()).toBe(1);
    } finally {
      await t.close();
    }
  });
});
