// Insights on a small constructed history: every figure is what the rows imply — medians of
// wall-clock answer times, deflection per ask session, and business time (DST change, holidays,
// time waited on the customer) measured in the team's calendar exactly like the SLA due times.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSpace, setRole, signUp, type TestUser } from '../test-support/builders';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { dueTimes } from '../escalation/sla';
import type { TeamEntity } from '../teams/team.entity';
import { appendOutbox } from '../platform/outbox/outbox';
import { InsightsRollupWorker } from './insights-rollup.worker';
import { rebuildInsights } from './rebuild';
import { MONTHLY } from './scope';

const INSIGHTS = `query ($filter: InsightsFilter!) { insights(filter: $filter) {
  selfService { questionsAsked solved solvedWithoutStaff firstAnsweredByCommunity firstAnsweredByStaff unanswered
    medianFirstCommunityAnswerMinutes medianFirstStaffAnswerMinutes medianAcceptedCommunityAnswerMinutes medianAcceptedStaffAnswerMinutes
    suggestionSessions deflectedSessions }
  promises { escalationsOpened firstResponseMedian firstResponseP90 resolutionMedian resolutionP90 firstResponseBreaches resolutionBreaches
    pausedMinutes escalationsPaused attainment { teamName priority opened firstResponseDecided firstResponseMet resolutionDecided resolutionMet } }
  fourEyes { reviewed approved changesRequested medianTurnaroundMinutes }
  days { day questionsAsked escalationsOpened } } }`;
const PERIOD = { from: '2026-03-01T00:00:00Z', to: '2026-04-30T00:00:00Z' };
const min = (iso: string, minutes: number): Date => new Date(new Date(iso).getTime() + minutes * 60_000);

// Berlin, Mon–Fri 09:00–17:00; Good Friday and Easter Monday 2026 closed. Summer time starts Sunday 29 March.
const CALENDAR = {
  timeZone: 'Europe/Berlin',
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
  holidays: ['2026-04-03', '2026-04-06'],
};
const TARGETS = {
  normal: { firstResponseMinutes: 60, resolutionMinutes: 480 },
  high: { firstResponseMinutes: 120, resolutionMinutes: 240 },
};

// Type aliases, not interfaces: the readers take any record of filter values.
type Period = { from: string; to: string };
type Filter = { spaceId?: string; teamId?: string; language?: string };

/** For every period and filter, the roll-ups give the figures the live computation from the base tables gives. */
async function expectAsComputedLive(
  periods: Period[],
  filters: Filter[],
  read: (query: Period & Filter) => Promise<object>,
  live: (query: Period & Filter) => Promise<object>,
): Promise<void> {
  for (const period of periods)
    for (const filter of filters)
      expect({ ...filter, ...period, ...(await read({ ...period, ...filter })) }).toEqual({
        ...filter,
        ...period,
        ...(await live({ ...period, ...filter })),
      });
}

