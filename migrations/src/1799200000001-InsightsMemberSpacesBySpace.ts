import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Newcomers in one space or a team's spaces read the members' first posting days by space (the
 * primary key leads with the member: a space filter scanned every member's rows).
 */
export class InsightsMemberSpacesBySpace1799200000001 implements MigrationInterface {
  name = 'InsightsMemberSpacesBySpace1799200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "insights_member_spaces_space_idx" ON "insights_member_spaces" ("space_id", "user_id") INCLUDE ("first_days")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "insights_member_spaces_space_idx"`);
  }
}
