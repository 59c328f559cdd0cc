import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Reputation1795468981840 implements MigrationInterface {
  name = 'Reputation1795468981840';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "user_visits" ("user_id" bigint NOT NULL, "day" date NOT NULL, CONSTRAINT "PK_20b0931a93879b8a014031752ee" PRIMARY KEY ("user_id", "day"))',
    );
    await queryRunner.query(
      'CREATE TABLE "thread_reads" ("user_id" bigint NOT NULL, "question_id" bigint NOT NULL, CONSTRAINT "PK_9504f8b972abf098ff8d2a93fa9" PRIMARY KEY ("user_id", "question_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "user_origins" ("user_id" bigint NOT NULL, "ip_hash" character varying(64) NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7e2ea6531dec546f600bacc92a4" PRIMARY KEY ("user_id", "ip_hash"))',
    );
    await queryRunner.query('CREATE INDEX "user_origins_hash_idx" ON "user_origins"  ("ip_hash", "last_seen_at") ');
    await queryRunner.query(
      'CREATE TABLE "reputation_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "user_id" bigint NOT NULL, "kind" character varying(32) NOT NULL, "delta" integer NOT NULL, "subject_type" character varying(16) NOT NULL, "subject_id" bigint NOT NULL, "actor_id" bigint, "space_id" bigint, "reversal_of" bigint, "reason" character varying(40), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "reputation_events_subject_type_check" CHECK ("subject_type" IN (\'question\', \'answer\', \'comment\', \'flag\')), CONSTRAINT "PK_27bf0668993ad863b678979548a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "reputation_events_reversal_key" ON "reputation_events"  ("reversal_of") WHERE "reversal_of" IS NOT NULL',
    );
    await queryRunner.query('CREATE INDEX "reputation_events_created_idx" ON "reputation_events"  ("created_at") ');
    await queryRunner.query('CREATE INDEX "reputation_events_space_idx" ON "reputation_events"  ("space_id", "created_at") ');
    await queryRunner.query('CREATE INDEX "reputation_events_subject_idx" ON "reputation_events"  ("subject_type", "subject_id") ');
    await queryRunner.query('CREATE INDEX "reputation_events_user_idx" ON "reputation_events"  ("user_id", "created_at", "id") ');
    await queryRunner.query(
      'CREATE TABLE "reputation_settings" ("id" smallint NOT NULL DEFAULT \'1\', "points" jsonb NOT NULL DEFAULT \'{}\', "daily_vote_cap" integer NOT NULL, "updated_by_id" bigint, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "reputation_settings_singleton_check" CHECK ("id" = 1), CONSTRAINT "PK_4d4f4168f87936c783c932df0b5" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "user_badges" ("user_id" bigint NOT NULL, "badge" character varying(40) NOT NULL, "awarded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b575efa2c1fbf6ffa17fdd811a9" PRIMARY KEY ("user_id", "badge"))',
    );
    await queryRunner.query('CREATE INDEX "user_badges_badge_idx" ON "user_badges"  ("badge", "awarded_at") ');
    await queryRunner.query('ALTER TABLE "users" ADD "pinned_trust_level" smallint');
    await queryRunner.query('ALTER TABLE "teams" ALTER COLUMN "holidays" SET DEFAULT \'[]\'::jsonb');
    await queryRunner.query('ALTER TABLE "escalation_events" ALTER COLUMN "details" SET DEFAULT \'{}\'::jsonb');
    await queryRunner.query(
      'ALTER TABLE "users" ADD CONSTRAINT "users_pinned_trust_level_check" CHECK ("pinned_trust_level" BETWEEN 0 AND 4)',
    );
    await queryRunner.query(
      'ALTER TABLE "user_visits" ADD CONSTRAINT "FK_e2530973e412cfe6f987051d9d3" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "thread_reads" ADD CONSTRAINT "FK_f43cce923ead83fc3e1201cf160" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "thread_reads" ADD CONSTRAINT "FK_fa940fdec3076dffcf49633a09f" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "user_origins" ADD CONSTRAINT "FK_540cf531b279465ed4a07baeb69" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reputation_events" ADD CONSTRAINT "FK_293465173241c39135fe3d9f4b2" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reputation_events" ADD CONSTRAINT "FK_e7574a3c480ab04788092013d80" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reputation_events" ADD CONSTRAINT "FK_a34ae88504a9b1f5e5cc09db0dc" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reputation_events" ADD CONSTRAINT "FK_8637675ce52f1b36917bc9c4391" FOREIGN KEY ("reversal_of") REFERENCES "reputation_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reputation_settings" ADD CONSTRAINT "FK_73475f145f893e0e2677f92ca5c" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "user_badges" ADD CONSTRAINT "FK_f1221d9b1aaa64b1f3c98ed46d3" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "user_badges" DROP CONSTRAINT "FK_f1221d9b1aaa64b1f3c98ed46d3"');
    await queryRunner.query('ALTER TABLE "reputation_settings" DROP CONSTRAINT "FK_73475f145f893e0e2677f92ca5c"');
    await queryRunner.query('ALTER TABLE "reputation_events" DROP CONSTRAINT "FK_8637675ce52f1b36917bc9c4391"');
    await queryRunner.query('ALTER TABLE "reputation_events" DROP CONSTRAINT "FK_a34ae88504a9b1f5e5cc09db0dc"');
    await queryRunner.query('ALTER TABLE "reputation_events" DROP CONSTRAINT "FK_e7574a3c480ab04788092013d80"');
    await queryRunner.query('ALTER TABLE "reputation_events" DROP CONSTRAINT "FK_293465173241c39135fe3d9f4b2"');
    await queryRunner.query('ALTER TABLE "user_origins" DROP CONSTRAINT "FK_540cf531b279465ed4a07baeb69"');
    await queryRunner.query('ALTER TABLE "thread_reads" DROP CONSTRAINT "FK_fa940fdec3076dffcf49633a09f"');
    await queryRunner.query('ALTER TABLE "thread_reads" DROP CONSTRAINT "FK_f43cce923ead83fc3e1201cf160"');
    await queryRunner.query('ALTER TABLE "user_visits" DROP CONSTRAINT "FK_e2530973e412cfe6f987051d9d3"');
    await queryRunner.query('ALTER TABLE "users" DROP CONSTRAINT "users_pinned_trust_level_check"');
    await queryRunner.query('ALTER TABLE "escalation_events" ALTER COLUMN "details" SET DEFAULT \'{}\'');
    await queryRunner.query('ALTER TABLE "teams" ALTER COLUMN "holidays" SET DEFAULT \'[]\'');
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "pinned_trust_level"');
    await queryRunner.query('DROP INDEX "public"."user_badges_badge_idx"');
    await queryRunner.query('DROP TABLE "user_badges"');
    await queryRunner.query('DROP TABLE "reputation_settings"');
    await queryRunner.query('DROP INDEX "public"."reputation_events_user_idx"');
    await queryRunner.query('DROP INDEX "public"."reputation_events_subject_idx"');
    await queryRunner.query('DROP INDEX "public"."reputation_events_space_idx"');
    await queryRunner.query('DROP INDEX "public"."reputation_events_created_idx"');
    await queryRunner.query('DROP INDEX "public"."reputation_events_reversal_key"');
    await queryRunner.query('DROP TABLE "reputation_events"');
    await queryRunner.query('DROP INDEX "public"."user_origins_hash_idx"');
    await queryRunner.query('DROP TABLE "user_origins"');
    await queryRunner.query('DROP TABLE "thread_reads"');
    await queryRunner.query('DROP TABLE "user_visits"');
  }
}
