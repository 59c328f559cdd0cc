import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import type { InsightsFilter, InsightsQuery } from '#lib/graphql/generated.ts';
import type { MessageKey, Translate } from '#lib/i18n/index.ts';

/** What the insights page shows, as the api answers it. */
export type InsightsData = InsightsQuery['insights'];

const DAY_MS = 24 * 60 * 60 * 1000;
/** The default period: the last 30 days, today included. */
export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 366;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filter as it stands in the URL: dates (YYYY-MM-DD, `to` inclusive, UTC days), space and team ids, the questions' language. */
export interface InsightsFilterValues {
  from: string;
  to: string;
  space: string;
  team: string;
  language?: InsightsLanguage;
}

/** The languages the filter offers (questions.language). */
export const INSIGHTS_LANGUAGES = ['de', 'en'] as const;
export type InsightsLanguage = (typeof INSIGHTS_LANGUAGES)[number];
const isLanguage = (value: string | null): value is InsightsLanguage => (INSIGHTS_LANGUAGES as readonly (string | null)[]).includes(value);

const isoDay = (time: number): string => new Date(time).toISOString().slice(0, 10);
const dayStart = (day: string): number => (DATE.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN);

/** Reads the filter from the query string; anything missing or invalid falls back to the last 30 days. */
export function readInsightsFilter(params: URLSearchParams, now = Date.now()): { values: InsightsFilterValues; filter: InsightsFilter } {
  const today = isoDay(now);
  let to = params.get('to') ?? '';
  if (!Number.isFinite(dayStart(to))) to = today;
  let from = params.get('from') ?? '';
  const toTime = dayStart(to);
  if (!Number.isFinite(dayStart(from)) || dayStart(from) > toTime || toTime - dayStart(from) >= MAX_DAYS * DAY_MS)
    from = isoDay(toTime - (DEFAULT_DAYS - 1) * DAY_MS);
  const id = (value: string | null): string => (value && /^[1-9]\d{0,17}$/.test(value) ? value : '');
  const language = params.get('language');
  const values = { from, to, space: id(params.get('space')), team: id(params.get('team')), ...(isLanguage(language) ? { language } : {}) };
  return {
    values,
    filter: {
      from: new Date(dayStart(from)).toISOString(),
      to: new Date(toTime + DAY_MS).toISOString(),
      spaceId: values.space || null,
      teamId: values.team || null,
      ...(values.language ? { language: values.language } : {}),
    },
  };
}

const query = (values: InsightsFilterValues): string =>
  new URLSearchParams(Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();

export function insightsPath(values?: InsightsFilterValues): ResolvedPathname {
  const search = values ? query(values) : '';
  return search ? resolve(`/console/insights?${search}`) : resolve('/console/insights');
}

export const INSIGHTS_TABLES = [
  'self-service',
  'answered-by',
  'daily',
  'promises',
  'sla',
  'four-eyes',
  'contributors',
  'newcomers',
  'trust',
  'rising-tags',
  'rising-spaces',
  'unanswered',
  'backlog',
] as const;
export type InsightsTableId = (typeof INSIGHTS_TABLES)[number];
export const isInsightsTable = (value: string): value is InsightsTableId => (INSIGHTS_TABLES as readonly string[]).includes(value);

/** The CSV export of one table, for the same filter. */
export function insightsCsvPath(table: InsightsTableId, values: InsightsFilterValues): ResolvedPathname {
  const search = query(values);
  const params = { table };
  return search ? resolve(`/console/insights/export/[table]?${search}`, params) : resolve('/console/insights/export/[table]', params);
}

/** A table as the page and its CSV export show it: raw numbers, formatted by the reader. */
export interface InsightsTable {
  id: InsightsTableId;
  title: MessageKey;
  columns: MessageKey[];
  rows: (string | number | null)[][];
}

/** A share in percent with one decimal, or null when there is nothing to share. */
export const percent = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);
/** Minutes rounded to one decimal (medians of wall-clock durations are fractional). */
const round = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);

type Rise = InsightsData['hotTopics']['tags'][number];
/** Growth against the period before in percent, or null for a tag or space that had no questions then. */
export const growth = (rise: Rise): number | null =>
  rise.previousQuestions > 0 ? Math.round(((rise.questions - rise.previousQuestions) / rise.previousQuestions) * 1000) / 10 : null;
