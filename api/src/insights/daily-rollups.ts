import type { EntityManager } from 'typeorm';
import { bucketCounts, countsOf } from './quantiles';

/** A newcomer who posted on this many distinct UTC days of the period is a regular. */
export const REGULAR_DAYS = 3;

/**
 * Serializes the writers of the roll-ups (the worker's batches, a rebuild) for the rest of the
 * transaction: both recompute rows whole, and two of them deleting and inserting the same keys
 * deadlock. A rebuild waits; the worker does not (`wait: false` answers whether it got the lock).
 */
export async function lockRollups(manager: EntityManager, { wait = true } = {}): Promise<boolean> {
  const [row]: { locked: boolean }[] = await manager.query(
    wait
      ? `SELECT pg_advisory_xact_lock(hashtext('insights roll-ups')) IS NOT NULL AS locked`
      : `SELECT pg_try_advisory_xact_lock(hashtext('insights roll-ups')) AS locked`,
  );
  return row!.locked;
}

/** A UTC day and a space whose roll-up rows a change of questions may move. */
export interface DaySpace {
  day: string;
  spaceId: string;
}

/** What one question adds to the self-service figures (alias f: insights_questions). */
const QUESTION_VALUES = `f.status = 'solved' AS solved,
  f.status = 'solved' AND f.accepted_role = 'member' AND f.first_staff_at IS NULL AND NOT f.escalated AS solved_without_staff,
  f.first_community_at IS NOT NULL AND (f.first_staff_at IS NULL OR f.first_community_at <= f.first_staff_at) AS by_community,
  f.first_staff_at IS NOT NULL AND (f.first_community_at IS NULL OR f.first_staff_at < f.first_community_at) AS by_staff,
  f.first_community_at IS NULL AND f.first_staff_at IS NULL AS unanswered,
  extract(epoch FROM f.first_community_at - f.created_at) / 60 AS first_community,
  extract(epoch FROM f.first_staff_at - f.created_at) / 60 AS first_staff,
  CASE WHEN f.status = 'solved' AND f.accepted_role = 'member' THEN extract(epoch FROM f.solved_at - f.created_at) / 60 END AS accepted_community,
  CASE WHEN f.status = 'solved' AND f.accepted_role <> 'member' THEN extract(epoch FROM f.solved_at - f.created_at) / 60 END AS accepted_staff`;

const minutesOf = (column: string) =>
  `coalesce(array_agg(v.${column}::float8 ORDER BY v.${column}) FILTER (WHERE v.${column} IS NOT NULL), '{}') AS ${column}_minutes`;

/**
 * The self-service aggregate of a set of questions (alias f), in the columns of insights_question_days:
 * counts, and every answer time so that medians over any number of days stay exact.
 */
export const QUESTION_AGGREGATES = `count(*)::int AS asked, count(*) FILTER (WHERE v.solved)::int AS solved,
  count(*) FILTER (WHERE v.solved_without_staff)::int AS solved_without_staff, count(*) FILTER (WHERE v.by_community)::int AS by_community,
  count(*) FILTER (WHERE v.by_staff)::int AS by_staff, count(*) FILTER (WHERE v.unanswered)::int AS unanswered,
  ${['first_community', 'first_staff', 'accepted_community', 'accepted_staff'].map(minutesOf).join(', ')}`;
export const QUESTION_VALUES_OF_F = `CROSS JOIN LATERAL (SELECT ${QUESTION_VALUES}) v`;

const DAY = (column: string) => `(${column} AT TIME ZONE 'UTC')::date`;
/**
 * insights_questions rows of the given (day, space) keys ($1 days, $2 spaces), or all of them. The day is
 * also matched as an equality, which says the same as the range: the planner took the keys for ten rows
 * and hashed them on the space alone, testing every fact against every day of a space (an import's batch,
 * 830 questions over 620 days: 2 M pairs, ~0.9 s); now it reads each key's range from the index.
 */
const factsOf = (keys: readonly DaySpace[] | null): string =>
  keys === null
    ? 'insights_questions f'
    : `insights_questions f JOIN unnest($1::date[], $2::bigint[]) k(day, space_id) ON f.space_id = k.space_id AND ${DAY('f.created_at')} = k.day
        AND f.created_at >= k.day::timestamp AT TIME ZONE 'UTC' AND f.created_at < (k.day + 1)::timestamp AT TIME ZONE 'UTC'`;

function unique(keys: readonly DaySpace[]): DaySpace[] {
  return [...new Map(keys.map((k) => [`${k.day}/${k.spaceId}`, k])).values()];
}

/** The (day, space) keys of these questions' current facts. */
export async function daySpacesOf(manager: EntityManager, questionIds: readonly string[]): Promise<DaySpace[]> {
  if (questionIds.length === 0) return [];
  return manager.query(
    `SELECT DISTINCT to_char(${DAY('created_at')}, 'YYYY-MM-DD') AS day, space_id::text AS "spaceId" FROM insights_questions WHERE question_id = ANY($1::bigint[])`,
    [questionIds],
  );
}

/**
 * Recomputes the per-day roll-ups of questions (insights_question_days, insights_topic_days) for these
 * (day, space) keys from insights_questions, all of them for null. Rows are written whole.
 */
