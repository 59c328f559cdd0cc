import type { MigrationInterface, QueryRunner } from 'typeorm';

const SCOPE = `"space_id" bigint NOT NULL, "team_id" bigint NOT NULL, "language" character varying(2) NOT NULL`;

/**
 * Deflection for every filter from a roll-up, sessions that span days or spaces included: per filter
 * (space, team, language; -1 and '*' for none) and UTC day the ask sessions with a suggestion open and
 * those that asked, and per pair of a session's consecutive days the sessions (so that a run of days
 * counts each once). Replaces insights_deflection_days, whose spanning sessions were counted from their
 * opens per request; insights_deflection_spanning now lists only sessions over several days. Every day
 * with opens is noted dirty, so the insights roll-up worker fills the new tables on its next run
 * (`pnpm cli insights:rebuild` does it at once).
 */
export class InsightsDeflectionScopes1799500000001 implements MigrationInterface {
  name = 'InsightsDeflectionScopes1799500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "insights_deflection_scope_days" (${SCOPE}, "day" date NOT NULL, "sessions" integer NOT NULL, "asked" integer NOT NULL,
        CONSTRAINT "insights_deflection_scope_days_pkey" PRIMARY KEY ("space_id", "team_id", "language", "day"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "insights_deflection_scope_pairs" (${SCOPE}, "day" date NOT NULL, "next_day" date NOT NULL,
        "sessions" integer NOT NULL, "asked" integer NOT NULL,
        CONSTRAINT "insights_deflection_scope_pairs_pkey" PRIMARY KEY ("space_id", "team_id", "language", "day", "next_day"))`,
    );
    await queryRunner.query(`DROP TABLE "insights_deflection_days"`);
    await queryRunner.query(`DELETE FROM "insights_deflection_spanning"`);
    await queryRunner.query(`ALTER TABLE "insights_deflection_spanning" DROP COLUMN "one_day"`);
    await queryRunner.query(
      `INSERT INTO "insights_deflection_dirty" ("day") SELECT DISTINCT ("created_at" AT TIME ZONE 'UTC')::date FROM "deflection_events"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "insights_deflection_spanning" ADD "one_day" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `CREATE TABLE "insights_deflection_days" ("day" date NOT NULL, "space_id" bigint NOT NULL, "language" character varying(2) NOT NULL,
        "sessions" integer NOT NULL, "deflected" integer NOT NULL,
        CONSTRAINT "insights_deflection_days_pkey" PRIMARY KEY ("day", "space_id", "language"))`,
    );
    await queryRunner.query(`DROP TABLE "insights_deflection_scope_pairs"`);
    await queryRunner.query(`DROP TABLE "insights_deflection_scope_days"`);
    await queryRunner.query(
      `INSERT INTO "insights_deflection_dirty" ("day") SELECT DISTINCT ("created_at" AT TIME ZONE 'UTC')::date FROM "deflection_events"`,
    );
  }
}
