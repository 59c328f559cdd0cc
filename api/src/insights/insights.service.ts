import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { authorize, type Actor } from '../identity/policy';
import { fieldError } from '../platform/errors';
import { isId } from '../platform/ids';
import type {
  FourEyesInsightsModel,
  InsightsPeriod,
  InsightsDayModel,
  InsightsFilter,
  PromiseInsightsModel,
  SelfServiceInsightsModel,
  SlaAttainmentModel,
} from './insights.models';
import { ALL_SPACES, ANY_LANGUAGE, ESCALATION_MINUTES, QUESTION_AGGREGATES, QUESTION_MINUTES, QUESTION_VALUES_OF_F } from './daily-rollups';
import { bucketCounts, bucketSums, countsOf, percentileExpr } from './quantiles';
import {
  LANGUAGES,
  PERIOD_DAYS,
  TEAM_SCOPE,
  edgeRows,
  escalationMonthScope,
  languageScope,
  monthScope,
  rangeParams,
  rollupScope,
  splitDays,
  splitMonths,
  splitParams,
  type Params,
} from './scope';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The longest period one request may cover. */
export const MAX_PERIOD_DAYS = 366;

/** A roll-up's sorted duration arrays with their bucket counts (alias). */
const MINUTES_AND_COUNTS = (alias: string): string => QUESTION_MINUTES.map((c) => `${alias}.${c}, ${alias}.${countsOf(c)}`).join(', ');

const minutes = (value: string | number | null): number | null => (value === null ? null : Number(value));

/** The attainment counts of a roll-up row (alias), named as the promises section sums them. */
const ATTAINMENT_COUNTS = (alias: string) =>
  `${alias}.opened, ${alias}.first_response_decided AS fr_decided, ${alias}.first_response_met AS fr_met, ${alias}.resolution_decided AS res_decided,
   ${alias}.resolution_met AS res_met, ${alias}.paused_minutes, ${alias}.paused`;
/** Suggestion opens of questions (alias q, none for a question gone) in the filtered spaces and language. */
const OPEN_SCOPE = (q: string) => `${rollupScope(q)} AND ${languageScope(q, 9)}`;
/**
 * The question of each open (alias q), looked up one by one: joined, the planner guessed a thousand
 * opens at the ends and hashed every question (~300 ms for ~500 opens).
 */
const QUESTION_OF = (open: string) =>
  `LEFT JOIN LATERAL (SELECT f.space_id, f.language FROM insights_questions f WHERE f.question_id = ${open}.question_id OFFSET 0) q ON true`;
/** Roll-up rows (alias) of the filter: a space's own, else a team's, else over all; in the language or any. */
const DEFLECTION_KEY = (alias: string) => `${alias}.space_id = coalesce($3::bigint, ${ALL_SPACES})
  AND ${alias}.team_id = CASE WHEN $3::bigint IS NULL THEN coalesce($4::bigint, ${ALL_SPACES}) ELSE ${ALL_SPACES} END
  AND ${alias}.language = coalesce($9::varchar, '${ANY_LANGUAGE}')
  AND ($3::bigint IS NULL OR $4::bigint IS NULL OR $3::bigint IN (SELECT st.space_id FROM space_teams st WHERE st.team_id = $4::bigint))`;
const WHOLE_DAYS = `e.created_at >= $5::date::timestamp AT TIME ZONE 'UTC' AND e.created_at < $6::date::timestamp AT TIME ZONE 'UTC'`;

/**
 * Ask sessions that opened a suggestion in the period, in the filter, and those of them that did not
 * ask (deflected). Whole days from the roll-up (`refreshDeflectionDays`): per day the sessions with an
 * open and those that asked, less the pairs of a session's consecutive days within the days, so that
 * each session counts once. Sessions with an open at the parts of a day at either end are counted from
 * their opens in the period instead (their share of the whole days taken out again).
 * Parameters: from, to, space, team, first day, end day, edge starts, edge ends, language.
 */
