import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Newcomers and regulars of a period read one index range of first posts per filter: every member's
 * rows per space and (new) per team repeat the member's first post, so the period no longer joins
 * the members' first posts, and the team's rows no longer merge the posting days of its spaces per
 * request. Filled here; kept by the insights roll-up worker (which also follows a space changing team).
 */
export class InsightsNewcomersByFilter1799500000000 implements MigrationInterface {
  name = 'InsightsNewcomersByFilter1799500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "insights_member_spaces" ADD "first_post_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "insights_member_spaces" m SET "first_post_at" = fp."first_post_at" FROM "insights_first_posts" fp WHERE fp."user_id" = m."user_id"`,
    );
    await queryRunner.query(`DELETE FROM "insights_member_spaces" WHERE "first_post_at" IS NULL`);
    await queryRunner.query(`ALTER TABLE "insights_member_spaces" ALTER "first_post_at" SET NOT NULL`);
    await queryRunner.query(
      `CREATE TABLE "insights_member_teams" ("user_id" bigint NOT NULL, "team_id" bigint NOT NULL,
        "first_post_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "first_days" TIMESTAMP(3) WITH TIME ZONE array NOT NULL,
        CONSTRAINT "insights_member_teams_pkey" PRIMARY KEY ("user_id", "team_id"))`,
    );
    // A team's first three posting days of a member: the earliest post of each of the first three distinct UTC days over its spaces.
    await queryRunner.query(
      `INSERT INTO "insights_member_teams" ("user_id", "team_id", "first_post_at", "first_days")
       SELECT x.user_id, x.team_id, min(x.first_post_at), (array_agg(x.first_at ORDER BY x.first_at))[1:3] FROM (
         SELECT m.user_id, st.team_id, m.first_post_at, min(t) AS first_at
         FROM "insights_member_spaces" m JOIN "space_teams" st ON st.space_id = m.space_id CROSS JOIN unnest(m.first_days) t
         GROUP BY 1, 2, 3, (t AT TIME ZONE 'UTC')::date) x
       GROUP BY 1, 2`,
    );
    await queryRunner.query(`DROP INDEX "insights_member_spaces_space_idx"`);
    await queryRunner.query(`DROP INDEX "insights_first_posts_at_idx"`);
    await queryRunner.query(
      `CREATE INDEX "insights_first_posts_newcomers_idx" ON "insights_first_posts" ("first_post_at") INCLUDE ("first_days")`,
    );
    await queryRunner.query(
      `CREATE INDEX "insights_member_spaces_newcomers_idx" ON "insights_member_spaces" ("space_id", "first_post_at") INCLUDE ("first_days")`,
    );
    await queryRunner.query(
      `CREATE INDEX "insights_member_teams_newcomers_idx" ON "insights_member_teams" ("team_id", "first_post_at") INCLUDE ("first_days")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "insights_member_spaces_newcomers_idx"`);
    await queryRunner.query(`DROP INDEX "insights_first_posts_newcomers_idx"`);
    await queryRunner.query(`CREATE INDEX "insights_first_posts_at_idx" ON "insights_first_posts" ("first_post_at")`);
    await queryRunner.query(
      `CREATE INDEX "insights_member_spaces_space_idx" ON "insights_member_spaces" ("space_id", "user_id") INCLUDE ("first_days")`,
    );
    await queryRunner.query(`DROP TABLE "insights_member_teams"`);
    await queryRunner.query(`ALTER TABLE "insights_member_spaces" DROP COLUMN "first_post_at"`);
    await queryRunner.query(`DELETE FROM "insights_cursors" WHERE "name" = 'space_teams'`);
  }
}
