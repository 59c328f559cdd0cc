import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { findInconsistencies, importedCounts } from './import-check';
import { runImport } from './import.service';

/** The real cardano.stackexchange.com dump from the shared data folder (see shared/data/README.md). */
const DUMP = join(__dirname, '..', '..', '..', '..', 'shared', 'data', 'stackexchange-cardano');
const available = existsSync(join(DUMP, 'Posts.xml'));
if (!available) console.warn(`SKIPPED: the cardano import test needs the dump at ${DUMP}, which is not there.`);

describe.skipIf(!available)('import: the real cardano.stackexchange.com dump', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SEARCH_WORKER: 'false' });
  });
  afterAll(() => t?.close());

  it('imports the counts the data README states (1,042 questions, 1,496 answers), consistently, and a re-run adds nothing', async () => {
    const result = await runImport(t.dataSource, {
      path: DUMP,
      format: 'stackexchange',
      source: 'cardano.stackexchange.com',
      space: 'cardano',
    });
    expect(result.fatal).toBeNull();
    expect(result.kinds.get('question')).toMatchObject({ imported: 1042, present: 0 });
    expect(result.kinds.get('answer')).toMatchObject({ imported: 1496, present: 0 });
    expect(result.kinds.get('acceptance')).toMatchObject({ imported: 459 });
    expect(result.stackExchange?.votes?.rows).toBeGreaterThan(9000);
    const counts = await importedCounts(t.dataSource, 'cardano.stackexchange.com');
    expect(counts).toMatchObject({ questions: 1042, answers: 1496 });
    expect(await findInconsistencies(t.dataSource, 'cardano.stackexchange.com')).toEqual([]);
    const [solved] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM questions WHERE status = 'solved' AND source_url LIKE 'https://cardano.stackexchange.com/q/%'`,
    )) as { n: number }[];
    expect(solved!.n).toBe(459);
    console.log(
      `cardano dump: ${result.posts} posts in ${(result.elapsedMs / 1000).toFixed(1)} s = ${Math.round(result.postsPerSecond)} posts/s`,
    );

    const again = await runImport(t.dataSource, {
      path: DUMP,
      format: 'stackexchange',
      source: 'cardano.stackexchange.com',
      space: 'cardano',
    });
    expect(again.kinds.get('question')).toMatchObject({ imported: 0, present: 1042 });
    expect(again.kinds.get('answer')).toMatchObject({ imported: 0, present: 1496 });
    expect(await importedCounts(t.dataSource, 'cardano.stackexchange.com')).toEqual(counts);
  }, 120_000);
});