const riseRows = (rises: Rise[]): (string | number | null)[][] =>
  rises.map((r) => [r.name, r.questions, r.previousQuestions, r.questions - r.previousQuestions, growth(r)]);
const RISE_COLUMNS: MessageKey[] = ['insights.col.questions', 'insights.col.previousQuestions', 'insights.col.rise', 'insights.col.growth'];

/** The unanswered-age buckets in order, with their labels. */
export const UNANSWERED_BUCKETS = [
  ['underOneDay', 'insights.age.underOneDay'],
  ['oneToThreeDays', 'insights.age.oneToThreeDays'],
  ['threeToSevenDays', 'insights.age.threeToSevenDays'],
  ['overSevenDays', 'insights.age.overSevenDays'],
] as const satisfies readonly (readonly [keyof InsightsData['hotTopics']['unansweredByAge'], MessageKey])[];

/** Every table of the page, built once from the api's answer, for the page and the CSV exports alike. */
export function insightsTables(data: InsightsData, t: Translate): Record<InsightsTableId, InsightsTable> {
  const s = data.selfService;
  const p = data.promises;
  const f = data.fourEyes;
  const u = data.powerUsers;
  const h = data.hotTopics;
  const metric = (key: MessageKey, value: number | null): (string | number | null)[] => [t(key), value];
  return {
    'self-service': {
      id: 'self-service',
      title: 'insights.selfService.title',
      columns: ['insights.col.metric', 'insights.col.value'],
      rows: [
        metric('insights.m.questionsAsked', s.questionsAsked),
        metric('insights.m.solved', s.solved),
        metric('insights.m.solvedWithoutStaff', s.solvedWithoutStaff),
        metric('insights.m.solvedWithoutStaffShare', percent(s.solvedWithoutStaff, s.questionsAsked)),
        metric('insights.m.medianFirstCommunity', round(s.medianFirstCommunityAnswerMinutes)),
        metric('insights.m.medianFirstStaff', round(s.medianFirstStaffAnswerMinutes)),
        metric('insights.m.medianAcceptedCommunity', round(s.medianAcceptedCommunityAnswerMinutes)),
        metric('insights.m.medianAcceptedStaff', round(s.medianAcceptedStaffAnswerMinutes)),
        metric('insights.m.suggestionSessions', s.suggestionSessions),
        metric('insights.m.deflectedSessions', s.deflectedSessions),
        metric('insights.m.deflectionRate', percent(s.deflectedSessions, s.suggestionSessions)),
      ],
    },
    'answered-by': {
      id: 'answered-by',
      title: 'insights.answeredBy.title',
      columns: ['insights.col.firstAnswer', 'insights.col.questions', 'insights.col.share'],
      rows: [
        [t('insights.by.community'), s.firstAnsweredByCommunity, percent(s.firstAnsweredByCommunity, s.questionsAsked)],
        [t('insights.by.staff'), s.firstAnsweredByStaff, percent(s.firstAnsweredByStaff, s.questionsAsked)],
        [t('insights.by.none'), s.unanswered, percent(s.unanswered, s.questionsAsked)],
      ],
    },
    daily: {
      id: 'daily',
      title: 'insights.daily.title',
      columns: ['insights.col.day', 'insights.col.questionsAsked', 'insights.col.escalationsOpened'],
      rows: data.days.map((d) => [d.day, d.questionsAsked, d.escalationsOpened]),
    },
    promises: {
      id: 'promises',
      title: 'insights.promises.title',
      columns: ['insights.col.metric', 'insights.col.value'],
      rows: [
        metric('insights.m.escalationsOpened', p.escalationsOpened),
        metric('insights.m.firstResponseMedian', round(p.firstResponseMedian)),
        metric('insights.m.firstResponseP90', round(p.firstResponseP90)),
        metric('insights.m.resolutionMedian', round(p.resolutionMedian)),
        metric('insights.m.resolutionP90', round(p.resolutionP90)),
        metric('insights.m.firstResponseBreaches', p.firstResponseBreaches),
        metric('insights.m.resolutionBreaches', p.resolutionBreaches),
        metric('insights.m.escalationsPaused', p.escalationsPaused),
        metric('insights.m.pausedMinutes', p.pausedMinutes),
      ],
    },
    sla: {
      id: 'sla',
      title: 'insights.sla.title',
      columns: [
        'insights.col.team',
        'insights.col.priority',
        'insights.col.opened',
        'insights.col.firstResponseMet',
        'insights.col.firstResponseShare',
        'insights.col.resolutionMet',
        'insights.col.resolutionShare',
      ],
      rows: p.attainment.map((a) => [
        a.teamName,
        t(priorityKey(a.priority)),
        a.opened,
        `${a.firstResponseMet}/${a.firstResponseDecided}`,
        percent(a.firstResponseMet, a.firstResponseDecided),
        `${a.resolutionMet}/${a.resolutionDecided}`,
        percent(a.resolutionMet, a.resolutionDecided),
      ]),
    },
    'four-eyes': {
      id: 'four-eyes',
      title: 'insights.fourEyes.title',
      columns: ['insights.col.metric', 'insights.col.value'],
      rows: [
        metric('insights.m.reviewed', f.reviewed),
        metric('insights.m.approved', f.approved),
        metric('insights.m.changesRequested', f.changesRequested),
        metric('insights.m.medianTurnaround', round(f.medianTurnaroundMinutes)),
      ],
    },
    contributors: {
      id: 'contributors',
      title: 'insights.contributors.title',
      columns: ['insights.col.member', 'insights.col.answersAccepted', 'insights.col.answersVerified', 'insights.col.helpfulAnswers'],
      rows: u.contributors.map((c) => [c.displayName, c.answersAccepted, c.answersVerified, c.helpfulAnswers]),
    },
    newcomers: {
      id: 'newcomers',
      title: 'insights.newcomers.title',
      columns: ['insights.col.metric', 'insights.col.value'],
      rows: [
        metric('insights.m.newcomers', u.newcomers),
        metric('insights.m.regulars', u.regulars),
        metric('insights.m.regularsShare', percent(u.regulars, u.newcomers)),
      ],
    },
    trust: {
      id: 'trust',
      title: 'insights.trust.title',
      columns: ['insights.col.metric', 'insights.col.value'],
      rows: [
        metric('insights.m.warned', u.trustMovement.warned),
        metric('insights.m.suspended', u.trustMovement.suspended),
        metric('insights.m.pinned', u.trustMovement.pinned),
        metric('insights.m.released', u.trustMovement.released),
      ],
    },
    'rising-tags': {
      id: 'rising-tags',
      title: 'insights.risingTags.title',
      columns: ['insights.col.tag', ...RISE_COLUMNS],
      rows: riseRows(h.tags),
    },
    'rising-spaces': {
      id: 'rising-spaces',
      title: 'insights.risingSpaces.title',
      columns: ['insights.col.space', ...RISE_COLUMNS],
      rows: riseRows(h.spaces),
    },
    unanswered: {
      id: 'unanswered',
      title: 'insights.unanswered.title',
      columns: ['insights.col.age', 'insights.col.questions'],
      rows: UNANSWERED_BUCKETS.map(([bucket, key]) => [t(key), h.unansweredByAge[bucket]]),
    },
    backlog: {
      id: 'backlog',
      title: 'insights.backlog.title',
      columns: ['insights.col.day', 'insights.col.openEscalations'],
      rows: data.backlog.map((d) => [d.day, d.open]),
    },
  };
}

/** The console's own label for a priority ('low' … 'urgent'). */
export function priorityKey(priority: string): MessageKey {
  const key = `escalation.priority.${priority.toUpperCase()}`;
  return key === 'escalation.priority.LOW' || key === 'escalation.priority.HIGH' || key === 'escalation.priority.URGENT'
    ? key
    : 'escalation.priority.NORMAL';
}

/** RFC 4180 CSV: every field quoted when it needs to be; a cell starting with =,+,-,@ is prefixed so spreadsheets do not run it. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const cell = (value: string | number | null): string => {
    if (value === null) return '';
    let text = String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
