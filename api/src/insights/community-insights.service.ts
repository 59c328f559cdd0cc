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
import { ALL_SPACES, REGULAR_DAYS, STANDING } from './daily-rollups';
import {
  PERIOD_DAYS,
  TEAM_SCOPE,
  edgeRows,
  languageScope,
  monthScope,
  rangeParams,
  rollupScope,
  spaceScope,
  splitDays,
  splitMonths,
  splitParams,
  type Params,
} from './scope';

/** A period as parameters: day range starts and ends, edge starts and ends, month range starts and ends. */
function wholeAndEdges(from: Date, to: Date): unknown[] {
  const split = splitDays(from, to);
  const { days, months } = splitMonths(split);
  return [...rangeParams(days), split.edges.map(([start]) => start), split.edges.map(([, end]) => end), ...rangeParams(months)];
}

/** How many contributors, tags and spaces a list shows. */
const TOP = 10;
/** The fewest questions in the period for a tag or space to count as rising (a jump from 0 to 1 is noise). */
export const MINIMUM_VOLUME = 3;
export { REGULAR_DAYS } from './daily-rollups';

/** Where a tag's or a space's questions are counted: the daily roll-up and its count, the facts' ids, and the name. */
const TOPIC = {
  tag: {
    days: 'insights_topic_days',
    months: 'insights_topic_months',
    count: 'questions',
    id: 'tag_id',
    facts: 'unnest(f.tag_ids)',
    names: 'tags n',
    name: 'n.slug',
  },
  space: {
    days: 'insights_question_days',
    months: 'insights_question_months',
    count: 'asked',
    id: 'space_id',
    facts: 'unnest(ARRAY[f.space_id])',
    names: 'spaces n',
    name: 'n.name',
  },
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
   * Escalations open at the end of each day (at `to` for a last partial day): all opened before it less
   * all closed before it, as running sums over the daily roll-up (`insights_escalation_days`, the whole
   * history of the filtered spaces and team: a row per day, space and team) and the facts of a last partial day.
   */
  async backlog([from, to, space, team]: Params): Promise<BacklogDayModel[]> {
    const { endDay } = splitDays(from, to);
    const lastDayStart = new Date(Math.max(from.getTime(), Date.parse(`${endDay}T00:00:00Z`)));
    return (await this.dataSource.query(
      `WITH days AS (${PERIOD_DAYS}), moves AS (
         SELECT d.day::timestamp AS day, d.opened - d.closed AS delta FROM insights_escalation_days d WHERE d.day < $5::date AND ${TEAM_SCOPE('d')}
         UNION ALL
         SELECT date_trunc('day', f.created_at AT TIME ZONE 'UTC'), 1 FROM insights_escalations f
         WHERE f.created_at >= $6 AND f.created_at < $2 AND ${TEAM_SCOPE('f')}
         UNION ALL
         SELECT date_trunc('day', f.closed_at AT TIME ZONE 'UTC'), -1 FROM insights_escalations f
         WHERE f.closed_at >= $6 AND f.closed_at < $2 AND ${TEAM_SCOPE('f')}
       ), per_day AS (SELECT day, sum(delta) AS delta FROM moves GROUP BY day)
       SELECT to_char(days.day, 'YYYY-MM-DD') AS day,
         ((SELECT coalesce(sum(delta), 0) FROM per_day WHERE per_day.day < (SELECT min(day) FROM days))
           + sum(coalesce(per_day.delta, 0)) OVER (ORDER BY days.day))::int AS open
       FROM days LEFT JOIN per_day USING (day) ORDER BY days.day`,
      [from, to, space, team, endDay, lastDayStart],
    )) as BacklogDayModel[];
  }

  /**
   * Members by accepted, verified and upvoted answers in the period: whole months from the monthly
   * ledger roll-up (`insights_ledger_months`), the other whole days from the daily one
   * (`insights_ledger_days`), the parts of a day at either end from the ledger (reputation_events_created_idx).
   * Accepted and verified are summed from the rows that have any (a covering index each, no arrays
   * read); distinct upvoted answers are counted only for the members who can still be listed: those
   * level with or above the tenth, or everybody with an upvoted answer when fewer than ten members had
   * an answer accepted or verified.
   */
  private async contributors([from, to, space, team]: Params): Promise<InsightsContributorModel[]> {
    const ledgerRows = (columns: (l: string) => string, where: (l: string) => string) => `
         SELECT ${columns('l')} FROM unnest($5::date[], $6::date[]) r(a, b) JOIN insights_ledger_days l ON l.day >= r.a AND l.day < r.b
         WHERE ${where('l')} AND ${rollupScope('l')}
         UNION ALL
         SELECT ${columns('l')} FROM unnest($9::date[], $10::date[]) r(a, b) JOIN insights_ledger_months l ON l.month >= r.a AND l.month < r.b
         WHERE ${where('l')} AND ${monthScope('l', space, team)}`;
    const edges = (kinds: string) => `
         FROM ${edgeRows('unnest($7::timestamptz[], $8::timestamptz[]) r(a, b)', 'reputation_events', 'e')}
         WHERE e.created_at >= $1 AND e.created_at < $2 AND e.kind IN (${kinds}) AND ${STANDING} AND ${rollupScope('e')}`;
    const rows = (await this.dataSource.query(
      `WITH counted AS (
         ${ledgerRows(
           (l) => `${l}.user_id, ${l}.accepted, ${l}.verified`,
           (l) => `(${l}.accepted > 0 OR ${l}.verified > 0)`,
         )}
         UNION ALL
         SELECT e.user_id, (e.kind = 'answer.accepted')::int, (e.kind = 'answer.verified')::int ${edges(`'answer.accepted', 'answer.verified'`)}
       ), totals AS (
         -- Staff left out by their few ids (a join with every member cost more than the sums).
         SELECT user_id, sum(accepted)::int AS accepted, sum(verified)::int AS verified FROM counted
         WHERE user_id NOT IN (SELECT s.id FROM users s WHERE s.role <> 'member') GROUP BY user_id
       ), tenth AS (
         SELECT accepted, verified FROM totals ORDER BY accepted DESC, verified DESC OFFSET ${TOP - 1} LIMIT 1
       ), candidates AS (
         SELECT t.user_id FROM totals t WHERE NOT EXISTS (SELECT 1 FROM tenth) OR (t.accepted, t.verified) >= (SELECT accepted, verified FROM tenth)
       ), upvoted AS (
         -- Two forms of the same rows, one of them empty: the candidates' rows by user_id, or everybody's.
         ${ledgerRows(
           (l) => `${l}.user_id, ${l}.upvoted_answers`,
           (l) =>
             `cardinality(${l}.upvoted_answers) > 0 AND ${l}.user_id = ANY(ARRAY(SELECT user_id FROM candidates)) AND EXISTS (SELECT 1 FROM tenth)`,
         )}
         UNION ALL
         ${ledgerRows(
           (l) => `${l}.user_id, ${l}.upvoted_answers`,
           (l) => `cardinality(${l}.upvoted_answers) > 0 AND NOT EXISTS (SELECT 1 FROM tenth)`,
         )}
         UNION ALL
         SELECT e.user_id, ARRAY[e.subject_id] ${edges(`'answer.upvoted'`)}
           AND (NOT EXISTS (SELECT 1 FROM tenth) OR e.user_id = ANY(ARRAY(SELECT user_id FROM candidates)))
       ), helpful AS (
         SELECT p.user_id, count(DISTINCT a)::int AS n FROM upvoted p CROSS JOIN unnest(p.upvoted_answers) a GROUP BY p.user_id
       )
       SELECT c.user_id AS "userId", u.display_name AS "displayName", coalesce(t.accepted, 0) AS "answersAccepted",
         coalesce(t.verified, 0) AS "answersVerified", coalesce(h.n, 0) AS "helpfulAnswers"
       FROM (SELECT user_id FROM candidates UNION SELECT user_id FROM helpful) c
       JOIN users u ON u.id = c.user_id AND u.role = 'member'
       LEFT JOIN totals t ON t.user_id = c.user_id LEFT JOIN helpful h ON h.user_id = c.user_id
       WHERE t.accepted > 0 OR t.verified > 0 OR h.n > 0
       ORDER BY 3 DESC, 4 DESC, 5 DESC, u.display_name, c.user_id
       LIMIT ${TOP}`,
      [from, to, space, team, ...wholeAndEdges(from, to)],
    )) as InsightsContributorModel[];
    return rows.map((row) => ({ ...row, userId: String(row.userId) }));
  }

  /**
   * Members whose first post anywhere (question or answer, any state) falls in the period, and of those
   * the ones who posted on at least REGULAR_DAYS distinct UTC days of it, in the filtered spaces. A
   * newcomer posted nothing before the period, so their posting days in it are their first ones, kept
   * sorted per filter row with the first post (`insights_first_posts` over all spaces,
   * `insights_member_spaces`, `insights_member_teams`): one index range of first posts, and the first
   * and REGULAR_DAYS-th day compared with the end. Staff are subtracted (a role is read as it is now).
   */
  private async newcomers([from, to, space, team]: Params): Promise<{ newcomers: number; regulars: number }> {
    const [table, scope] =
      space === null && team === null
        ? ['insights_first_posts', 'true']
        : space === null
          ? ['insights_member_teams', 'm.team_id = $4::bigint AND $3::bigint IS NULL']
          : ['insights_member_spaces', `m.space_id = $3::bigint AND ${rollupScope('m')}`];
    const counts = (rows: string, where: string) =>
      `SELECT count(*) FILTER (WHERE m.first_days[1] < $2) AS newcomers, count(*) FILTER (WHERE m.first_days[${REGULAR_DAYS}] < $2) AS regulars
       FROM ${rows} WHERE ${where} AND ${scope} AND m.first_post_at >= $1 AND m.first_post_at < $2`;
    const [row] = (await this.dataSource.query(
      `SELECT (a.newcomers - s.newcomers)::int AS newcomers, (a.regulars - s.regulars)::int AS regulars
       FROM (${counts(`${table} m`, 'true')}) a,
         (${counts(`users u JOIN ${table} m ON m.user_id = u.id`, `u.role <> 'member'`)}) s`,
      space === null && team === null ? [from, to] : [from, to, space, team],
    )) as { newcomers: number; regulars: number }[];
    return row!;
  }

  /**
   * Community-wide (a trust level is not per space): penalties that hold levels down, and staff pins.
   * Rule promotions change users.trust_level in place without a date, so they cannot be counted here.
   */
  private async trustMovement([from, to]: Params): Promise<TrustMovementModel> {
    const [row] = (await this.dataSource.query(
      `WITH penalties AS (
         SELECT l.user_id, l.warned, l.suspended FROM insights_ledger_days l
         WHERE l.day >= $3::date AND l.day < $4::date AND (l.warned OR l.suspended)
         UNION ALL
         SELECT e.user_id, e.kind = 'penalty.warning', e.kind = 'penalty.suspension'
         FROM ${edgeRows('unnest($5::timestamptz[], $6::timestamptz[]) r(a, b)', 'reputation_events', 'e')}
         WHERE e.created_at >= $1 AND e.created_at < $2 AND e.kind IN ('penalty.warning', 'penalty.suspension') AND ${STANDING}
       )
       SELECT count(DISTINCT p.user_id) FILTER (WHERE p.warned)::int AS warned,
         count(DISTINCT p.user_id) FILTER (WHERE p.suspended)::int AS suspended,
         (SELECT count(*) FROM audit_log l WHERE l.action = 'user.trustLevelPinned' AND l.created_at >= $1 AND l.created_at < $2)::int AS pinned,
         (SELECT count(*) FROM audit_log l WHERE l.action = 'user.trustLevelReleased' AND l.created_at >= $1 AND l.created_at < $2)::int AS released
       FROM penalties p`,
      [from, to, ...splitParams(splitDays(from, to))],
    )) as TrustMovementModel[];
    return row!;
  }

  /**
   * Tags or spaces with more questions in the period than in the equally long period before it, at
   * least MINIMUM_VOLUME in the period, the largest rise first (one range of questions_created_idx).
   */
  private async rising([from, to, space, team, , language]: Params, by: keyof typeof TOPIC): Promise<TopicRiseModel[]> {
    const topic = TOPIC[by];
    const current = splitDays(from, to);
    const previous = splitDays(new Date(2 * from.getTime() - to.getTime()), from);
    const edges = [...current.edges.map((e) => [...e, true] as const), ...previous.edges.map((e) => [...e, false] as const)];
    // Whole days and whole months of both periods: [start, end, current, monthly] (spaces from the per-space monthly rows).
    const ranges = [current, previous].flatMap((split, i) => {
      const { days, months } = splitMonths(split);
      return [...days.map(([a, b]) => [a, b, i === 0, false] as const), ...months.map(([a, b]) => [a, b, i === 0, true] as const)];
    });
    // One index range per range (OFFSET 0 keeps the subquery per range): the planner had scanned every daily row for the few days at the ends.
    const ranged = (table: string, column: string, where: string) =>
      `unnest($5::date[], $6::date[], $7::boolean[], $8::boolean[]) r(a, b, current, monthly)
       CROSS JOIN LATERAL (SELECT * FROM ${table} x WHERE ${column === 'month' ? '' : 'NOT '}r.monthly AND x.${column} >= r.a AND x.${column} < r.b
         AND ${where} AND ${languageScope('x', 13)} OFFSET 0) d`;
    // Tags: the rows over all spaces without a filter, by day and by month; spaces: their own rows.
    const monthRows = by === 'space' ? `x.space_id <> ${ALL_SPACES} AND ${rollupScope('x')}` : monthScope('x', space, team);
    const dayRows = by === 'space' ? rollupScope('x') : monthScope('x', space, team);
    const rows = (await this.dataSource.query(
      `WITH asked AS (
         SELECT d.${topic.id} AS id, r.current, sum(d.${topic.count}) AS n FROM ${ranged(topic.days, 'day', dayRows)}
         GROUP BY 1, 2
         UNION ALL
         SELECT d.${topic.id}, r.current, sum(d.${topic.count}) FROM ${ranged(topic.months, 'month', monthRows)}
         GROUP BY 1, 2
         UNION ALL
         SELECT x.id, r.current, count(*)
         FROM ${edgeRows('unnest($9::timestamptz[], $10::timestamptz[], $11::boolean[]) r(a, b, current)', 'insights_questions', 'f')}
         CROSS JOIN LATERAL ${topic.facts} x(id)
         WHERE NOT f.deleted AND f.created_at >= $1::timestamptz - ($2::timestamptz - $1::timestamptz) AND f.created_at < $2 AND ${rollupScope('f')}
           AND ${languageScope('f', 13)}
         GROUP BY 1, 2
       ), rising AS (
         SELECT a.id, coalesce(sum(a.n) FILTER (WHERE a.current), 0)::int AS questions, coalesce(sum(a.n) FILTER (WHERE NOT a.current), 0)::int AS previous
         FROM asked a GROUP BY a.id
       )
       SELECT r.id, ${topic.name} AS name, r.questions, r.previous AS "previousQuestions"
       FROM rising r JOIN ${topic.names} ON n.id = r.id
       WHERE r.questions >= $12 AND r.questions > r.previous
       ORDER BY r.questions - r.previous DESC, 3 DESC, 2
       LIMIT ${TOP}`,
      [
        from,
        to,
        space,
        team,
        ranges.map((r) => r[0]),
        ranges.map((r) => r[1]),
        ranges.map((r) => r[2]),
        ranges.map((r) => r[3]),
        edges.map((e) => e[0]),
        edges.map((e) => e[1]),
        edges.map((e) => e[2]),
        MINIMUM_VOLUME,
        language,
      ],
    )) as TopicRiseModel[];
    return rows.map((row) => ({ ...row, id: String(row.id) }));
  }

  /** Open questions without an answer now, by age at `now` (the partial questions_unanswered_idx). */
  private async unansweredByAge([, , space, team, now, language]: Params): Promise<UnansweredByAgeModel> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE q.created_at > $3::timestamptz - interval '1 day')::int AS "underOneDay",
         count(*) FILTER (WHERE q.created_at <= $3::timestamptz - interval '1 day' AND q.created_at > $3::timestamptz - interval '3 days')::int AS "oneToThreeDays",
         count(*) FILTER (WHERE q.created_at <= $3::timestamptz - interval '3 days' AND q.created_at > $3::timestamptz - interval '7 days')::int AS "threeToSevenDays",
         count(*) FILTER (WHERE q.created_at <= $3::timestamptz - interval '7 days')::int AS "overSevenDays"
       FROM questions q
       WHERE q.status = 'open' AND q.answer_count = 0 AND q.moderation_state <> 'deleted' AND q.created_at <= $3 AND ${spaceScope(1, 2)}
         AND ${languageScope('q', 4)}`,
      [space, team, now, language],
    )) as UnansweredByAgeModel[];
    return row!;
  }
}
