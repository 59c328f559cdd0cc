import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploads that no text ever used are deleted after a day: an upload remembers when it was last
 * uploaded and whether it has been found in use; the texts an owner wrote are indexed by author.
 */
export class UnusedUploads1798400000000 implements MigrationInterface {
  name = 'UnusedUploads1798400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "uploads" ADD "last_uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(`ALTER TABLE "uploads" ADD "in_use_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "uploads" SET "last_uploaded_at" = "created_at"`);
    await queryRunner.query(`CREATE INDEX "uploads_unused_idx" ON "uploads" ("last_uploaded_at") WHERE "in_use_at" IS NULL`);
    await queryRunner.query(`CREATE INDEX "post_revisions_editor_idx" ON "post_revisions" ("editor_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "comments_author_idx" ON "comments" ("author_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "conversation_messages_author_idx" ON "conversation_messages" ("author_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "escalation_notes_author_idx" ON "escalation_notes" ("author_id", "created_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "escalation_notes_author_idx"`);
    await queryRunner.query(`DROP INDEX "conversation_messages_author_idx"`);
    await queryRunner.query(`DROP INDEX "comments_author_idx"`);
    await queryRunner.query(`DROP INDEX "post_revisions_editor_idx"`);
    await queryRunner.query(`DROP INDEX "uploads_unused_idx"`);
    await queryRunner.query(`ALTER TABLE "uploads" DROP COLUMN "in_use_at"`);
    await queryRunner.query(`ALTER TABLE "uploads" DROP COLUMN "last_uploaded_at"`);
  }
}
