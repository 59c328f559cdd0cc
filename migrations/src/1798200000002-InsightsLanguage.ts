import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The insights language filter: each question's language (questions.language, 'de'/'en', kept by
 * its trigger) in the per-question facts, and the question roll-ups split by it ('' where the text
 * does not tell). `pnpm cli insights:rebuild` fills them.
 */
export class InsightsLanguage1798200000002 implements MigrationInterface {
  name = 'InsightsLanguage1798200000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "insights_questions" ADD "language" character varying(2)`);
    for (const [table, key] of [
      ['insights_question_days', '"day", "space_id"'],
      ['insights_topic_days', '"day", "space_id", "tag_id"'],
    ]) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "language" character varying(2) NOT NULL DEFAULT ''`);
      await queryRunner.query(
        `ALTER TABLE "${table}" DROP CONSTRAINT "${table}_pkey", ADD CONSTRAINT "${table}_pkey" PRIMARY KEY (${key}, "language")`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, key] of [
      ['insights_question_days', '"day", "space_id"'],
      ['insights_topic_days', '"day", "space_id", "tag_id"'],
    ]) {
      // The rows of a day and space are merged again by the next rebuild; until then the split rows go.
      await queryRunner.query(`DELETE FROM "${table}" WHERE "language" <> ''`);
      await queryRunner.query(
        `ALTER TABLE "${table}" DROP CONSTRAINT "${table}_pkey", ADD CONSTRAINT "${table}_pkey" PRIMARY KEY (${key})`,
      );
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "language"`);
    }
    await queryRunner.query(`ALTER TABLE "insights_questions" DROP COLUMN "language"`);
  }
}
