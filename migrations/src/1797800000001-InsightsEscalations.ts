import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-escalation business minutes for insights (`insights_escalations`); existing history is filled by `pnpm cli insights:rebuild`. */
export class InsightsEscalations1797800000001 implements MigrationInterface {
  name = 'InsightsEscalations1797800000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "insights_escalations" ("escalation_id" bigint NOT NULL, "question_id" bigint NOT NULL, "team_id" bigint NOT NULL, "space_id" bigint NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "first_response_minutes" integer, "resolution_minutes" integer, CONSTRAINT "PK_a6e152d501528163048c9756edb" PRIMARY KEY ("escalation_id"))',
    );
    await queryRunner.query('CREATE INDEX "insights_escalations_question_idx" ON "insights_escalations"  ("question_id") ');
    await queryRunner.query('CREATE INDEX "insights_escalations_created_idx" ON "insights_escalations"  ("created_at") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."insights_escalations_created_idx"');
    await queryRunner.query('DROP INDEX "public"."insights_escalations_question_idx"');
    await queryRunner.query('DROP TABLE "insights_escalations"');
  }
}
