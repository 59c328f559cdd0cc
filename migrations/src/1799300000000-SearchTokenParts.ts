import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PostgreSQL's parser keeps paths, host, file and mail names whole ('/var/lib/dpkg/lock',
 * 'archive.ubuntu.com', 'gateway_config.toml'), while a query is split into words — so "dpkg lock" never
 * met a thread that wrote the path. pd_token_parts gives the words inside such tokens (split at slashes,
 * colons, underscores, at signs, backslashes and dots next to a letter; versions such as '12.04' stay
 * whole); the writer indexes them at the lowest weight (D), beside the whole tokens, so they find a thread
 * without outweighing its own words. Existing threads are queued for reindexing through the outbox
 * (`search.stale`), in chunks.
 */
export class SearchTokenParts1799300000000 implements MigrationInterface {
  name = 'SearchTokenParts1799300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      // regexp_matches finds the few such tokens in one pass (five times cheaper than testing every word).
      `CREATE FUNCTION "pd_token_parts"(input text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT pd_tsvector(coalesce(regexp_replace(string_agg(m[1], ' '), '[/:_@\\\\]+|(?<=[[:alpha:]])[.]+|[.]+(?=[[:alpha:]])', ' ', 'g'), ''))
    FROM regexp_matches(input, '([^[:space:]]*(?:[/:_@\\\\][[:alnum:]]|[[:alpha:]][.][[:alnum:]]|[[:alnum:]][.][[:alpha:]])[^[:space:]]*)', 'g') m
$$`,
    );
    await queryRunner.query(
      `INSERT INTO "outbox_events" ("topic", "aggregate_id", "payload")
       SELECT 'search.stale', min(id)::text, jsonb_build_object('questionIds', jsonb_agg(id::text ORDER BY id))
         FROM (SELECT id, (row_number() OVER (ORDER BY id) - 1) / 1000 AS chunk FROM "questions") q
        GROUP BY chunk ORDER BY chunk`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION "pd_token_parts"(text)`);
  }
}
