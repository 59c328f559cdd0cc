import type { MigrationInterface, QueryRunner } from 'typeorm';

export class GuardReviewStaff1795468885930 implements MigrationInterface {
  name = 'GuardReviewStaff1795468885930';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "post_redactions" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "question_id" bigint NOT NULL, "post_type" character varying(16) NOT NULL, "post_id" bigint NOT NULL, "field" character varying(8) NOT NULL, "original_text" text NOT NULL, "redacted_text" text NOT NULL, "spans" jsonb NOT NULL, "reason" text NOT NULL, "moderator_id" bigint NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "post_redactions_field_check" CHECK ("field" IN (\'title\', \'body\')), CONSTRAINT "post_redactions_target_check" CHECK ("post_type" IN (\'question\', \'answer\', \'comment\')), CONSTRAINT "PK_e18dcad2bac34d4065fe8876e8a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "post_redactions_question_idx" ON "post_redactions"  ("question_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "space_review_settings" ("space_id" bigint NOT NULL, "review_staff_replies" boolean NOT NULL DEFAULT true, "updated_by_id" bigint, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a4acc977257408a59f4424b085c" PRIMARY KEY ("space_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "review_bypass_grants" ("user_id" bigint NOT NULL, "granted_by_id" bigint, "reason" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3cc27a9100962ef51ac6e8a02bd" PRIMARY KEY ("user_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "staff_drafts" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "author_id" bigint NOT NULL, "question_id" bigint NOT NULL, "answer_id" bigint, "kind" character varying(16) NOT NULL, "body_markdown" text NOT NULL, "state" character varying(24) NOT NULL DEFAULT \'draft\', "version" integer NOT NULL DEFAULT \'1\', "findings" jsonb NOT NULL, "review_comment" text, "reviewer_id" bigint, "last_editor_id" bigint, "published_answer_id" bigint, "published_comment_id" bigint, "client_mutation_id" character varying(64), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "staff_drafts_published_check" CHECK (("state" = \'approved\') = (num_nonnulls("published_answer_id", "published_comment_id") > 0)), CONSTRAINT "staff_drafts_answer_target_check" CHECK ("kind" = \'comment\' OR "answer_id" IS NULL), CONSTRAINT "staff_drafts_state_check" CHECK ("state" IN (\'draft\', \'changes_requested\', \'approved\', \'withdrawn\')), CONSTRAINT "staff_drafts_kind_check" CHECK ("kind" IN (\'answer\', \'comment\')), CONSTRAINT "PK_9959b7e40d71055e0bfd2116325" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "staff_drafts_client_mutation_key" ON "staff_drafts"  ("author_id", "client_mutation_id") WHERE "client_mutation_id" IS NOT NULL',
    );
    await queryRunner.query('CREATE INDEX "staff_drafts_author_idx" ON "staff_drafts"  ("author_id", "created_at") ');
    await queryRunner.query('CREATE INDEX "staff_drafts_question_idx" ON "staff_drafts"  ("question_id") ');
    await queryRunner.query('CREATE INDEX "staff_drafts_queue_idx" ON "staff_drafts"  ("state", "created_at", "id") ');
    await queryRunner.query(
      'CREATE TABLE "staff_photos" ("user_id" bigint NOT NULL, "image" bytea NOT NULL, "content_type" character varying(32) NOT NULL, "etag" character varying(32) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9b84a287e4357edbb399c3e993f" PRIMARY KEY ("user_id"))',
    );
    await queryRunner.query('ALTER TABLE "answers" ADD "reviewed_by_id" bigint');
    await queryRunner.query('ALTER TABLE "comments" ADD "reviewed_by_id" bigint');
    await queryRunner.query(
      'ALTER TABLE "answers" ADD CONSTRAINT "FK_2356ea63edf27614892262fc196" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "post_redactions" ADD CONSTRAINT "FK_d3e891aee9c14cbfa6883d839d6" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "post_redactions" ADD CONSTRAINT "FK_35096f4528c5b9e8481604fc93a" FOREIGN KEY ("moderator_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "space_review_settings" ADD CONSTRAINT "FK_a4acc977257408a59f4424b085c" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "space_review_settings" ADD CONSTRAINT "FK_ecd7c3a9021e5f210ef9449c8e2" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "review_bypass_grants" ADD CONSTRAINT "FK_3cc27a9100962ef51ac6e8a02bd" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "review_bypass_grants" ADD CONSTRAINT "FK_57dbf1ef9f93b2bf3e272423ce3" FOREIGN KEY ("granted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "comments" ADD CONSTRAINT "FK_e0a8194e275b84a89b54d91650c" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "staff_drafts" ADD CONSTRAINT "FK_7d53cdc3a653b55d9b1983db789" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "staff_drafts" ADD CONSTRAINT "FK_82c92ba91d503c960343b8ecd57" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "staff_drafts" ADD CONSTRAINT "FK_e079e9d1e9a1fd8b25261d7274d" FOREIGN KEY ("answer_id") REFERENCES "answers"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "staff_drafts" ADD CONSTRAINT "FK_bf719097aebb306bf4f50947405" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "staff_drafts" ADD CONSTRAINT "FK_24d355e77ae71a64481315fee25" FOREIGN KEY ("last_editor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "staff_drafts" ADD CONSTRAINT "FK_f3a440c7f9b23f8ece763774d9a" FOREIGN KEY ("published_answer_id") REFERENCES "answers"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "staff_drafts" ADD CONSTRAINT "FK_b9e513f66eacd00f4f755d15f8c" FOREIGN KEY ("published_comment_id") REFERENCES "comments"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "staff_photos" ADD CONSTRAINT "FK_9b84a287e4357edbb399c3e993f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "staff_photos" DROP CONSTRAINT "FK_9b84a287e4357edbb399c3e993f"');
    await queryRunner.query('ALTER TABLE "staff_drafts" DROP CONSTRAINT "FK_b9e513f66eacd00f4f755d15f8c"');
    await queryRunner.query('ALTER TABLE "staff_drafts" DROP CONSTRAINT "FK_f3a440c7f9b23f8ece763774d9a"');
    await queryRunner.query('ALTER TABLE "staff_drafts" DROP CONSTRAINT "FK_24d355e77ae71a64481315fee25"');
    await queryRunner.query('ALTER TABLE "staff_drafts" DROP CONSTRAINT "FK_bf719097aebb306bf4f50947405"');
    await queryRunner.query('ALTER TABLE "staff_drafts" DROP CONSTRAINT "FK_e079e9d1e9a1fd8b25261d7274d"');
    await queryRunner.query('ALTER TABLE "staff_drafts" DROP CONSTRAINT "FK_82c92ba91d503c960343b8ecd57"');
    await queryRunner.query('ALTER TABLE "staff_drafts" DROP CONSTRAINT "FK_7d53cdc3a653b55d9b1983db789"');
    await queryRunner.query('ALTER TABLE "comments" DROP CONSTRAINT "FK_e0a8194e275b84a89b54d91650c"');
    await queryRunner.query('ALTER TABLE "review_bypass_grants" DROP CONSTRAINT "FK_57dbf1ef9f93b2bf3e272423ce3"');
    await queryRunner.query('ALTER TABLE "review_bypass_grants" DROP CONSTRAINT "FK_3cc27a9100962ef51ac6e8a02bd"');
    await queryRunner.query('ALTER TABLE "space_review_settings" DROP CONSTRAINT "FK_ecd7c3a9021e5f210ef9449c8e2"');
    await queryRunner.query('ALTER TABLE "space_review_settings" DROP CONSTRAINT "FK_a4acc977257408a59f4424b085c"');
    await queryRunner.query('ALTER TABLE "post_redactions" DROP CONSTRAINT "FK_35096f4528c5b9e8481604fc93a"');
    await queryRunner.query('ALTER TABLE "post_redactions" DROP CONSTRAINT "FK_d3e891aee9c14cbfa6883d839d6"');
    await queryRunner.query('ALTER TABLE "answers" DROP CONSTRAINT "FK_2356ea63edf27614892262fc196"');
    await queryRunner.query('ALTER TABLE "comments" DROP COLUMN "reviewed_by_id"');
    await queryRunner.query('ALTER TABLE "answers" DROP COLUMN "reviewed_by_id"');
    await queryRunner.query('DROP TABLE "staff_photos"');
    await queryRunner.query('DROP INDEX "public"."staff_drafts_queue_idx"');
    await queryRunner.query('DROP INDEX "public"."staff_drafts_question_idx"');
    await queryRunner.query('DROP INDEX "public"."staff_drafts_author_idx"');
    await queryRunner.query('DROP INDEX "public"."staff_drafts_client_mutation_key"');
    await queryRunner.query('DROP TABLE "staff_drafts"');
    await queryRunner.query('DROP TABLE "review_bypass_grants"');
    await queryRunner.query('DROP TABLE "space_review_settings"');
    await queryRunner.query('DROP INDEX "public"."post_redactions_question_idx"');
    await queryRunner.query('DROP TABLE "post_redactions"');
  }
}
