import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-question self-service facts for insights (`insights_questions`), kept by the insights roll-up
 * worker from its own outbox position. Existing history is filled by `pnpm cli insights:rebuild`.
 */
export class InsightsQuestions1797800000000 implements MigrationInterface {
  name = 'InsightsQuestions1797800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "insights_questions" ("question_id" bigint NOT NULL, "space_id" bigint NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "deleted" boolean NOT NULL, "status" character varying(16) NOT NULL, "solved_at" TIMESTAMP(3) WITH TIME ZONE, "first_community_at" TIMESTAMP(3) WITH TIME ZONE, "first_staff_at" TIMESTAMP(3) WITH TIME ZONE, "accepted_role" character varying(16), "escalated" boolean NOT NULL, CONSTRAINT "PK_15d189bb0963f9a268e04f931cf" PRIMARY KEY ("question_id"))',
    );
    await queryRunner.query('CREATE INDEX "insights_questions_space_created_idx" ON "insights_questions"  ("space_id", "created_at") ');
    await queryRunner.query('CREATE INDEX "insights_questions_created_idx" ON "insights_questions"  ("created_at") ');
    // The worker starts at the end of the outbox: what happened before is the backfill's.
    await queryRunner.query(
      `INSERT INTO "outbox_consumers" ("consumer", "watermark") SELECT 'insights', coalesce(max("id"), 0) FROM "outbox_events"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "outbox_consumed" WHERE "consumer" = 'insights'`);
    await queryRunner.query(`DELETE FROM "outbox_consumers" WHERE "consumer" = 'insights'`);
    await queryRunner.query('DROP INDEX "public"."insights_questions_created_idx"');
    await queryRunner.query('DROP INDEX "public"."insights_questions_space_created_idx"');
    await queryRunner.query('DROP TABLE "insights_questions"');
  }
}
