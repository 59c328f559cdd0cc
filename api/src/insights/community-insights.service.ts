import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  BacklogDayModel,
  HotTopicInsightsModel,
  InsightsContributorModel,
  PowerUserInsightsModel,
  TopicRiseModel,
  TrustMovementModel,
  UnansweredByAgeModel,
} from './insights.models';
import { PERIOD_DAYS, QUESTION_SCOPE, SPACE_SCOPE, spaceScope, type Params } from './scope';

/** How many contributors, tags and spaces a list shows. */
const TOP = 10;
/** The fewest questions in the period for a tag or space to count as rising (a jump from 0 to 1 is noise). */
export const MINIMUM_VOLUME = 3;
/** A newcomer who posted on this many distinct UTC days of the period is a regular. */
export const REGULAR_DAYS = 3;

/** Ledger entries that still count: neither a reversal nor reversed (alias e). */
const STANDING = `e.reversal_of IS NULL AND NOT EXISTS (SELECT 1 FROM reputation_events x WHERE x.reversal_of = e.id)`;

/** Where a tag's or a space's questions are grouped: joins and the id/name columns, over `asked` (alias a). */
const TOPIC = {
  tag: {
    from: 'asked a JOIN question_tags qt ON qt.question_id = a.id JOIN tags t ON t.id = qt.tag_id',
    id: 't.id',
    name: 't.slug',
  },
  space: { from: 'asked a JOIN spaces s ON s.id = a.space_id', id: 's.id', name: 's.name' },
} as const;

/**
 * The community side of reporting: who carried it, where volume rises, what waits for an answer, and
 * the escalation backlog. Each figure is one statement over index ranges of the period (or of what is
 * open now), in the same filter as the rest of the insights.
 */
@Injectable()
export class CommunityInsightsService {
  constructor(private readonly dataSource: DataSource) {}

  async powerUsers(params: Params): Promise<PowerUserInsightsModel> {
    const [contributors, newcomers, trustMovement] = await Promise.all([
      this.contributors(params),
      this.newcomers(params),
      this.trustMovement(params),
    ]);
    return { contributors, ...newcomers, trustMovement };
  }

  async hotTopics(params: Params): Promise<HotTopicInsightsModel> {
    const [tags, spaces, unansweredByAge] = await Promise.all([
      this.rising(params, 'tag'),
      this.rising(params, 'space'),
      this.unansweredByAge(params),
    ]);
    return { tags, spaces, minimumVolume: MINIMUM_VOLUME, unansweredByAge };
  }

  /**
   * Escalations open at the end of each day: those open when the period began, plus the ones opened,
   * less the ones resolved, day by day. Reads only escalations open at some time of the period
   * (escalations_queue_idx for the open ones, escalations_resolved_idx for the rest).
   */
  async backlog(params: Params): Promise<BacklogDayModel[]> {
    const [from, to, space, team] = params;
    return (await this.dataSource.query(
      `WITH days AS (${PERIOD_DAYS}), open AS (
         SELECT e.created_at, e.resolved_at FROM escalations e JOIN questions q ON q.id = e.question_id
         WHERE e.created_at < $2 AND (e.status <> 'resolved' OR e.resolved_at >= $1)
           AND ($3::bigint IS NULL OR q.space_id = $3::bigint) AND ($4::bigint IS NULL OR e.team_id = $4::bigint)
       ), moves AS (
         SELECT date_trunc('day', created_at AT TIME ZONE 'UTC') AS day, 1 AS delta FROM open WHERE created_at >= $1
         UNION ALL
         SELECT date_trunc('day', resolved_at AT TIME ZONE 'UTC'), -1 FROM open WHERE resolved_at < $2
       ), per_day AS (SELECT day, sum(delta) AS delta FROM moves GROUP BY day)
       SELECT to_char(days.day, 'YYYY-MM-DD') AS day,
         ((SELECT count(*) FROM open WHERE created_at < $1) + sum(coalesce(per_day.delta, 0)) OVER (ORDER BY days.day))::int AS open
       FROM days LEFT JOIN per_day USING (day) ORDER BY days.day`,
      [from, to, space, team],
    )) as BacklogDayModel[];
  }

