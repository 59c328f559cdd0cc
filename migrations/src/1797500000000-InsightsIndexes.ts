import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Insights (issue 16) read answers by the day they were written (newcomers) and escalations by when
 * they were resolved (backlog over time): both as index ranges instead of whole-table scans.
 */
export class InsightsIndexes1797500000000 implements MigrationInterface {
  name = 'InsightsIndexes1797500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "answers_created_idx" ON "answers" ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "escalations_resolved_idx" ON "escalations" ("resolved_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."escalations_resolved_idx"`);
    await queryRunner.query(`DROP INDEX "public"."answers_created_idx"`);
  }
}
