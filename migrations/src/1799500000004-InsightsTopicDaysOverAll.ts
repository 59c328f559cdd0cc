import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rising tags without a filter read a row per tag and day over all spaces (space -1, like the monthly
 * rows) instead of summing a row per tag, day and space (30 days: ~48,000 rows per request). Filled
 * here from the per-space rows; kept by the insights roll-up worker.
 */
export class InsightsTopicDaysOverAll1799500000004 implements MigrationInterface {
  name = 'InsightsTopicDaysOverAll1799500000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO "insights_topic_days" ("day", "space_id", "tag_id", "language", "questions")
       SELECT "day", -1, "tag_id", "language", sum("questions")::int FROM "insights_topic_days" WHERE "space_id" <> -1
       GROUP BY "day", "tag_id", "language"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "insights_topic_days" WHERE "space_id" = -1`);
  }
}