export async function refreshQuestionDays(manager: EntityManager, keys: readonly DaySpace[] | null): Promise<void> {
  const list = keys === null ? null : unique(keys);
  if (list?.length === 0) return;
  const params = list === null ? [] : [list.map((k) => k.day), list.map((k) => k.spaceId)];
  const which = list === null ? '' : `WHERE (day, space_id) IN (SELECT * FROM unnest($1::date[], $2::bigint[]))`;
  for (const table of ['insights_question_days', 'insights_topic_days']) await manager.query(`DELETE FROM ${table} ${which}`, params);
  await manager.query(
    `INSERT INTO insights_question_days (day, space_id, language, asked, solved, solved_without_staff, by_community, by_staff, unanswered,
       ${QUESTION_MINUTES.join(', ')}, ${QUESTION_MINUTES.map(countsOf).join(', ')})
     SELECT g.*, ${QUESTION_MINUTES.map((c) => bucketCounts(`g.${c}`)).join(', ')} FROM (
       SELECT ${DAY('f.created_at')}, f.space_id, coalesce(f.language, ''), ${QUESTION_AGGREGATES}
       FROM ${factsOf(list)} ${QUESTION_VALUES_OF_F} WHERE NOT f.deleted GROUP BY 1, 2, 3) g`,
    params,
  );
  await manager.query(
    `INSERT INTO insights_topic_days (day, space_id, tag_id, language, questions)
     SELECT ${DAY('f.created_at')}, f.space_id, t.tag_id, coalesce(f.language, ''), count(*)::int
     FROM ${factsOf(list)} CROSS JOIN unnest(f.tag_ids) t(tag_id) WHERE NOT f.deleted GROUP BY 1, 2, 3, 4`,
    params,
  );
  await refreshTopicDaysOverAll(manager, list === null ? null : [...new Set(list.map((k) => k.day))]);
  const months = list === null ? null : [...new Set(list.map((k) => k.day.slice(0, 7) + '-01'))];
  await refreshTopicMonths(manager, months);
  await refreshMonths(manager, QUESTION_MONTHS, months);
}

/** The roll-up rows over all spaces of a monthly roll-up (per space otherwise). */
export const ALL_SPACES = -1;
const MONTH = (column: string) => `date_trunc('month', ${column})::date`;

/** The sorted duration arrays of the question roll-ups (each with its bucket counts, `countsOf`). */
export const QUESTION_MINUTES = ['first_community_minutes', 'first_staff_minutes', 'accepted_community_minutes', 'accepted_staff_minutes'];
/** The sorted business-minute arrays of the escalation roll-ups. */
export const ESCALATION_MINUTES = ['first_response_minutes', 'resolution_minutes'];

interface MonthlyRollup {
  table: string;
  days: string;
  keys: [string, string];
  /** The key pairs a daily row is summed into (alias d). */
  into: string;
  sums: string[];
  minutes: string[];
}

const QUESTION_MONTHS: MonthlyRollup = {
  table: 'insights_question_months',
  days: 'insights_question_days',
  keys: ['space_id', 'language'],
  into: `(d.space_id, d.language), (${ALL_SPACES}, d.language)`,
  sums: ['asked', 'solved', 'solved_without_staff', 'by_community', 'by_staff', 'unanswered'],
  minutes: QUESTION_MINUTES,
};
const ESCALATION_MONTHS: MonthlyRollup = {
  table: 'insights_escalation_months',
  days: 'insights_escalation_days',
  keys: ['space_id', 'team_id'],
  into: `(d.space_id, d.team_id), (${ALL_SPACES}, d.team_id), (${ALL_SPACES}, ${ALL_SPACES})`,
  sums: ['opened'],
  minutes: ESCALATION_MINUTES,
};

/**
 * Recomputes a monthly roll-up for these months (first days, YYYY-MM-DD; all for null) from its daily
 * rows: counts summed, duration arrays merged and sorted, their bucket counts computed again.
 */
async function refreshMonths(manager: EntityManager, r: MonthlyRollup, months: readonly string[] | null): Promise<void> {
  if (months?.length === 0) return;
  const params = months === null ? [] : [months];
  await manager.query(`DELETE FROM ${r.table} ${months === null ? '' : 'WHERE month = ANY($1::date[])'}`, params);
  await manager.query(
    `WITH rows AS (
       SELECT ${MONTH('d.day')} AS month, k.a, k.b, d.* FROM ${r.days} d CROSS JOIN LATERAL (VALUES ${r.into}) k(a, b)
       ${months === null ? '' : `WHERE d.day >= (SELECT min(m) FROM unnest($1::date[]) m) AND d.day < (SELECT max(m) FROM unnest($1::date[]) m) + interval '1 month' AND ${MONTH('d.day')} = ANY($1::date[])`}
     ), sums AS (
       SELECT month, a, b, ${r.sums.map((s) => `sum(${s})::int AS ${s}`).join(', ')} FROM rows GROUP BY 1, 2, 3
     )${r.minutes.map((c) => `, ${c} AS (SELECT month, a, b, array_agg(v ORDER BY v) AS v FROM rows CROSS JOIN LATERAL unnest(rows.${c}) v GROUP BY 1, 2, 3)`).join('')}
     INSERT INTO ${r.table} (month, ${r.keys.join(', ')}, ${r.sums.join(', ')}, ${r.minutes.join(', ')}, ${r.minutes.map(countsOf).join(', ')})
     SELECT s.month, s.a, s.b, ${r.sums.map((x) => `s.${x}`).join(', ')}, ${r.minutes.map((c) => `coalesce(${c}.v, '{}')`).join(', ')},
       ${r.minutes.map((c) => bucketCounts(`coalesce(${c}.v, '{}')`)).join(', ')}
     FROM sums s ${r.minutes.map((c) => `LEFT JOIN ${c} USING (month, a, b)`).join(' ')}`,
    params,
  );
}

