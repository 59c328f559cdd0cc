import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What an escalation adds to SLA attainment (api/src/insights/escalation-facts.ts ATTAINMENT at the time of this migration). */
const ATTAINMENT: [string, string, string][] = [
  ['priority', 'character varying(8)', 'e.priority'],
  [
    'first_response_met',
    'boolean',
    'e.first_responded_at IS NOT NULL AND e.first_responded_at <= e.first_response_due_at AND e.first_response_breached_at IS NULL',
  ],
  [
    'first_response_decided',
    'boolean',
    'coalesce(e.first_responded_at IS NOT NULL OR e.first_response_breached_at IS NOT NULL OR e.paused_at > e.first_response_due_at, false)',
  ],
  [
    'first_response_due_at',
    'TIMESTAMP WITH TIME ZONE',
    'CASE WHEN e.first_responded_at IS NULL AND e.first_response_breached_at IS NULL AND e.paused_at IS NULL THEN e.first_response_due_at END',
  ],
  ['resolution_met', 'boolean', 'e.resolved_at IS NOT NULL AND e.resolved_at <= e.resolution_due_at AND e.resolution_breached_at IS NULL'],
  [
    'resolution_decided',
    'boolean',
    'coalesce(e.resolved_at IS NOT NULL OR e.resolution_breached_at IS NOT NULL OR e.paused_at > e.resolution_due_at, false)',
  ],
  [
    'resolution_due_at',
    'TIMESTAMP WITH TIME ZONE',
    'CASE WHEN e.resolved_at IS NULL AND e.resolution_breached_at IS NULL AND e.paused_at IS NULL THEN e.resolution_due_at END',
  ],
  ['paused_minutes', 'integer', 'e.paused_business_minutes'],
  ['paused', 'boolean', 'e.paused_business_minutes > 0 OR e.paused_at IS NOT NULL'],
];
const NULLABLE = ['first_response_due_at', 'resolution_due_at'];
const SUMS = ['opened', 'first_response_decided', 'first_response_met', 'resolution_decided', 'resolution_met', 'paused_minutes', 'paused'];
const KEYS = `"space_id" bigint NOT NULL, "team_id" bigint NOT NULL, "priority" character varying(8) NOT NULL`;

/**
 * SLA attainment from roll-ups instead of every escalation of the period per request: each escalation's
 * targets as the clocks wrote them (met; decided whatever the time; the due time of a running clock),
 * summed per day, space, team and priority and per month (per team over its spaces as space -1). The
 * roll-up worker now also follows the escalations' timeline (cursor 'escalation'): breaches and pauses
 * change an escalation without an outbox event of its question. Filled here from the escalations.
 */
export class InsightsAttainment1799500000003 implements MigrationInterface {
  name = 'InsightsAttainment1799500000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "insights_escalations" ${ATTAINMENT.map(([c, type]) => `ADD "${c}" ${type}`).join(', ')}`);
    await queryRunner.query(
      `UPDATE "insights_escalations" f SET ${ATTAINMENT.map(([c, , value]) => `"${c}" = ${value}`).join(', ')}
       FROM "escalations" e WHERE e.id = f.escalation_id`,
    );
    await queryRunner.query(`DELETE FROM "insights_escalations" WHERE "priority" IS NULL`);
    await queryRunner.query(
      `ALTER TABLE "insights_escalations" ${ATTAINMENT.filter(([c]) => !NULLABLE.includes(c))
        .map(([c]) => `ALTER "${c}" SET NOT NULL`)
        .join(', ')}`,
    );
    await queryRunner.query(
      `CREATE INDEX "insights_escalations_running_idx" ON "insights_escalations" ("created_at")
        INCLUDE ("space_id", "team_id", "priority", "first_response_due_at", "resolution_due_at")
        WHERE "first_response_due_at" IS NOT NULL OR "resolution_due_at" IS NOT NULL`,
    );
    for (const [table, period] of [
      ['insights_attainment_days', 'day'],
      ['insights_attainment_months', 'month'],
    ])
      await queryRunner.query(
        `CREATE TABLE "${table}" ("${period}" date NOT NULL, ${KEYS}, ${SUMS.map((c) => `"${c}" integer NOT NULL`).join(', ')},
          CONSTRAINT "${table}_pkey" PRIMARY KEY ("${period}", "space_id", "team_id", "priority"))`,
      );
    await queryRunner.query(
      `INSERT INTO "insights_attainment_days" ("day", "space_id", "team_id", "priority", ${SUMS.map((c) => `"${c}"`).join(', ')})
       SELECT (f.created_at AT TIME ZONE 'UTC')::date, f.space_id, f.team_id, f.priority, count(*)::int,
         count(*) FILTER (WHERE f.first_response_decided)::int, count(*) FILTER (WHERE f.first_response_met)::int,
         count(*) FILTER (WHERE f.resolution_decided)::int, count(*) FILTER (WHERE f.resolution_met)::int,
         sum(f.paused_minutes)::int, count(*) FILTER (WHERE f.paused)::int
       FROM "insights_escalations" f GROUP BY 1, 2, 3, 4`,
    );
    await queryRunner.query(
      `INSERT INTO "insights_attainment_months" ("month", "space_id", "team_id", "priority", ${SUMS.map((c) => `"${c}"`).join(', ')})
       SELECT date_trunc('month', d.day)::date, k.space_id, d.team_id, d.priority, ${SUMS.map((c) => `sum(d."${c}")::int`).join(', ')}
       FROM "insights_attainment_days" d CROSS JOIN LATERAL (VALUES (d.space_id), (-1)) k(space_id) GROUP BY 1, 2, 3, 4`,
    );
    await queryRunner.query(
      `INSERT INTO "insights_cursors" ("name", "last_id") SELECT 'escalation', coalesce(max("id"), 0) FROM "escalation_events"
       ON CONFLICT ("name") DO UPDATE SET "last_id" = excluded."last_id"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "insights_cursors" WHERE "name" = 'escalation'`);
    await queryRunner.query(`DROP TABLE "insights_attainment_months"`);
    await queryRunner.query(`DROP TABLE "insights_attainment_days"`);
    await queryRunner.query(`DROP INDEX "insights_escalations_running_idx"`);
    await queryRunner.query(`ALTER TABLE "insights_escalations" ${ATTAINMENT.map(([c]) => `DROP COLUMN "${c}"`).join(', ')}`);
  }
}