  /** Members by accepted, verified and upvoted answers in the period (reputation_events_created_idx). */
  private async contributors([from, to, space, team]: Params): Promise<InsightsContributorModel[]> {
    const rows = (await this.dataSource.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName",
         count(*) FILTER (WHERE e.kind = 'answer.accepted')::int AS "answersAccepted",
         count(*) FILTER (WHERE e.kind = 'answer.verified')::int AS "answersVerified",
         count(DISTINCT e.subject_id) FILTER (WHERE e.kind = 'answer.upvoted')::int AS "helpfulAnswers"
       FROM reputation_events e JOIN users u ON u.id = e.user_id AND u.role = 'member'
       WHERE e.created_at >= $1 AND e.created_at < $2 AND e.kind IN ('answer.accepted', 'answer.verified', 'answer.upvoted')
         AND ${STANDING}
         AND ($3::bigint IS NULL OR e.space_id = $3::bigint)
         AND ($4::bigint IS NULL OR e.space_id IN (SELECT st.space_id FROM space_teams st WHERE st.team_id = $4::bigint))
       GROUP BY u.id, u.display_name
       ORDER BY 3 DESC, 4 DESC, 5 DESC, u.display_name, u.id
       LIMIT ${TOP}`,
      [from, to, space, team],
    )) as InsightsContributorModel[];
    return rows.map((row) => ({ ...row, userId: String(row.userId) }));
  }

  /**
   * Members whose first post anywhere (question or answer, any state) falls in the period, and of those
   * the ones who posted on at least REGULAR_DAYS distinct UTC days of it, in the filtered spaces.
   */
  private async newcomers([from, to, space, team]: Params): Promise<{ newcomers: number; regulars: number }> {
    const [row] = (await this.dataSource.query(
      `WITH posts AS (
         SELECT q.author_id, q.created_at FROM questions q WHERE ${QUESTION_SCOPE}
         UNION ALL
         SELECT a.author_id, a.created_at FROM answers a JOIN questions q ON q.id = a.question_id
         WHERE a.created_at >= $1 AND a.created_at < $2 AND a.moderation_state <> 'deleted' AND ${SPACE_SCOPE}
       ), authors AS (
         SELECT p.author_id, count(DISTINCT date_trunc('day', p.created_at AT TIME ZONE 'UTC')) AS days
         FROM posts p JOIN users u ON u.id = p.author_id AND u.role = 'member' GROUP BY p.author_id
       )
       SELECT count(*)::int AS newcomers, count(*) FILTER (WHERE days >= ${REGULAR_DAYS})::int AS regulars
       FROM authors s
       WHERE NOT EXISTS (SELECT 1 FROM questions q WHERE q.author_id = s.author_id AND q.created_at < $1)
         AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.author_id = s.author_id AND a.created_at < $1)`,
      [from, to, space, team],
    )) as { newcomers: number; regulars: number }[];
    return row!;
  }

  /**
   * Community-wide (a trust level is not per space): penalties that hold levels down, and staff pins.
   * Rule promotions change users.trust_level in place without a date, so they cannot be counted here.
   */
  private async trustMovement([from, to]: Params): Promise<TrustMovementModel> {
    const [row] = (await this.dataSource.query(
      `SELECT count(DISTINCT e.user_id) FILTER (WHERE e.kind = 'penalty.warning')::int AS warned,
         count(DISTINCT e.user_id) FILTER (WHERE e.kind = 'penalty.suspension')::int AS suspended,
         (SELECT count(*) FROM audit_log l WHERE l.action = 'user.trustLevelPinned' AND l.created_at >= $1 AND l.created_at < $2)::int AS pinned,
         (SELECT count(*) FROM audit_log l WHERE l.action = 'user.trustLevelReleased' AND l.created_at >= $1 AND l.created_at < $2)::int AS released
       FROM reputation_events e
       WHERE e.created_at >= $1 AND e.created_at < $2 AND e.kind IN ('penalty.warning', 'penalty.suspension') AND ${STANDING}`,
      [from, to],
    )) as TrustMovementModel[];
    return row!;
  }

  /**
   * Tags or spaces with more questions in the period than in the equally long period before it, at
   * least MINIMUM_VOLUME in the period, the largest rise first (one range of questions_created_idx).
   */
  private async rising([from, to, space, team]: Params, by: keyof typeof TOPIC): Promise<TopicRiseModel[]> {
    const topic = TOPIC[by];
    const rows = (await this.dataSource.query(
      `WITH asked AS (
         SELECT q.id, q.space_id, q.created_at >= $1 AS current FROM questions q
         WHERE q.created_at >= $1::timestamptz - ($2::timestamptz - $1::timestamptz) AND q.created_at < $2
           AND q.moderation_state <> 'deleted' AND ${SPACE_SCOPE}
       )
       SELECT ${topic.id} AS id, ${topic.name} AS name,
         count(*) FILTER (WHERE a.current)::int AS questions, count(*) FILTER (WHERE NOT a.current)::int AS "previousQuestions"
       FROM ${topic.from}
       GROUP BY ${topic.id}, ${topic.name}
       HAVING count(*) FILTER (WHERE a.current) >= $5 AND count(*) FILTER (WHERE a.current) > count(*) FILTER (WHERE NOT a.current)
       ORDER BY count(*) FILTER (WHERE a.current) - count(*) FILTER (WHERE NOT a.current) DESC, 3 DESC, 2
       LIMIT ${TOP}`,
      [from, to, space, team, MINIMUM_VOLUME],
    )) as TopicRiseModel[];
    return rows.map((row) => ({ ...row, id: String(row.id) }));
  }

  /** Open questions without an answer now, by age at `now` (the partial questions_unanswered_idx). */
  private async unansweredByAge([, , space, team, now]: Params): Promise<UnansweredByAgeModel> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE q.created_at > $3::timestamptz - interval '1 day')::int AS "underOneDay",
         count(*) FILTER (WHERE q.created_at <= $3::timestamptz - interval '1 day' AND q.created_at > $3::timestamptz - interval '3 days')::int AS "oneToThreeDays",
         count(*) FILTER (WHERE q.created_at <= $3::timestamptz - interval '3 days' AND q.created_at > $3::timestamptz - interval '7 days')::int AS "threeToSevenDays",
         count(*) FILTER (WHERE q.created_at <= $3::timestamptz - interval '7 days')::int AS "overSevenDays"
       FROM questions q
       WHERE q.status = 'open' AND q.answer_count = 0 AND q.moderation_state <> 'deleted' AND q.created_at <= $3 AND ${spaceScope(1, 2)}`,
      [space, team, now],
    )) as UnansweredByAgeModel[];
    return row!;
  }
}