const DEFLECTION = `WITH whole AS (
    SELECT coalesce(sum(d.sessions), 0) AS sessions, coalesce(sum(d.asked), 0) AS asked FROM insights_deflection_scope_days d
    WHERE ${DEFLECTION_KEY('d')} AND d.day >= $5::date AND d.day < $6::date
  ), joined AS (
    SELECT coalesce(sum(p.sessions), 0) AS sessions, coalesce(sum(p.asked), 0) AS asked FROM insights_deflection_scope_pairs p
    WHERE ${DEFLECTION_KEY('p')} AND p.day >= $5::date AND p.next_day < $6::date
  ), edge_sessions AS (
    SELECT DISTINCT x.ask_session FROM ${edgeRows('unnest($7::timestamptz[], $8::timestamptz[]) r(a, b)', 'deflection_events', 'x')}
    ${QUESTION_OF('x')} WHERE ${OPEN_SCOPE('q')}
  ), edge AS (
    SELECT count(*) AS sessions, count(*) FILTER (WHERE NOT s.asked) AS deflected,
      count(*) FILTER (WHERE s.whole) AS whole_sessions, count(*) FILTER (WHERE s.whole AND NOT s.whole_asked) AS whole_deflected
    FROM (
      SELECT e.ask_session, bool_or(e.asked) AS asked, bool_or(${WHOLE_DAYS}) AS whole,
        coalesce(bool_or(e.asked) FILTER (WHERE ${WHOLE_DAYS}), false) AS whole_asked
      FROM edge_sessions es JOIN deflection_events e ON e.ask_session = es.ask_session
      ${QUESTION_OF('e')}
      WHERE e.created_at >= $1 AND e.created_at < $2 AND ${OPEN_SCOPE('q')}
      GROUP BY e.ask_session) s
  )
  SELECT (whole.sessions - joined.sessions - edge.whole_sessions + edge.sessions)::int AS sessions,
    (whole.sessions - joined.sessions - (whole.asked - joined.asked) - edge.whole_deflected + edge.deflected)::int AS deflected
  FROM whole, joined, edge`;

/**
 * Staff reporting: what the community answers itself and how staff keep their promises. Counts and
 * wall-clock medians are aggregated in SQL over the period's index ranges; business-time durations
 * are rolled up per escalation in each team's calendar, exactly as the SLA clocks count (`escalation-facts.ts`).
 */
