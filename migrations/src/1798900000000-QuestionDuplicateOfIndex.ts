import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A thread's search document lists the titles of the questions closed as its duplicates, and the
 * indexer looks them up for every document it writes: without an index that was a scan of all
 * questions per thread (a reindex of 250,000 threads ran at 7 threads/s).
 */
export class QuestionDuplicateOfIndex1798900000000 implements MigrationInterface {
  name = 'QuestionDuplicateOfIndex1798900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "questions_duplicate_of_idx" ON "questions" ("duplicate_of_id") WHERE "duplicate_of_id" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "questions_duplicate_of_idx"`);
  }
}
