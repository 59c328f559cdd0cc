/**
 * The p-quantile of `values` with linear interpolation between the closest ranks — the same
 * definition as PostgreSQL's `percentile_cont`, so figures computed in SQL and here agree. Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}