@Injectable()
export class InsightsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Checks the actor and the filter; the sections are resolved one by one from the returned period. */
  period(actor: Actor | null, filter: InsightsFilter, now = new Date()): InsightsPeriod {
    authorize(actor, 'insights.read', undefined);
    const params = this.params(filter, now);
    return { from: params[0], to: params[1], params };
  }

  private params(filter: InsightsFilter, now: Date): Params {
    const { from, to } = filter;
    if (Number.isNaN(from.getTime())) throw fieldError('from', 'invalid', 'Not a date.');
    if (Number.isNaN(to.getTime()) || to <= from) throw fieldError('to', 'invalid', 'The end of the period comes after its start.');
    if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS)
      throw fieldError('to', 'too_long', `A period covers at most ${MAX_PERIOD_DAYS} days.`);
    if (filter.spaceId && !isId(filter.spaceId)) throw fieldError('spaceId', 'invalid', 'Not a space id.');
    if (filter.teamId && !isId(filter.teamId)) throw fieldError('teamId', 'invalid', 'Not a team id.');
    const language = filter.language || null;
    if (language !== null && !(LANGUAGES as readonly string[]).includes(language))
      throw fieldError('language', 'invalid', `Not a language of the filter (${LANGUAGES.join(', ')}).`);
    return [from, to, filter.spaceId || null, filter.teamId || null, now, language];
  }

  /**
   * Whole UTC days from the daily roll-up (`insights_question_days`), the parts of a day at either end
   * from the per-question facts: counts are sums, medians exact over every answer time the days keep;
   * as fresh as the roll-up worker (seconds behind the outbox).
   */
  async selfService(params: Params): Promise<SelfServiceInsightsModel> {
    const [from, to, space, team, , language] = params;
    const split = splitDays(from, to);
    const { days, months } = splitMonths(split);
    const buckets = months.length > 0;
    const [[row], [deflection]] = (await Promise.all([
      this.dataSource.query(
        `WITH parts AS (
         SELECT d.asked, d.solved, d.solved_without_staff, d.by_community, d.by_staff, d.unanswered, ${MINUTES_AND_COUNTS('d')}
         FROM unnest($5::date[], $6::date[]) r(a, b) JOIN insights_question_days d ON d.day >= r.a AND d.day < r.b
         WHERE ${rollupScope('d')} AND ${languageScope('d', 9)}
         UNION ALL
         SELECT m.asked, m.solved, m.solved_without_staff, m.by_community, m.by_staff, m.unanswered, ${MINUTES_AND_COUNTS('m')}
         FROM unnest($10::date[], $11::date[]) r(a, b) JOIN insights_question_months m ON m.month >= r.a AND m.month < r.b
         WHERE ${monthScope('m', space, team)} AND ${languageScope('m', 9)}
         UNION ALL
         SELECT e.asked, e.solved, e.solved_without_staff, e.by_community, e.by_staff, e.unanswered,
           ${QUESTION_MINUTES.map((c) => `e.${c}, ${bucketCounts(`e.${c}`)}`).join(', ')} FROM (
           SELECT ${QUESTION_AGGREGATES}
           FROM ${edgeRows('unnest($7::timestamptz[], $8::timestamptz[]) r(a, b)', 'insights_questions', 'f')}
           ${QUESTION_VALUES_OF_F}
           WHERE NOT f.deleted AND f.created_at >= $1 AND f.created_at < $2 AND ${rollupScope('f')} AND ${languageScope('f', 9)}) e
       )${buckets ? `, ${bucketSums(QUESTION_MINUTES)}` : ''}
       SELECT coalesce(sum(asked), 0)::int AS asked, coalesce(sum(solved), 0)::int AS solved,
         coalesce(sum(solved_without_staff), 0)::int AS solved_without_staff, coalesce(sum(by_community), 0)::int AS by_community,
         coalesce(sum(by_staff), 0)::int AS by_staff, coalesce(sum(unanswered), 0)::int AS unanswered,
         ${QUESTION_MINUTES.map((c) => `${percentileExpr({ column: c, p: 0.5 }, buckets)} AS ${c}`).join(', ')}
       FROM parts`,
        [from, to, space, team, ...rangeParams(days), ...splitParams(split).slice(2), language, ...rangeParams(months)],
      ),
      this.dataSource.query(DEFLECTION, [from, to, space, team, ...splitParams(split), language]),
    ])) as [Record<string, string | number | null>[], { sessions: number; deflected: number }[]];
    const r = row!;
    return {
      questionsAsked: Number(r.asked),
      solved: Number(r.solved),
      solvedWithoutStaff: Number(r.solved_without_staff),
      firstAnsweredByCommunity: Number(r.by_community),
      firstAnsweredByStaff: Number(r.by_staff),
      unanswered: Number(r.unanswered),
      medianFirstCommunityAnswerMinutes: minutes(r.first_community_minutes ?? null),
      medianFirstStaffAnswerMinutes: minutes(r.first_staff_minutes ?? null),
      medianAcceptedCommunityAnswerMinutes: minutes(r.accepted_community_minutes ?? null),
      medianAcceptedStaffAnswerMinutes: minutes(r.accepted_staff_minutes ?? null),
      suggestionSessions: deflection!.sessions,
      deflectedSessions: deflection!.deflected,
    };
  }

  async promises(params: Params): Promise<PromiseInsightsModel> {
    // Attainment as the escalation clocks wrote it (business time, pauses included): a target is decided
    // once met, marked breached, or its due time passed (a pause stops the clock). Whole days and months
    // from the roll-ups, the parts of a day at either end from the facts; escalations whose clock runs
    // (open, not yet breached) are decided here against now.
    const [from, to] = params;
    const split = splitDays(from, to);
    const { days, months } = splitMonths(split);
    const sums = ['opened', 'fr_decided', 'fr_met', 'res_decided', 'res_met', 'paused_minutes', 'paused'];
    const attainmentRows = this.dataSource.query(
      `WITH parts AS (
         SELECT d.team_id, d.priority, ${ATTAINMENT_COUNTS('d')}
         FROM unnest($6::date[], $7::date[]) r(a, b) JOIN insights_attainment_days d ON d.day >= r.a AND d.day < r.b
         WHERE ${TEAM_SCOPE('d')}
         UNION ALL
         SELECT m.team_id, m.priority, ${ATTAINMENT_COUNTS('m')}
         FROM unnest($10::date[], $11::date[]) r(a, b) JOIN insights_attainment_months m ON m.month >= r.a AND m.month < r.b
         WHERE m.space_id = coalesce($3::bigint, ${ALL_SPACES}) AND ($4::bigint IS NULL OR m.team_id = $4::bigint)
         UNION ALL
         SELECT f.team_id, f.priority, 1, f.first_response_decided::int, f.first_response_met::int, f.resolution_decided::int,
           f.resolution_met::int, f.paused_minutes, f.paused::int
         FROM ${edgeRows('unnest($8::timestamptz[], $9::timestamptz[]) r(a, b)', 'insights_escalations', 'f')}
         WHERE f.created_at >= $1 AND f.created_at < $2 AND ${TEAM_SCOPE('f')}
         UNION ALL
         SELECT f.team_id, f.priority, 0, (f.first_response_due_at < $5)::int, 0, (f.resolution_due_at < $5)::int, 0, 0, 0
         FROM insights_escalations f
         WHERE (f.first_response_due_at IS NOT NULL OR f.resolution_due_at IS NOT NULL) AND f.created_at >= $1 AND f.created_at < $2
           AND ${TEAM_SCOPE('f')}
       ), attainment AS (
         SELECT p.team_id, p.priority, ${sums.map((c) => `sum(p.${c})::int AS ${c}`).join(', ')} FROM parts p GROUP BY 1, 2
       )
       SELECT a.*, t.name AS team_name FROM attainment a JOIN teams t ON t.id = a.team_id
       ORDER BY t.name, a.team_id, array_position(ARRAY['urgent', 'high', 'normal', 'low']::varchar[], a.priority)`,
      [...params.slice(0, 5), ...rangeParams(days), ...splitParams(split).slice(2), ...rangeParams(months)],
    ) as Promise<
      {
        team_id: string;
        team_name: string;
        priority: string;
        opened: number;
        fr_decided: number;
        fr_met: number;
        res_decided: number;
        res_met: number;
        paused_minutes: number;
        paused: number;
      }[]
    >;
    const [rows, durations] = await Promise.all([attainmentRows, this.businessDurations(params)]);
    const attainment: SlaAttainmentModel[] = rows.map((r) => ({
      teamId: String(r.team_id),
      teamName: r.team_name,
      priority: r.priority,
      opened: r.opened,
      firstResponseDecided: r.fr_decided,
      firstResponseMet: r.fr_met,
      resolutionDecided: r.res_decided,
      resolutionMet: r.res_met,
    }));
    const sum = (pick: (r: (typeof rows)[number]) => number): number => rows.reduce((total, r) => total + pick(r), 0);
    return {
      escalationsOpened: sum((r) => r.opened),
      firstResponseMedian: durations.fr50,
      firstResponseP90: durations.fr90,
      resolutionMedian: durations.res50,
      resolutionP90: durations.res90,
      firstResponseBreaches: sum((r) => r.fr_decided - r.fr_met),
      resolutionBreaches: sum((r) => r.res_decided - r.res_met),
      pausedMinutes: sum((r) => r.paused_minutes),
      escalationsPaused: sum((r) => r.paused),
      attainment,
    };
  }

  /**
   * Median and p90 of business minutes to the first response and to resolution: whole days from the
   * daily roll-up (`insights_escalation_days`), the parts of a day at either end from `insights_escalations`;
   * minutes in the team's calendar less the time waited on the customer — the measure the SLA due times
   * are set in (`escalation/sla.ts`: due = start + target + paused business minutes).
   */
  private async businessDurations([from, to, space, team]: Params): Promise<Record<'fr50' | 'fr90' | 'res50' | 'res90', number | null>> {
    const split = splitDays(from, to);
    const { days, months } = splitMonths(split);
    const [fr, res] = ESCALATION_MINUTES as [string, string];
    const buckets = months.length > 0;
    const [row] = (await this.dataSource.query(
      `WITH parts AS (
         SELECT ${ESCALATION_MINUTES.map((c) => `d.${c}, d.${countsOf(c)}`).join(', ')}
         FROM unnest($5::date[], $6::date[]) r(a, b) JOIN insights_escalation_days d ON d.day >= r.a AND d.day < r.b
         WHERE ${TEAM_SCOPE('d')}
         UNION ALL
         SELECT ${ESCALATION_MINUTES.map((c) => `m.${c}, m.${countsOf(c)}`).join(', ')}
         FROM unnest($9::date[], $10::date[]) r(a, b) JOIN insights_escalation_months m ON m.month >= r.a AND m.month < r.b
         WHERE ${escalationMonthScope('m', space, team)}
         UNION ALL
         SELECT ${ESCALATION_MINUTES.map((c) => `e.${c}, ${bucketCounts(`e.${c}`)}`).join(', ')} FROM (
           SELECT ${ESCALATION_MINUTES.map((c) => `coalesce(array_agg(f.${c} ORDER BY f.${c}) FILTER (WHERE f.${c} IS NOT NULL), '{}') AS ${c}`).join(', ')}
           FROM ${edgeRows('unnest($7::timestamptz[], $8::timestamptz[]) r(a, b)', 'insights_escalations', 'f')}
           WHERE f.created_at >= $1 AND f.created_at < $2 AND ${TEAM_SCOPE('f')}) e
       )${buckets ? `, ${bucketSums(ESCALATION_MINUTES)}` : ''}
       SELECT ${percentileExpr({ column: fr, p: 0.5 }, buckets)} AS fr50, ${percentileExpr({ column: fr, p: 0.9 }, buckets)} AS fr90,
         ${percentileExpr({ column: res, p: 0.5 }, buckets)} AS res50, ${percentileExpr({ column: res, p: 0.9 }, buckets)} AS res90`,
      [from, to, space, team, ...rangeParams(days), ...splitParams(split).slice(2), ...rangeParams(months)],
    )) as Record<'fr50' | 'fr90' | 'res50' | 'res90', string | number | null>[];
    return { fr50: minutes(row!.fr50), fr90: minutes(row!.fr90), res50: minutes(row!.res50), res90: minutes(row!.res90) };
  }

  /** Four-eyes decisions of the period from their roll-up (`insights_reviews`, one row per decision with its turnaround). */
  async fourEyes([from, to, space, team]: Params): Promise<FourEyesInsightsModel> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS reviewed, count(*) FILTER (WHERE r.approved)::int AS approved,
         count(*) FILTER (WHERE NOT r.approved)::int AS changes_requested,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY r.turnaround_minutes) AS turnaround
       FROM insights_reviews r WHERE r.decided_at >= $1 AND r.decided_at < $2 AND ${rollupScope('r')}`,
      [from, to, space, team],
    )) as { reviewed: number; approved: number; changes_requested: number; turnaround: string | number | null }[];
    return {
      reviewed: row!.reviewed,
      approved: row!.approved,
      changesRequested: row!.changes_requested,
      medianTurnaroundMinutes: minutes(row!.turnaround),
    };
  }

  async days([from, to, space, team, , language]: Params): Promise<InsightsDayModel[]> {
    return (await this.dataSource.query(
      `WITH days AS (${PERIOD_DAYS}), asked AS (
         SELECT d.day::timestamp AS day, sum(d.asked) AS n FROM insights_question_days d
         WHERE d.day >= $5::date AND d.day < $6::date AND ${rollupScope('d')} AND ${languageScope('d', 9)} GROUP BY 1
         UNION ALL
         SELECT date_trunc('day', f.created_at AT TIME ZONE 'UTC'), count(*)
         FROM ${edgeRows('unnest($7::timestamptz[], $8::timestamptz[]) r(a, b)', 'insights_questions', 'f')}
         WHERE NOT f.deleted AND f.created_at >= $1 AND f.created_at < $2 AND ${rollupScope('f')} AND ${languageScope('f', 9)} GROUP BY 1
       ), opened AS (
         SELECT d.day::timestamp AS day, sum(d.opened) AS n FROM insights_escalation_days d
         WHERE d.day >= $5::date AND d.day < $6::date AND ${TEAM_SCOPE('d')} GROUP BY 1
         UNION ALL
         SELECT date_trunc('day', f.created_at AT TIME ZONE 'UTC'), count(*)
         FROM ${edgeRows('unnest($7::timestamptz[], $8::timestamptz[]) r(a, b)', 'insights_escalations', 'f')}
         WHERE f.created_at >= $1 AND f.created_at < $2 AND ${TEAM_SCOPE('f')} GROUP BY 1
       )
       SELECT to_char(days.day, 'YYYY-MM-DD') AS day, coalesce(asked.n, 0)::int AS "questionsAsked", coalesce(opened.n, 0)::int AS "escalationsOpened"
       FROM days LEFT JOIN asked USING (day) LEFT JOIN opened USING (day) ORDER BY days.day`,
      [from, to, space, team, ...splitParams(splitDays(from, to)), language],
    )) as InsightsDayModel[];
  }
}
