import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Escalation and four-eyes review now append their own outbox rows (conversation.message,
 * escalation.assigned, draft.submitted, draft.changes_requested) in the transaction of the change,
 * typed like every other topic; the bridging triggers of Notifications1796100000000 go.
 */
export class OutboxFromDomains1797400000002 implements MigrationInterface {
  name = 'OutboxFromDomains1797400000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "staff_drafts_outbox" ON "staff_drafts"');
    await queryRunner.query('DROP FUNCTION "outbox_bridge_draft"()');
    await queryRunner.query('DROP TRIGGER "escalations_assignee_outbox" ON "escalations"');
    await queryRunner.query('DROP FUNCTION "outbox_bridge_assignee"()');
    await queryRunner.query('DROP TRIGGER "conversation_messages_outbox" ON "conversation_messages"');
    await queryRunner.query('DROP FUNCTION "outbox_bridge_message"()');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
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
}
