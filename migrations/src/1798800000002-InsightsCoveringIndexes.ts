import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Covering indexes for the insights figures read live from base tables: SLA attainment reads the
 * escalations opened in the period (a year was a scan of the whole table), and a space filter reads
 * the ids of the space's questions (a bitmap heap scan of every question of the space). And the
 * deflection sessions within one day across spaces, counted in the all-spaces rows of the roll-up.
 */
export class InsightsCoveringIndexes1798800000002 implements MigrationInterface {
  name = 'InsightsCoveringIndexes1798800000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "escalations_insights_created_idx" ON "escalations" ("created_at") INCLUDE ("team_id", "priority", "question_id",
        "first_responded_at", "first_response_breached_at", "first_response_due_at", "resolved_at", "resolution_breached_at",
        "resolution_due_at", "paused_at", "paused_business_minutes")`,
    );
    await queryRunner.query(`CREATE INDEX "questions_space_id_idx" ON "questions" ("space_id", "id")`);
    // Sessions within one day that touch several spaces or languages count in the all-spaces deflection rows.
    await queryRunner.query(`ALTER TABLE "insights_deflection_spanning" ADD "one_day" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "insights_deflection_spanning" DROP COLUMN "one_day"`);
    await queryRunner.query(`DROP INDEX "questions_space_id_idx"`);
    await queryRunner.query(`DROP INDEX "escalations_insights_created_idx"`);
  }
}
