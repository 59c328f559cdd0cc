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
import { ESCALATION_SCOPE, PERIOD_DAYS, QUESTION_SCOPE, SPACE_SCOPE, type Params } from './scope';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The longest period one request may cover. */
export const MAX_PERIOD_DAYS = 366;

const minutes = (value: string | number | null): number | null => (value === null ? null : Number(value));

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
    return [from, to, filter.spaceId || null, filter.teamId || null, now];
  }

  /**
   * Reads the per-question facts (`insights_questions`, one index range per period): counts and medians
   * are exact over the period's questions, as fresh as the roll-up worker (seconds behind the outbox).
   */
  async selfService(params: Params): Promise<SelfServiceInsightsModel> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS asked,
         count(*) FILTER (WHERE status = 'solved')::int AS solved,
         count(*) FILTER (WHERE status = 'solved' AND accepted_role = 'member' AND first_staff_at IS NULL AND NOT escalated)::int AS solved_without_staff,
         count(*) FILTER (WHERE first_community_at IS NOT NULL AND (first_staff_at IS NULL OR first_community_at <= first_staff_at))::int AS by_community,
         count(*) FILTER (WHERE first_staff_at IS NOT NULL AND (first_community_at IS NULL OR first_staff_at < first_community_at))::int AS by_staff,
         count(*) FILTER (WHERE first_community_at IS NULL AND first_staff_at IS NULL)::int AS unanswered,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_community_at - created_at) / 60) AS first_community_minutes,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_staff_at - created_at) / 60) AS first_staff_minutes,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM solved_at - created_at) / 60)
           FILTER (WHERE status = 'solved' AND accepted_role = 'member') AS accepted_community_minutes,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM solved_at - created_at) / 60)
           FILTER (WHERE status = 'solved' AND accepted_role <> 'member') AS accepted_staff_minutes
       FROM insights_questions q
       WHERE q.created_at >= $1 AND q.created_at < $2 AND NOT q.deleted AND ${SPACE_SCOPE} AND $5::timestamptz IS NOT NULL`,
      params,
    )) as Record<string, string | number | null>[];
    const [deflection] = (await this.dataSource.query(
      `SELECT count(*)::int AS sessions, count(*) FILTER (WHERE NOT asked)::int AS deflected
       FROM (SELECT d.ask_session, bool_or(d.asked) AS asked
             FROM deflection_events d JOIN questions q ON q.id = d.question_id
             WHERE d.created_at >= $1 AND d.created_at < $2 AND ${SPACE_SCOPE} AND $5::timestamptz IS NOT NULL
             GROUP BY d.ask_session) s`,
      params,
    )) as { sessions: number; deflected: number }[];
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
    // Attainment reads the due times the escalation clocks wrote (business time, pauses included).
    // A target is decided once met, marked breached, or its due time passed (a pause stops the clock).
    const rows = (await this.dataSource.query(
      `SELECT e.team_id, t.name AS team_name, e.priority, count(*)::int AS opened,
         count(*) FILTER (WHERE e.first_responded_at IS NOT NULL OR e.first_response_breached_at IS NOT NULL
           OR coalesce(e.paused_at, $5) > e.first_response_due_at)::int AS fr_decided,
         count(*) FILTER (WHERE e.first_responded_at IS NOT NULL AND e.first_responded_at <= e.first_response_due_at
           AND e.first_response_breached_at IS NULL)::int AS fr_met,
         count(*) FILTER (WHERE e.resolved_at IS NOT NULL OR e.resolution_breached_at IS NOT NULL
           OR coalesce(e.paused_at, $5) > e.resolution_due_at)::int AS res_decided,
         count(*) FILTER (WHERE e.resolved_at IS NOT NULL AND e.resolved_at <= e.resolution_due_at
           AND e.resolution_breached_at IS NULL)::int AS res_met,
         coalesce(sum(e.paused_business_minutes), 0)::int AS paused_minutes,
         count(*) FILTER (WHERE e.paused_business_minutes > 0 OR e.paused_at IS NOT NULL)::int AS paused
       FROM escalations e JOIN questions q ON q.id = e.question_id JOIN teams t ON t.id = e.team_id
       WHERE ${ESCALATION_SCOPE}
       GROUP BY e.team_id, t.name, e.priority
       ORDER BY t.name, e.team_id, array_position(ARRAY['urgent', 'high', 'normal', 'low']::varchar[], e.priority)`,
      params,
    )) as {
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
    }[];
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
    const durations = await this.businessDurations(params);
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
   * Median and p90 of business minutes to the first response and to resolution, from the roll-up
   * (`insights_escalations`): the team's calendar less the time waited on the customer — the measure
   * the SLA due times are set in (`escalation/sla.ts`: due = start + target + paused business minutes).
   */
  private async businessDurations([from, to, space, team]: Params): Promise<Record<'fr50' | 'fr90' | 'res50' | 'res90', number | null>> {
    const [row] = (await this.dataSource.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY f.first_response_minutes) AS fr50,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY f.first_response_minutes) AS fr90,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY f.resolution_minutes) AS res50,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY f.resolution_minutes) AS res90
       FROM insights_escalations f
       WHERE f.created_at >= $1 AND f.created_at < $2
         AND ($3::bigint IS NULL OR f.space_id = $3::bigint) AND ($4::bigint IS NULL OR f.team_id = $4::bigint)`,
      [from, to, space, team],
    )) as Record<'fr50' | 'fr90' | 'res50' | 'res90', string | number | null>[];
    return { fr50: minutes(row!.fr50), fr90: minutes(row!.fr90), res50: minutes(row!.res50), res90: minutes(row!.res90) };
  }

  async fourEyes(params: Params): Promise<FourEyesInsightsModel> {
    // Decisions are audit entries (audit_log_action_idx over the period); turnaround runs from the
    // draft's last submission (created or edited) before the decision.
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS reviewed,
         count(*) FILTER (WHERE l.action = 'draft.approved')::int AS approved,
         count(*) FILTER (WHERE l.action = 'draft.changes_requested')::int AS changes_requested,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM l.created_at - s.submitted_at) / 60) AS turnaround
       FROM audit_log l
       JOIN staff_drafts d ON d.id = CASE WHEN l.subject_id ~ '^[0-9]{1,18}$' THEN l.subject_id::bigint END
       JOIN questions q ON q.id = d.question_id
       CROSS JOIN LATERAL (
         SELECT max(p.created_at) AS submitted_at FROM audit_log p
         WHERE p.subject_type = 'staff_draft' AND p.subject_id = l.subject_id
           AND p.action IN ('draft.created', 'draft.edited') AND p.created_at <= l.created_at) s
       WHERE l.action IN ('draft.approved', 'draft.changes_requested') AND l.subject_type = 'staff_draft'
         AND l.created_at >= $1 AND l.created_at < $2 AND ${SPACE_SCOPE} AND $5::timestamptz IS NOT NULL`,
      params,
    )) as { reviewed: number; approved: number; changes_requested: number; turnaround: string | number | null }[];
    return {
      reviewed: row!.reviewed,
      approved: row!.approved,
      changesRequested: row!.changes_requested,
      medianTurnaroundMinutes: minutes(row!.turnaround),
    };
  }

  async days(params: Params): Promise<InsightsDayModel[]> {
    return (await this.dataSource.query(
      `WITH days AS (${PERIOD_DAYS}), asked AS (
         SELECT date_trunc('day', q.created_at AT TIME ZONE 'UTC') AS day, count(*)::int AS n
         FROM questions q WHERE ${QUESTION_SCOPE} GROUP BY 1
       ), opened AS (
         SELECT date_trunc('day', e.created_at AT TIME ZONE 'UTC') AS day, count(*)::int AS n
         FROM escalations e JOIN questions q ON q.id = e.question_id WHERE ${ESCALATION_SCOPE} AND $5::timestamptz IS NOT NULL GROUP BY 1
       )
       SELECT to_char(days.day, 'YYYY-MM-DD') AS day, coalesce(asked.n, 0) AS "questionsAsked", coalesce(opened.n, 0) AS "escalationsOpened"
       FROM days LEFT JOIN asked USING (day) LEFT JOIN opened USING (day) ORDER BY days.day`,
      params,
    )) as InsightsDayModel[];
  }
}
