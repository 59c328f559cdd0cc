import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Moderation1795468513123 implements MigrationInterface {
  name = 'Moderation1795468513123';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "review_items" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "post_type" character varying(16) NOT NULL, "post_id" bigint NOT NULL, "question_id" bigint NOT NULL, "post_author_id" bigint NOT NULL, "kind" character varying(20) NOT NULL, "status" character varying(8) NOT NULL DEFAULT \'open\', "outcome" character varying(16), "handled_by_id" bigint, "handled_at" TIMESTAMP WITH TIME ZONE, "handled_reason" character varying(500), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "review_items_outcome_check" CHECK (("status" = \'open\') = ("outcome" IS NULL)), CONSTRAINT "review_items_status_check" CHECK ("status" IN (\'open\', \'handled\')), CONSTRAINT "review_items_kind_check" CHECK ("kind" IN (\'first_post\', \'flagged\', \'community_hidden\')), CONSTRAINT "PK_417e5a69fd5f01f31e3c0303dfe" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "review_items_post_idx" ON "review_items"  ("post_type", "post_id") ');
    await queryRunner.query('CREATE INDEX "review_items_queue_idx" ON "review_items"  ("created_at", "id") WHERE "status" = \'open\'');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "review_items_open_post_key" ON "review_items"  ("post_type", "post_id") WHERE "status" = \'open\'',
    );
    await queryRunner.query(
      'CREATE TABLE "flags" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "user_id" bigint NOT NULL, "post_type" character varying(16) NOT NULL, "post_id" bigint NOT NULL, "question_id" bigint NOT NULL, "reason" character varying(16) NOT NULL, "note" character varying(500), "state" character varying(16) NOT NULL DEFAULT \'open\', "counts_to_hide" boolean NOT NULL DEFAULT false, "review_item_id" bigint, "handled_by_id" bigint, "handled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "flags_post_type_check" CHECK ("post_type" IN (\'question\', \'answer\', \'comment\')), CONSTRAINT "flags_state_check" CHECK ("state" IN (\'open\', \'helpful\', \'declined\')), CONSTRAINT "flags_reason_check" CHECK ("reason" IN (\'spam\', \'rude\', \'off_topic\', \'personal_data\', \'needs_staff\')), CONSTRAINT "PK_ea7e333c92a55de9e9b8d0b9afd" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "flags_review_item_idx" ON "flags"  ("review_item_id") ');
    await queryRunner.query('CREATE INDEX "flags_post_idx" ON "flags"  ("post_type", "post_id", "state") ');
    await queryRunner.query('CREATE UNIQUE INDEX "flags_user_post_key" ON "flags"  ("user_id", "post_type", "post_id") ');
    await queryRunner.query('ALTER TABLE "users" ADD "suspended_until" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "answers" ADD "moderation_state" character varying(16) NOT NULL DEFAULT \'published\'');
    await queryRunner.query('ALTER TABLE "answers" ADD "revision" integer NOT NULL DEFAULT \'1\'');
    await queryRunner.query('ALTER TABLE "answers" ADD "verified_by_id" bigint');
    await queryRunner.query('ALTER TABLE "answers" ADD "verified_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "questions" ADD "moderation_state" character varying(16) NOT NULL DEFAULT \'published\'');
    await queryRunner.query('ALTER TABLE "questions" ADD "revision" integer NOT NULL DEFAULT \'1\'');
    await queryRunner.query('ALTER TABLE "questions" ADD "closed_note" character varying(300)');
    await queryRunner.query('ALTER TABLE "questions" ADD "locked_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "questions" ADD "locked_reason" character varying(300)');
    await queryRunner.query('ALTER TABLE "comments" ADD "moderation_state" character varying(16) NOT NULL DEFAULT \'published\'');
    await queryRunner.query(
      "ALTER TABLE \"answers\" ADD CONSTRAINT \"answers_moderation_state_check\" CHECK (\"moderation_state\" IN ('published', 'pending_review', 'hidden', 'deleted'))",
    );
    await queryRunner.query(
      "ALTER TABLE \"questions\" ADD CONSTRAINT \"questions_moderation_state_check\" CHECK (\"moderation_state\" IN ('published', 'pending_review', 'hidden', 'deleted'))",
    );
    await queryRunner.query(
      "ALTER TABLE \"comments\" ADD CONSTRAINT \"comments_moderation_state_check\" CHECK (\"moderation_state\" IN ('published', 'pending_review', 'hidden', 'deleted'))",
    );
    await queryRunner.query(
      'ALTER TABLE "answers" ADD CONSTRAINT "FK_62ef0bf7d895a0ed2b7a86e549d" FOREIGN KEY ("verified_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "review_items" ADD CONSTRAINT "FK_0f9901ba8438078984d1ef03abd" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "review_items" ADD CONSTRAINT "FK_f580c38144e53cb2083a22844e4" FOREIGN KEY ("post_author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "review_items" ADD CONSTRAINT "FK_ef99416d787332eeb78dc50f762" FOREIGN KEY ("handled_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "flags" ADD CONSTRAINT "FK_0f24bf0b9c652e28455916206b6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "flags" ADD CONSTRAINT "FK_d2a960c7f8af105d464d65b346d" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "flags" ADD CONSTRAINT "FK_b55242576933b42afba7a8d53d7" FOREIGN KEY ("review_item_id") REFERENCES "review_items"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "flags" ADD CONSTRAINT "FK_6e95e48ad320eebdc5c8c145ebf" FOREIGN KEY ("handled_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "flags" DROP CONSTRAINT "FK_6e95e48ad320eebdc5c8c145ebf"');
    await queryRunner.query('ALTER TABLE "flags" DROP CONSTRAINT "FK_b55242576933b42afba7a8d53d7"');
    await queryRunner.query('ALTER TABLE "flags" DROP CONSTRAINT "FK_d2a960c7f8af105d464d65b346d"');
    await queryRunner.query('ALTER TABLE "flags" DROP CONSTRAINT "FK_0f24bf0b9c652e28455916206b6"');
    await queryRunner.query('ALTER TABLE "review_items" DROP CONSTRAINT "FK_ef99416d787332eeb78dc50f762"');
    await queryRunner.query('ALTER TABLE "review_items" DROP CONSTRAINT "FK_f580c38144e53cb2083a22844e4"');
    await queryRunner.query('ALTER TABLE "review_items" DROP CONSTRAINT "FK_0f9901ba8438078984d1ef03abd"');
    await queryRunner.query('ALTER TABLE "answers" DROP CONSTRAINT "FK_62ef0bf7d895a0ed2b7a86e549d"');
    await queryRunner.query('ALTER TABLE "comments" DROP CONSTRAINT "comments_moderation_state_check"');
    await queryRunner.query('ALTER TABLE "questions" DROP CONSTRAINT "questions_moderation_state_check"');
    await queryRunner.query('ALTER TABLE "answers" DROP CONSTRAINT "answers_moderation_state_check"');
    await queryRunner.query('ALTER TABLE "comments" DROP COLUMN "moderation_state"');
    await queryRunner.query('ALTER TABLE "questions" DROP COLUMN "locked_reason"');
    await queryRunner.query('ALTER TABLE "questions" DROP COLUMN "locked_at"');
    await queryRunner.query('ALTER TABLE "questions" DROP COLUMN "closed_note"');
    await queryRunner.query('ALTER TABLE "questions" DROP COLUMN "revision"');
    await queryRunner.query('ALTER TABLE "questions" DROP COLUMN "moderation_state"');
    await queryRunner.query('ALTER TABLE "answers" DROP COLUMN "verified_at"');
    await queryRunner.query('ALTER TABLE "answers" DROP COLUMN "verified_by_id"');
    await queryRunner.query('ALTER TABLE "answers" DROP COLUMN "revision"');
    await queryRunner.query('ALTER TABLE "answers" DROP COLUMN "moderation_state"');
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "suspended_until"');
    await queryRunner.query('DROP INDEX "public"."flags_user_post_key"');
    await queryRunner.query('DROP INDEX "public"."flags_post_idx"');
    await queryRunner.query('DROP INDEX "public"."flags_review_item_idx"');
    await queryRunner.query('DROP TABLE "flags"');
    await queryRunner.query('DROP INDEX "public"."review_items_open_post_key"');
    await queryRunner.query('DROP INDEX "public"."review_items_queue_idx"');
    await queryRunner.query('DROP INDEX "public"."review_items_post_idx"');
    await queryRunner.query('DROP TABLE "review_items"');
  }
}
