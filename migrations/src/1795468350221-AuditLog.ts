import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditLog1795468350221 implements MigrationInterface {
  name = 'AuditLog1795468350221';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_log" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "actor_id" bigint, "action" character varying(64) NOT NULL, "subject_type" character varying(32) NOT NULL, "subject_id" character varying(64) NOT NULL, "reason" text, "details" jsonb NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "audit_log_subject_idx" ON "audit_log"  ("subject_type", "subject_id", "created_at", "id") ');
    await queryRunner.query('CREATE INDEX "audit_log_action_idx" ON "audit_log"  ("action", "created_at", "id") ');
    await queryRunner.query('CREATE INDEX "audit_log_actor_idx" ON "audit_log"  ("actor_id", "created_at", "id") ');
    await queryRunner.query('CREATE INDEX "audit_log_created_idx" ON "audit_log"  ("created_at", "id") ');
    await queryRunner.query(
      'ALTER TABLE "audit_log" ADD CONSTRAINT "FK_15a6f5aad57db494c17986ed2e2" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "audit_log" DROP CONSTRAINT "FK_15a6f5aad57db494c17986ed2e2"');
    await queryRunner.query('DROP INDEX "public"."audit_log_created_idx"');
    await queryRunner.query('DROP INDEX "public"."audit_log_actor_idx"');
    await queryRunner.query('DROP INDEX "public"."audit_log_action_idx"');
    await queryRunner.query('DROP INDEX "public"."audit_log_subject_idx"');
    await queryRunner.query('DROP TABLE "audit_log"');
  }
}
