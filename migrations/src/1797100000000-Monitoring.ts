import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tone roll-up (post_tones, tone_hourly) with its own outbox position, alerts and their evidence, announcements, watch-lists. */
export class Monitoring1797100000000 implements MigrationInterface {
  name = 'Monitoring1797100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "announcements" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "space_id" bigint NOT NULL, "author_id" bigint NOT NULL, "body" character varying(500) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b3ad760876ff2e19d58e05dc8b0" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "announcements_space_live_idx" ON "announcements"  ("space_id") WHERE "ended_at" IS NULL');
    await queryRunner.query(
      'CREATE TABLE "alerts" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "kind" character varying(8) NOT NULL, "key" character varying(120) NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'open\', "scope" character varying(8), "scope_id" bigint, "space_id" bigint NOT NULL, "term" character varying(60), "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "detected_at" TIMESTAMP WITH TIME ZONE NOT NULL, "posts" integer NOT NULL, "negative" integer NOT NULL, "expected_posts" real, "expected_negative_share" real, "assignee_id" bigint, "acknowledged_by_id" bigint, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "announcement_id" bigint, CONSTRAINT "alerts_scope_check" CHECK ("scope" IS NULL OR "scope" IN (\'space\', \'tag\')), CONSTRAINT "alerts_status_check" CHECK ("status" IN (\'open\', \'acknowledged\', \'resolved\')), CONSTRAINT "alerts_kind_check" CHECK ("kind" IN (\'spike\', \'keyword\')), CONSTRAINT "PK_60f895662df096bfcdfab7f4b96" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "alerts_detected_idx" ON "alerts"  ("detected_at", "id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "alerts_unresolved_key" ON "alerts"  ("key") WHERE "status" <> \'resolved\'');
    await queryRunner.query(
      'CREATE TABLE "alert_posts" ("alert_id" bigint NOT NULL, "post_type" character varying(8) NOT NULL, "post_id" bigint NOT NULL, CONSTRAINT "PK_76caeaddffa1a90081417aa988a" PRIMARY KEY ("alert_id", "post_type", "post_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "watch_terms" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "term" character varying(60) NOT NULL, "created_by_id" bigint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_431c09f5ca5cf42de6a3a66bc10" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "watch_terms_term_key" ON "watch_terms"  ("term") ');
    await queryRunner.query(
      'CREATE TABLE "post_tones" ("post_type" character varying(8) NOT NULL, "post_id" bigint NOT NULL, "space_id" bigint NOT NULL, "question_id" bigint NOT NULL, "label" character varying(8) NOT NULL, "score" real NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "post_tones_label_check" CHECK ("label" IN (\'negative\', \'neutral\', \'positive\')), CONSTRAINT "post_tones_post_type_check" CHECK ("post_type" IN (\'question\', \'answer\', \'comment\')), CONSTRAINT "PK_4383df41a52ba1bac6f84a12ce9" PRIMARY KEY ("post_type", "post_id"))',
    );
    await queryRunner.query('CREATE INDEX "post_tones_space_created_idx" ON "post_tones"  ("space_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "tone_hourly" ("scope" character varying(8) NOT NULL, "scope_id" bigint NOT NULL, "hour" TIMESTAMP WITH TIME ZONE NOT NULL, "posts" integer NOT NULL DEFAULT \'0\', "negative" integer NOT NULL DEFAULT \'0\', CONSTRAINT "tone_hourly_scope_check" CHECK ("scope" IN (\'space\', \'tag\')), CONSTRAINT "PK_1659380c63b2a89c8e34c9a16b2" PRIMARY KEY ("scope", "scope_id", "hour"))',
    );
    await queryRunner.query('CREATE INDEX "tone_hourly_hour_idx" ON "tone_hourly"  ("hour") ');
    await queryRunner.query(
      'ALTER TABLE "announcements" ADD CONSTRAINT "FK_a23d2ce86385b8fac75bd8e71b4" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "announcements" ADD CONSTRAINT "FK_0a13cf0aa1f1a2666699ff473f0" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alerts" ADD CONSTRAINT "FK_8e8d8a1c507b9ff7363a801050d" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alerts" ADD CONSTRAINT "FK_8260d4a98d9091b41cc2d4a4282" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alerts" ADD CONSTRAINT "FK_00f213b9af2a7f181a831e85182" FOREIGN KEY ("acknowledged_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alerts" ADD CONSTRAINT "FK_50d548136cb86ea8f14a7ef41f0" FOREIGN KEY ("announcement_id") REFERENCES "announcements"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alert_posts" ADD CONSTRAINT "FK_aee50b50fdcc6b48d66846d5dbf" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "watch_terms" ADD CONSTRAINT "FK_6fbdfec81dd298cf051668900c9" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "post_tones" ADD CONSTRAINT "FK_b7b19fa14f0e9a26ee203a2487a" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query('ALTER TABLE "notifications" DROP CONSTRAINT "notifications_subject_type_check"');
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_subject_type_check" CHECK ("subject_type" IN ('question', 'answer', 'comment', 'message', 'escalation', 'draft', 'alert'))`,
    );
    // The roll-up starts at the beginning of the outbox, so posts written before monitoring existed are counted too.
    await queryRunner.query('INSERT INTO "outbox_consumers" ("consumer", "watermark") VALUES (\'monitoring\', 0)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM "outbox_consumers" WHERE "consumer" = \'monitoring\'');
    await queryRunner.query(`DELETE FROM "notifications" WHERE "subject_type" = 'alert'`);
    await queryRunner.query('ALTER TABLE "notifications" DROP CONSTRAINT "notifications_subject_type_check"');
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_subject_type_check" CHECK ("subject_type" IN ('question', 'answer', 'comment', 'message', 'escalation', 'draft'))`,
    );
    await queryRunner.query('ALTER TABLE "post_tones" DROP CONSTRAINT "FK_b7b19fa14f0e9a26ee203a2487a"');
    await queryRunner.query('ALTER TABLE "watch_terms" DROP CONSTRAINT "FK_6fbdfec81dd298cf051668900c9"');
    await queryRunner.query('ALTER TABLE "alert_posts" DROP CONSTRAINT "FK_aee50b50fdcc6b48d66846d5dbf"');
    await queryRunner.query('ALTER TABLE "alerts" DROP CONSTRAINT "FK_50d548136cb86ea8f14a7ef41f0"');
    await queryRunner.query('ALTER TABLE "alerts" DROP CONSTRAINT "FK_00f213b9af2a7f181a831e85182"');
    await queryRunner.query('ALTER TABLE "alerts" DROP CONSTRAINT "FK_8260d4a98d9091b41cc2d4a4282"');
    await queryRunner.query('ALTER TABLE "alerts" DROP CONSTRAINT "FK_8e8d8a1c507b9ff7363a801050d"');
    await queryRunner.query('ALTER TABLE "announcements" DROP CONSTRAINT "FK_0a13cf0aa1f1a2666699ff473f0"');
    await queryRunner.query('ALTER TABLE "announcements" DROP CONSTRAINT "FK_a23d2ce86385b8fac75bd8e71b4"');
    await queryRunner.query('DROP INDEX "public"."tone_hourly_hour_idx"');
    await queryRunner.query('DROP TABLE "tone_hourly"');
    await queryRunner.query('DROP INDEX "public"."post_tones_space_created_idx"');
    await queryRunner.query('DROP TABLE "post_tones"');
    await queryRunner.query('DROP INDEX "public"."watch_terms_term_key"');
    await queryRunner.query('DROP TABLE "watch_terms"');
    await queryRunner.query('DROP TABLE "alert_posts"');
    await queryRunner.query('DROP INDEX "public"."alerts_unresolved_key"');
    await queryRunner.query('DROP INDEX "public"."alerts_detected_idx"');
    await queryRunner.query('DROP TABLE "alerts"');
    await queryRunner.query('DROP INDEX "public"."announcements_space_live_idx"');
    await queryRunner.query('DROP TABLE "announcements"');
  }
}
