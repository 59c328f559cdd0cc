import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Notifications about the recipient themself (a badge earned, a trust level reached): subject type `user`. */
export class UserNotices1797400000003 implements MigrationInterface {
  name = 'UserNotices1797400000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notifications" DROP CONSTRAINT "notifications_subject_type_check"');
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_subject_type_check" CHECK ("subject_type" IN ('question', 'answer', 'comment', 'message', 'escalation', 'draft', 'alert', 'user'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notifications" WHERE "subject_type" = 'user'`);
    await queryRunner.query('ALTER TABLE "notifications" DROP CONSTRAINT "notifications_subject_type_check"');
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_subject_type_check" CHECK ("subject_type" IN ('question', 'answer', 'comment', 'message', 'escalation', 'draft', 'alert'))`,
    );
  }
}
