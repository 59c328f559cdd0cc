import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Daily insights roll-ups (UTC days), so a period of up to a year reads small aggregates: per space
 * the self-service counts with the day's sorted answer times (medians stay exact), per space and tag
 * the questions asked, per member and space the first posting days, per member and day the
 * standing ledger gains, and each member's first post. Kept by the insights roll-up worker; filled by `pnpm cli insights:rebuild`.
 */
export class InsightsDailyRollups1798200000000 implements MigrationInterface {
  name = 'InsightsDailyRollups1798200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "insights_questions" ADD "author_id" bigint, ADD "tag_ids" bigint array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `CREATE TABLE "insights_question_days" ("day" date NOT NULL, "space_id" bigint NOT NULL, "asked" integer NOT NULL, "solved" integer NOT NULL,
        "solved_without_staff" integer NOT NULL, "by_community" integer NOT NULL, "by_staff" integer NOT NULL, "unanswered" integer NOT NULL,
        "first_community_minutes" double precision array NOT NULL, "first_staff_minutes" double precision array NOT NULL,
        "accepted_community_minutes" double precision array NOT NULL, "accepted_staff_minutes" double precision array NOT NULL,
        CONSTRAINT "insights_question_days_pkey" PRIMARY KEY ("day", "space_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "insights_topic_days" ("day" date NOT NULL, "space_id" bigint NOT NULL, "tag_id" bigint NOT NULL, "questions" integer NOT NULL,
        CONSTRAINT "insights_topic_days_pkey" PRIMARY KEY ("day", "space_id", "tag_id"))`,
    );
    // The earliest post on each of a member's first three posting days in a space: newcomers and regulars of any period and spaces.
    await queryRunner.query(
      `CREATE TABLE "insights_member_spaces" ("user_id" bigint NOT NULL, "space_id" bigint NOT NULL, "first_days" TIMESTAMP(3) WITH TIME ZONE array NOT NULL,
        CONSTRAINT "insights_member_spaces_pkey" PRIMARY KEY ("user_id", "space_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "insights_first_posts" ("user_id" bigint NOT NULL, "first_post_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "first_days" TIMESTAMP(3) WITH TIME ZONE array NOT NULL DEFAULT '{}',
        CONSTRAINT "insights_first_posts_pkey" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query('CREATE INDEX "insights_first_posts_at_idx" ON "insights_first_posts" ("first_post_at")');
    // space_id 0: ledger entries without a space (penalties).
    await queryRunner.query(
      `CREATE TABLE "insights_ledger_days" ("day" date NOT NULL, "space_id" bigint NOT NULL, "user_id" bigint NOT NULL,
        "accepted" integer NOT NULL, "verified" integer NOT NULL, "upvoted_answers" bigint array NOT NULL, "warned" boolean NOT NULL, "suspended" boolean NOT NULL,
        CONSTRAINT "insights_ledger_days_pkey" PRIMARY KEY ("day", "space_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "insights_ledger_days_penalty_idx" ON "insights_ledger_days" ("day") WHERE "warned" OR "suspended"`,
    );
    await queryRunner.query(`CREATE TABLE "insights_cursors" ("name" character varying(32) NOT NULL, "last_id" bigint NOT NULL,
        CONSTRAINT "insights_cursors_pkey" PRIMARY KEY ("name"))`);
    // The worker follows the ledger from its end: what was written before is the backfill's.
    await queryRunner.query(
      `INSERT INTO "insights_cursors" ("name", "last_id") SELECT 'ledger', coalesce(max("id"), 0) FROM "reputation_events"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'insights_cursors',
      'insights_ledger_days',
      'insights_first_posts',
      'insights_member_spaces',
      'insights_topic_days',
      'insights_question_days',
    ])
      await queryRunner.query(`DROP TABLE "${table}"`);
    await queryRunner.query(`ALTER TABLE "insights_questions" DROP COLUMN "tag_ids", DROP COLUMN "author_id"`);
  }
}
