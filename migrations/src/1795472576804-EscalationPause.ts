import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EscalationPause1795472576804 implements MigrationInterface {
  name = 'EscalationPause1795472576804';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "escalations" ADD "paused_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "escalations" ADD "paused_business_minutes" integer NOT NULL DEFAULT \'0\'');
    await queryRunner.query('ALTER TABLE "escalations" ADD "first_response_paused_minutes" integer NOT NULL DEFAULT \'0\'');
    await queryRunner.query(
      'ALTER TABLE "escalations" ADD CONSTRAINT "escalations_paused_check" CHECK (("status" = \'waiting_on_customer\') = ("paused_at" IS NOT NULL))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "escalations" DROP CONSTRAINT "escalations_paused_check"');
    await queryRunner.query('ALTER TABLE "escalations" DROP COLUMN "first_response_paused_minutes"');
    await queryRunner.query('ALTER TABLE "escalations" DROP COLUMN "paused_business_minutes"');
    await queryRunner.query('ALTER TABLE "escalations" DROP COLUMN "paused_at"');
  }
}
