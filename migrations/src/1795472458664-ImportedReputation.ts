import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Ledger entries about a user (reputation carried over from an imported community). */
export class ImportedReputation1795472458664 implements MigrationInterface {
  name = 'ImportedReputation1795472458664';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reputation_events" DROP CONSTRAINT "reputation_events_subject_type_check"`);
    await queryRunner.query(
      `ALTER TABLE "reputation_events" ADD CONSTRAINT "reputation_events_subject_type_check" CHECK ("subject_type" IN ('question', 'answer', 'comment', 'flag', 'user'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "reputation_events" WHERE "subject_type" = 'user'`);
    await queryRunner.query(`ALTER TABLE "reputation_events" DROP CONSTRAINT "reputation_events_subject_type_check"`);
    await queryRunner.query(
      `ALTER TABLE "reputation_events" ADD CONSTRAINT "reputation_events_subject_type_check" CHECK ("subject_type" IN ('question', 'answer', 'comment', 'flag'))`,
    );
  }
}
