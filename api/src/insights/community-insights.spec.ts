// Community insights on a small constructed history: who carried the community (the reputation
// ledger, reversals and staff left out), newcomers who became regulars, penalties and pins, tags and
// spaces whose volume rose against the period before, unanswered questions by age, and the
// escalation backlog at the end of each day. Every figure is what the rows imply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSpace, setRole, signUp, type TestUser } from '../test-support/builders';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { appendOutbox } from '../platform/outbox/outbox';
import { InsightsRollupWorker } from './insights-rollup.worker';
import { rebuildInsights } from './rebuild';
import { MONTHLY } from './scope';

const COMMUNITY = `query ($filter: InsightsFilter!) { insights(filter: $filter) {
  powerUsers { contributors { displayName answersAccepted answersVerified helpfulAnswers } newcomers regulars
    trustMovement { warned suspended pinned released } }
  hotTopics { tags { name questions previousQuestions } spaces { name questions previousQuestions } minimumVolume
    unansweredByAge { underOneDay oneToThreeDays threeToSevenDays overSevenDays } }
  backlog { day open } } }`;
const PERIOD = { from: '2026-03-01T00:00:00Z', to: '2026-03-31T00:00:00Z' };
const HOUR = 60 * 60_000;

interface Community {
  powerUsers: {
    contributors: { displayName: string; answersAccepted: number; answersVerified: number; helpfulAnswers: number }[];
    newcomers: number;
    regulars: number;
    trustMovement: Record<string, number>;
  };
  hotTopics: {
    tags: { name: string; questions: number; previousQuestions: number }[];
    spaces: { name: string; questions: number; previousQuestions: number }[];
    minimumVolume: number;
    unansweredByAge: Record<string, number>;
  };
  backlog: { day: string; open: number }[];
}

