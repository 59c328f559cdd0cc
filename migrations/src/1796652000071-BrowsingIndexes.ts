import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BrowsingIndexes1796652000071 implements MigrationInterface {
  name = 'BrowsingIndexes1796652000071';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "users_reputation_idx" ON "users"  ("reputation", "id") ');
    await queryRunner.query(
      'CREATE INDEX "questions_unanswered_idx" ON "questions"  ("created_at", "id") WHERE "status" = \'open\' AND "answer_count" = 0',
    );
    await queryRunner.query('CREATE INDEX "questions_score_idx" ON "questions"  ("score", "id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."questions_score_idx"');
    await queryRunner.query('DROP INDEX "public"."questions_unanswered_idx"');
    await queryRunner.query('DROP INDEX "public"."users_reputation_idx"');
  }
}
