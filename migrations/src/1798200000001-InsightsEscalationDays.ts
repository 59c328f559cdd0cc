import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Insights roll-ups for promises and four-eyes: escalations opened and closed per UTC day, space and
 * team with the day's business minutes to first response and resolution (percentiles stay exact), and
 * one row per four-eyes decision with its turnaround. Filled by `pnpm cli insights:rebuild`.
 */
export class InsightsEscalationDays1798200000001 implements MigrationInterface {
  name = 'InsightsEscalationDays1798200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "insights_escalations" ADD "closed_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query('CREATE INDEX "insights_escalations_closed_idx" ON "insights_escalations" ("closed_at")');
    await queryRunner.query(
      `CREATE TABLE "insights_escalation_days" ("day" date NOT NULL, "space_id" bigint NOT NULL, "team_id" bigint NOT NULL,
        "opened" integer NOT NULL, "closed" integer NOT NULL, "first_response_minutes" integer array NOT NULL, "resolution_minutes" integer array NOT NULL,
        CONSTRAINT "insights_escalation_days_pkey" PRIMARY KEY ("day", "space_id", "team_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "insights_reviews" ("audit_id" bigint NOT NULL, "space_id" bigint NOT NULL, "decided_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "approved" boolean NOT NULL, "turnaround_minutes" double precision, CONSTRAINT "insights_reviews_pkey" PRIMARY KEY ("audit_id"))`,
    );
    await queryRunner.query('CREATE INDEX "insights_reviews_decided_idx" ON "insights_reviews" ("decided_at")');
    // The worker follows the audit log from its end: what was written before is the backfill's.
    await queryRunner.query(`INSERT INTO "insights_cursors" ("name", "last_id") SELECT 'audit', coalesce(max("id"), 0) FROM "audit_log"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "insights_cursors" WHERE "name" = 'audit'`);
    await queryRunner.query('DROP TABLE "insights_reviews"');
    await queryRunner.query('DROP TABLE "insights_escalation_days"');
    await queryRunner.query(`ALTER TABLE "insights_escalations" DROP COLUMN "closed_at"`);
  }
}
