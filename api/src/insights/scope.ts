/** Parameters shared by every statement: $1 from, $2 to, $3 space, $4 team, $5 now. */
export type Params = [Date, Date, string | null, string | null, Date];

/** Questions of any time in the filtered spaces (alias q); `space` and `team` are parameter numbers. */
export const spaceScope = (space = 3, team = 4): string => `($${space}::bigint IS NULL OR q.space_id = $${space}::bigint)
  AND ($${team}::bigint IS NULL OR q.space_id IN (SELECT st.space_id FROM space_teams st WHERE st.team_id = $${team}::bigint))`;
/** Questions of any time in the filtered spaces (alias q), for events that happen in the period. */
export const SPACE_SCOPE = spaceScope();
/** Questions of the period in the filtered spaces (alias q); uses questions_created_idx / questions_space_created_idx. */
export const QUESTION_SCOPE = `q.created_at >= $1 AND q.created_at < $2 AND q.moderation_state <> 'deleted' AND ${SPACE_SCOPE}`;
/** Escalations opened in the period (alias e, its question q). */
export const ESCALATION_SCOPE = `e.created_at >= $1 AND e.created_at < $2
  AND ($3::bigint IS NULL OR q.space_id = $3::bigint) AND ($4::bigint IS NULL OR e.team_id = $4::bigint)`;
/** The UTC days of the period ($1, $2), one row each, as `day` (timestamp without time zone). */
export const PERIOD_DAYS = `SELECT generate_series(date_trunc('day', $1::timestamptz AT TIME ZONE 'UTC'),
  ($2::timestamptz AT TIME ZONE 'UTC') - interval '1 millisecond', interval '1 day') AS day`;
