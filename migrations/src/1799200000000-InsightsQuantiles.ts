import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Bucket bounds in minutes (api/src/insights/quantiles.ts BUCKET_BOUNDS: 0, then 2^(i/4) rounded); stored counts are computed with them. */
const BOUNDS = `'{0,1,2,3,4,5,6,7,8,10,11,13,16,19,23,27,32,38,45,54,64,76,91,108,128,152,181,215,256,304,362,431,512,609,724,861,1024,1218,1448,1722,2048,2435,2896,3444,4096,4871,5793,6889,8192,9742,11585,13777,16384,19484,23170,27554,32768,38968,46341,55109,65536,77936,92682,110218,131072,155872,185364,220436,262144,311744,370728,440872,524288,623487,741455,881744,1048576}'::float8[]`;
const counts = (column: string) => `ARRAY(SELECT width_bucket(bound, ("${column}")::float8[]) FROM unnest(${BOUNDS}) bound)::int[]`;
const QUESTION_MINUTES = ['first_community_minutes', 'first_staff_minutes', 'accepted_community_minutes', 'accepted_staff_minutes'];
const ESCALATION_MINUTES = ['first_response_minutes', 'resolution_minutes'];
const countsOf = (column: string) => column.replace(/_minutes$/, '_counts');

/**
 * Exact percentiles of answer times and business minutes without sorting a year of values: every
 * sorted duration array of the daily roll-ups gets cumulative bucket counts (values ≤ each bound), so
 * a period finds the bucket of a rank by summing counts and sorts only that bucket's values. And
 * monthly roll-ups of the self-service figures (per space and language, and as space -1 over all
 * spaces) and of business minutes (per space and team, per team as space -1, over all as -1/-1),
 * so a year reads a row per month. Filled here from the facts; kept by the insights roll-up worker.
 */
export class InsightsQuantiles1799200000000 implements MigrationInterface {
  name = 'InsightsQuantiles1799200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, columns] of [
      ['insights_question_days', QUESTION_MINUTES],
      ['insights_escalation_days', ESCALATION_MINUTES],
    ] as const) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ${columns.map((c) => `ADD "${countsOf(c)}" integer array NOT NULL DEFAULT '{}'`).join(', ')}`,
      );
      await queryRunner.query(`UPDATE "${table}" SET ${columns.map((c) => `"${countsOf(c)}" = ${counts(c)}`).join(', ')}`);
      await queryRunner.query(`ALTER TABLE "${table}" ${columns.map((c) => `ALTER "${countsOf(c)}" DROP DEFAULT`).join(', ')}`);
    }
    await queryRunner.query(
      `CREATE TABLE "insights_question_months" ("month" date NOT NULL, "space_id" bigint NOT NULL, "language" character varying(2) NOT NULL,
        "asked" integer NOT NULL, "solved" integer NOT NULL, "solved_without_staff" integer NOT NULL, "by_community" integer NOT NULL,
        "by_staff" integer NOT NULL, "unanswered" integer NOT NULL,
        ${QUESTION_MINUTES.map((c) => `"${c}" double precision array NOT NULL, "${countsOf(c)}" integer array NOT NULL`).join(', ')},
        CONSTRAINT "insights_question_months_pkey" PRIMARY KEY ("month", "space_id", "language"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "insights_escalation_months" ("month" date NOT NULL, "space_id" bigint NOT NULL, "team_id" bigint NOT NULL,
        "opened" integer NOT NULL,
        ${ESCALATION_MINUTES.map((c) => `"${c}" integer array NOT NULL, "${countsOf(c)}" integer array NOT NULL`).join(', ')},
        CONSTRAINT "insights_escalation_months_pkey" PRIMARY KEY ("month", "space_id", "team_id"))`,
    );
    // The months of the daily rows, summed: per space and over all spaces (-1); per space and team, per team, over all.
    for (const [table, from, keys, sums, columns] of [
      [
        'insights_question_months',
        'insights_question_days',
        ['space_id', 'language'],
        ['asked', 'solved', 'solved_without_staff', 'by_community', 'by_staff', 'unanswered'],
        QUESTION_MINUTES,
      ],
      ['insights_escalation_months', 'insights_escalation_days', ['space_id', 'team_id'], ['opened'], ESCALATION_MINUTES],
    ] as const) {
      const all =
        table === 'insights_question_months'
          ? `(d.space_id, d.language), (-1, d.language)`
          : `(d.space_id, d.team_id), (-1, d.team_id), (-1, -1)`;
      await queryRunner.query(
        `WITH rows AS (
           SELECT date_trunc('month', d.day)::date AS month, k.a, k.b, d.*
           FROM "${from}" d CROSS JOIN LATERAL (VALUES ${all}) k(a, b)
         ), sums AS (
           SELECT month, a, b, ${sums.map((s) => `sum("${s}")::int AS "${s}"`).join(', ')} FROM rows GROUP BY 1, 2, 3
         )${columns
           .map(
             (c) =>
               `, "${c}" AS (SELECT month, a, b, array_agg(v ORDER BY v) AS v FROM rows CROSS JOIN LATERAL unnest(rows."${c}") v GROUP BY 1, 2, 3)`,
           )
           .join('')}
         INSERT INTO "${table}" (month, ${keys.join(', ')}, ${sums.join(', ')}, ${columns.map((c) => `"${c}", "${countsOf(c)}"`).join(', ')})
         SELECT s.month, s.a, s.b, ${sums.map((x) => `s."${x}"`).join(', ')},
           ${columns.map((c) => `coalesce("${c}".v, '{}'), ${counts(c).replace(`("${c}")`, `(coalesce("${c}".v, '{}'))`)}`).join(', ')}
         FROM sums s ${columns.map((c) => `LEFT JOIN "${c}" USING (month, a, b)`).join(' ')}`,
      );
    }
    // Top contributors sum accepted and verified answers from the rows that have any, without reading the upvoted answers' arrays.
    await queryRunner.query(
      `CREATE INDEX "insights_ledger_months_counted_idx" ON "insights_ledger_months" ("space_id", "month") INCLUDE ("user_id", "accepted", "verified")
        WHERE "accepted" > 0 OR "verified" > 0`,
    );
    await queryRunner.query(
      `CREATE INDEX "insights_ledger_days_counted_idx" ON "insights_ledger_days" ("day") INCLUDE ("space_id", "user_id", "accepted", "verified")
        WHERE "accepted" > 0 OR "verified" > 0`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "insights_ledger_days_counted_idx"`);
    await queryRunner.query(`DROP INDEX "insights_ledger_months_counted_idx"`);
    await queryRunner.query(`DROP TABLE "insights_escalation_months"`);
    await queryRunner.query(`DROP TABLE "insights_question_months"`);
    await queryRunner.query(
      `ALTER TABLE "insights_escalation_days" ${ESCALATION_MINUTES.map((c) => `DROP COLUMN "${countsOf(c)}"`).join(', ')}`,
    );
    await queryRunner.query(
      `ALTER TABLE "insights_question_days" ${QUESTION_MINUTES.map((c) => `DROP COLUMN "${countsOf(c)}"`).join(', ')}`,
    );
  }
}
