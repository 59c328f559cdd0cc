import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Following spaces and tags (issue 13): a new question there is a notification in the app, and the
 * questions of the period arrive as one daily or weekly digest mail instead of a mail each. Mail rows
 * now say what they are (`kind`), and a digest carries a key so the same period is never sent twice.
 */
export class Follows1797400000000 implements MigrationInterface {
  name = 'Follows1797400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "follows" (
        "user_id" bigint NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "target_type" character varying(8) NOT NULL,
        "target_id" bigint NOT NULL,
        "level" character varying(8) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "follows_target_type_check" CHECK ("target_type" IN ('space', 'tag')),
        CONSTRAINT "follows_level_check" CHECK ("level" IN ('watching', 'muted')),
        PRIMARY KEY ("user_id", "target_type", "target_id")
      )`,
    );
    await queryRunner.query('CREATE INDEX "follows_target_idx" ON "follows" ("target_type", "target_id", "user_id")');
    await queryRunner.query(`ALTER TABLE "notification_settings" ADD "digest" character varying(8) NOT NULL DEFAULT 'weekly'`);
    await queryRunner.query(
      `ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_digest_check" CHECK ("digest" IN ('off', 'daily', 'weekly'))`,
    );
    await queryRunner.query(`ALTER TABLE "notification_settings" ADD "digest_sent_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "notification_settings_digest_due_idx" ON "notification_settings" ("digest_sent_at") WHERE "digest" <> 'off'`,
    );
    await queryRunner.query(`ALTER TABLE "mail_outbox" ADD "kind" character varying(16) NOT NULL DEFAULT 'account'`);
    await queryRunner.query(`UPDATE "mail_outbox" SET "kind" = 'notification' WHERE "notification_id" IS NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_kind_check" CHECK ("kind" IN ('notification', 'account', 'digest'))`,
    );
    await queryRunner.query(`ALTER TABLE "mail_outbox" ADD "dedupe_key" character varying(80)`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_dedupe_key" UNIQUE ("dedupe_key")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "mail_outbox" DROP CONSTRAINT "mail_outbox_dedupe_key"');
    await queryRunner.query('ALTER TABLE "mail_outbox" DROP COLUMN "dedupe_key"');
    await queryRunner.query('ALTER TABLE "mail_outbox" DROP CONSTRAINT "mail_outbox_kind_check"');
    await queryRunner.query('ALTER TABLE "mail_outbox" DROP COLUMN "kind"');
    await queryRunner.query('DROP INDEX "notification_settings_digest_due_idx"');
    await queryRunner.query('ALTER TABLE "notification_settings" DROP COLUMN "digest_sent_at"');
    await queryRunner.query('ALTER TABLE "notification_settings" DROP CONSTRAINT "notification_settings_digest_check"');
    await queryRunner.query('ALTER TABLE "notification_settings" DROP COLUMN "digest"');
    await queryRunner.query('DROP INDEX "follows_target_idx"');
    await queryRunner.query('DROP TABLE "follows"');
  }
}