describe('insights', () => {
  let t: TestApp;
  let agent: TestUser;
  let member: TestUser;
  let helper: TestUser;
  let spaceId: string;

  /** Deflection's two figures as an agent reads them. */
  const deflection = async (filter: Record<string, unknown>) =>
    (
      await t.gql<{ insights: { selfService: { suggestionSessions: number; deflectedSessions: number } } }>(
        `query ($filter: InsightsFilter!) { insights(filter: $filter) { selfService { suggestionSessions deflectedSessions } } }`,
        { filter },
        agent.cookie,
      )
    ).data.insights.selfService;
  const question = async (createdAt: string): Promise<string> => {
    const [row] = (await t.dataSource.query(
      `INSERT INTO questions (space_id, author_id, title, body_markdown, body_html, created_at, last_activity_at)
       VALUES ($1, $2, 'How do I read my meter?', 'Body text of the question.', '<p>Body text of the question.</p>', $3, $3) RETURNING id`,
      [spaceId, member.id, createdAt],
    )) as { id: string }[];
    return row!.id;
  };
  const answerAt = async (questionId: string, author: TestUser, createdAt: Date): Promise<string> => {
    const [row] = (await t.dataSource.query(
      `INSERT INTO answers (question_id, author_id, body_markdown, body_html, created_at) VALUES ($1, $2, 'An answer.', '<p>An answer.</p>', $3) RETURNING id`,
      [questionId, author.id, createdAt],
    )) as { id: string }[];
    return row!.id;
  };
  const accept = (questionId: string, answerId: string, at: Date) =>
    t.dataSource.query(`UPDATE questions SET status = 'solved', accepted_answer_id = $2, solved_at = $3 WHERE id = $1`, [
      questionId,
      answerId,
      at,
    ]);

  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
    spaceId = ((await t.dataSource.query(`SELECT id FROM spaces WHERE slug = 'billing'`)) as [{ id: string }])[0].id;
    member = await signUp(t, 'Mia Member');
    helper = await signUp(t, 'Hank Helper');
    agent = await signUp(t, 'Alma Agent');
    await setRole(t.dataSource, agent.id, 'agent');

    // Self-service: Q1 solved by the community; Q2 answered by staff first and solved by staff;
    // Q3 unanswered; Q4 answered by the community, not solved; Q0 lies before the period.
    const q0 = await question('2026-02-20T10:00:00Z');
    await answerAt(q0, helper, min('2026-02-20T10:00:00Z', 1));
    const q1 = await question('2026-03-10T10:00:00Z');
    await accept(q1, await answerAt(q1, helper, min('2026-03-10T10:00:00Z', 30)), min('2026-03-10T10:00:00Z', 120));
    const q2 = await question('2026-03-11T10:00:00Z');
    await answerAt(q2, helper, min('2026-03-11T10:00:00Z', 90));
    await accept(q2, await answerAt(q2, agent, min('2026-03-11T10:00:00Z', 60)), min('2026-03-11T10:00:00Z', 200));
    const q3 = await question('2026-03-12T10:00:00Z');
    const q4 = await question('2026-03-13T10:00:00Z');
    await answerAt(q4, helper, min('2026-03-13T10:00:00Z', 10));

    // Deflection: s1 opened two suggestions and left, s2 asked afterwards, s3 left, s4 lies after the period.
    for (const [session, asked, at] of [
      ['s1', false, '2026-03-05T08:00:00Z'],
      ['s1', false, '2026-03-05T08:01:00Z'],
      ['s2', true, '2026-03-06T08:00:00Z'],
      ['s3', false, '2026-03-07T08:00:00Z'],
      ['s4', false, '2026-05-07T08:00:00Z'],
    ] as const)
      await t.dataSource.query(`INSERT INTO deflection_events (ask_session, question_id, asked, created_at) VALUES ($1, $2, $3, $4)`, [
        session,
        q1,
        asked,
        at,
      ]);

    // Promises: one team, its calendar and targets; due times set by the escalation clocks' own function.
    const [{ id: teamId }] = (await t.dataSource.query(
      `INSERT INTO teams (name, time_zone, weekly, holidays) VALUES ('Care', $1, $2, $3) RETURNING id`,
      [CALENDAR.timeZone, JSON.stringify(CALENDAR.weekly), JSON.stringify(CALENDAR.holidays)],
    )) as [{ id: string }];
    for (const [priority, target] of Object.entries(TARGETS))
      await t.dataSource.query(
        `INSERT INTO sla_targets (team_id, priority, first_response_minutes, resolution_minutes) VALUES ($1, $2, $3, $4)`,
        [teamId, priority, target.firstResponseMinutes, target.resolutionMinutes],
      );
    const team = { id: teamId, ...CALENDAR } as unknown as TeamEntity;
    const escalate = async (
      priority: keyof typeof TARGETS,
      createdAt: string,
      firstRespondedAt: string,
      resolvedAt: string | null,
      paused = { firstResponse: 0, resolution: 0 },
    ) => {
      const due = dueTimes(team, TARGETS[priority], new Date(createdAt), new Date(firstRespondedAt), paused);
      await t.dataSource.query(
        `INSERT INTO escalations (question_id, team_id, priority, status, source, first_response_due_at, resolution_due_at, next_due_at,
           first_responded_at, resolved_at, first_response_paused_minutes, paused_business_minutes, created_at)
         VALUES ($1, $2, $3, $4, 'staff', $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          await question(createdAt),
          teamId,
          priority,
          resolvedAt ? 'resolved' : 'assigned',
          due.firstResponseDueAt,
          due.resolutionDueAt,
          due.nextDueAt,
          firstRespondedAt,
          resolvedAt,
          paused.firstResponse,
          paused.resolution,
          createdAt,
        ],
      );
    };
    // E1 across the DST change: Fri 27 Mar 16:00 CET → Mon 30 Mar 10:00 CEST = 60 + 60 business minutes
    // (due Fri 17:00: breached); resolved Tue 31 Mar 09:30 CEST = 60 + 480 + 30 = 570 (due Mon 16:00: breached).
    await escalate('normal', '2026-03-27T15:00:00Z', '2026-03-30T08:00:00Z', '2026-03-31T07:30:00Z');
    // E2 across Good Friday, the weekend and Easter Monday: Thu 2 Apr 16:30 → Tue 7 Apr 09:15 = 30 + 15 = 45 (met);
    // resolved Tue 11:00 = 30 + 120 = 150, less 30 minutes waited on the customer = 120 (due Tue 13:00: met).
    await escalate('high', '2026-04-02T14:30:00Z', '2026-04-07T07:15:00Z', '2026-04-07T09:00:00Z', { firstResponse: 0, resolution: 30 });
    // E3: Wed 8 Apr 10:00 → 10:10 = 10 (met); never resolved, due Thu 9 Apr 10:00 long passed: breached.
    await escalate('normal', '2026-04-08T08:00:00Z', '2026-04-08T08:10:00Z', null);

    // Four-eyes: D1 sent back after 20 minutes, edited, approved 10 minutes later; D2 approved after 30 minutes.
    const draft = async () =>
      (
        (await t.dataSource.query(
          `INSERT INTO staff_drafts (author_id, question_id, kind, body_markdown, findings) VALUES ($1, $2, 'answer', 'Draft.', '[]') RETURNING id`,
          [agent.id, q3],
        )) as { id: string }[]
      )[0]!.id;
    const audit = (action: string, draftId: string, at: Date) =>
      t.dataSource.query(
        `INSERT INTO audit_log (actor_id, action, subject_type, subject_id, details, created_at) VALUES ($1, $2, 'staff_draft', $3, '{}', $4)`,
        [agent.id, action, draftId, at],
      );
    const d1 = await draft();
    const d2 = await draft();
    const t1 = '2026-04-14T09:00:00Z';
    await audit('draft.created', d1, min(t1, 0));
    await audit('draft.changes_requested', d1, min(t1, 20));
    await audit('draft.edited', d1, min(t1, 40));
    await audit('draft.approved', d1, min(t1, 50));
    await audit('draft.created', d2, min(t1, 100));
    await audit('draft.approved', d2, min(t1, 130));
    // These rows went straight into the tables, like history from before an upgrade: the backfill rolls them up.
    await rebuildInsights(t.dataSource.manager);
  });
  afterAll(() => t.close());

  it('shows staff exactly what the history implies', async () => {
    const res = await t.gql<{ insights: Record<string, unknown> }>(INSIGHTS, { filter: PERIOD }, agent.cookie);
    expect(res.errors).toBeUndefined();
    const { selfService, promises, fourEyes, days } = res.data.insights as {
      selfService: unknown;
      promises: unknown;
      fourEyes: unknown;
      days: { day: string; questionsAsked: number; escalationsOpened: number }[];
    };
    expect(selfService).toEqual({
      questionsAsked: 7, // Q1–Q4 and the three escalated questions
      solved: 2,
      solvedWithoutStaff: 1,
      firstAnsweredByCommunity: 2,
      firstAnsweredByStaff: 1,
      unanswered: 4,
      medianFirstCommunityAnswerMinutes: 30, // 10, 30, 90
      medianFirstStaffAnswerMinutes: 60,
      medianAcceptedCommunityAnswerMinutes: 120,
      medianAcceptedStaffAnswerMinutes: 200,
      suggestionSessions: 3,
      deflectedSessions: 2,
    });
    expect(promises).toEqual({
      escalationsOpened: 3,
      firstResponseMedian: 45, // 10, 45, 120
      firstResponseP90: 105, // 45 + 0.8 × (120 − 45)
      resolutionMedian: 345, // 120, 570
      resolutionP90: 525, // 120 + 0.9 × 450
      firstResponseBreaches: 1,
      resolutionBreaches: 2,
      pausedMinutes: 30,
      escalationsPaused: 1,
      attainment: [
        {
          teamName: 'Care',
          priority: 'high',
          opened: 1,
          firstResponseDecided: 1,
          firstResponseMet: 1,
          resolutionDecided: 1,
          resolutionMet: 1,
        },
        {
          teamName: 'Care',
          priority: 'normal',
          opened: 2,
          firstResponseDecided: 2,
          firstResponseMet: 1,
          resolutionDecided: 2,
          resolutionMet: 0,
        },
      ],
    });
    expect(fourEyes).toEqual({ reviewed: 3, approved: 2, changesRequested: 1, medianTurnaroundMinutes: 20 }); // 10, 20, 30
    expect(days).toHaveLength(60);
    expect(days.find((d) => d.day === '2026-03-10')).toEqual({ day: '2026-03-10', questionsAsked: 1, escalationsOpened: 0 });
    expect(days.find((d) => d.day === '2026-03-27')).toEqual({ day: '2026-03-27', questionsAsked: 1, escalationsOpened: 1 });
  });

  it('narrows to a team and a space', async () => {
    const none = await t.gql<{ insights: { selfService: { questionsAsked: number }; promises: { escalationsOpened: number } } }>(
      INSIGHTS,
      { filter: { ...PERIOD, teamId: '999999' } },
      agent.cookie,
    );
    expect(none.data.insights.selfService.questionsAsked).toBe(0);
    expect(none.data.insights.promises.escalationsOpened).toBe(0);
    const space = await t.gql<{ insights: { selfService: { questionsAsked: number } } }>(
      INSIGHTS,
      { filter: { ...PERIOD, spaceId } },
      agent.cookie,
    );
    expect(space.data.insights.selfService.questionsAsked).toBe(7);
  });

  it('counts a period that starts and ends within a day exactly (whole days from the roll-up, the rest from the facts)', async () => {
    const res = await t.gql<{
      insights: { selfService: Record<string, number | null>; days: { day: string; questionsAsked: number }[] };
    }>(INSIGHTS, { filter: { from: '2026-03-10T10:30:00Z', to: '2026-03-13T10:30:00Z' } }, agent.cookie);
    // Q1 (10 March 10:00) lies before the start; Q2, Q3 and Q4 (13 March 10:00) inside.
    expect(res.data.insights.selfService).toMatchObject({
      questionsAsked: 3,
      firstAnsweredByCommunity: 1,
      medianFirstCommunityAnswerMinutes: 50,
    });
    expect(res.data.insights.days.map((d) => d.questionsAsked)).toEqual([0, 1, 1, 1]);
  });

  it('narrows the question figures to a language', async () => {
    const asked = async (language: string) =>
      (
        await t.gql<{ insights: { selfService: { questionsAsked: number }; days: { questionsAsked: number }[] } }>(
          INSIGHTS,
          { filter: { ...PERIOD, language } },
          agent.cookie,
        )
      ).data.insights;
    // Every question of the history is English ("How do I read my meter?").
    const english = await asked('en');
    expect([english.selfService.questionsAsked, english.days.reduce((n, d) => n + d.questionsAsked, 0)]).toEqual([7, 7]);
    const german = await asked('de');
    expect([german.selfService.questionsAsked, german.days.reduce((n, d) => n + d.questionsAsked, 0)]).toEqual([0, 0]);
    const unknown = await t.gql(INSIGHTS, { filter: { ...PERIOD, language: 'fr' } }, agent.cookie);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('refuses members and anonymous visitors, and periods over a year', async () => {
    const asMember = await t.gql(INSIGHTS, { filter: PERIOD }, member.cookie);
    expect(asMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(INSIGHTS, { filter: PERIOD });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const long = await t.gql(INSIGHTS, { filter: { from: '2025-01-01T00:00:00Z', to: '2026-04-30T00:00:00Z' } }, agent.cookie);
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps the self-service roll-up current from the outbox', async () => {
    const selfService = async () =>
      (
        await t.gql<{ insights: { selfService: Record<string, number | null> } }>(
          `query ($filter: InsightsFilter!) { insights(filter: $filter) { selfService { questionsAsked firstAnsweredByCommunity medianFirstCommunityAnswerMinutes } } }`,
          { filter: PERIOD },
          agent.cookie,
        )
      ).data.insights.selfService;
    const q5 = await question('2026-04-20T10:00:00Z');
    const a5 = await answerAt(q5, helper, min('2026-04-20T10:00:00Z', 5));
    await t.dataSource.transaction(async (manager) => {
      await appendOutbox(manager, 'question.created', q5, { spaceId });
      await appendOutbox(manager, 'answer.created', a5, { questionId: q5 });
    });
    expect(await selfService()).toEqual({ questionsAsked: 7, firstAnsweredByCommunity: 2, medianFirstCommunityAnswerMinutes: 30 });
    await t.app.get(InsightsRollupWorker).drain();
    // 5, 10, 30, 90 minutes
    expect(await selfService()).toEqual({ questionsAsked: 8, firstAnsweredByCommunity: 3, medianFirstCommunityAnswerMinutes: 20 });
  });

  it('keeps the business-time roll-up current from the outbox', async () => {
    const promises = async () =>
      (
        await t.gql<{ insights: { promises: Record<string, number | null> } }>(
          `query ($filter: InsightsFilter!) { insights(filter: $filter) { promises { escalationsOpened firstResponseMedian firstResponseP90 } } }`,
          { filter: PERIOD },
          agent.cookie,
        )
      ).data.insights.promises;
    const [{ id: teamId }] = (await t.dataSource.query(`SELECT id FROM teams WHERE name = 'Care'`)) as [{ id: string }];
    // E4: Mon 20 Apr 12:00 CEST, first response 30 business minutes later; still open.
    const q6 = await question('2026-04-20T10:00:00Z');
    await t.dataSource.query(
      `INSERT INTO escalations (question_id, team_id, priority, status, source, first_response_due_at, resolution_due_at, next_due_at,
         first_responded_at, created_at)
       VALUES ($1, $2, 'normal', 'assigned', 'staff', '2026-04-20T11:00:00Z', '2026-04-21T10:00:00Z', '2026-04-21T10:00:00Z', '2026-04-20T10:30:00Z', '2026-04-20T10:00:00Z')`,
      [q6, teamId],
    );
    await t.dataSource.transaction((manager) => appendOutbox(manager, 'escalation.created', q6, { questionId: q6 }));
    // Attainment and business minutes are both rolled up: the new escalation counts once the worker ran.
    expect(await promises()).toEqual({ escalationsOpened: 3, firstResponseMedian: 45, firstResponseP90: 105 });
    await t.app.get(InsightsRollupWorker).drain();
    // 10, 30, 45, 120 business minutes
    const after = await promises();
    expect(after).toMatchObject({ escalationsOpened: 4, firstResponseMedian: 37.5 });
    expect(after.firstResponseP90).toBeCloseTo(97.5, 9); // 45 + 0.7 × (120 − 45)
  });

  it('counts deflection exactly from its roll-up: sessions across midnight, parts of a day, a session that asks later', async () => {
    const [{ id: questionId }] = (await t.dataSource.query(`SELECT min(id) AS id FROM questions WHERE space_id = $1`, [spaceId])) as [
      { id: string },
    ];
    const [{ id: otherSpace }] = (await t.dataSource.query(`INSERT INTO spaces (slug, name) VALUES ('other', 'Other') RETURNING id`)) as [
      { id: string },
    ];
    const [{ id: otherQuestion }] = (await t.dataSource.query(
      `INSERT INTO questions (space_id, author_id, title, body_markdown, body_html, created_at, last_activity_at)
       VALUES ($1, $2, 'How do I read my meter?', 'Body text of the question.', '<p>Body.</p>', '2026-02-01T10:00:00Z', '2026-02-01T10:00:00Z') RETURNING id`,
      [otherSpace, member.id],
    )) as [{ id: string }];
    await t.dataSource.transaction((manager) => appendOutbox(manager, 'question.created', otherQuestion, { spaceId: otherSpace }));
    // s5 opens a suggestion just before and just after midnight; s6 one on 22 March; s7 two in two spaces on 25 March.
    for (const [session, at, id] of [
      ['s5', '2026-03-20T23:50:00Z', questionId],
      ['s5', '2026-03-21T00:10:00Z', questionId],
      ['s6', '2026-03-22T10:00:00Z', questionId],
      ['s7', '2026-03-25T10:00:00Z', questionId],
      ['s7', '2026-03-25T10:05:00Z', otherQuestion],
    ])
      await t.dataSource.query(`INSERT INTO deflection_events (ask_session, question_id, created_at) VALUES ($1, $2, $3)`, [
        session,
        id,
        at,
      ]);
    expect(await deflection(PERIOD)).toEqual({ suggestionSessions: 3, deflectedSessions: 2 });
    await t.app.get(InsightsRollupWorker).drain();
    expect(await deflection(PERIOD)).toEqual({ suggestionSessions: 6, deflectedSessions: 5 });
    expect(await deflection({ ...PERIOD, spaceId })).toEqual({ suggestionSessions: 6, deflectedSessions: 5 });
    expect(await deflection({ ...PERIOD, spaceId: otherSpace })).toEqual({ suggestionSessions: 1, deflectedSessions: 1 });
    expect(await deflection({ ...PERIOD, language: 'en' })).toEqual({ suggestionSessions: 6, deflectedSessions: 5 });
    expect(await deflection({ from: '2026-03-21T00:00:00Z', to: '2026-03-22T12:00:00Z' })).toEqual({
      suggestionSessions: 2,
      deflectedSessions: 2,
    });
    expect(await deflection({ from: '2026-03-20T00:00:00Z', to: '2026-03-21T00:00:00Z' })).toEqual({
      suggestionSessions: 1,
      deflectedSessions: 1,
    });
    expect(await deflection({ from: '2026-03-20T23:55:00Z', to: '2026-03-21T00:05:00Z' })).toEqual({
      suggestionSessions: 0,
      deflectedSessions: 0,
    });
    // s6 asks after all (as the ask page's question.created hook marks it).
    await t.dataSource.query(`UPDATE deflection_events SET asked = true WHERE ask_session = 's6'`);
    await t.app.get(InsightsRollupWorker).drain();
    expect(await deflection(PERIOD)).toEqual({ suggestionSessions: 6, deflectedSessions: 4 });
  });

  it('reads whole months from the monthly roll-ups: medians and p90 exactly as percentile_cont over the facts, across the edges of months, days and parts of a day', async () => {
    // Sixty more questions from 10 February to 25 April, answered after 0.5 minutes to ~10 days (some
    // values on bucket bounds, some equal), every third accepted, every fourth escalated to Care; the worker rolls them up.
    const [{ id: teamId }] = (await t.dataSource.query(`SELECT id FROM teams WHERE name = 'Care'`)) as [{ id: string }];
    const start = Date.parse('2026-02-10T06:00:00Z');
    const delays = [0.5, 1, 2, 16, 16, 45.25, 128, 300, 431, 512, 900, 1440.5, 3000, 7000, 14000];
    for (let i = 0; i < 60; i++) {
      const createdAt = new Date(start + ((i * 7919) % 60) * 29 * 3_600_000 + i * 60_000);
      const q = await question(createdAt.toISOString());
      const delay = delays[i % delays.length]!;
      const a = await answerAt(q, i % 5 === 0 ? agent : helper, min(createdAt.toISOString(), delay));
      if (i % 3 === 0) await accept(q, a, min(createdAt.toISOString(), delay * 2 + 1));
      if (i % 4 === 0)
        await t.dataSource.query(
          `INSERT INTO escalations (question_id, team_id, priority, status, source, first_response_due_at, resolution_due_at, next_due_at,
             first_responded_at, resolved_at, created_at)
           VALUES ($1, $2, 'normal', $3, 'staff', $4, $4, $4, $5, $6, $4)`,
          [
            q,
            teamId,
            i % 8 === 0 ? 'resolved' : 'assigned',
            createdAt,
            min(createdAt.toISOString(), delay),
            i % 8 === 0 ? min(createdAt.toISOString(), delay * 3) : null,
          ],
        );
      await t.dataSource.transaction((manager) => appendOutbox(manager, 'question.created', q, { spaceId }));
    }
    await t.app.get(InsightsRollupWorker).drain();
    const [months] = (await t.dataSource.query(
      `SELECT (SELECT count(*) FROM insights_question_months WHERE month = '2026-03-01')::int AS questions,
         (SELECT count(*) FROM insights_escalation_months WHERE month = '2026-03-01')::int AS escalations`,
    )) as [{ questions: number; escalations: number }];
    expect(months.questions).toBeGreaterThan(0);
    expect(months.escalations).toBeGreaterThan(0);

    const FIGURES = `query ($filter: InsightsFilter!) { insights(filter: $filter) {
      selfService { questionsAsked medianFirstCommunityAnswerMinutes medianFirstStaffAnswerMinutes medianAcceptedCommunityAnswerMinutes
        medianAcceptedStaffAnswerMinutes }
      promises { escalationsOpened firstResponseMedian firstResponseP90 resolutionMedian resolutionP90 } } }`;
    const figures = async (filter: Record<string, unknown>) => {
      const res = await t.gql<{ insights: Record<string, Record<string, number | null>> }>(FIGURES, { filter }, agent.cookie);
      expect(res.errors).toBeUndefined();
      return res.data.insights;
    };
    /** The same figures from the facts with percentile_cont (questions of space $3 / team $4 / language $5). */
    const truth = async (filter: { from: string; to: string; spaceId?: string; teamId?: string; language?: string }) => {
      const pct = (p: number, value: string, where: string) =>
        `(SELECT percentile_cont(${p}) WITHIN GROUP (ORDER BY ${value}) FROM f WHERE ${value} IS NOT NULL AND ${where})`;
      const minutesTo = (column: string) => `(extract(epoch FROM ${column} - created_at) / 60)::float8`;
      const [q] = (await t.dataSource.query(
        `WITH f AS (SELECT * FROM insights_questions WHERE NOT deleted AND created_at >= $1 AND created_at < $2
           AND ($3::bigint IS NULL OR space_id = $3) AND ($4::bigint IS NULL OR space_id IN (SELECT space_id FROM space_teams WHERE team_id = $4))
           AND ($5::varchar IS NULL OR language = $5))
         SELECT (SELECT count(*) FROM f)::int AS "questionsAsked",
           ${pct(0.5, minutesTo('first_community_at'), 'true')} AS "medianFirstCommunityAnswerMinutes",
           ${pct(0.5, minutesTo('first_staff_at'), 'true')} AS "medianFirstStaffAnswerMinutes",
           ${pct(0.5, minutesTo('solved_at'), `status = 'solved' AND accepted_role = 'member'`)} AS "medianAcceptedCommunityAnswerMinutes",
           ${pct(0.5, minutesTo('solved_at'), `status = 'solved' AND accepted_role <> 'member'`)} AS "medianAcceptedStaffAnswerMinutes"`,
        [filter.from, filter.to, filter.spaceId ?? null, filter.teamId ?? null, filter.language ?? null],
      )) as [Record<string, number | null>];
      const [e] = (await t.dataSource.query(
        `WITH f AS (SELECT * FROM insights_escalations WHERE created_at >= $1 AND created_at < $2
           AND ($3::bigint IS NULL OR space_id = $3) AND ($4::bigint IS NULL OR team_id = $4))
         SELECT (SELECT count(*) FROM f)::int AS "escalationsOpened",
           ${pct(0.5, 'first_response_minutes', 'true')} AS "firstResponseMedian", ${pct(0.9, 'first_response_minutes', 'true')} AS "firstResponseP90",
           ${pct(0.5, 'resolution_minutes', 'true')} AS "resolutionMedian", ${pct(0.9, 'resolution_minutes', 'true')} AS "resolutionP90"`,
        [filter.from, filter.to, filter.spaceId ?? null, filter.teamId ?? null],
      )) as [Record<string, number | null>];
      return { selfService: q, promises: e };
    };
    // Parts of a day, whole days and a whole month (March) at each end; whole months only; no whole month.
    const periods = [
      { from: '2026-02-14T07:00:00Z', to: '2026-04-21T12:00:00Z' },
      { from: '2026-02-01T00:00:00Z', to: '2026-04-01T00:00:00Z' },
      { from: '2026-03-03T00:00:00Z', to: '2026-03-30T18:00:00Z' },
    ];
    for (const period of periods)
      for (const filter of [{}, { spaceId }, { teamId }, { language: 'en' }]) {
        const expected = await truth({ ...period, ...filter });
        expect(await figures({ ...period, ...filter })).toEqual(expected);
        MONTHLY.enabled = false;
        try {
          expect(await figures({ ...period, ...filter })).toEqual(expected);
        } finally {
          MONTHLY.enabled = true;
        }
      }
    const whole = await figures(periods[0]!);
    expect(whole.selfService!.questionsAsked).toBeGreaterThan(50);
    expect(whole.promises!.escalationsOpened).toBeGreaterThan(10);
    expect(whole.selfService!.medianFirstCommunityAnswerMinutes).not.toBeNull();
  });

  it('counts deflection per space, team and language from its roll-up exactly as from the opens: sessions over days, spaces and parts of a day', async () => {
    const insert = async (sql: string, values: unknown[]) => ((await t.dataSource.query(sql, values)) as { id: string }[])[0]!.id;
    const [north, south] = [
      await insert(`INSERT INTO spaces (slug, name) VALUES ('north', 'North') RETURNING id`, []),
      await insert(`INSERT INTO spaces (slug, name) VALUES ('south', 'South') RETURNING id`, []),
    ];
    const teamId = await insert(`INSERT INTO teams (name, time_zone, weekly) VALUES ('Desk', 'UTC', '[]') RETURNING id`, []);
    await t.dataSource.query(`INSERT INTO space_teams (space_id, team_id) VALUES ($1, $3), ($2, $3)`, [north, south, teamId]);
    // Questions in North (English and German), South (English) and Billing (no team).
    const questions: string[] = [];
    for (const [space, title, body] of [
      [north, 'How do I read my meter?', 'The meter is in the basement.'],
      [north, 'Wo ist mein Zähler?', 'Der Zähler ist nicht im Keller.'],
      [south, 'Where is my invoice?', 'The invoice is not in my account.'],
      [spaceId, 'Why is my bill so high?', 'The bill is higher than last year.'],
    ]) {
      const id = await insert(
        `INSERT INTO questions (space_id, author_id, title, body_markdown, body_html, created_at, last_activity_at)
         VALUES ($1, $2, $3, $4, '<p>Body.</p>', '2026-02-01T10:00:00Z', '2026-02-01T10:00:00Z') RETURNING id`,
        [space, member.id, title, body],
      );
      await t.dataSource.transaction((manager) => appendOutbox(manager, 'question.created', id, { spaceId: space! }));
      questions.push(id);
    }
    // Forty sessions with one to four opens from 9 to 16 March, some across midnight, some over several days,
    // in one or several spaces; some ask at their first open, some only at a later one, some at several.
    const start = Date.parse('2026-03-09T00:00:00Z');
    for (let n = 0; n < 40; n++) {
      const opens = 1 + (n % 4);
      let at = start + ((n * 7919) % 168) * 3_600_000 + (n % 3) * 1_380_000;
      for (let i = 0; i < opens; i++) {
        await t.dataSource.query(`INSERT INTO deflection_events (ask_session, question_id, asked, created_at) VALUES ($1, $2, $3, $4)`, [
          `d${n}`,
          questions[(n + i * (1 + (n % 3))) % questions.length],
          (n % 5 === 0 && i === 0) || (n % 7 === 0 && i === opens - 1) || (n % 6 === 1 && i > 0),
          new Date(at),
        ]);
        at += [20 * 60_000, 11 * 3_600_000, 30 * 3_600_000, 50 * 3_600_000][(n + i) % 4]!;
      }
    }
    await t.app.get(InsightsRollupWorker).drain();

    /** Straight from the opens: sessions with an open in the period and the filter, and those of them without an asking open there. */
    const truth = async (filter: { from: string; to: string; spaceId?: string; teamId?: string; language?: string }) =>
      (
        (await t.dataSource.query(
          `SELECT count(*)::int AS "suggestionSessions", count(*) FILTER (WHERE NOT s.asked)::int AS "deflectedSessions" FROM (
             SELECT e.ask_session, bool_or(e.asked) AS asked FROM deflection_events e LEFT JOIN questions q ON q.id = e.question_id
             WHERE e.created_at >= $1 AND e.created_at < $2 AND ($3::bigint IS NULL OR q.space_id = $3)
               AND ($4::bigint IS NULL OR q.space_id IN (SELECT space_id FROM space_teams WHERE team_id = $4))
               AND ($5::varchar IS NULL OR q.language = $5)
             GROUP BY 1) s`,
          [filter.from, filter.to, filter.spaceId ?? null, filter.teamId ?? null, filter.language ?? null],
        )) as { suggestionSessions: number; deflectedSessions: number }[]
      )[0]!;
    const periods = [
      { from: '2026-03-09T00:00:00Z', to: '2026-03-20T00:00:00Z' },
      { from: '2026-03-10T00:00:00Z', to: '2026-03-13T00:00:00Z' },
      { from: '2026-03-10T13:00:00Z', to: '2026-03-14T07:30:00Z' },
      { from: '2026-03-11T05:00:00Z', to: '2026-03-11T23:00:00Z' },
      { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' },
    ];
    const filters = [
      {},
      { spaceId: north },
      { spaceId },
      { teamId },
      { teamId, spaceId: north },
      { teamId, spaceId },
      { language: 'de' },
      { teamId, language: 'en' },
      { spaceId: north, language: 'en' },
    ];
    const compare = () => expectAsComputedLive(periods, filters, deflection, truth);
    await compare();
    // The history has what the roll-up must get right: sessions over several days in the team, asking and not.
    const [pairs] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM insights_deflection_scope_pairs WHERE space_id = -1 AND team_id = $1 AND language = '*' AND asked > 0`,
      [teamId],
    )) as [{ n: number }];
    expect(pairs.n).toBeGreaterThan(0);
    const team = await truth({ ...periods[0]!, teamId });
    expect(team.deflectedSessions).toBeGreaterThan(0);
    expect(team.deflectedSessions).toBeLessThan(team.suggestionSessions);

    // A session asks later; one open moves to another day; Billing joins Desk. The next drain follows each.
    await t.dataSource.query(`UPDATE deflection_events SET asked = true WHERE ask_session = 'd2'`);
    await t.dataSource.query(`UPDATE deflection_events SET created_at = created_at + interval '2 days' WHERE ask_session = 'd3'`);
    await t.dataSource.query(`INSERT INTO space_teams (space_id, team_id) VALUES ($1, $2)`, [spaceId, teamId]);
    await t.app.get(InsightsRollupWorker).drain();
    await compare();
    await t.dataSource.query(`DELETE FROM space_teams WHERE space_id = $1`, [spaceId]);
    await t.app.get(InsightsRollupWorker).drain();
  });

  it('counts SLA attainment from its roll-up exactly as from the escalations: running clocks against now, pauses, breaches marked without an outbox event', async () => {
    const insert = async (sql: string, values: unknown[]) => ((await t.dataSource.query(sql, values)) as { id: string }[])[0]!.id;
    const [{ id: care }] = (await t.dataSource.query(`SELECT id FROM teams WHERE name = 'Care'`)) as [{ id: string }];
    const night = await insert(`INSERT INTO teams (name, time_zone, weekly) VALUES ('Night', 'UTC', '[]') RETURNING id`, []);
    const east = await insert(`INSERT INTO spaces (slug, name) VALUES ('east', 'East') RETURNING id`, []);
    const now = Date.now();
    const at = (ms: number | null) => (ms === null ? null : new Date(ms));
    const M = 60_000;
    const ids: string[] = [];
    for (let i = 0; i < 48; i++) {
      // Most from 20 February into May; the last six opened in the last hours, their clocks still running.
      const recent = i >= 42;
      const created = recent ? now - (i - 41) * 2 * 60 * M : Date.parse('2026-02-20T06:00:00Z') + i * 37 * 60 * M + (i % 5) * 7 * M;
      const frDue = created + (recent ? 180 + (i % 2) * 300 : 60 + (i % 7) * 30) * M;
      const resDue = created + (recent ? 24 * 60 : 600 + (i % 5) * 120) * M;
      const responded = i % 4 === 3 || (recent && i % 2 === 0) ? null : created + (i % 9) * 25 * M;
      const frBreached =
        (responded !== null && responded > frDue && i % 2 === 0) || (responded === null && i % 8 === 3 && !recent) ? frDue : null;
      const resolved = i % 3 === 2 || recent ? null : created + (i % 11) * 90 * M;
      const resBreached = resolved === null && i % 6 === 2 && !recent ? resDue : null;
      const paused = resolved === null && !recent ? (i % 5 === 2 ? created + 30 * M : i % 5 === 4 ? resDue + 10 * M : null) : null;
      const questionId = await insert(
        `INSERT INTO questions (space_id, author_id, title, body_markdown, body_html, created_at, last_activity_at)
         VALUES ($1, $2, 'How do I read my meter?', 'Body text of the question.', '<p>Body.</p>', $3, $3) RETURNING id`,
        [i % 2 ? spaceId : east, member.id, at(created)],
      );
      ids.push(
        await insert(
          `INSERT INTO escalations (question_id, team_id, priority, status, source, first_response_due_at, resolution_due_at, next_due_at,
             first_responded_at, resolved_at, first_response_breached_at, resolution_breached_at, paused_at, paused_business_minutes, created_at)
           VALUES ($1, $2, $3, $4, 'staff', $5, $6, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
          [
            questionId,
            i % 3 === 0 ? night : care,
            ['low', 'normal', 'high', 'urgent'][i % 4],
            resolved !== null ? 'resolved' : paused !== null ? 'waiting_on_customer' : 'assigned',
            at(frDue),
            at(resDue),
            at(responded),
            at(resolved),
            at(frBreached),
            at(resBreached),
            at(paused),
            (i % 4) * 15,
            at(created),
          ],
        ),
      );
      await t.dataSource.transaction((manager) => appendOutbox(manager, 'escalation.created', questionId, { questionId }));
    }
    await t.app.get(InsightsRollupWorker).drain();

    const ATTAINMENT = `query ($filter: InsightsFilter!) { insights(filter: $filter) { promises {
      escalationsOpened firstResponseBreaches resolutionBreaches pausedMinutes escalationsPaused
      attainment { teamId priority opened firstResponseDecided firstResponseMet resolutionDecided resolutionMet } } } }`;
    const figures = async (filter: Record<string, unknown>) => {
      const res = await t.gql<{ insights: { promises: Record<string, unknown> } }>(ATTAINMENT, { filter }, agent.cookie);
      expect(res.errors).toBeUndefined();
      return res.data.insights.promises;
    };
    /** Straight from the escalations, as the section computed it before its roll-up. */
    const truth = async (filter: { from: string; to: string; spaceId?: string; teamId?: string }) => {
      const rows = (await t.dataSource.query(
        `SELECT e.team_id::text AS "teamId", e.priority, count(*)::int AS opened,
           count(*) FILTER (WHERE e.first_responded_at IS NOT NULL OR e.first_response_breached_at IS NOT NULL
             OR coalesce(e.paused_at, $5) > e.first_response_due_at)::int AS "firstResponseDecided",
           count(*) FILTER (WHERE e.first_responded_at IS NOT NULL AND e.first_responded_at <= e.first_response_due_at
             AND e.first_response_breached_at IS NULL)::int AS "firstResponseMet",
           count(*) FILTER (WHERE e.resolved_at IS NOT NULL OR e.resolution_breached_at IS NOT NULL
             OR coalesce(e.paused_at, $5) > e.resolution_due_at)::int AS "resolutionDecided",
           count(*) FILTER (WHERE e.resolved_at IS NOT NULL AND e.resolved_at <= e.resolution_due_at
             AND e.resolution_breached_at IS NULL)::int AS "resolutionMet",
           coalesce(sum(e.paused_business_minutes), 0)::int AS paused_minutes,
           count(*) FILTER (WHERE e.paused_business_minutes > 0 OR e.paused_at IS NOT NULL)::int AS paused
         FROM escalations e JOIN teams t ON t.id = e.team_id
         WHERE e.created_at >= $1 AND e.created_at < $2 AND ($4::bigint IS NULL OR e.team_id = $4::bigint)
           AND ($3::bigint IS NULL OR e.question_id IN (SELECT q.id FROM questions q WHERE q.space_id = $3::bigint))
         GROUP BY e.team_id, t.name, e.priority
         ORDER BY t.name, e.team_id, array_position(ARRAY['urgent', 'high', 'normal', 'low']::varchar[], e.priority)`,
        [filter.from, filter.to, filter.spaceId ?? null, filter.teamId ?? null, new Date()],
      )) as (Record<string, number | string> & { paused_minutes: number; paused: number })[];
      const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + pick(r), 0);
      return {
        escalationsOpened: sum((r) => r.opened as number),
        firstResponseBreaches: sum((r) => (r.firstResponseDecided as number) - (r.firstResponseMet as number)),
        resolutionBreaches: sum((r) => (r.resolutionDecided as number) - (r.resolutionMet as number)),
        pausedMinutes: sum((r) => r.paused_minutes),
        escalationsPaused: sum((r) => r.paused),
        attainment: rows.map(({ paused_minutes: _m, paused: _p, ...r }) => r),
      };
    };
    const iso = (ms: number) => new Date(ms).toISOString();
    const periods = [
      { from: '2026-02-01T00:00:00Z', to: '2026-06-01T00:00:00Z' },
      { from: '2026-02-23T07:00:00Z', to: '2026-04-21T12:00:00Z' },
      { from: '2026-03-10T00:00:00Z', to: '2026-03-12T18:00:00Z' },
      { from: iso(now - 10 * 24 * 60 * M), to: iso(now + 60 * M) },
      { from: iso(now - 360 * 24 * 60 * M), to: iso(now + 60 * M) },
    ];
    const filters = [{}, { spaceId }, { spaceId: east }, { teamId: care }, { teamId: night }, { teamId: night, spaceId: east }];
    const compare = () => expectAsComputedLive(periods, filters, figures, truth);
    await compare();
    const recent = await truth(periods[3]!);
    expect(recent.escalationsOpened).toBe(6);
    expect(recent.attainment.some((r) => (r.firstResponseDecided as number) < (r.opened as number))).toBe(true); // clocks still running

    // The sweeper marks a running first response breached, an agent waits on the customer: only the timeline hears of it.
    await t.dataSource.query(`UPDATE escalations SET first_response_breached_at = now() WHERE id = $1`, [ids[42]]);
    await t.dataSource.query(`UPDATE escalations SET status = 'waiting_on_customer', paused_at = now() WHERE id = $1`, [ids[44]]);
    await t.dataSource.query(
      `INSERT INTO escalation_events (escalation_id, kind, created_at) VALUES ($1, 'first_response_breached', now()), ($2, 'status_changed', now())`,
      [ids[42], ids[44]],
    );
    expect(await figures(periods[3]!)).not.toEqual(await truth(periods[3]!));
    await t.app.get(InsightsRollupWorker).drain();
    await compare();
  });
});
