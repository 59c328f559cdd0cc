import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Per kind of notification: told in the app and by e-mail (the default), in the app only, or not at all. */
export class NotificationChoices1797400000004 implements MigrationInterface {
  name = 'NotificationChoices1797400000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_settings" ADD "app_only_kinds" character varying(32)[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "notification_settings" ADD "off_kinds" character varying(32)[] NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_settings" DROP COLUMN "off_kinds"`);
    await queryRunner.query(`ALTER TABLE "notification_settings" DROP COLUMN "app_only_kinds"`);
  }
}
