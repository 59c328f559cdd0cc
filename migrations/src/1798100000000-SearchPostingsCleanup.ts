import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Postings go with their search document through one statement-level trigger instead of a foreign
 * key: the key's per-row check cost about as much as writing the postings themselves (a thread has
 * ~35 of them), and an import writes a hundred thousand at a time. Deleting documents (directly, or
 * through a question's ON DELETE CASCADE) still deletes their postings in the same statement.
 */
export class SearchPostingsCleanup1798100000000 implements MigrationInterface {
  name = 'SearchPostingsCleanup1798100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DELETE FROM "search_postings" p WHERE NOT EXISTS (SELECT 1 FROM "search_documents" d WHERE d."question_id" = p."question_id")',
    );
    await queryRunner.query('ALTER TABLE "search_postings" DROP CONSTRAINT "search_postings_question_id_fkey"');
    await queryRunner.query(`CREATE FUNCTION "pd_search_documents_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_postings p USING gone g WHERE p.question_id = g.question_id;
  RETURN NULL;
END $$`);
    await queryRunner.query(
      'CREATE TRIGGER "search_documents_deleted" AFTER DELETE ON "search_documents" REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "pd_search_documents_deleted"()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "search_documents_deleted" ON "search_documents"');
    await queryRunner.query('DROP FUNCTION "pd_search_documents_deleted"()');
    await queryRunner.query(
      'DELETE FROM "search_postings" p WHERE NOT EXISTS (SELECT 1 FROM "search_documents" d WHERE d."question_id" = p."question_id")',
    );
    await queryRunner.query(
      'ALTER TABLE "search_postings" ADD CONSTRAINT "search_postings_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "search_documents"("question_id") ON DELETE CASCADE',
    );
  }
}