describe('community insights', () => {
  let t: TestApp;
  let agent: TestUser;
  const spaces: Record<string, string> = {};
  let teamId: string;

  const insert = async (sql: string, values: unknown[]): Promise<string> =>
    ((await t.dataSource.query(sql, values)) as { id: string }[])[0]!.id;
  const question = async (space: string, author: TestUser, createdAt: Date | string, tags: string[] = [], state = 'published') => {
    const id = await insert(
      `INSERT INTO questions (space_id, author_id, title, body_markdown, body_html, created_at, last_activity_at, moderation_state)
       VALUES ($1, $2, 'Why did my meter stop?', 'Body text of the question.', '<p>Body text of the question.</p>', $3, $3, $4) RETURNING id`,
      [spaces[space], author.id, createdAt, state],
    );
    for (const tag of tags)
      await t.dataSource.query(`INSERT INTO question_tags (question_id, tag_id) SELECT $1, id FROM tags WHERE slug = $2`, [id, tag]);
    return id;
  };
  /** Tells the roll-up worker about questions written straight into the tables, and lets it catch up. */
  const announce = async (questionIds: string[]) => {
    const rows: { id: string; space_id: string }[] = await t.dataSource.query(
      `SELECT id, space_id FROM questions WHERE id = ANY($1::bigint[]) ORDER BY id`,
      [questionIds],
    );
    await t.dataSource.transaction(async (manager) => {
      for (const row of rows) await appendOutbox(manager, 'question.created', row.id, { spaceId: row.space_id });
    });
    await t.app.get(InsightsRollupWorker).drain();
  };
  const answer = async (questionId: string, author: TestUser, createdAt: string) => {
    await t.dataSource.query(
      `INSERT INTO answers (question_id, author_id, body_markdown, body_html, created_at) VALUES ($1, $2, 'An answer.', '<p>An answer.</p>', $3)`,
      [questionId, author.id, createdAt],
    );
    await t.dataSource.query(`UPDATE questions SET answer_count = answer_count + 1 WHERE id = $1`, [questionId]);
  };
  const ledger = (user: TestUser, kind: string, subjectId: number, space: string | null, at: string, reversalOf: string | null = null) =>
    insert(
      `INSERT INTO reputation_events (user_id, kind, delta, subject_type, subject_id, space_id, reversal_of, created_at)
       VALUES ($1, $2, 0, 'answer', $3, $4, $5, $6) RETURNING id`,
      [user.id, kind, subjectId, space ? spaces[space] : null, reversalOf, at],
    );
  const query = async (filter: Record<string, unknown>): Promise<Community> => {
    const res = await t.gql<{ insights: Community }>(COMMUNITY, { filter: { ...PERIOD, ...filter } }, agent.cookie);
    expect(res.errors).toBeUndefined();
    return res.data.insights;
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
    await t.dataSource.query(
      `INSERT INTO spaces (slug, name) VALUES ('meters', 'Meters'), ('waiting', 'Waiting room'); INSERT INTO tags (slug) VALUES ('outage')`,
    );
    for (const row of (await t.dataSource.query(`SELECT id, slug FROM spaces`)) as { id: string; slug: string }[])
      spaces[row.slug] = row.id;
    teamId = await insert(`INSERT INTO teams (name, time_zone, weekly) VALUES ('Care', 'UTC', '[]') RETURNING id`, []);
    await t.dataSource.query(`INSERT INTO space_teams (space_id, team_id) VALUES ($1, $2)`, [spaces.meters, teamId]);
    agent = await signUp(t, 'Alma Agent');
    await setRole(t.dataSource, agent.id, 'agent');
    const [ada, ben, cleo, dan, eve, finn, gus] = await Promise.all(
      ['Ada', 'Ben', 'Cleo', 'Dan', 'Eve', 'Finn', 'Gus'].map((name) => signUp(t, `${name} Member`)),
    );

    // Volume. The period before (30 Jan – 1 Mar): one invoice question. The period: outage 4 (meters),
    // invoice 3 and tariff 2 (billing; tariff stays under the minimum volume); Gus's deleted question does not count.
    const previous = await question('billing', finn!, '2026-02-10T09:00:00Z', ['invoice']);
    await answer(previous, ben!, '2026-02-11T09:00:00Z');
    const m1 = await question('meters', eve!, '2026-03-02T09:00:00Z', ['outage']);
    await question('meters', eve!, '2026-03-05T09:00:00Z', ['outage']);
    const m3 = await question('meters', finn!, '2026-03-06T09:00:00Z', ['outage']);
    await question('meters', agent, '2026-03-07T09:00:00Z', ['outage']);
    await question('billing', eve!, '2026-03-09T09:00:00Z', ['invoice']);
    const b2 = await question('billing', finn!, '2026-03-10T09:00:00Z', ['invoice']);
    await question('billing', finn!, '2026-03-11T09:00:00Z', ['invoice']);
    await question('billing', finn!, '2026-03-12T09:00:00Z', ['tariff']);
    await question('billing', finn!, '2026-03-13T09:00:00Z', ['tariff']);
    await question('billing', gus!, '2026-03-14T09:00:00Z', ['tariff'], 'deleted');
    // Newcomers: Eve posted on 2, 5 and 9 March (a regular); Dan twice on 3 March; Ben and Finn posted before.
    await answer(m1, dan!, '2026-03-03T10:00:00Z');
    await answer(m3, dan!, '2026-03-03T11:00:00Z');
    await answer(b2, ben!, '2026-03-10T12:00:00Z');

    // The ledger: Ada 2 accepted, 1 verified, 2 distinct answers upvoted; Ben 2 accepted, 3 upvoted;
    // Cleo 1 accepted (a second one reversed, one in February); Dan 1 upvoted in meters; staff never listed.
    for (const [user, kind, subject, space, at] of [
      [ada, 'answer.accepted', 1, 'billing', '2026-03-03T10:00:00Z'],
      [ada, 'answer.accepted', 2, 'billing', '2026-03-04T10:00:00Z'],
      [ada, 'answer.verified', 1, 'billing', '2026-03-04T11:00:00Z'],
      [ada, 'answer.upvoted', 1, 'billing', '2026-03-05T10:00:00Z'],
      [ada, 'answer.upvoted', 1, 'billing', '2026-03-05T11:00:00Z'],
      [ada, 'answer.upvoted', 2, 'billing', '2026-03-05T12:00:00Z'],
      [ben, 'answer.accepted', 3, 'billing', '2026-03-06T10:00:00Z'],
      [ben, 'answer.accepted', 4, 'billing', '2026-03-06T11:00:00Z'],
      [ben, 'answer.upvoted', 3, 'billing', '2026-03-07T10:00:00Z'],
      [ben, 'answer.upvoted', 4, 'billing', '2026-03-07T10:00:00Z'],
      [ben, 'answer.upvoted', 5, 'billing', '2026-03-07T10:00:00Z'],
      [cleo, 'answer.accepted', 6, 'billing', '2026-03-08T10:00:00Z'],
      [cleo, 'answer.accepted', 7, 'billing', '2026-02-08T10:00:00Z'],
      [dan, 'answer.upvoted', 8, 'meters', '2026-03-08T10:00:00Z'],
      [agent, 'answer.accepted', 9, 'billing', '2026-03-08T10:00:00Z'],
      [agent, 'answer.accepted', 10, 'billing', '2026-03-08T11:00:00Z'],
      [agent, 'answer.accepted', 11, 'billing', '2026-03-08T12:00:00Z'],
    ] as const)
      await ledger(user!, kind, subject, space, at);
    const unaccepted = await ledger(cleo!, 'answer.accepted', 12, 'billing', '2026-03-09T10:00:00Z');
    await ledger(cleo!, 'answer.accepted', 12, 'billing', '2026-03-09T11:00:00Z', unaccepted);

    // Trust: Dan warned in March, Cleo in February; Finn's suspension reversed; two pins and a release in March, a pin in April.
    await ledger(dan!, 'penalty.warning', 1, null, '2026-03-15T10:00:00Z');
    await ledger(cleo!, 'penalty.warning', 1, null, '2026-02-15T10:00:00Z');
    const suspension = await ledger(finn!, 'penalty.suspension', 1, null, '2026-03-16T10:00:00Z');
    await ledger(finn!, 'penalty.suspension', 1, null, '2026-03-17T10:00:00Z', suspension);
    for (const [action, at] of [
      ['user.trustLevelPinned', '2026-03-18T10:00:00Z'],
      ['user.trustLevelPinned', '2026-03-19T10:00:00Z'],
      ['user.trustLevelReleased', '2026-03-20T10:00:00Z'],
      ['user.trustLevelPinned', '2026-04-02T10:00:00Z'],
    ])
      await t.dataSource.query(
        `INSERT INTO audit_log (actor_id, action, subject_type, subject_id, details, created_at) VALUES ($1, $2, 'user', $3, '{}', $4)`,
        [agent.id, action, ada!.id, at],
      );

    // Waiting now: one question per age bucket in the waiting room, one answered and one deleted that do not count.
    const now = Date.now();
    for (const hours of [2, 2 * 24, 5 * 24, 10 * 24]) await question('waiting', finn!, new Date(now - hours * HOUR));
    await answer(await question('waiting', finn!, new Date(now - HOUR)), ben!, new Date(now).toISOString());
    await question('waiting', finn!, new Date(now - HOUR), [], 'deleted');

    // Backlog (team Care): E1 open since February, resolved 3 March; E2 opened and resolved on 2 March;
    // E3 (meters) opened 4 March, still open; E4 lies before the period; E5 opened 10 March, resolved in April.
    for (const [space, createdAt, resolvedAt] of [
      ['billing', '2026-02-20T10:00:00Z', '2026-03-03T12:00:00Z'],
      ['billing', '2026-03-02T10:00:00Z', '2026-03-02T15:00:00Z'],
      ['meters', '2026-03-04T09:00:00Z', null],
      ['billing', '2026-01-10T10:00:00Z', '2026-02-01T10:00:00Z'],
      ['billing', '2026-03-10T10:00:00Z', '2026-04-10T10:00:00Z'],
    ] as const)
      await t.dataSource.query(
        `INSERT INTO escalations (question_id, team_id, priority, status, source, first_response_due_at, resolution_due_at, next_due_at,
           resolved_at, created_at)
         VALUES ($1, $2, 'normal', $3, 'staff', $4, $4, $4, $5, $4)`,
        [await question(space, agent, '2025-06-01T10:00:00Z'), teamId, resolvedAt ? 'resolved' : 'assigned', createdAt, resolvedAt],
      );
    // These rows went straight into the tables, like history from before an upgrade: the backfill rolls them up.
    await rebuildInsights(t.dataSource.manager);
  });
  afterAll(() => t.close());

  it('shows who carried the community, what rises and what waits, exactly as the history implies', async () => {
    const { powerUsers, hotTopics, backlog } = await query({});
    expect(powerUsers).toEqual({
      contributors: [
        { displayName: 'Ada Member', answersAccepted: 2, answersVerified: 1, helpfulAnswers: 2 },
        { displayName: 'Ben Member', answersAccepted: 2, answersVerified: 0, helpfulAnswers: 3 },
        { displayName: 'Cleo Member', answersAccepted: 1, answersVerified: 0, helpfulAnswers: 0 },
        { displayName: 'Dan Member', answersAccepted: 0, answersVerified: 0, helpfulAnswers: 1 },
      ],
      newcomers: 2, // Eve and Dan
      regulars: 1, // Eve: 2, 5 and 9 March
      trustMovement: { warned: 1, suspended: 0, pinned: 2, released: 1 },
    });
    expect(hotTopics).toEqual({
      tags: [
        { name: 'outage', questions: 4, previousQuestions: 0 },
        { name: 'invoice', questions: 3, previousQuestions: 1 },
      ],
      // Both rose by 4: the busier first.
      spaces: [
        { name: 'Billing', questions: 5, previousQuestions: 1 },
        { name: 'Meters', questions: 4, previousQuestions: 0 },
      ],
      minimumVolume: 3,
      unansweredByAge: expect.any(Object) as unknown,
    });
    expect(backlog).toHaveLength(30);
    const open = Object.fromEntries(backlog.map((d) => [d.day, d.open]));
    expect([open['2026-03-01'], open['2026-03-02'], open['2026-03-03'], open['2026-03-04'], open['2026-03-09']]).toEqual([1, 1, 0, 1, 1]);
    expect([open['2026-03-10'], open['2026-03-30']]).toEqual([2, 2]);
  });

  it('narrows to a space and a team', async () => {
    const waiting = await query({ spaceId: spaces.waiting });
    expect(waiting.hotTopics.unansweredByAge).toEqual({ underOneDay: 1, oneToThreeDays: 1, threeToSevenDays: 1, overSevenDays: 1 });
    expect(waiting.hotTopics.spaces).toEqual([]);
    expect(waiting.backlog.every((d) => d.open === 0)).toBe(true);

    const meters = await query({ spaceId: spaces.meters });
    expect([meters.powerUsers.newcomers, meters.powerUsers.regulars]).toEqual([2, 0]); // Eve posted on two days in meters
    expect(meters.hotTopics.tags).toEqual([{ name: 'outage', questions: 4, previousQuestions: 0 }]);
    expect(meters.backlog.find((d) => d.day === '2026-03-01')?.open).toBe(0);
    expect(meters.backlog.find((d) => d.day === '2026-03-04')?.open).toBe(1);

    const care = await query({ teamId });
    expect(care.powerUsers.contributors.map((c) => c.displayName)).toEqual(['Dan Member']);
    expect([care.powerUsers.newcomers, care.powerUsers.regulars]).toEqual([2, 0]); // Care handles meters only
    expect(care.hotTopics.spaces.map((s) => s.name)).toEqual(['Meters']);
    expect(care.backlog.find((d) => d.day === '2026-03-10')?.open).toBe(2);
  });

  it('reads whole months from the monthly roll-ups with the same figures as from the daily ones', async () => {
    // From mid-January into April with parts of a day at both ends: February and March whole, both periods of the rise.
    const filters = [{}, { spaceId: spaces.meters }, { teamId }].map((f) => ({
      ...f,
      from: '2026-01-14T07:00:00Z',
      to: '2026-04-03T12:00:00Z',
    }));
    const [months] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM insights_topic_months)::int AS topics, (SELECT count(*) FROM insights_ledger_months)::int AS ledger`,
    );
    expect(months.topics).toBeGreaterThan(0);
    expect(months.ledger).toBeGreaterThan(0);
    const monthly = [];
    for (const filter of filters) monthly.push(await query(filter));
    MONTHLY.enabled = false;
    try {
      for (const [i, filter] of filters.entries()) expect(monthly[i]).toEqual(await query(filter));
    } finally {
      MONTHLY.enabled = true;
    }
    expect(monthly[0]!.powerUsers.contributors.length).toBeGreaterThan(0);
    expect(monthly[0]!.hotTopics.tags.length).toBeGreaterThan(0);
  });

  it('keeps its roll-ups current from the outbox and the ledger', async () => {
    const gil = await signUp(t, 'Gil Member');
    const q = await question('meters', gil, '2026-03-20T09:00:00Z', ['outage']);
    await t.dataSource.transaction((manager) => appendOutbox(manager, 'question.created', q, { spaceId: spaces.meters! }));
    await ledger(gil, 'answer.accepted', 13, 'billing', '2026-03-21T10:00:00Z');
    const before = await query({});
    expect([before.powerUsers.newcomers, before.hotTopics.tags[0]]).toEqual([2, { name: 'outage', questions: 4, previousQuestions: 0 }]);
    expect(before.powerUsers.contributors.map((c) => c.displayName)).not.toContain('Gil Member');

    await t.app.get(InsightsRollupWorker).drain();
    const after = await query({});
    expect([after.powerUsers.newcomers, after.hotTopics.tags[0]]).toEqual([3, { name: 'outage', questions: 5, previousQuestions: 0 }]);
    expect(after.powerUsers.contributors).toContainEqual({
      displayName: 'Gil Member',
      answersAccepted: 1,
      answersVerified: 0,
      helpfulAnswers: 0,
    });
  });

  it('lists the ten members with the most accepted and verified answers, the number of answers upvoted deciding ties at the tenth', async () => {
    // Nine members with 4 accepted answers (i % 3 upvoted), Lu A and Lu B with 3 (1 and 2 upvoted), Max with 12 upvoted answers only.
    const member = (name: string) => insert(`INSERT INTO users (display_name, role) VALUES ($1, 'member') RETURNING id`, [name]);
    const kais = [];
    for (let i = 1; i <= 9; i++) kais.push(await member(`Kai 0${i}`));
    const [luA, luB, max] = [await member('Lu A'), await member('Lu B'), await member('Max Member')];
    let subject = 1000;
    const events: [string, string, number][] = [];
    for (const [i, kai] of kais.entries()) {
      for (let n = 0; n < 4; n++) events.push([kai, 'answer.accepted', subject++]);
      for (let n = 0; n < (i + 1) % 3; n++) events.push([kai, 'answer.upvoted', subject++]);
    }
    for (const [lu, upvoted] of [
      [luA, 1],
      [luB, 2],
    ] as const) {
      for (let n = 0; n < 3; n++) events.push([lu, 'answer.accepted', subject++]);
      for (let n = 0; n < upvoted; n++) events.push([lu, 'answer.upvoted', subject++]);
    }
    for (let n = 0; n < 12; n++) events.push([max, 'answer.upvoted', subject++]);
    for (const [i, [userId, kind, id]] of events.entries())
      await ledger(
        { id: userId } as TestUser,
        kind,
        id,
        i % 2 ? 'billing' : 'meters',
        new Date(Date.parse('2026-03-02T10:00:00Z') + i * 9 * HOUR).toISOString(),
      );
    await t.app.get(InsightsRollupWorker).drain();

    const expected = [
      ...['Kai 02', 'Kai 05', 'Kai 08'].map((displayName) => ({ displayName, answersAccepted: 4, answersVerified: 0, helpfulAnswers: 2 })),
      ...['Kai 01', 'Kai 04', 'Kai 07'].map((displayName) => ({ displayName, answersAccepted: 4, answersVerified: 0, helpfulAnswers: 1 })),
      ...['Kai 03', 'Kai 06', 'Kai 09'].map((displayName) => ({ displayName, answersAccepted: 4, answersVerified: 0, helpfulAnswers: 0 })),
      { displayName: 'Lu B', answersAccepted: 3, answersVerified: 0, helpfulAnswers: 2 },
    ];
    // March whole (the monthly roll-up) and from its days; a period within March (the daily roll-up and parts of a day).
    const whole = { from: '2026-02-20T00:00:00Z', to: '2026-04-05T00:00:00Z' };
    expect((await query(whole)).powerUsers.contributors).toEqual(expected);
    MONTHLY.enabled = false;
    try {
      expect((await query(whole)).powerUsers.contributors).toEqual(expected);
    } finally {
      MONTHLY.enabled = true;
    }
    expect((await query({ from: '2026-03-01T06:00:00Z', to: '2026-03-31T18:00:00Z' })).powerUsers.contributors).toEqual(expected);
  });

  it('counts newcomers and regulars per space and team from their roll-ups exactly as from the posts, and follows a space that changes team', async () => {
    const user = async (name: string, role = 'member') =>
      ({ id: await insert(`INSERT INTO users (display_name, role) VALUES ($1, $2) RETURNING id`, [name, role]) }) as TestUser;
    const [hal, ida, jo, kim] = [
      await user('Hal Member'),
      await user('Ida Member'),
      await user('Jo Agent', 'agent'),
      await user('Kim Member'),
    ];
    const touched: string[] = [];
    const post = async (space: string, author: TestUser, at: string, state = 'published') => {
      touched.push(await question(space, author, at, [], state));
    };
    // Hal on 4 (billing, just before midnight), 5 (an answer in meters just after it, and a question) and 21 March (billing);
    // Ida on 6 (twice), 8 and 25 March in meters, a deleted question in billing on 9 March; Jo (staff) on 7, 8 and 9 March;
    // Kim's first post (2 March) was deleted, her next one is in meters on 10 March.
    await post('billing', hal!, '2026-03-04T23:30:00Z');
    await post('meters', hal!, '2026-03-05T09:00:00Z');
    await answer(touched.at(-1)!, hal!, '2026-03-05T00:30:00Z');
    await post('billing', hal!, '2026-03-21T10:00:00Z');
    for (const at of ['2026-03-06T08:00:00Z', '2026-03-06T18:00:00Z', '2026-03-08T08:00:00Z', '2026-03-25T08:00:00Z'])
      await post('meters', ida!, at);
    await post('billing', ida!, '2026-03-09T08:00:00Z', 'deleted');
    for (const day of ['07', '08', '09']) await post('billing', jo!, `2026-03-${day}T12:00:00Z`);
    await post('billing', kim!, '2026-03-02T12:00:00Z', 'deleted');
    await post('meters', kim!, '2026-03-10T12:00:00Z');
    await announce(touched);

    /** Newcomers and regulars straight from the posts: members whose first post lies in the period, by their posting days in the filter before its end. */
    const truth = async (filter: { from: string; to: string; spaceId?: string; teamId?: string }) =>
      (
        (await t.dataSource.query(
          `WITH posts AS (
             SELECT author_id, space_id, created_at, moderation_state <> 'deleted' AS live FROM questions
             UNION ALL SELECT a.author_id, q.space_id, a.created_at, a.moderation_state <> 'deleted' FROM answers a JOIN questions q ON q.id = a.question_id
           ), firsts AS (SELECT author_id FROM posts GROUP BY 1 HAVING min(created_at) >= $1 AND min(created_at) < $2),
           days AS (
             SELECT p.author_id, count(DISTINCT (p.created_at AT TIME ZONE 'UTC')::date) AS n
             FROM posts p JOIN firsts USING (author_id) JOIN users u ON u.id = p.author_id AND u.role = 'member'
             WHERE p.live AND p.created_at < $2 AND ($3::bigint IS NULL OR p.space_id = $3)
               AND ($4::bigint IS NULL OR p.space_id IN (SELECT space_id FROM space_teams WHERE team_id = $4))
             GROUP BY 1)
           SELECT count(*)::int AS newcomers, count(*) FILTER (WHERE n >= 3)::int AS regulars FROM days`,
          [filter.from, filter.to, filter.spaceId ?? null, filter.teamId ?? null],
        )) as { newcomers: number; regulars: number }[]
      )[0]!;
    const periods = [
      PERIOD,
      { from: '2026-03-04T12:00:00Z', to: '2026-03-21T00:00:00Z' },
      { from: '2026-03-05T00:00:00Z', to: '2026-03-25T12:00:00Z' },
      { from: '2026-01-01T00:00:00Z', to: '2026-04-30T00:00:00Z' },
    ];
    const filters = [
      {},
      { spaceId: spaces.billing },
      { spaceId: spaces.meters },
      { teamId },
      { teamId, spaceId: spaces.meters },
      { teamId, spaceId: spaces.billing },
    ];
    const compare = async () => {
      for (const period of periods)
        for (const filter of filters) {
          const { newcomers, regulars } = (await query({ ...period, ...filter })).powerUsers;
          expect({ ...filter, ...period, newcomers, regulars }).toEqual({
            ...filter,
            ...period,
            ...(await truth({ ...period, ...filter })),
          });
        }
    };
    await compare();
    // Among them Hal, Ida and Kim in meters (Care), Ida there on three days.
    expect(await truth({ ...PERIOD, teamId })).toMatchObject({ regulars: 1 });
    // Billing joins Care: the team's figures follow with the next drain.
    await t.dataSource.query(`INSERT INTO space_teams (space_id, team_id) VALUES ($1, $2)`, [spaces.billing, teamId]);
    await t.app.get(InsightsRollupWorker).drain();
    await compare();
    await t.dataSource.query(`DELETE FROM space_teams WHERE space_id = $1`, [spaces.billing]);
    await t.app.get(InsightsRollupWorker).drain();
  });

  it('counts rising tags from the rows over all spaces exactly as from the questions', async () => {
    await t.dataSource.query(`INSERT INTO tags (slug) VALUES ('meter-swap'), ('refund') ON CONFLICT DO NOTHING`);
    const author = {
      id: await insert(`INSERT INTO users (display_name, role) VALUES ('Tia Member', 'member') RETURNING id`, []),
    } as TestUser;
    const touched: string[] = [];
    // From 8 to 27 March, in Billing and Meters, one to three tags each, a deleted one among them.
    for (let i = 0; i < 45; i++) {
      const at = new Date(Date.parse('2026-03-08T05:00:00Z') + i * 10.5 * HOUR).toISOString();
      const tags = [['outage'], ['invoice', 'refund'], ['meter-swap', 'outage', 'tariff'], ['refund']][i % 4]!;
      touched.push(await question(i % 3 ? 'billing' : 'meters', author, at, tags, i % 11 === 5 ? 'deleted' : 'published'));
    }
    await announce(touched);

    /** Tags with more questions in the period than in the one as long before it, straight from the questions. */
    const truth = async (filter: { from: string; to: string; spaceId?: string; teamId?: string }) =>
      (await t.dataSource.query(
        `WITH q AS (
           SELECT q.id, q.created_at >= $1 AS current FROM questions q
           WHERE q.moderation_state <> 'deleted' AND q.created_at >= $1::timestamptz - ($2::timestamptz - $1::timestamptz) AND q.created_at < $2
             AND ($3::bigint IS NULL OR q.space_id = $3) AND ($4::bigint IS NULL OR q.space_id IN (SELECT space_id FROM space_teams WHERE team_id = $4)))
         SELECT t.slug AS name, count(*) FILTER (WHERE q.current)::int AS questions, count(*) FILTER (WHERE NOT q.current)::int AS "previousQuestions"
         FROM q JOIN question_tags qt ON qt.question_id = q.id JOIN tags t ON t.id = qt.tag_id
         GROUP BY t.id, t.slug HAVING count(*) FILTER (WHERE q.current) >= 3 AND count(*) FILTER (WHERE q.current) > count(*) FILTER (WHERE NOT q.current)
         ORDER BY count(*) FILTER (WHERE q.current) - count(*) FILTER (WHERE NOT q.current) DESC, 2 DESC, 1 LIMIT 10`,
        [filter.from, filter.to, filter.spaceId ?? null, filter.teamId ?? null],
      )) as { name: string; questions: number; previousQuestions: number }[];
    const periods = [
      { from: '2026-03-15T00:00:00Z', to: '2026-03-25T00:00:00Z' },
      { from: '2026-03-14T06:00:00Z', to: '2026-03-27T18:00:00Z' },
      { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' },
      { from: '2026-02-01T00:00:00Z', to: '2026-05-01T00:00:00Z' },
    ];
    for (const period of periods)
      for (const filter of [{}, { spaceId: spaces.meters }, { teamId }]) {
        const expected = await truth({ ...period, ...filter });
        expect({ ...period, ...filter, tags: (await query({ ...period, ...filter })).hotTopics.tags }).toEqual({
          ...period,
          ...filter,
          tags: expected,
        });
      }
    expect((await truth(periods[0]!)).length).toBeGreaterThan(1);
  });
});
