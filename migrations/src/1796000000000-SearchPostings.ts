import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Impact-ordered postings for PostgreSQL search: per lexeme, the threads where it weighs most, so
 * candidate generation reads the best few hundred threads of each query term however common the term
 * is. A posting's impact is the BM25 term-frequency part with field weights (title 3, tags 2, body 1;
 * answers are reached through the full-text index instead) and a fixed reference length, so it
 * depends only on the thread itself and never on what else was indexed before it (import order).
 * `tie` orders equal impacts by content, not by id.
 */
export class SearchPostings1796000000000 implements MigrationInterface {
  name = 'SearchPostings1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "search_postings" ("lexeme" text NOT NULL, "impact" real NOT NULL, "tie" integer NOT NULL, "question_id" bigint NOT NULL REFERENCES "search_documents"("question_id") ON DELETE CASCADE, "space_id" bigint NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "search_postings_impact_idx" ON "search_postings" ("lexeme", "impact" DESC, "tie", "question_id") INCLUDE ("space_id")',
    );
    await queryRunner.query('CREATE INDEX "search_postings_question_idx" ON "search_postings" ("question_id")');
    await queryRunner.query(`CREATE FUNCTION "pd_index_postings"(ids bigint[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM search_postings WHERE question_id = ANY(ids);
  INSERT INTO search_postings (lexeme, impact, tie, question_id, space_id)
  SELECT lexeme, (tf * 2.2 / (tf + 1.2 * (0.5 + 0.5 * least(length, 4000) / 300.0)))::real, tie, question_id, space_id
    FROM (SELECT x.lexeme, d.question_id, d.space_id, d.length, hashtext(d.title_folded) AS tie, u.tf, u.headline,
                 row_number() OVER (PARTITION BY d.question_id ORDER BY u.tf DESC, x.lexeme) AS rank
            FROM search_documents d, unnest(d.document) x,
                 LATERAL (SELECT sum(CASE w WHEN 'A' THEN 3.0 WHEN 'B' THEN 2.0 WHEN 'C' THEN 1.0 ELSE 0 END) AS tf,
                                 bool_or(w IN ('A', 'B')) AS headline
                            FROM unnest(x.weights) w) u
           WHERE d.question_id = ANY(ids) AND u.tf > 0) p
   WHERE headline OR rank <= 40
$$`);
    await queryRunner.query('SELECT pd_index_postings(array_agg(question_id)) FROM search_documents');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION "pd_index_postings"(bigint[])');
    await queryRunner.query('DROP TABLE "search_postings"');
  }
}
