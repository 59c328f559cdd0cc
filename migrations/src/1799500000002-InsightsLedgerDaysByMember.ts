import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The answers upvoted of the top contributors' candidates are read from their own daily ledger rows
 * (the days at either end of a period): without an index by member, every daily row was scanned.
 */
export class InsightsLedgerDaysByMember1799500000002 implements MigrationInterface {
  name = 'InsightsLedgerDaysByMember1799500000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "insights_ledger_days_user_idx" ON "insights_ledger_days" ("user_id", "day")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "insights_ledger_days_user_idx"`);
  }
}
