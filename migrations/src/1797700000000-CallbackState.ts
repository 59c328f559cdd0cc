import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A call-back request gets a phone number and a state: requested → scheduled → done or cancelled. */
export class CallbackState1797700000000 implements MigrationInterface {
  name = 'CallbackState1797700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "conversation_messages" ADD "callback_phone" character varying(32)`);
    await queryRunner.query(`ALTER TABLE "conversation_messages" ADD "callback_state" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "conversation_messages" ADD "callback_scheduled_for" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "conversation_messages" ADD "callback_staff_note" character varying(500)`);
    await queryRunner.query(`UPDATE "conversation_messages" SET "callback_state" = 'requested' WHERE "kind" = 'callback_request'`);
    await queryRunner.query(
      `ALTER TABLE "conversation_messages" ADD CONSTRAINT "conversation_messages_callback_state_check" CHECK (("kind" = 'callback_request') = ("callback_state" IS NOT NULL) AND ("callback_state" IS NULL OR "callback_state" IN ('requested', 'scheduled', 'done', 'cancelled')) AND ("callback_state" <> 'scheduled' OR "callback_scheduled_for" IS NOT NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "conversation_messages" DROP CONSTRAINT "conversation_messages_callback_state_check"`);
    await queryRunner.query(`ALTER TABLE "conversation_messages" DROP COLUMN "callback_staff_note"`);
    await queryRunner.query(`ALTER TABLE "conversation_messages" DROP COLUMN "callback_scheduled_for"`);
    await queryRunner.query(`ALTER TABLE "conversation_messages" DROP COLUMN "callback_state"`);
    await queryRunner.query(`ALTER TABLE "conversation_messages" DROP COLUMN "callback_phone"`);
  }
}
