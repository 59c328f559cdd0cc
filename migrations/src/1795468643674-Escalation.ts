import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Escalation1795468643674 implements MigrationInterface {
  name = 'Escalation1795468643674';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "conversations" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "question_id" bigint NOT NULL, "asker_id" bigint NOT NULL, "contact_id" bigint, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "last_message_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ee34f4f7ced4ec8681f26bf04ef" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "conversations_question_key" ON "conversations"  ("question_id") ');
    await queryRunner.query(
      'CREATE TABLE "conversation_messages" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "conversation_id" bigint NOT NULL, "author_id" bigint NOT NULL, "kind" character varying(20) NOT NULL DEFAULT \'text\', "body_markdown" text NOT NULL, "body_html" text NOT NULL, "callback_from" TIMESTAMP WITH TIME ZONE, "callback_until" TIMESTAMP WITH TIME ZONE, "client_mutation_id" character varying(64), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "conversation_messages_callback_check" CHECK ("kind" <> \'callback_request\' OR ("callback_from" IS NOT NULL AND "callback_until" > "callback_from")), CONSTRAINT "conversation_messages_kind_check" CHECK ("kind" IN (\'text\', \'callback_request\')), CONSTRAINT "PK_113248f25c4c0a7c179b3f5a609" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "conversation_messages_client_mutation_key" ON "conversation_messages"  ("author_id", "client_mutation_id") WHERE "client_mutation_id" IS NOT NULL',
    );
    await queryRunner.query('CREATE INDEX "conversation_messages_conversation_idx" ON "conversation_messages"  ("conversation_id", "id") ');
    await queryRunner.query(
      'CREATE TABLE "teams" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "name" character varying(80) NOT NULL, "time_zone" character varying(64) NOT NULL, "weekly" jsonb NOT NULL, "holidays" jsonb NOT NULL DEFAULT \'[]\'::jsonb, "unanswered_after_minutes" integer, "unanswered_rule_since" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "teams_unanswered_after_check" CHECK ("unanswered_after_minutes" IS NULL OR "unanswered_after_minutes" > 0), CONSTRAINT "PK_7e5523774a38b08a6236d322403" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "teams_name_key" ON "teams"  ("name") ');
    await queryRunner.query(
      'CREATE TABLE "team_members" ("team_id" bigint NOT NULL, "user_id" bigint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1d3c06a8217a8785e2af0ec4ab8" PRIMARY KEY ("team_id", "user_id"))',
    );
    await queryRunner.query('CREATE INDEX "team_members_user_idx" ON "team_members"  ("user_id", "team_id") ');
    await queryRunner.query(
      'CREATE TABLE "sla_targets" ("team_id" bigint NOT NULL, "priority" character varying(8) NOT NULL, "first_response_minutes" integer NOT NULL, "resolution_minutes" integer NOT NULL, CONSTRAINT "sla_targets_positive_check" CHECK ("first_response_minutes" > 0 AND "resolution_minutes" > 0), CONSTRAINT "sla_targets_priority_check" CHECK ("priority" IN (\'low\', \'normal\', \'high\', \'urgent\')), CONSTRAINT "PK_73c7bc8e6db8007ccc4e5898353" PRIMARY KEY ("team_id", "priority"))',
    );
    await queryRunner.query(
      'CREATE TABLE "space_teams" ("space_id" bigint NOT NULL, "team_id" bigint NOT NULL, CONSTRAINT "PK_754227347211b19b9355a8b2ffc" PRIMARY KEY ("space_id"))',
    );
    await queryRunner.query('CREATE INDEX "space_teams_team_idx" ON "space_teams"  ("team_id") ');
    await queryRunner.query(
      'CREATE TABLE "escalations" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "question_id" bigint NOT NULL, "team_id" bigint NOT NULL, "priority" character varying(8) NOT NULL, "status" character varying(24) NOT NULL DEFAULT \'new\', "assignee_id" bigint, "source" character varying(16) NOT NULL, "created_by_id" bigint, "reason" character varying(500), "first_response_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "resolution_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "next_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "first_responded_at" TIMESTAMP WITH TIME ZONE, "first_response_breached_at" TIMESTAMP WITH TIME ZONE, "resolution_breached_at" TIMESTAMP WITH TIME ZONE, "resolved_at" TIMESTAMP WITH TIME ZONE, "summary_answer_id" bigint, "client_mutation_id" character varying(64), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "escalations_resolved_check" CHECK (("status" = \'resolved\') = ("resolved_at" IS NOT NULL)), CONSTRAINT "escalations_source_check" CHECK ("source" IN (\'asker\', \'power_user\', \'staff\', \'rule\')), CONSTRAINT "escalations_priority_check" CHECK ("priority" IN (\'low\', \'normal\', \'high\', \'urgent\')), CONSTRAINT "escalations_status_check" CHECK ("status" IN (\'new\', \'assigned\', \'waiting_on_customer\', \'resolved\')), CONSTRAINT "PK_652a394609addaa4b0f2b3032a1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "escalations_client_mutation_key" ON "escalations"  ("created_by_id", "client_mutation_id") WHERE "client_mutation_id" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "escalations_assignee_queue_idx" ON "escalations"  ("assignee_id", "next_due_at", "id") WHERE "status" <> \'resolved\'',
    );
    await queryRunner.query(
      'CREATE INDEX "escalations_team_queue_idx" ON "escalations"  ("team_id", "next_due_at", "id") WHERE "status" <> \'resolved\'',
    );
    await queryRunner.query('CREATE INDEX "escalations_queue_idx" ON "escalations"  ("next_due_at", "id") WHERE "status" <> \'resolved\'');
    await queryRunner.query('CREATE INDEX "escalations_question_idx" ON "escalations"  ("question_id", "created_at") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "escalations_open_question_key" ON "escalations"  ("question_id") WHERE "status" <> \'resolved\'',
    );
    await queryRunner.query(
      'CREATE TABLE "escalation_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "escalation_id" bigint NOT NULL, "actor_id" bigint, "kind" character varying(40) NOT NULL, "details" jsonb NOT NULL DEFAULT \'{}\'::jsonb, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0554f0361bc18cc120b29001af6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "escalation_events_escalation_idx" ON "escalation_events"  ("escalation_id", "id") ');
    await queryRunner.query(
      'CREATE TABLE "escalation_notes" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "escalation_id" bigint NOT NULL, "author_id" bigint NOT NULL, "body_markdown" text NOT NULL, "body_html" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_99fbec8dbabbe71183a54d647b9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "escalation_notes_escalation_idx" ON "escalation_notes"  ("escalation_id", "id") ');
    await queryRunner.query(
      'ALTER TABLE "conversations" ADD CONSTRAINT "FK_0f2210d4363c0596a4b820f7111" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "conversations" ADD CONSTRAINT "FK_37800cdfc6a326cb2a14cf61084" FOREIGN KEY ("asker_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "conversations" ADD CONSTRAINT "FK_3e605129623b629ddd0583740db" FOREIGN KEY ("contact_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "conversation_messages" ADD CONSTRAINT "FK_8e166abf2dd2ee28670e53e6803" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "conversation_messages" ADD CONSTRAINT "FK_0d5d8e88721c40545d5d64873f7" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "team_members" ADD CONSTRAINT "FK_fdad7d5768277e60c40e01cdcea" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "team_members" ADD CONSTRAINT "FK_c2bf4967c8c2a6b845dadfbf3d4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sla_targets" ADD CONSTRAINT "FK_5215e156c2b338558cd889bc18b" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "space_teams" ADD CONSTRAINT "FK_754227347211b19b9355a8b2ffc" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "space_teams" ADD CONSTRAINT "FK_d05985d282835b9aac7148fa1a2" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "escalations" ADD CONSTRAINT "FK_ff4a11206596b84b124ce9f6630" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "escalations" ADD CONSTRAINT "FK_0d9b70557669a526e38d722c153" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "escalations" ADD CONSTRAINT "FK_b118c3a48230462ab8e8be9e956" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "escalations" ADD CONSTRAINT "FK_6c17d728fbdc00b7d6fe3a03ea5" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "escalations" ADD CONSTRAINT "FK_4746d7d0858e5f45de17905307a" FOREIGN KEY ("summary_answer_id") REFERENCES "answers"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "escalation_events" ADD CONSTRAINT "FK_30aeebdec42d5d24fb4c77ce562" FOREIGN KEY ("escalation_id") REFERENCES "escalations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "escalation_events" ADD CONSTRAINT "FK_fd8b8541b52a4f6d9e80f02305a" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "escalation_notes" ADD CONSTRAINT "FK_05394e9700c52f058ca5d3ab889" FOREIGN KEY ("escalation_id") REFERENCES "escalations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "escalation_notes" ADD CONSTRAINT "FK_913329af1300475458cca64be19" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "escalation_notes" DROP CONSTRAINT "FK_913329af1300475458cca64be19"');
    await queryRunner.query('ALTER TABLE "escalation_notes" DROP CONSTRAINT "FK_05394e9700c52f058ca5d3ab889"');
    await queryRunner.query('ALTER TABLE "escalation_events" DROP CONSTRAINT "FK_fd8b8541b52a4f6d9e80f02305a"');
    await queryRunner.query('ALTER TABLE "escalation_events" DROP CONSTRAINT "FK_30aeebdec42d5d24fb4c77ce562"');
    await queryRunner.query('ALTER TABLE "escalations" DROP CONSTRAINT "FK_4746d7d0858e5f45de17905307a"');
    await queryRunner.query('ALTER TABLE "escalations" DROP CONSTRAINT "FK_6c17d728fbdc00b7d6fe3a03ea5"');
    await queryRunner.query('ALTER TABLE "escalations" DROP CONSTRAINT "FK_b118c3a48230462ab8e8be9e956"');
    await queryRunner.query('ALTER TABLE "escalations" DROP CONSTRAINT "FK_0d9b70557669a526e38d722c153"');
    await queryRunner.query('ALTER TABLE "escalations" DROP CONSTRAINT "FK_ff4a11206596b84b124ce9f6630"');
    await queryRunner.query('ALTER TABLE "space_teams" DROP CONSTRAINT "FK_d05985d282835b9aac7148fa1a2"');
    await queryRunner.query('ALTER TABLE "space_teams" DROP CONSTRAINT "FK_754227347211b19b9355a8b2ffc"');
    await queryRunner.query('ALTER TABLE "sla_targets" DROP CONSTRAINT "FK_5215e156c2b338558cd889bc18b"');
    await queryRunner.query('ALTER TABLE "team_members" DROP CONSTRAINT "FK_c2bf4967c8c2a6b845dadfbf3d4"');
    await queryRunner.query('ALTER TABLE "team_members" DROP CONSTRAINT "FK_fdad7d5768277e60c40e01cdcea"');
    await queryRunner.query('ALTER TABLE "conversation_messages" DROP CONSTRAINT "FK_0d5d8e88721c40545d5d64873f7"');
    await queryRunner.query('ALTER TABLE "conversation_messages" DROP CONSTRAINT "FK_8e166abf2dd2ee28670e53e6803"');
    await queryRunner.query('ALTER TABLE "conversations" DROP CONSTRAINT "FK_3e605129623b629ddd0583740db"');
    await queryRunner.query('ALTER TABLE "conversations" DROP CONSTRAINT "FK_37800cdfc6a326cb2a14cf61084"');
    await queryRunner.query('ALTER TABLE "conversations" DROP CONSTRAINT "FK_0f2210d4363c0596a4b820f7111"');
    await queryRunner.query('DROP INDEX "public"."escalation_notes_escalation_idx"');
    await queryRunner.query('DROP TABLE "escalation_notes"');
    await queryRunner.query('DROP INDEX "public"."escalation_events_escalation_idx"');
    await queryRunner.query('DROP TABLE "escalation_events"');
    await queryRunner.query('DROP INDEX "public"."escalations_open_question_key"');
    await queryRunner.query('DROP INDEX "public"."escalations_question_idx"');
    await queryRunner.query('DROP INDEX "public"."escalations_queue_idx"');
    await queryRunner.query('DROP INDEX "public"."escalations_team_queue_idx"');
    await queryRunner.query('DROP INDEX "public"."escalations_assignee_queue_idx"');
    await queryRunner.query('DROP INDEX "public"."escalations_client_mutation_key"');
    await queryRunner.query('DROP TABLE "escalations"');
    await queryRunner.query('DROP INDEX "public"."space_teams_team_idx"');
    await queryRunner.query('DROP TABLE "space_teams"');
    await queryRunner.query('DROP TABLE "sla_targets"');
    await queryRunner.query('DROP INDEX "public"."team_members_user_idx"');
    await queryRunner.query('DROP TABLE "team_members"');
    await queryRunner.query('DROP INDEX "public"."teams_name_key"');
    await queryRunner.query('DROP TABLE "teams"');
    await queryRunner.query('DROP INDEX "public"."conversation_messages_conversation_idx"');
    await queryRunner.query('DROP INDEX "public"."conversation_messages_client_mutation_key"');
    await queryRunner.query('DROP TABLE "conversation_messages"');
    await queryRunner.query('DROP INDEX "public"."conversations_question_key"');
    await queryRunner.query('DROP TABLE "conversations"');
  }
}
