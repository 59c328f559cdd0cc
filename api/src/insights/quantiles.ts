/**
 * Exact percentiles (the same figures as `percentile_cont`) over the sorted duration arrays of many
 * roll-up rows, without unnesting and sorting all their values. Each row also carries cumulative
 * bucket counts: element i is how many of its values are ≤ BUCKET_BOUNDS[i] (`width_bucket` on the
 * sorted array). Summed over the rows, the counts tell in which bucket the wanted ranks lie; only the
 * values of that bucket (a slice of each sorted array) are then sorted.
 */

/** Upper bounds of the buckets in minutes: 0, then 2^(i/4) rounded, past a year. Fixed: stored counts are computed with them. */
export const BUCKET_BOUNDS: readonly number[] = (() => {
  const bounds = new Set<number>([0]);
  for (let i = 0; 2 ** (i / 4) <= 2 * 366 * 24 * 60; i++) bounds.add(Math.round(2 ** (i / 4)));
  return [...bounds].sort((a, b) => a - b);
})();

const BOUNDS_SQL = `'{${BUCKET_BOUNDS.join(',')}}'::float8[]`;

/** The cumulative bucket counts of a sorted array expression (int[], one element per bound). */
export const bucketCounts = (sortedArray: string): string =>
  `ARRAY(SELECT width_bucket(bound, (${sortedArray})::float8[]) FROM unnest(${BOUNDS_SQL}) bound)::int[]`;

/** The column of a duration array's bucket counts. */
export const countsOf = (column: string): string => column.replace(/_minutes$/, '_counts');

/** A percentile to compute: `p` (0–1) of the values in column `column` of the rows, whose counts are in `countsOf(column)`. */
export interface Percentile {
  column: string;
  p: number;
}

/**
 * CTEs (to follow a `parts` CTE with the sorted arrays and their counts (`countsOf`)) summing each column's
 * counts over the rows: `${column}_sum` with n (all values) and cum (values ≤ each bound, over all rows).
 */
export function bucketSums(columns: readonly string[]): string {
  return columns
    .map(
      (c) =>
        `${c}_sum AS (SELECT coalesce(sum(cardinality(p.${c})), 0)::bigint AS n,
           ARRAY[${BUCKET_BOUNDS.map((_, i) => `coalesce(sum(p.${countsOf(c)}[${i + 1}]), 0)`).join(', ')}]::float8[] AS cum FROM parts p)`,
    )
    .join(',\n');
}

/**
 * A scalar subquery for one percentile, as percentile_cont computes it: the values at 0-based ranks
 * floor and ceil of p × (n − 1), interpolated. The ranks' buckets are j = width_bucket(rank, cum) + 1
 * (1 to bounds + 1); a row's values in buckets j_lo to j_hi are its array from index counts[j_lo − 1] + 1
 * (0 before the first bucket) to counts[j_hi] (all of it past the last bound).
 */
export function percentileOf({ column: c, p }: Percentile): string {
  return `(SELECT CASE WHEN s.n = 0 THEN NULL WHEN r.lo = r.hi THEN v.x[1] ELSE v.x[1] + (v.x[2] - v.x[1]) * (r.pos - r.lo) END
     FROM ${c}_sum s
     CROSS JOIN LATERAL (SELECT ${p}::float8 * greatest(s.n - 1, 0)::float8 AS pos) q
     CROSS JOIN LATERAL (SELECT q.pos, floor(q.pos)::bigint AS lo, ceil(q.pos)::bigint AS hi) r
     CROSS JOIN LATERAL (SELECT width_bucket(r.lo::float8, s.cum) + 1 AS j_lo, width_bucket(r.hi::float8, s.cum) + 1 AS j_hi) j
     CROSS JOIN LATERAL (
       SELECT array_agg(z.m ORDER BY z.m) AS x FROM (
         SELECT m::float8 AS m FROM parts p
         CROSS JOIN LATERAL unnest(p.${c}[coalesce(p.${countsOf(c)}[j.j_lo - 1], 0) + 1 : coalesce(p.${countsOf(c)}[j.j_hi], cardinality(p.${c}))]) m
         ORDER BY m OFFSET r.lo - coalesce(s.cum[j.j_lo - 1], 0)::bigint LIMIT r.hi - r.lo + 1) z) v)`;
}

/**
 * The percentile as an expression over `parts`: from the bucket counts (`bucketSums` CTEs needed) when
 * the period reads many values (whole months), else percentile_cont over the unnested arrays, which
 * is cheaper for a few thousand values than summing 77 counts per row. Both give the same figure.
 */
export const percentileExpr = (percentile: Percentile, buckets: boolean): string =>
  buckets
    ? percentileOf(percentile)
    : `(SELECT percentile_cont(${percentile.p}) WITHIN GROUP (ORDER BY m) FROM parts, unnest(parts.${percentile.column}) m)`;