/**
 * Recomputes the rows over all spaces (space ALL_SPACES) of insights_topic_days for these days (all for
 * null) from the days' rows per space: a period without a filter sums a row per tag and day, not one per
 * tag, day and space (30 days: ~48,000 rows summed per request before).
 */
async function refreshTopicDaysOverAll(manager: EntityManager, days: readonly string[] | null): Promise<void> {
  const params = days === null ? [] : [days];
  const on = days === null ? 'true' : 'day = ANY($1::date[])';
  await manager.query(`DELETE FROM insights_topic_days WHERE space_id = ${ALL_SPACES} AND ${on}`, params);
  await manager.query(
    `INSERT INTO insights_topic_days (day, space_id, tag_id, language, questions)
     SELECT day, ${ALL_SPACES}, tag_id, language, sum(questions)::int FROM insights_topic_days WHERE space_id <> ${ALL_SPACES} AND ${on}
     GROUP BY day, tag_id, language`,
    params,
  );
}

/**
 * Recomputes insights_topic_months for these months (first days, YYYY-MM-DD), all for null, by
 * summing the per-space rows of insights_topic_days per space and over all spaces.
 */
export async function refreshTopicMonths(manager: EntityManager, months: readonly string[] | null): Promise<void> {
  if (months?.length === 0) return;
  const params = months === null ? [] : [months];
  const which = (column: string) => (months === null ? 'true' : `${column} = ANY($1::date[])`);
  await manager.query(`DELETE FROM insights_topic_months WHERE ${which('month')}`, params);
  await manager.query(
    `INSERT INTO insights_topic_months (month, space_id, tag_id, language, questions)
     SELECT ${MONTH('d.day')}, s.space_id, d.tag_id, d.language, sum(d.questions)::int
     FROM insights_topic_days d CROSS JOIN LATERAL (VALUES (d.space_id), (${ALL_SPACES})) s(space_id)
     WHERE d.space_id <> ${ALL_SPACES} AND ${which(MONTH('d.day'))} AND ${months === null ? 'true' : `d.day >= (SELECT min(m) FROM unnest($1::date[]) m) AND d.day < (SELECT max(m) FROM unnest($1::date[]) m) + interval '1 month'`}
     GROUP BY 1, 2, 3, 4`,
    params,
  );
}

/**
 * Recomputes insights_ledger_months of these members (all for null) by summing their
 * insights_ledger_days per month and space and over all spaces (upvoted answers kept distinct).
 */
export async function refreshLedgerMonths(manager: EntityManager, userIds: readonly string[] | null): Promise<void> {
  if (userIds?.length === 0) return;
  const params = userIds === null ? [] : [userIds];
  const by = (column: string) => (userIds === null ? 'true' : `${column} = ANY($1::bigint[])`);
  await manager.query(`DELETE FROM insights_ledger_months WHERE ${by('user_id')}`, params);
  await manager.query(
    `WITH days AS (
       SELECT ${MONTH('l.day')} AS month, s.space_id, l.user_id, l.accepted, l.verified, l.upvoted_answers
       FROM insights_ledger_days l CROSS JOIN LATERAL (VALUES (l.space_id), (${ALL_SPACES})) s(space_id)
       WHERE ${by('l.user_id')} AND (l.accepted > 0 OR l.verified > 0 OR cardinality(l.upvoted_answers) > 0)
     ), upvoted AS (
       SELECT d.month, d.space_id, d.user_id, array_agg(DISTINCT a) AS answers FROM days d CROSS JOIN unnest(d.upvoted_answers) a GROUP BY 1, 2, 3
     )
     INSERT INTO insights_ledger_months (month, space_id, user_id, accepted, verified, upvoted_answers)
     SELECT c.month, c.space_id, c.user_id, c.accepted, c.verified, coalesce(u.answers, '{}')
     FROM (SELECT month, space_id, user_id, sum(accepted)::int AS accepted, sum(verified)::int AS verified FROM days GROUP BY 1, 2, 3) c
     LEFT JOIN upvoted u USING (month, space_id, user_id)`,
    params,
  );
}

/** Authors of these questions and of their answers: the members whose posting days a change of the questions may move. */
export async function authorsOf(manager: EntityManager, questionIds: readonly string[]): Promise<string[]> {
  if (questionIds.length === 0) return [];
  const rows: { id: string }[] = await manager.query(
    `SELECT author_id AS id FROM questions WHERE id = ANY($1::bigint[]) UNION SELECT author_id FROM answers WHERE question_id = ANY($1::bigint[])`,
    [questionIds],
  );
  return rows.map((r) => String(r.id));
}

