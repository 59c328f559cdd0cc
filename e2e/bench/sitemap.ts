// Sitemap at scale: inserts SITEMAP_QUESTIONS public questions (default 1,000,000) straight into
// the database of a fresh stack (plus a few held, hidden and deleted ones that must stay out), then
// times streaming the whole sitemap through the web: the index and every chunk, as a crawler would.
// Run: pnpm --filter @peerdesk/e2e exec node bench/sitemap.ts   (SITEMAP_QUESTIONS=200000 for a quicker look)
import pg from 'pg';
import { startStack } from '../support/stack.ts';

const total = Number(process.env.SITEMAP_QUESTIONS ?? 1_000_000);
const stack = await startStack({ demo: false, name: 'bench-sitemap' });
const db = new pg.Client({ connectionString: stack.databaseUrl });

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
}

try {
  await db.connect();
  const loadStarted = performance.now();
  await db.query(`INSERT INTO users (display_name, imported_from) SELECT 'Bench user ' || g, 'bench' FROM generate_series(1, 100) g`);
  await db.query(`INSERT INTO spaces (slug, name) VALUES ('bench', 'Bench')`);
  const [{ user, space }] = (
    await db.query(
      `SELECT (SELECT min(id) FROM users WHERE imported_from = 'bench') AS user, (SELECT id FROM spaces WHERE slug = 'bench') AS space`,
    )
  ).rows;
  const batch = 100_000;
  for (let done = 0; done < total; done += batch) {
    const n = Math.min(batch, total - done);
    await db.query(
      `INSERT INTO questions (space_id, author_id, title, body_markdown, body_html, created_at, last_activity_at, moderation_state)
       SELECT $1, $2::bigint + g % 100, 'Why does the meter & invoice number ' || g || ' not <match>?', 'Body', '<p>Body</p>',
              now() - interval '1 day', now() - (g % 1000) * interval '1 minute',
              CASE WHEN g % 10007 = 1 THEN 'pending_review' WHEN g % 10007 = 2 THEN 'hidden' WHEN g % 10007 = 3 THEN 'deleted' ELSE 'published' END
         FROM generate_series($3::int, $4::int) g`,
      [space, user, done + 1, done + n],
    );
    process.stderr.write(`\rquestions ${(done + n).toLocaleString('en')}`);
  }
  await db.query('ANALYZE questions');
  const published = Number((await db.query(`SELECT count(*) FROM questions WHERE moderation_state = 'published'`)).rows[0].count);
  console.log(
    `\nloaded ${total.toLocaleString('en')} questions (${published.toLocaleString('en')} public) in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s`,
  );

  // The api's public index alone (what the web reads), to tell the database and api from the web's XML.
  const [apiEntries, apiMs] = await timed(async () => {
    let count = 0;
    let after = '0';
    for (;;) {
      const page = (await (await fetch(`${stack.apiUrl}/discovery/questions?after=${after}&first=10000`)).json()) as {
        entries: unknown[];
        endCursor: string | null;
      };
      count += page.entries.length;
      if (!page.endCursor) return count;
      after = page.endCursor;
    }
  });
  console.log(`api index alone: ${apiEntries.toLocaleString('en')} entries in ${(apiMs / 1000).toFixed(2)} s`);

  for (const round of [1, 2]) {
    let urls = 0;
    let bytes = 0;
    let slowest = 0;
    const [, totalMs] = await timed(async () => {
      const index = await (await fetch(`${stack.webUrl}/sitemap.xml`)).text();
      bytes += index.length;
      const chunks = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
      for (const chunk of chunks) {
        const [count, ms] = await timed(async () => {
          const response = await fetch(chunk);
          if (!response.ok) throw new Error(`${chunk}: ${response.status}`);
          const text = await response.text();
          bytes += text.length;
          return text.split('<url>').length - 1;
        });
        urls += count;
        slowest = Math.max(slowest, ms);
      }
      return chunks.length;
    });
    if (urls !== published) throw new Error(`the sitemap lists ${urls} URLs, the database holds ${published} public questions`);
    console.log(
      `round ${round}: ${urls.toLocaleString('en')} URLs, ${(bytes / 1e6).toFixed(0)} MB in ${(totalMs / 1000).toFixed(2)} s ` +
        `(slowest chunk ${slowest.toFixed(0)} ms)`,
    );
  }
} finally {
  await db.end().catch(() => undefined);
  await stack.stop();
}
