import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A deflection roll-up: per UTC day, space and language the ask sessions whose suggestion opens all
 * lie in that day, space and language (sessions, and those that did not ask); the few sessions that
 * span days or spaces are listed with their first and last open and counted from their events. A
 * trigger notes the day of every open written, changed or removed, so the roll-up worker recomputes
 * it (the `asked` flag is set in the asking transaction, without an outbox event). Filled by
 * `pnpm cli insights:rebuild`.
 */
export class InsightsDeflectionDays1798800000001 implements MigrationInterface {
  name = 'InsightsDeflectionDays1798800000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "insights_deflection_days" ("day" date NOT NULL, "space_id" bigint NOT NULL, "language" character varying(2) NOT NULL,
        "sessions" integer NOT NULL, "deflected" integer NOT NULL,
        CONSTRAINT "insights_deflection_days_pkey" PRIMARY KEY ("day", "space_id", "language"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "insights_deflection_spanning" ("ask_session" character varying(64) NOT NULL,
        "first_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "insights_deflection_spanning_pkey" PRIMARY KEY ("ask_session"))`,
    );
    // Append-only (no unique key): concurrent opens of one day never wait on each other.
    await queryRunner.query(
      `CREATE TABLE "insights_deflection_dirty" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "day" date NOT NULL,
        CONSTRAINT "insights_deflection_dirty_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE FUNCTION "insights_deflection_dirty_note"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN INSERT INTO insights_deflection_dirty (day) VALUES ((OLD.created_at AT TIME ZONE 'UTC')::date); END IF;
        IF TG_OP <> 'DELETE' THEN INSERT INTO insights_deflection_dirty (day) VALUES ((NEW.created_at AT TIME ZONE 'UTC')::date); END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "insights_deflection_dirty_note" AFTER INSERT OR DELETE OR UPDATE OF "asked", "question_id", "created_at", "ask_session"
        ON "deflection_events" FOR EACH ROW EXECUTE FUNCTION "insights_deflection_dirty_note"()`,
    );
    // The opens of a question whose space or language changed.
    await queryRunner.query(`CREATE INDEX "deflection_events_question_idx" ON "deflection_events" ("question_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "deflection_events_question_idx"`);
    await queryRunner.query(`DROP TRIGGER "insights_deflection_dirty_note" ON "deflection_events"`);
    await queryRunner.query(`DROP FUNCTION "insights_deflection_dirty_note"()`);
    for (const table of ['insights_deflection_dirty', 'insights_deflection_spanning', 'insights_deflection_days'])
      await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