/**
 * Recomputes each member's first post (any state, anywhere) and, per space, per team and over all
 * spaces, the earliest post on each of their first three posting days (posts not deleted) — for these
 * members, all for null. A newcomer of a period posted nothing before it, so these decide newcomers
 * and regulars for any period and spaces; each row repeats the first post, so a period reads one index
 * range of the filter's rows (`insights_first_posts`, `insights_member_spaces`, `insights_member_teams`).
 */
export async function refreshMembers(manager: EntityManager, userIds: readonly string[] | null): Promise<void> {
  if (userIds?.length === 0) return;
  const params = userIds === null ? [] : [userIds];
  const by = (column: string) => (userIds === null ? 'true' : `${column} = ANY($1::bigint[])`);
  for (const table of ['insights_first_posts', 'insights_member_spaces', 'insights_member_teams'])
    await manager.query(`DELETE FROM ${table} WHERE ${by('user_id')}`, params);
  await manager.query(
    `INSERT INTO insights_first_posts (user_id, first_post_at)
     SELECT author_id, min(created_at) FROM (
       SELECT author_id, created_at FROM questions WHERE ${by('author_id')}
       UNION ALL SELECT author_id, created_at FROM answers WHERE ${by('author_id')}) p
     GROUP BY author_id`,
    params,
  );
  await manager.query(
    `INSERT INTO insights_member_spaces (user_id, space_id, first_post_at, first_days)
     SELECT d.author_id, d.space_id, fp.first_post_at, (array_agg(d.first_at ORDER BY d.first_at))[1:${REGULAR_DAYS}] FROM (
       SELECT p.author_id, p.space_id, min(p.created_at) AS first_at FROM (
         SELECT q.author_id, q.space_id, q.created_at FROM questions q WHERE q.moderation_state <> 'deleted' AND ${by('q.author_id')}
         UNION ALL
         SELECT a.author_id, q.space_id, a.created_at FROM answers a JOIN questions q ON q.id = a.question_id
         WHERE a.moderation_state <> 'deleted' AND ${by('a.author_id')}) p
       GROUP BY 1, 2, ${DAY('p.created_at')}) d
     JOIN insights_first_posts fp ON fp.user_id = d.author_id
     GROUP BY 1, 2, 3`,
    params,
  );
  // The same over all spaces: a period without a space or team filter reads one row per newcomer.
  await manager.query(
    `UPDATE insights_first_posts fp SET first_days = d.first_days
     FROM (${firstDaysOver(['m.user_id'], by('m.user_id'))}) d
     WHERE d.user_id = fp.user_id`,
    params,
  );
  await insertMemberTeams(manager, by, params);
}

/** The first REGULAR_DAYS posting days of insights_member_spaces rows (alias m) per `keys` (columns such as m.user_id). */
const firstDaysOver = (keys: string[], where: string, join = '') => {
  const names = keys.map((k) => k.replace(/^\w+\./, '')).join(', ');
  return `SELECT ${names}, (array_agg(first_at ORDER BY first_at))[1:${REGULAR_DAYS}] AS first_days FROM (
     SELECT ${keys.join(', ')}, min(t) AS first_at FROM insights_member_spaces m ${join} CROSS JOIN unnest(m.first_days) t
     WHERE ${where} GROUP BY ${keys.join(', ')}, ${DAY('t')}) x
   GROUP BY ${names}`;
};

/** insights_member_teams of the members `by` selects, from their spaces' rows and the teams the spaces belong to now. */
async function insertMemberTeams(manager: EntityManager, by: (column: string) => string, params: unknown[]): Promise<void> {
  await manager.query(
    `INSERT INTO insights_member_teams (user_id, team_id, first_post_at, first_days)
     SELECT d.user_id, d.team_id, fp.first_post_at, d.first_days
     FROM (${firstDaysOver(['m.user_id', 'st.team_id'], by('m.user_id'), 'JOIN space_teams st ON st.space_id = m.space_id')}) d
     JOIN insights_first_posts fp ON fp.user_id = d.user_id`,
    params,
  );
}

/** A fingerprint of which space belongs to which team now. */
const SPACE_TEAMS_PRINT = `SELECT hashtext(coalesce(string_agg(space_id || ':' || team_id, ',' ORDER BY space_id, team_id), ''))::bigint FROM space_teams`;

/** Notes the spaces' teams the team roll-ups were computed with (insights_cursors 'space_teams'). */
export async function saveSpaceTeams(manager: EntityManager): Promise<void> {
  await manager.query(
    `INSERT INTO insights_cursors (name, last_id) SELECT 'space_teams', (${SPACE_TEAMS_PRINT}) ON CONFLICT (name) DO UPDATE SET last_id = excluded.last_id`,
  );
}

/**
 * The team roll-ups (insights_member_teams, the deflection rows of teams) follow the spaces' teams as
 * they were when rolled up: when a space changed team since (a fingerprint of space_teams differs from
 * the one noted), they are recomputed. Answers whether they were.
 */
export async function followSpaceTeams(manager: EntityManager): Promise<boolean> {
  const [row]: { same: boolean }[] = await manager.query(
    `SELECT EXISTS (SELECT 1 FROM insights_cursors WHERE name = 'space_teams' AND last_id = (${SPACE_TEAMS_PRINT})) AS same`,
  );
  if (row!.same) return false;
  await manager.query(`DELETE FROM insights_member_teams`);
  await insertMemberTeams(manager, () => 'true', []);
  await refreshDeflectionDays(manager, null);
  await saveSpaceTeams(manager);
  return true;
}

