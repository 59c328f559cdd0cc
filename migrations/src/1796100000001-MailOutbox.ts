import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing e-mail (issue 13): a durable queue in PostgreSQL. One mail per notification at most (the
 * unique key), retried with backoff while the SMTP server is away; without SMTP_URL mail is kept for
 * admins to read. Each user's language and e-mail choice; the secret that signs unsubscribe links.
 */
export class MailOutbox1796100000001 implements MigrationInterface {
  name = 'MailOutbox1796100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "mail_outbox" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "notification_id" bigint REFERENCES "notifications"("id") ON DELETE SET NULL,
        "recipient_id" bigint REFERENCES "users"("id") ON DELETE CASCADE,
        "to_address" character varying(254) NOT NULL,
        "locale" character varying(2) NOT NULL,
        "subject" character varying(300) NOT NULL,
        "text_body" text NOT NULL,
        "html_body" text NOT NULL,
        "headers" jsonb NOT NULL DEFAULT '{}'::jsonb,
        "status" character varying(8) NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "last_error" character varying(500),
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "sent_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "mail_outbox_status_check" CHECK ("status" IN ('pending', 'sent', 'kept', 'skipped', 'failed')),
        CONSTRAINT "mail_outbox_notification_key" UNIQUE ("notification_id")
      )`,
    );
    await queryRunner.query('CREATE INDEX "mail_outbox_due_idx" ON "mail_outbox" ("next_attempt_at", "id") WHERE "status" = \'pending\'');
    await queryRunner.query('CREATE INDEX "mail_outbox_recent_idx" ON "mail_outbox" ("id" DESC)');
    await queryRunner.query(
      `CREATE TABLE "notification_settings" (
        "user_id" bigint PRIMARY KEY REFERENCES "users"("id") ON DELETE CASCADE,
        "locale" character varying(2) NOT NULL DEFAULT 'en',
        "email" boolean NOT NULL DEFAULT true,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "notification_settings_locale_check" CHECK ("locale" IN ('en', 'de'))
      )`,
    );
    await queryRunner.query(
      `CREATE TABLE "mail_secret" ("id" boolean PRIMARY KEY DEFAULT true CHECK ("id"), "secret" character varying(64) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "mail_secret" ("secret") VALUES (replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "mail_secret"');
    await queryRunner.query('DROP TABLE "notification_settings"');
    await queryRunner.query('DROP TABLE "mail_outbox"');
  }
}
