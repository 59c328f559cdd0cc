import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, seedSpace, setRole, signUp, type TestUser } from '../test-support/builders';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { SearchIndexer } from './search-indexer';

const SIMILAR = `query ($text: String!, $exclude: ID) { similarQuestions(text: $text, first: 5, excludeQuestionId: $exclude) { question { id } } }`;
const SEARCH = `query ($q: String!) { search(query: $q, first: 5) { edges { node { question { id } } } } }`;
const CLOSE = `mutation ($q: ID!, $d: ID!) { closeAsDuplicate(questionId: $q, duplicateOfId: $d) { status } }`;
const REOPEN = `mutation ($input: ModerateQuestionInput!) { reopenQuestion(input: $input) { status } }`;

/**
 * A catch-all original shares no word with the questions that get closed as its duplicates. Once a
 * duplicate link exists, the original is found by the words its duplicate used; reopening the
 * duplicate takes them away again.
 */
describe('similar questions learn from known duplicates', () => {
  let t: TestApp;
  let moderator: TestUser;
  let original: string;
  let duplicate: string;
  const QUERY = 'Stuck on the purple splash after the nvidia driver install';

  const similar = async (text: string, exclude?: string): Promise<string[]> => {
    const res = await t.gql<{ similarQuestions: { question: { id: string } }[] }>(SIMILAR, { text, exclude });
    expect(res.errors).toBeUndefined();
    return res.data.similarQuestions.map((s) => s.question.id);
  };
  const search = async (q: string): Promise<string[]> => {
    const res = await t.gql<{ search: { edges: { node: { question: { id: string } } }[] } }>(SEARCH, { q });
    expect(res.errors).toBeUndefined();
    return res.data.search.edges.map((e) => e.node.question.id);
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
    const author = await signUp(t, 'Archive Asker');
    moderator = await signUp(t, 'Mod Max');
    await setRole(t.dataSource, moderator.id, 'moderator');
    original = await ask(t, author, {
      title: 'My computer boots to a black screen, what options do I have?',
      body: 'Nothing appears once it has started up. Which options are there to get a working desktop back?',
      tags: [],
    });
    duplicate = await ask(t, author, {
      title: 'Ubuntu hangs at the purple splash after installing nvidia drivers',
      body: 'Since yesterday it never gets past that point when booting.',
      tags: [],
    });
    // Threads sharing one of the query's words each, so the query matches something without the link.
    for (const [title, body] of [
      ['Which nvidia card is the quietest?', 'It goes into a small office case.'],
      ['Change the splash logo of my company laptop', 'Our IT wants their own picture there.'],
      ['Purple tint on every photo I take', 'The colours of the camera look wrong.'],
    ])
      await ask(t, author, { title, body, tags: [] });
    await t.app.get(SearchIndexer).drain();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('finds the original by its duplicate’s words once the link exists, and no longer after the duplicate is reopened', async () => {
    expect(await similar(QUERY, duplicate)).not.toContain(original);
    expect(await search(QUERY)).not.toContain(original);

    const closed = await t.gql(CLOSE, { q: duplicate, d: original }, moderator.cookie);
    expect(closed.errors).toBeUndefined();
    await t.app.get(SearchIndexer).drain();
    expect((await similar(QUERY, duplicate))[0]).toBe(original);
    expect(await search(QUERY)).toContain(original);

    const reopened = await t.gql(REOPEN, { input: { questionId: duplicate } }, moderator.cookie);
    expect(reopened.errors).toBeUndefined();
    await t.app.get(SearchIndexer).drain();
    expect(await similar(QUERY, duplicate)).not.toContain(original);
  });
});

/**
 * A draft phrased like a known duplicate's title asks what that duplicate asked: the original must come
 * first, ahead of a thread whose own title and body share most of the draft's words. The titles of known
 * duplicates only weigh B in the text score, so it is the title signals (trigram similarity and meaning,
 * taken as the best over the original's own title and its duplicates' titles) that decide.
 */
describe('title similarity counts the titles of known duplicates', () => {
  let t: TestApp;
  let original: string;
  let duplicate: string;
  let lookalike: string;
  const DUPLICATE_TITLE = 'Ubuntu hangs at the purple splash after installing nvidia drivers';

  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
    const author = await signUp(t, 'Archive Asker');
    const moderator = await signUp(t, 'Mod Max');
    await setRole(t.dataSource, moderator.id, 'moderator');
    original = await ask(t, author, {
      title: 'My computer boots to a black screen, what options do I have?',
      body: 'Nothing appears once it has started up. Which options are there to get a working desktop back?',
      tags: [],
    });
    duplicate = await ask(t, author, { title: DUPLICATE_TITLE, body: 'Since yesterday it never gets past that point.', tags: [] });
    lookalike = await ask(t, author, {
      title: 'Ubuntu hangs at the purple splash screen',
      body: 'It happens since installing the nvidia drivers: the nvidia drivers install fine, then Ubuntu hangs at boot.',
      tags: [],
    });
    const closed = await t.gql(CLOSE, { q: duplicate, d: original }, moderator.cookie);
    expect(closed.errors).toBeUndefined();
    await t.app.get(SearchIndexer).drain();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('ranks the original first for a draft worded like its duplicate', async () => {
    const res = await t.gql<{ similarQuestions: { question: { id: string } }[] }>(SIMILAR, { text: DUPLICATE_TITLE, exclude: duplicate });
    expect(res.errors).toBeUndefined();
    const ids = res.data.similarQuestions.map((s) => s.question.id);
    expect(ids.slice(0, 2)).toEqual([original, lookalike]);
  });
});
