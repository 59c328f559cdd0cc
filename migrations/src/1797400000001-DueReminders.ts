import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff hear before an SLA target is missed (issue 13): each team says how many business minutes
 * ahead; each escalation remembers that its warning went out, per clock, so it goes out once.
 */
export class DueReminders1797400000001 implements MigrationInterface {
  name = 'DueReminders1797400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "teams" ADD "due_warning_minutes" integer NOT NULL DEFAULT '30'`);
    await queryRunner.query(
      `ALTER TABLE "teams" ADD CONSTRAINT "teams_due_warning_check" CHECK ("due_warning_minutes" BETWEEN 0 AND 1440)`,
    );
    await queryRunner.query(`ALTER TABLE "escalations" ADD "first_response_warned_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "escalations" ADD "resolution_warned_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "escalations" DROP COLUMN "resolution_warned_at"`);
    await queryRunner.query(`ALTER TABLE "escalations" DROP COLUMN "first_response_warned_at"`);
    await queryRunner.query(`ALTER TABLE "teams" DROP CONSTRAINT "teams_due_warning_check"`);
    await queryRunner.query(`ALTER TABLE "teams" DROP COLUMN "due_warning_minutes"`);
  }
}
