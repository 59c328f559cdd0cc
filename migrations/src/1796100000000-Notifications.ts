import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications and watches (issue 13). The notifications worker reads the outbox with its own
 * position (a watermark plus the events consumed above it), so it never competes with the search
 * indexer's `processed_at`. Three facts the owning domains do not announce in the outbox yet (a
 * private message, an escalation assigned, a draft submitted or sent back) are appended by triggers
 * in the same transaction as the change, until those domains emit the topics themselves.
 */
export class Notifications1796100000000 implements MigrationInterface {
  name = 'Notifications1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notifications" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "recipient_id" bigint NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "kind" character varying(32) NOT NULL,
        "question_id" bigint REFERENCES "questions"("id") ON DELETE CASCADE,
        "subject_type" character varying(16) NOT NULL,
        "subject_id" bigint NOT NULL,
        "actor_id" bigint REFERENCES "users"("id") ON DELETE SET NULL,
        "details" jsonb NOT NULL DEFAULT '{}'::jsonb,
        "source_event_id" bigint NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "read_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "notifications_subject_type_check" CHECK ("subject_type" IN ('question', 'answer', 'comment', 'message', 'escalation', 'draft')),
        CONSTRAINT "notifications_once_key" UNIQUE ("source_event_id", "recipient_id", "kind")
      )`,
    );
    await queryRunner.query('CREATE INDEX "notifications_inbox_idx" ON "notifications" ("recipient_id", "id" DESC)');
    await queryRunner.query(
      'CREATE INDEX "notifications_unread_idx" ON "notifications" ("recipient_id", "id" DESC) WHERE "read_at" IS NULL',
    );
    await queryRunner.query('CREATE INDEX "notifications_subject_idx" ON "notifications" ("subject_type", "subject_id")');

    await queryRunner.query(
      `CREATE TABLE "watches" (
        "user_id" bigint NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "question_id" bigint NOT NULL REFERENCES "questions"("id") ON DELETE CASCADE,
        "level" character varying(8) NOT NULL,
        "reason" character varying(16) NOT NULL,
        "affected" boolean NOT NULL DEFAULT false,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "watches_level_check" CHECK ("level" IN ('watching', 'muted')),
        CONSTRAINT "watches_reason_check" CHECK ("reason" IN ('asked', 'answered', 'manual', 'affected')),
        PRIMARY KEY ("user_id", "question_id")
      )`,
    );
    await queryRunner.query('CREATE INDEX "watches_question_idx" ON "watches" ("question_id") WHERE "level" = \'watching\'');
    await queryRunner.query('CREATE INDEX "watches_affected_idx" ON "watches" ("question_id") WHERE "affected"');

    await queryRunner.query(
      `CREATE TABLE "outbox_consumers" ("consumer" character varying(32) PRIMARY KEY, "watermark" bigint NOT NULL DEFAULT 0)`,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox_consumed" (
        "consumer" character varying(32) NOT NULL REFERENCES "outbox_consumers"("consumer") ON DELETE CASCADE,
        "event_id" bigint NOT NULL,
        "consumed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY ("consumer", "event_id")
      )`,
    );
    // Start after what already happened: nobody is told about last year's answers on upgrade.
    await queryRunner.query(
      `INSERT INTO "outbox_consumers" ("consumer", "watermark") SELECT 'notifications', COALESCE(max("id"), 0) FROM "outbox_events"`,
    );

    await queryRunner.query(
      `CREATE FUNCTION "outbox_bridge_message"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        INSERT INTO "outbox_events" ("topic", "aggregate_id", "payload")
        VALUES ('conversation.message', NEW."id"::text, jsonb_build_object('conversationId', NEW."conversation_id"::text));
        RETURN NULL; END $$`,
    );
    await queryRunner.query(
      'CREATE TRIGGER "conversation_messages_outbox" AFTER INSERT ON "conversation_messages" FOR EACH ROW EXECUTE FUNCTION "outbox_bridge_message"()',
    );
    await queryRunner.query(
      `CREATE FUNCTION "outbox_bridge_assignee"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        INSERT INTO "outbox_events" ("topic", "aggregate_id", "payload")
        VALUES ('escalation.assigned', NEW."id"::text, jsonb_build_object('assigneeId', NEW."assignee_id"::text, 'questionId', NEW."question_id"::text));
        RETURN NULL; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "escalations_assignee_outbox" AFTER UPDATE OF "assignee_id" ON "escalations" FOR EACH ROW
       WHEN (NEW."assignee_id" IS NOT NULL AND NEW."assignee_id" IS DISTINCT FROM OLD."assignee_id") EXECUTE FUNCTION "outbox_bridge_assignee"()`,
    );
    await queryRunner.query(
      `CREATE FUNCTION "outbox_bridge_draft"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        IF NEW."state" = 'draft' AND (TG_OP = 'INSERT' OR OLD."state" <> 'draft') THEN
          INSERT INTO "outbox_events" ("topic", "aggregate_id", "payload")
          VALUES ('draft.submitted', NEW."id"::text, jsonb_build_object('questionId', NEW."question_id"::text, 'version', NEW."version"));
        ELSIF TG_OP = 'UPDATE' AND NEW."state" = 'changes_requested' AND OLD."state" <> 'changes_requested' THEN
          INSERT INTO "outbox_events" ("topic", "aggregate_id", "payload")
          VALUES ('draft.changes_requested', NEW."id"::text, jsonb_build_object('questionId', NEW."question_id"::text, 'version', NEW."version"));
        END IF;
        RETURN NULL; END $$`,
    );
    await queryRunner.query(
      'CREATE TRIGGER "staff_drafts_outbox" AFTER INSERT OR UPDATE OF "state" ON "staff_drafts" FOR EACH ROW EXECUTE FUNCTION "outbox_bridge_draft"()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "staff_drafts_outbox" ON "staff_drafts"');
    await queryRunner.query('DROP FUNCTION "outbox_bridge_draft"()');
    await queryRunner.query('DROP TRIGGER "escalations_assignee_outbox" ON "escalations"');
    await queryRunner.query('DROP FUNCTION "outbox_bridge_assignee"()');
    await queryRunner.query('DROP TRIGGER "conversation_messages_outbox" ON "conversation_messages"');
    await queryRunner.query('DROP FUNCTION "outbox_bridge_message"()');
    await queryRunner.query('DROP TABLE "outbox_consumed"');
    await queryRunner.query('DROP TABLE "outbox_consumers"');
    await queryRunner.query('DROP TABLE "watches"');
    await queryRunner.query('DROP TABLE "notifications"');
  }
}
