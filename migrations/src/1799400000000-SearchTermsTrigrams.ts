import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Typo correction looks a misspelt word up in the vocabulary (`search_terms`) by trigram similarity
 * instead of comparing it with every title: the vocabulary grows far slower than the threads do. The
 * titles' trigram index served only that comparison; dropping it makes every index write cheaper.
 */
export class SearchTermsTrigrams1799400000000 implements MigrationInterface {
  name = 'SearchTermsTrigrams1799400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "search_terms_lexeme_trgm_idx" ON "search_terms" USING gin ("lexeme" gin_trgm_ops)');
    await queryRunner.query('DROP INDEX "search_documents_title_trgm_idx"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "search_documents_title_trgm_idx" ON "search_documents" USING gin ("title_folded" gin_trgm_ops)');
    await queryRunner.query('DROP INDEX "search_terms_lexeme_trgm_idx"');
  }
}
