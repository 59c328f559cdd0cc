import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monthly insights roll-ups (UTC calendar months), summed from the daily ones, so a period covering
 * whole months reads a row per month instead of one per day: questions per tag and the standing
 * ledger gains per member, per space and (space_id -1) over all spaces. Kept by the insights roll-up
 * worker; filled by `pnpm cli insights:rebuild`.
 */
export class InsightsMonthlyRollups1798800000000 implements MigrationInterface {
  name = 'InsightsMonthlyRollups1798800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "insights_topic_months" ("month" date NOT NULL, "space_id" bigint NOT NULL, "tag_id" bigint NOT NULL,
        "language" character varying(2) NOT NULL, "questions" integer NOT NULL,
        CONSTRAINT "insights_topic_months_pkey" PRIMARY KEY ("month", "space_id", "tag_id", "language"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "insights_ledger_months" ("month" date NOT NULL, "space_id" bigint NOT NULL, "user_id" bigint NOT NULL,
        "accepted" integer NOT NULL, "verified" integer NOT NULL, "upvoted_answers" bigint array NOT NULL,
        CONSTRAINT "insights_ledger_months_pkey" PRIMARY KEY ("month", "space_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "insights_ledger_months_user_idx" ON "insights_ledger_months" ("user_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "insights_ledger_months"`);
    await queryRunner.query(`DROP TABLE "insights_topic_months"`);
  }
}