/** Ledger entries that still count: neither a reversal nor reversed (alias e). */
export const STANDING = `e.reversal_of IS NULL AND NOT EXISTS (SELECT 1 FROM reputation_events x WHERE x.reversal_of = e.id)`;

/**
 * Recomputes the per-day ledger roll-up (insights_ledger_days: answers accepted and verified, the
 * answers upvoted, penalties; standing entries only) of these members, all for null.
 */
export async function refreshLedgerDays(manager: EntityManager, userIds: readonly string[] | null): Promise<void> {
  if (userIds?.length === 0) return;
  const params = userIds === null ? [] : [userIds];
  const by = (column: string) => (userIds === null ? 'true' : `${column} = ANY($1::bigint[])`);
  await manager.query(`DELETE FROM insights_ledger_days WHERE ${by('user_id')}`, params);
  await manager.query(
    `INSERT INTO insights_ledger_days (day, space_id, user_id, accepted, verified, upvoted_answers, warned, suspended)
     SELECT ${DAY('e.created_at')}, coalesce(e.space_id, 0), e.user_id,
       count(*) FILTER (WHERE e.kind = 'answer.accepted')::int, count(*) FILTER (WHERE e.kind = 'answer.verified')::int,
       coalesce(array_agg(DISTINCT e.subject_id) FILTER (WHERE e.kind = 'answer.upvoted'), '{}'),
       bool_or(e.kind = 'penalty.warning'), bool_or(e.kind = 'penalty.suspension')
     FROM reputation_events e
     WHERE e.kind IN ('answer.accepted', 'answer.verified', 'answer.upvoted', 'penalty.warning', 'penalty.suspension') AND ${STANDING} AND ${by('e.user_id')}
     GROUP BY 1, 2, 3`,
    params,
  );
  await refreshLedgerMonths(manager, userIds);
}

/** The ledger and the audit log are append-only: entries younger than this are read again, as a transaction may commit a lower id late. */
const SETTLE = `interval '5 minutes'`;

/**
 * Hands the rows of an append-only `table` written since cursor `name` to `handle` (which recomputes
 * whole roll-up rows, so reading a row twice is harmless) and moves the cursor past the settled ones.
 */
export async function followCursor<T extends { id: string }>(
  manager: EntityManager,
  name: string,
  table: string,
  columns: string,
  handle: (rows: T[]) => Promise<void>,
): Promise<number> {
  const [cursor]: { last_id: string }[] = await manager.query(
    `INSERT INTO insights_cursors (name, last_id) VALUES ($1, 0) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING last_id`,
    [name],
  );
  const rows: (T & { settled: boolean })[] = await manager.query(
    `SELECT id, ${columns}, created_at < now() - ${SETTLE} AS settled FROM ${table} WHERE id > $1 ORDER BY id`,
    [cursor!.last_id],
  );
  if (rows.length === 0) return 0;
  await handle(rows);
  const firstUnsettled = rows.findIndex((r) => !r.settled);
  const last = firstUnsettled === -1 ? rows.at(-1)!.id : firstUnsettled === 0 ? null : rows[firstUnsettled - 1]!.id;
  if (last !== null) await manager.query(`UPDATE insights_cursors SET last_id = $2 WHERE name = $1`, [name, last]);
  return rows.length;
}

/** Sets cursor `name` after the settled rows of `table` (after a rebuild from the base tables). */
async function resetCursor(manager: EntityManager, name: string, table: string): Promise<void> {
  await manager.query(
    `INSERT INTO insights_cursors (name, last_id) SELECT $1, coalesce(max(id), 0) FROM ${table} WHERE created_at < now() - ${SETTLE}
     ON CONFLICT (name) DO UPDATE SET last_id = excluded.last_id`,
    [name],
  );
}

/** Rolls up the ledger entries and review decisions written since the last call. Returns how many rows were read. */
export async function rollUpAppended(manager: EntityManager): Promise<number> {
  const ledger = await followCursor<{ id: string; user_id: string }>(manager, 'ledger', 'reputation_events', 'user_id', (rows) =>
    refreshLedgerDays(manager, [...new Set(rows.map((r) => String(r.user_id)))]),
  );
  const audit = await followCursor<{ id: string; action: string }>(manager, 'audit', 'audit_log', 'action', (rows) =>
    refreshReviews(
      manager,
      rows.filter((r) => REVIEW_ACTIONS.includes(r.action)).map((r) => r.id),
    ),
  );
  const teams = (await followSpaceTeams(manager)) ? 1 : 0;
  return ledger + audit + teams + (await rollUpDeflection(manager));
}

const REVIEW_ACTIONS = ['draft.approved', 'draft.changes_requested'];

/**
 * Recomputes insights_reviews for these audit entries (all decisions for null): each four-eyes decision
 * with its draft's space and the turnaround from the draft's last submission (created or edited) before it.
 */
