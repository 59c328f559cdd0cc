import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A thread is also found by the words its known duplicates used: the titles of the questions closed as
 * its duplicates are stored with its search document (`duplicate_titles`, indexed at weight B, below the
 * title). `duplicate_of_id` is what the document was indexed as a duplicate of, so that reindexing a
 * question also reindexes the original it pointed to before (reopened, re-pointed, deleted).
 * `tie` orders equal scores by content — title and body — so same-title threads differ without ids;
 * postings copy it from their document.
 */
export class SearchDuplicateTitles1798600000000 implements MigrationInterface {
  name = 'SearchDuplicateTitles1798600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "search_documents" ADD "duplicate_titles" text NOT NULL DEFAULT '', ADD "duplicate_of_id" bigint, ADD "tie" integer NOT NULL DEFAULT 0`,
    );
    await queryRunner.query(`UPDATE "search_documents" SET "tie" = hashtext("title_folded" || chr(10) || "body_text")`);
    await queryRunner.query(
      'CREATE INDEX "search_documents_duplicate_of_idx" ON "search_documents" ("duplicate_of_id") WHERE "duplicate_of_id" IS NOT NULL',
    );
    await queryRunner.query(postings('d.tie'));
    await queryRunner.query(
      'UPDATE "search_postings" p SET "tie" = d."tie" FROM "search_documents" d WHERE d."question_id" = p."question_id"',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(postings('hashtext(d.title_folded)'));
    await queryRunner.query(
      'UPDATE "search_postings" p SET "tie" = hashtext(d."title_folded") FROM "search_documents" d WHERE d."question_id" = p."question_id"',
    );
    await queryRunner.query('DROP INDEX "search_documents_duplicate_of_idx"');
    await queryRunner.query('ALTER TABLE "search_documents" DROP "duplicate_titles", DROP "duplicate_of_id", DROP "tie"');
  }
}

/** pd_index_postings as in SearchPostings1796000000000, with the tie taken from `tie`. */
function postings(tie: string): string {
  return `CREATE OR REPLACE FUNCTION "pd_index_postings"(ids bigint[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM search_postings WHERE question_id = ANY(ids);
  INSERT INTO search_postings (lexeme, impact, tie, question_id, space_id)
  SELECT lexeme, (tf * 2.2 / (tf + 1.2 * (0.5 + 0.5 * least(length, 4000) / 300.0)))::real, tie, question_id, space_id
    FROM (SELECT x.lexeme, d.question_id, d.space_id, d.length, ${tie} AS tie, u.tf, u.headline,
                 row_number() OVER (PARTITION BY d.question_id ORDER BY u.tf DESC, x.lexeme) AS rank
            FROM search_documents d, unnest(d.document) x,
                 LATERAL (SELECT sum(CASE w WHEN 'A' THEN 3.0 WHEN 'B' THEN 2.0 WHEN 'C' THEN 1.0 ELSE 0 END) AS tf,
                                 bool_or(w IN ('A', 'B')) AS headline
                            FROM unnest(x.weights) w) u
           WHERE d.question_id = ANY(ids) AND u.tf > 0) p
   WHERE headline OR rank <= 40
$$`;
}
