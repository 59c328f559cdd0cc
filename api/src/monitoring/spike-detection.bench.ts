// Spike detection over 1,000 tags with six weeks of hourly history each (about a million roll-up rows):
// how long one detection run takes (target < 1 s). Run: `pnpm --filter @peerdesk/api run bench:spikes`.
import { loadavg } from 'node:os';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { SpikeSweeper } from './spike-sweeper';

const TAGS = 1_000;
const PLANTED = Math.floor(TAGS / 33);
const HOURS = 6 * 7 * 24 + 24;
const NOW = new Date('2026-11-18T10:20:00Z');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const started = performance.now();
  // Every tag has posts in every hour; 3 % of them burst in the last two hours.
  await t.dataSource.query(
    `INSERT INTO tone_hourly (scope, scope_id, hour, posts, negative)
     SELECT 'tag', tag, $1::timestamptz - make_interval(hours => h),
            CASE WHEN h <= 1 AND tag % 33 = 0 THEN 40 ELSE 1 + (tag + h) % 4 END,
            CASE WHEN h <= 1 AND tag % 33 = 0 THEN 35 ELSE (tag + h) % 7 / 6 END
     FROM generate_series(1, ${TAGS}) AS tag, generate_series(0, ${HOURS - 1}) AS h`,
    [new Date(Math.floor(NOW.getTime() / 3_600_000) * 3_600_000)],
  );
  await t.dataSource.query(`ANALYZE tone_hourly`);
  console.log(`seeded ${TAGS * HOURS} roll-up rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
afterAll(async () => {
  await t.close();
});

it('detects spikes over 1,000 tags', async () => {
  const sweeper = t.app.get(SpikeSweeper);
  await sweeper.detect(NOW);
  const times: number[] = [];
  let found = 0;
  for (let run = 0; run < 20; run++) {
    const started = performance.now();
    found = (await sweeper.detect(new Date(NOW.getTime() + run * 1000))).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const [plan]: { 'QUERY PLAN': string }[] = await t.dataSource.query(
    `EXPLAIN SELECT scope, scope_id, hour, posts, negative FROM tone_hourly WHERE hour = ANY($1::timestamptz[])`,
    [[NOW]],
  );
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(`plan: ${plan?.['QUERY PLAN']}`);
  console.log(
    `spike detection over ${TAGS} tags: median ${times[10]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms per run; ${found} spikes found (${PLANTED} planted)`,
  );
  expect(found).toBe(PLANTED);
});