export async function refreshReviews(manager: EntityManager, auditIds: readonly string[] | null): Promise<void> {
  if (auditIds?.length === 0) return;
  await manager.query(
    `INSERT INTO insights_reviews (audit_id, space_id, decided_at, approved, turnaround_minutes)
     SELECT l.id, q.space_id, l.created_at, l.action = 'draft.approved', extract(epoch FROM l.created_at - s.submitted_at) / 60
     FROM audit_log l
     JOIN staff_drafts d ON d.id = CASE WHEN l.subject_id ~ '^[0-9]{1,18}$' THEN l.subject_id::bigint END
     JOIN questions q ON q.id = d.question_id
     CROSS JOIN LATERAL (
       SELECT max(p.created_at) AS submitted_at FROM audit_log p
       WHERE p.subject_type = 'staff_draft' AND p.subject_id = l.subject_id
         AND p.action IN ('draft.created', 'draft.edited') AND p.created_at <= l.created_at) s
     WHERE l.action = ANY($1::varchar[]) AND l.subject_type = 'staff_draft' AND ($2::bigint[] IS NULL OR l.id = ANY($2::bigint[]))
     ON CONFLICT (audit_id) DO UPDATE SET space_id = excluded.space_id, decided_at = excluded.decided_at, approved = excluded.approved,
       turnaround_minutes = excluded.turnaround_minutes`,
    [REVIEW_ACTIONS, auditIds],
  );
}

/** The member, ledger and review roll-ups from the base tables (the question days come with `refreshQuestionFacts`); the ledger cursor moves to its end. */
export async function rebuildDailyRollups(manager: EntityManager): Promise<void> {
  await refreshMembers(manager, null);
  await refreshLedgerDays(manager, null);
  await resetCursor(manager, 'ledger', 'reputation_events');
  await manager.query(`DELETE FROM insights_reviews`);
  await refreshReviews(manager, null);
  await resetCursor(manager, 'audit', 'audit_log');
  await resetCursor(manager, 'escalation', 'escalation_events');
  await manager.query(`DELETE FROM insights_deflection_dirty`);
  await refreshDeflectionDays(manager, null);
  await saveSpaceTeams(manager);
}

/** A UTC day, space and team whose escalation roll-up a change of escalations may move. */
export interface DaySpaceTeam extends DaySpace {
  teamId: string;
}

/** The (day, space, team) keys of these questions' escalation facts: the days they were opened and closed. */
export async function escalationDaysOf(manager: EntityManager, questionIds: readonly string[]): Promise<DaySpaceTeam[]> {
  if (questionIds.length === 0) return [];
  return manager.query(
    `SELECT DISTINCT to_char(${DAY('t')}, 'YYYY-MM-DD') AS day, f.space_id::text AS "spaceId", f.team_id::text AS "teamId"
     FROM insights_escalations f CROSS JOIN unnest(ARRAY[f.created_at, f.closed_at]) t
     WHERE f.question_id = ANY($1::bigint[]) AND t IS NOT NULL`,
    [questionIds],
  );
}

/**
 * Recomputes insights_escalation_days for these keys from insights_escalations (all for null):
 * escalations opened and closed per day, and the business minutes of those opened.
 */
export async function refreshEscalationDays(manager: EntityManager, keys: readonly DaySpaceTeam[] | null): Promise<void> {
  const list = keys === null ? null : [...new Map(keys.map((k) => [`${k.day}/${k.spaceId}/${k.teamId}`, k])).values()];
  if (list?.length === 0) return;
  const days = list?.map((k) => k.day).sort() ?? [];
  const params = list === null ? [] : [list.map((k) => k.day), list.map((k) => k.spaceId), list.map((k) => k.teamId), days[0], days.at(-1)];
  // The keys' day span bounds both index ranges (created_at, closed_at); the join keeps the keys' rows.
  const within = (column: string) =>
    list === null
      ? 'true'
      : `f.${column} >= $4::date::timestamp AT TIME ZONE 'UTC' AND f.${column} < ($5::date + 1)::timestamp AT TIME ZONE 'UTC'`;
  const keyed =
    list === null ? '' : `JOIN unnest($1::date[], $2::bigint[], $3::bigint[]) k(day, space_id, team_id) USING (day, space_id, team_id)`;
  await manager.query(
    `DELETE FROM insights_escalation_days ${list === null ? '' : `WHERE (day, space_id, team_id) IN (SELECT * FROM unnest($1::date[], $2::bigint[], $3::bigint[])) AND $4::date <= $5::date`}`,
    params,
  );
  await manager.query(
    `INSERT INTO insights_escalation_days (day, space_id, team_id, opened, closed, first_response_minutes, resolution_minutes,
       ${ESCALATION_MINUTES.map(countsOf).join(', ')})
     SELECT g.*, ${ESCALATION_MINUTES.map((c) => bucketCounts(`g.${c}`)).join(', ')} FROM (
     SELECT m.day, m.space_id, m.team_id, count(*) FILTER (WHERE m.opened)::int, count(*) FILTER (WHERE NOT m.opened)::int,
       coalesce(array_agg(m.first_response_minutes ORDER BY m.first_response_minutes) FILTER (WHERE m.first_response_minutes IS NOT NULL), '{}') AS first_response_minutes,
       coalesce(array_agg(m.resolution_minutes ORDER BY m.resolution_minutes) FILTER (WHERE m.resolution_minutes IS NOT NULL), '{}') AS resolution_minutes
     FROM (
       SELECT ${DAY('f.created_at')} AS day, f.space_id, f.team_id, true AS opened, f.first_response_minutes, f.resolution_minutes
       FROM insights_escalations f WHERE ${within('created_at')}
       UNION ALL
       SELECT ${DAY('f.closed_at')}, f.space_id, f.team_id, false, NULL, NULL FROM insights_escalations f WHERE f.closed_at IS NOT NULL AND ${within('closed_at')}
     ) m ${keyed}
     GROUP BY 1, 2, 3) g`,
    params,
  );
  const months = list === null ? null : [...new Set(list.map((k) => k.day.slice(0, 7) + '-01'))];
  await refreshMonths(manager, ESCALATION_MONTHS, months);
  await refreshAttainment(manager, list === null ? [] : params, within('created_at'), keyed, months);
}

