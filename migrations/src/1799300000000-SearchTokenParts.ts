import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PostgreSQL's parser keeps paths, host names, versions and file names whole ('/var/lib/dpkg/lock',
 * '12.04', 'archive.ubuntu.com', 'my_module.py'), while a query is split into words — so "dpkg lock" or
 * "ubuntu 12.04" never met a thread that wrote them that way. pd_tsvector now splits such tokens at
 * their dots, slashes, colons, underscores, at signs and backslashes before parsing, as queries are.
 * Existing threads are queued for reindexing through the outbox (`search.stale`), in chunks.
 */
const WHOLE = `translate(input, '<>', '  ')`;
const SPLIT = `regexp_replace(translate(input, '<>', '  '), '[./:_@\\\\]+(?=[[:alnum:]])', ' ', 'g')`;

export class SearchTokenParts1799300000000 implements MigrationInterface {
  name = 'SearchTokenParts1799300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await redefine(queryRunner, WHOLE, SPLIT);
    await queryRunner.query(
      `INSERT INTO "outbox_events" ("topic", "aggregate_id", "payload")
       SELECT 'search.stale', min(id)::text, jsonb_build_object('questionIds', jsonb_agg(id::text ORDER BY id))
         FROM (SELECT id, (row_number() OVER (ORDER BY id) - 1) / 1000 AS chunk FROM "questions") q
        GROUP BY chunk ORDER BY chunk`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await redefine(queryRunner, SPLIT, WHOLE);
  }
}

/** Rewrites pd_tsvector's input expression, keeping the stop-word lists the Initial migration computed. */
async function redefine(queryRunner: QueryRunner, from: string, to: string): Promise<void> {
  const rows: { definition: string }[] = await queryRunner.query(
    `SELECT pg_get_functiondef('pd_tsvector(text)'::regprocedure) AS definition`,
  );
  const definition = rows[0]?.definition ?? '';
  if (!definition.includes(from)) throw new Error(`pd_tsvector is not defined as expected (no ${from})`);
  await queryRunner.query(definition.replace(from, to));
}
