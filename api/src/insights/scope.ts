import { ALL_SPACES } from './daily-rollups';
/** The filter of every section: from, to, space, team, now, and the questions' language ('de', 'en' or null for all). */
export type Params = [Date, Date, string | null, string | null, Date, string | null];

/** The languages a question can have (questions.language) and the filter offers. */
export const LANGUAGES = ['de', 'en'] as const;

/** Question rows (alias, with a language column: '' or null where the text does not tell) in language parameter `n` (null: all). */
export const languageScope = (alias: string, n: number): string => `($${n}::varchar IS NULL OR ${alias}.language = $${n}::varchar)`;

/** Questions of any time in the filtered spaces (alias q); `space` and `team` are parameter numbers. */
export const spaceScope = (space = 3, team = 4): string => `($${space}::bigint IS NULL OR q.space_id = $${space}::bigint)
  AND ($${team}::bigint IS NULL OR q.space_id IN (SELECT st.space_id FROM space_teams st WHERE st.team_id = $${team}::bigint))`;
/** Questions of any time in the filtered spaces (alias q), for events that happen in the period. */
export const SPACE_SCOPE = spaceScope();
/** The UTC days of the period ($1, $2), one row each, as `day` (timestamp without time zone). */
export const PERIOD_DAYS = `SELECT generate_series(date_trunc('day', $1::timestamptz AT TIME ZONE 'UTC'),
  ($2::timestamptz AT TIME ZONE 'UTC') - interval '1 millisecond', interval '1 day') AS day`;

/** Rows of roll-up `alias` (a space_id column) in the filtered spaces ($3 space, $4 team). */
export const rollupScope = (alias: string): string => `($3::bigint IS NULL OR ${alias}.space_id = $3::bigint)
  AND ($4::bigint IS NULL OR ${alias}.space_id = ANY (ARRAY(SELECT st.space_id FROM space_teams st WHERE st.team_id = $4::bigint)))`;

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (time: number): string => new Date(time).toISOString().slice(0, 10);

/**
 * A period as whole UTC days, read from the daily roll-ups (`firstDay` inclusive, `endDay` exclusive,
 * YYYY-MM-DD), and the parts of a day at either end (`edges`, [start, end) pairs), read from the
 * per-row facts. A period of whole days (as the console asks) has no edges.
 */
export interface DaySplit {
  firstDay: string;
  endDay: string;
  edges: [Date, Date][];
}

export function splitDays(from: Date, to: Date): DaySplit {
  const first = Math.ceil(from.getTime() / DAY_MS) * DAY_MS;
  const end = Math.floor(to.getTime() / DAY_MS) * DAY_MS;
  if (first >= end) return { firstDay: isoDay(first), endDay: isoDay(first), edges: [[from, to]] };
  const edges: [Date, Date][] = [];
  if (from.getTime() < first) edges.push([from, new Date(first)]);
  if (end < to.getTime()) edges.push([new Date(end), to]);
  return { firstDay: isoDay(first), endDay: isoDay(end), edges };
}

/** `splitDays` as parameters: first day, end day, edge starts, edge ends. */
export const splitParams = ({ firstDay, endDay, edges }: DaySplit): unknown[] => [
  firstDay,
  endDay,
  edges.map(([start]) => start),
  edges.map(([, end]) => end),
];

/** Escalation roll-up rows (alias, with space_id and team_id) of the filtered space ($3) and team ($4). */
export const TEAM_SCOPE = (alias: string): string =>
  `($3::bigint IS NULL OR ${alias}.space_id = $3::bigint) AND ($4::bigint IS NULL OR ${alias}.team_id = $4::bigint)`;

/**
 * The rows of `table` (as `alias`) created in the edge ranges `ranges` (an unnest as r(a, b, …)): one
 * index range per edge. OFFSET 0 keeps the subquery per edge, so the planner cannot trade the edges
 * for one scan of the whole period.
 */
export const edgeRows = (ranges: string, table: string, alias: string): string =>
  `${ranges} CROSS JOIN LATERAL (SELECT * FROM ${table} x WHERE x.created_at >= r.a AND x.created_at < r.b OFFSET 0) ${alias}`;

/** Whether whole months are read from the monthly roll-ups (tests turn it off to compare with the daily ones alone). */
export const MONTHLY = { enabled: true };

/**
 * The whole days of a split as the whole UTC months among them (`months`, [start, end) first days)
 * and the days outside those (`days`), each as [start, end) YYYY-MM-DD ranges.
 */
export function splitMonths({ firstDay, endDay }: DaySplit): { days: [string, string][]; months: [string, string][] } {
  const firstMonth = firstDay.endsWith('-01') ? firstDay : nextMonth(firstDay);
  const endMonth = `${endDay.slice(0, 7)}-01`;
  if (!MONTHLY.enabled || firstMonth >= endMonth) return { days: [[firstDay, endDay]], months: [] };
  return {
    days: [
      [firstDay, firstMonth],
      [endMonth, endDay],
    ].filter(([a, b]) => a! < b!) as [string, string][],
    months: [[firstMonth, endMonth]],
  };
}

function nextMonth(day: string): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return isoDay(d.getTime());
}

/** Rows of a monthly roll-up (alias) in the filtered spaces: the all-spaces rows without a space or team filter. */
export const monthScope = (alias: string, space: string | null, team: string | null): string =>
  space === null && team === null ? `${alias}.space_id = ${ALL_SPACES}` : `${alias}.space_id <> ${ALL_SPACES} AND ${rollupScope(alias)}`;

/** Ranges (from `splitMonths`) as parameters: starts and ends. */
export const rangeParams = (ranges: [string, string][]): [string[], string[]] => [ranges.map((r) => r[0]), ranges.map((r) => r[1])];

/**
 * Rows of insights_escalation_months (alias) for the filter: over all (-1/-1) without one, per team
 * (space -1) with a team only, per space and team with a space.
 */
export const escalationMonthScope = (alias: string, space: string | null, team: string | null): string =>
  space === null
    ? `${alias}.space_id = ${ALL_SPACES} AND ${alias}.team_id = ${team === null ? ALL_SPACES : '$4::bigint'}`
    : `${alias}.space_id = $3::bigint AND ${alias}.team_id <> ${ALL_SPACES} AND ($4::bigint IS NULL OR ${alias}.team_id = $4::bigint)`;