/** The counts of SLA attainment summed per day or month (insights_attainment_days, insights_attainment_months). */
const ATTAINMENT_SUMS = [
  'opened',
  'first_response_decided',
  'first_response_met',
  'resolution_decided',
  'resolution_met',
  'paused_minutes',
  'paused',
];

/**
 * Recomputes insights_attainment_days for the escalations opened on the keys' days (all for an empty
 * `params`; `within` and `keyed` as in refreshEscalationDays), then the months: per space and team, and
 * per team over its spaces (space ALL_SPACES). Escalations whose clock runs are read per request.
 */
async function refreshAttainment(
  manager: EntityManager,
  params: unknown[],
  within: string,
  keyed: string,
  months: string[] | null,
): Promise<void> {
  const all = params.length === 0;
  await manager.query(
    `DELETE FROM insights_attainment_days ${all ? '' : `WHERE (day, space_id, team_id) IN (SELECT * FROM unnest($1::date[], $2::bigint[], $3::bigint[])) AND $4::date <= $5::date`}`,
    params,
  );
  await manager.query(
    `INSERT INTO insights_attainment_days (day, space_id, team_id, priority, ${ATTAINMENT_SUMS.join(', ')})
     SELECT m.day, m.space_id, m.team_id, m.priority, count(*)::int, count(*) FILTER (WHERE m.first_response_decided)::int,
       count(*) FILTER (WHERE m.first_response_met)::int, count(*) FILTER (WHERE m.resolution_decided)::int,
       count(*) FILTER (WHERE m.resolution_met)::int, sum(m.paused_minutes)::int, count(*) FILTER (WHERE m.paused)::int
     FROM (SELECT ${DAY('f.created_at')} AS day, f.* FROM insights_escalations f WHERE ${within}) m ${keyed}
     GROUP BY 1, 2, 3, 4`,
    params,
  );
  if (months?.length === 0) return;
  const which = months === null ? 'true' : `${MONTH('d.day')} = ANY($1::date[])`;
  await manager.query(
    `DELETE FROM insights_attainment_months WHERE ${months === null ? 'true' : 'month = ANY($1::date[])'}`,
    months === null ? [] : [months],
  );
  await manager.query(
    `INSERT INTO insights_attainment_months (month, space_id, team_id, priority, ${ATTAINMENT_SUMS.join(', ')})
     SELECT ${MONTH('d.day')}, k.space_id, d.team_id, d.priority, ${ATTAINMENT_SUMS.map((c) => `sum(d.${c})::int`).join(', ')}
     FROM insights_attainment_days d CROSS JOIN LATERAL (VALUES (d.space_id), (${ALL_SPACES})) k(space_id)
     WHERE ${which} GROUP BY 1, 2, 3, 4`,
    months === null ? [] : [months],
  );
}

/** The UTC days (YYYY-MM-DD) of events matching `where` in deflection_events (alias x). */
const deflectionDays = (where: string) =>
  `SELECT DISTINCT to_char(${DAY('x.created_at')}, 'YYYY-MM-DD') AS day FROM deflection_events x WHERE ${where}`;
/** Ask sessions with an open on days $1, or listed as spanning one of them. */
const SESSIONS_ON_DAYS = `SELECT x.ask_session FROM unnest($1::date[]) k(day)
    JOIN deflection_events x ON x.created_at >= k.day::timestamp AT TIME ZONE 'UTC' AND x.created_at < (k.day + 1)::timestamp AT TIME ZONE 'UTC'
  UNION
  SELECT s.ask_session FROM insights_deflection_spanning s JOIN unnest($1::date[]) k(day)
    ON k.day BETWEEN ${DAY('s.first_at')} AND ${DAY('s.last_at')}`;

/** The days of the suggestion opens of these questions (whose space or language may have changed). */
export async function deflectionDaysOf(manager: EntityManager, questionIds: readonly string[]): Promise<string[]> {
  if (questionIds.length === 0) return [];
  const rows: { day: string }[] = await manager.query(deflectionDays('x.question_id = ANY($1::bigint[])'), [questionIds]);
  return rows.map((r) => r.day);
}

/** The language of the deflection roll-up rows over all languages. */
export const ANY_LANGUAGE = '*';

/**
 * Each ask session's suggestion opens per UTC day and filter it counts in (alias o, one row per open: the
 * question's space, that space's team, language): over all spaces, in its space and in its space's team,
 * each in its language and in any — and whether the session asked on that day in that filter.
 */
const sessionDays = (sessions: string) => `SELECT o.ask_session, k.space_id, k.team_id, l.language, o.day, bool_or(o.asked) AS asked FROM (
    SELECT e.ask_session, e.asked, ${DAY('e.created_at')} AS day, coalesce(q.space_id, 0) AS space_id, st.team_id, coalesce(q.language, '') AS language
    FROM deflection_events e LEFT JOIN insights_questions q ON q.question_id = e.question_id LEFT JOIN space_teams st ON st.space_id = q.space_id
    WHERE e.ask_session IN (${sessions})) o
  CROSS JOIN LATERAL (VALUES (${ALL_SPACES}::bigint, ${ALL_SPACES}::bigint), (o.space_id, ${ALL_SPACES}), (${ALL_SPACES}, o.team_id)) k(space_id, team_id)
  CROSS JOIN LATERAL (VALUES (o.language), ('${ANY_LANGUAGE}')) l(language)
  WHERE k.team_id IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5`;

/**
 * Recomputes the deflection roll-up for these UTC days (all for null). Per filter (space, team,
 * language; ALL_SPACES and ANY_LANGUAGE for none) and day: the sessions with an open that day and those
 * of them that asked (insights_deflection_scope_days); per pair of a session's consecutive days with opens,
 * and of its consecutive days on which it asked: how many sessions (insights_deflection_scope_pairs).
 * A run of whole days then counts each session once: its days in the run less its pairs in the run
 * (the days of a session in a run of days are consecutive among its days). insights_deflection_spanning
 * lists the sessions over several days. The days are first widened to every day of the sessions on them,
 * so a session that now spans (or no longer spans) days leaves none of its days counted the old way.
 */
export async function refreshDeflectionDays(manager: EntityManager, dirty: readonly string[] | null): Promise<void> {
  let params: unknown[] = [];
  if (dirty !== null) {
    if (dirty.length === 0) return;
    const wider: { day: string }[] = await manager.query(deflectionDays(`x.ask_session IN (${SESSIONS_ON_DAYS})`), [[...new Set(dirty)]]);
    params = [[...new Set([...dirty, ...wider.map((r) => r.day)])]];
  }
  const sessions = dirty === null ? 'SELECT ask_session FROM deflection_events' : SESSIONS_ON_DAYS;
  const onDays = (column: string) => (dirty === null ? 'true' : `${column} = ANY($1::date[])`);
  for (const table of ['insights_deflection_scope_days', 'insights_deflection_scope_pairs'])
    await manager.query(`DELETE FROM ${table} WHERE ${onDays('day')}`, params);
  const next = `lead(d.day) OVER (PARTITION BY d.ask_session, d.space_id, d.team_id, d.language ORDER BY d.day)`;
  await manager.query(
    `WITH d AS MATERIALIZED (${sessionDays(sessions)}), days AS (
       INSERT INTO insights_deflection_scope_days (space_id, team_id, language, day, sessions, asked)
       SELECT d.space_id, d.team_id, d.language, d.day, count(*)::int, count(*) FILTER (WHERE d.asked)::int FROM d
       WHERE ${onDays('d.day')} GROUP BY 1, 2, 3, 4
     ), pairs AS (
       SELECT d.space_id, d.team_id, d.language, d.day, ${next} AS next_day, 1 AS sessions, 0 AS asked FROM d
       UNION ALL
       SELECT d.space_id, d.team_id, d.language, d.day, ${next}, 0, 1 FROM d WHERE d.asked
     )
     INSERT INTO insights_deflection_scope_pairs (space_id, team_id, language, day, next_day, sessions, asked)
     SELECT p.space_id, p.team_id, p.language, p.day, p.next_day, sum(p.sessions)::int, sum(p.asked)::int FROM pairs p
     WHERE p.next_day IS NOT NULL AND ${onDays('p.day')} GROUP BY 1, 2, 3, 4, 5`,
    params,
  );
  if (dirty === null) await manager.query(`DELETE FROM insights_deflection_spanning`);
  // Rows of sessions that span no longer go; the others are updated in place (one statement cannot delete and insert a key).
  await manager.query(
    `WITH c AS (
       SELECT e.ask_session, min(e.created_at) AS first_at, max(e.created_at) AS last_at FROM deflection_events e
       WHERE e.ask_session IN (${sessions}) GROUP BY e.ask_session HAVING count(DISTINCT ${DAY('e.created_at')}) > 1
     ), gone AS (
       DELETE FROM insights_deflection_spanning s WHERE ${dirty === null ? 'false' : `s.ask_session IN (${SESSIONS_ON_DAYS})`}
         AND NOT EXISTS (SELECT 1 FROM c WHERE c.ask_session = s.ask_session))
     INSERT INTO insights_deflection_spanning (ask_session, first_at, last_at) SELECT ask_session, first_at, last_at FROM c
     ON CONFLICT (ask_session) DO UPDATE SET first_at = excluded.first_at, last_at = excluded.last_at`,
    params,
  );
}

/** Recomputes the deflection days noted by the trigger on deflection_events since the last call. */
async function rollUpDeflection(manager: EntityManager): Promise<number> {
  const rows: { day: string }[] = await manager.query(
    `WITH noted AS (DELETE FROM insights_deflection_dirty RETURNING day) SELECT DISTINCT to_char(day, 'YYYY-MM-DD') AS day FROM noted`,
  );
  await refreshDeflectionDays(
    manager,
    rows.map((r) => r.day),
  );
  return rows.length;
}
