import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, ask, seedSpace, setRole, setTrustLevel, signUp, type TestUser } from '../test-support/builders';
import { expectError } from '../test-support/matchers';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { ACTIVITY_LIMITS } from './activity-limits';
import { ActivityTracker } from './activity-tracker';
import { recomputeReputation } from './recompute';
import { ReputationService } from './reputation.service';
import { levelSql, PROMOTION, trustLevelFor, type TrustStats } from './trust-levels';
import { VOTE_RING } from './vote-reputation';

const VOTE = `mutation ($input: VoteInput!) { vote(input: $input) { score viewerVote } }`;
const ACCEPT = `mutation ($id: ID!) { acceptAnswer(answerId: $id) { id status } }`;
const PROFILE = `query ($id: ID!) { user(id: $id) {
  id reputation trustLevel trustLevelName acceptedAnswerCount verifiedAnswerCount badges { key tier }
  trustProgress { reputation daysVisited postsRead answersAccepted pinned heldByPenalty next { level name reputation } }
  reputationHistory(first: 50) { edges { node { kind delta reversal reason subjectType questionId } } pageInfo { hasNextPage endCursor } }
  reputationChart { day total }
} }`;
const SETTINGS = `mutation ($input: UpdateReputationSettingsInput!) { updateReputationSettings(input: $input) { dailyVoteCap values { kind points } } }`;
const PIN = `mutation ($input: PinTrustLevelInput!) { pinTrustLevel(input: $input) { id trustLevel } }`;
const THREAD = `query ($id: ID!) { question(id: $id) { id } }`;

interface Profile {
  user: {
    reputation: number;
    trustLevel: number;
    trustLevelName: string;
    acceptedAnswerCount: number;
    badges: { key: string; tier: string }[];
    trustProgress: { daysVisited: number; postsRead: number; answersAccepted: number; pinned: boolean; heldByPenalty: boolean } | null;
    reputationHistory: { edges: { node: { kind: string; delta: number; reversal: boolean; reason: string | null } }[] } | null;
    reputationChart: { day: string; total: number }[] | null;
  };
}

describe('reputation ledger, trust levels, badges and abuse resistance', () => {
  let t: TestApp;
  let admin: TestUser;
  let moderator: TestUser;

  /** Many sign-ups from one test address: the sign-up limit per address is not what this file tests. */
  const member = async (name: string, trustLevel = 1) => {
    await t.dataSource.query(`DELETE FROM rate_limit_buckets WHERE key NOT LIKE 'activity:%'`);
    return signUp(t, name, { trustLevel });
  };
  const vote = (user: TestUser, target: { questionId?: string; answerId?: string }, value: number) =>
    t.gql<{ vote: { score: number } }>(VOTE, { input: { ...target, value } }, user.cookie);
  const profile = (userId: string, viewer?: TestUser) => t.gql<Profile>(PROFILE, { id: userId }, viewer?.cookie);
  const reputationOf = async (userId: string): Promise<number> =>
    (await t.dataSource.query(`SELECT reputation FROM users WHERE id = $1`, [userId]))[0].reputation;
  const ledgerSum = async (userId: string): Promise<number> =>
    (await t.dataSource.query(`SELECT coalesce(sum(delta), 0)::int AS s FROM reputation_events WHERE user_id = $1`, [userId]))[0].s;
  const ledger = (userId: string): Promise<{ kind: string; delta: number; reason: string | null; reversal: boolean }[]> =>
    t.dataSource.query(
      `SELECT kind, delta, reason, reversal_of IS NOT NULL AS reversal FROM reputation_events WHERE user_id = $1 ORDER BY id`,
      [userId],
    );
  /** A GraphQL call from a given client address (the app trusts loopback proxies). */
  const gqlFrom = async (ip: string, user: TestUser, query: string, variables: Record<string, unknown>) => {
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-forwarded-for', ip)
      .set('cookie', user.cookie)
      .send({ query, variables });
    return res.body as { data: unknown; errors?: unknown[] };
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
    await t.dataSource.query(`INSERT INTO spaces (slug, name, description) VALUES ('tariffs', 'Tariffs', 'Plans and prices')`);
    admin = await member('Ada Admin');
    await setRole(t.dataSource, admin.id, 'admin');
    moderator = await member('Moritz Moderator');
    await setRole(t.dataSource, moderator.id, 'moderator');
  });
  afterAll(() => t.close());

  describe('ledger', () => {
    it('records upvotes, takes them back when withdrawn, and keeps the cached total equal to the ledger', async () => {
      const [asker, author, voter] = [await member('Asker Lea'), await member('Author Ben'), await member('Voter Cem')];
      const q = await ask(t, asker);
      const a = await answer(t, author, q);

      expect((await vote(voter, { answerId: a }, 1)).errors).toBeUndefined();
      expect(await reputationOf(author.id)).toBe(10);
      expect((await vote(voter, { questionId: q }, 1)).errors).toBeUndefined();
      expect(await reputationOf(asker.id)).toBe(5);

      await vote(voter, { answerId: a }, 0);
      expect(await reputationOf(author.id)).toBe(0);
      expect(await ledger(author.id)).toEqual([
        { kind: 'answer.upvoted', delta: 10, reason: null, reversal: false },
        { kind: 'answer.upvoted', delta: -10, reason: 'vote.changed', reversal: true },
      ]);
      for (const user of [asker, author, voter]) expect(await reputationOf(user.id)).toBe(await ledgerSum(user.id));
    });

    it('turns an upvote into a downvote: the gain is reversed, the author loses 2 and the voter pays 1', async () => {
      const [asker, author, voter] = [await member('Asker Mia'), await member('Author Noa'), await member('Voter Oli')];
      const a = await answer(t, author, await ask(t, asker));
      await vote(voter, { answerId: a }, 1);
      await vote(voter, { answerId: a }, -1);
      expect(await reputationOf(author.id)).toBe(-2);
      expect(await reputationOf(voter.id)).toBe(-1);
      await vote(voter, { answerId: a }, 0);
      expect(await reputationOf(author.id)).toBe(0);
      expect(await reputationOf(voter.id)).toBe(0);
    });

    it('moves the acceptance reputation with the mark and gives nothing for accepting your own answer', async () => {
      const [asker, first, second] = [await member('Asker Pia'), await member('First Quin'), await member('Second Rae')];
      const q = await ask(t, asker);
      const [a1, a2] = [await answer(t, first, q), await answer(t, second, q)];
      expect((await t.gql(ACCEPT, { id: a1 }, asker.cookie)).errors).toBeUndefined();
      expect([await reputationOf(first.id), await reputationOf(asker.id)]).toEqual([15, 2]);
      await t.gql(ACCEPT, { id: a2 }, asker.cookie);
      expect([await reputationOf(first.id), await reputationOf(second.id), await reputationOf(asker.id)]).toEqual([0, 15, 2]);
      expect((await ledger(first.id)).at(-1)).toMatchObject({ kind: 'answer.accepted', delta: -15, reason: 'answer.unaccepted' });

      const own = await answer(t, asker, q);
      await t.gql(ACCEPT, { id: own }, asker.cookie);
      expect([await reputationOf(second.id), await reputationOf(asker.id)]).toEqual([0, 0]);
    });

    it('records contract entries for other domains and keeps spam losses when a post is removed', async () => {
      const [asker, author] = [await member('Asker Sam'), await member('Author Tim')];
      const q = await ask(t, asker);
      const a = await answer(t, author, q);
      const reputation = t.app.get(ReputationService);
      await t.dataSource.transaction(async (manager) => {
        await reputation.record(manager, {
          userId: author.id,
          kind: 'answer.verified',
          subjectType: 'answer',
          subjectId: a,
          actorId: admin.id,
        });
        await reputation.record(manager, { userId: author.id, kind: 'post.spam', subjectType: 'answer', subjectId: a });
      });
      expect(await reputationOf(author.id)).toBe(15 - 100);
      await t.dataSource.transaction((manager) => reputation.reverseFor(manager, 'answer', a));
      await t.dataSource.transaction((manager) => reputation.reverseFor(manager, 'answer', a));
      expect(await reputationOf(author.id)).toBe(-100);
      const entries = await ledger(author.id);
      expect(entries.filter((e) => e.reversal)).toEqual([{ kind: 'answer.verified', delta: -15, reason: 'post.removed', reversal: true }]);
      const [space]: { space_id: string }[] = await t.dataSource.query(
        `SELECT DISTINCT space_id FROM reputation_events WHERE user_id = $1`,
        [author.id],
      );
      expect(space!.space_id).toBe((await t.dataSource.query(`SELECT id FROM spaces WHERE slug = 'billing'`))[0].id);
    });

    it('caps vote gains per day at the admin-set value', async () => {
      expect((await t.gql(SETTINGS, { input: { dailyVoteCap: 15, values: [] } }, admin.cookie)).errors).toBeUndefined();
      try {
        const asker = await member('Asker Uma');
        const author = await member('Author Vic');
        const voters = [await member('Voter W1'), await member('Voter W2'), await member('Voter W3')];
        const a = [
          await answer(t, author, await ask(t, asker)),
          await answer(t, author, await ask(t, asker, { title: 'Second question about my tariff' })),
        ];
        await vote(voters[0]!, { answerId: a[0] }, 1);
        await vote(voters[1]!, { answerId: a[0] }, 1);
        await vote(voters[2]!, { answerId: a[1] }, 1);
        expect((await ledger(author.id)).map((e) => e.delta)).toEqual([10, 5, 0]);
        expect(await reputationOf(author.id)).toBe(15);
        // Accepted answers are not vote gains: the cap does not apply.
        await t.gql(ACCEPT, { id: a[0] }, asker.cookie);
        expect(await reputationOf(author.id)).toBe(30);
      } finally {
        await t.gql(SETTINGS, { input: { dailyVoteCap: 200, values: [] } }, admin.cookie);
      }
    });

    it('validates reputation settings, lets only admins change them, and changes nothing on bad input', async () => {
      const before = await t.gql(`{ reputationSettings { dailyVoteCap values { kind points } } }`, {}, admin.cookie);
      const bad = await t.gql(
        SETTINGS,
        {
          input: {
            dailyVoteCap: -1,
            values: [
              { kind: 'answer.upvoted', points: -5 },
              { kind: 'nope', points: 1 },
            ],
          },
        },
        admin.cookie,
      );
      expectError(bad, 'BAD_USER_INPUT', { field: 'dailyVoteCap', code: 'out_of_range' });
      expect(bad.errors![0]!.extensions.fields).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'values.0.points', code: 'out_of_range' }),
          expect.objectContaining({ field: 'values.1.kind', code: 'unknown' }),
        ]),
      );
      expectError(await t.gql(SETTINGS, { input: { dailyVoteCap: 100, values: [] } }, moderator.cookie), 'FORBIDDEN');
      expectError(await t.gql(`{ reputationSettings { dailyVoteCap } }`, {}, moderator.cookie), 'FORBIDDEN');
      expect(await t.gql(`{ reputationSettings { dailyVoteCap values { kind points } } }`, {}, admin.cookie)).toEqual(before);

      const changed = await t.gql<{ updateReputationSettings: { values: { kind: string; points: number }[] } }>(
        SETTINGS,
        { input: { dailyVoteCap: 200, values: [{ kind: 'flag.helpful', points: 3 }] } },
        admin.cookie,
      );
      expect(changed.data.updateReputationSettings.values).toContainEqual({ kind: 'flag.helpful', points: 3 });
      await t.gql(SETTINGS, { input: { dailyVoteCap: 200, values: [] } }, admin.cookie);
    });

    it('recomputes every total and level from the ledger', async () => {
      const someone = await member('Drifted Dan');
      await t.dataSource.query(`UPDATE users SET reputation = 999`);
      await t.dataSource.transaction((manager) => recomputeReputation(manager));
      const drifted: unknown[] = await t.dataSource.query(
        `SELECT u.id FROM users u WHERE u.reputation <> (SELECT coalesce(sum(delta), 0) FROM reputation_events WHERE user_id = u.id)`,
      );
      expect(drifted).toEqual([]);
      expect(await reputationOf(someone.id)).toBe(0);
    });
  });

  describe('trust levels', () => {
    it('computes levels in SQL exactly as in TypeScript', async () => {
      const cases: TrustStats[] = [];
      for (const need of PROMOTION) {
        for (const shortOf of [0, 1]) {
          for (const [trustLevel, pinned, cap] of [
            [0, null, null],
            [2, null, null],
            [1, null, 0],
            [4, null, 1],
            [0, 3, 0],
          ] as const) {
            cases.push({
              reputation: need.reputation - shortOf,
              daysVisited: need.daysVisited,
              postsRead: need.postsRead,
              answersAccepted: need.answersAccepted,
              trustLevel,
              pinnedTrustLevel: pinned,
              penaltyCap: cap,
            });
          }
        }
      }
      const rows: { level: number }[] = await t.dataSource.query(
        `SELECT ${levelSql()} AS level FROM jsonb_to_recordset($1::jsonb)
           AS s(reputation int, days_visited int, posts_read int, answers_accepted int, trust_level int, pinned_trust_level int, penalty_cap int)`,
        [
          JSON.stringify(
            cases.map((c) => ({
              reputation: c.reputation,
              days_visited: c.daysVisited,
              posts_read: c.postsRead,
              answers_accepted: c.answersAccepted,
              trust_level: c.trustLevel,
              pinned_trust_level: c.pinnedTrustLevel,
              penalty_cap: c.penaltyCap,
            })),
          ),
        ],
      );
      expect(rows.map((r) => r.level)).toEqual(cases.map(trustLevelFor));
    });

    it('promotes a member to regular by reading, votes and an accepted answer, shows progress, and demotes on a suspension', async () => {
      const [asker, helper, voter] = [await member('Asker Xia'), await member('Helper Yan'), await member('Voter Zoe')];
      const questions = [
        await ask(t, asker),
        await ask(t, asker, { title: 'How do I change my tariff online?' }),
        await ask(t, asker, { title: 'Where do I find my meter number?' }),
      ];
      for (const q of questions) expect((await t.gql(THREAD, { id: q }, helper.cookie)).errors).toBeUndefined();
      await t.app.get(ActivityTracker).flushReads();
      const a = await answer(t, helper, questions[0]!);
      let seen = await profile(helper.id, helper);
      expect(seen.data.user).toMatchObject({ trustLevel: 1, trustLevelName: 'member' });
      expect(seen.data.user.trustProgress).toMatchObject({ daysVisited: 1, postsRead: 3, answersAccepted: 0, pinned: false });

      await vote(voter, { answerId: a }, 1);
      await t.gql(ACCEPT, { id: a }, asker.cookie);
      seen = await profile(helper.id, helper);
      expect(seen.data.user).toMatchObject({ reputation: 25, trustLevel: 2, trustLevelName: 'regular', acceptedAnswerCount: 1 });

      await t.dataSource.transaction((manager) =>
        t.app
          .get(ReputationService)
          .record(manager, { userId: helper.id, kind: 'penalty.suspension', subjectType: 'answer', subjectId: a }),
      );
      seen = await profile(helper.id, helper);
      expect(seen.data.user).toMatchObject({ trustLevel: 0, trustLevelName: 'newcomer' });
      expect(seen.data.user.trustProgress).toMatchObject({ heldByPenalty: true });
    });

    it('lets moderators pin a level that nothing moves, and release it; members cannot', async () => {
      const user = await member('Pinned Pat');
      expectError(await t.gql(PIN, { input: { userId: user.id, level: 3 } }, user.cookie), 'FORBIDDEN');
      expectError(await t.gql(PIN, { input: { userId: user.id, level: 5 } }, moderator.cookie), 'BAD_USER_INPUT', {
        field: 'level',
        code: 'out_of_range',
      });
      expect((await profile(user.id)).data.user.trustLevel).toBe(1);

      expect((await t.gql(PIN, { input: { userId: user.id, level: 3 } }, moderator.cookie)).errors).toBeUndefined();
      const q = await ask(t, user);
      await t.dataSource.transaction((manager) =>
        t.app.get(ReputationService).record(manager, { userId: user.id, kind: 'penalty.warning', subjectType: 'question', subjectId: q }),
      );
      expect((await profile(user.id, user)).data.user).toMatchObject({ trustLevel: 3, trustProgress: { pinned: true } });
      const audit: unknown[] = await t.dataSource.query(
        `SELECT 1 FROM audit_log WHERE action = 'user.trustLevelPinned' AND subject_id = $1`,
        [user.id],
      );
      expect(audit).toHaveLength(1);

      await t.gql(PIN, { input: { userId: user.id, level: null } }, moderator.cookie);
      // Released: re-evaluated from the figures, and the recent warning holds the level at member.
      expect((await profile(user.id)).data.user.trustLevel).toBeLessThanOrEqual(1);
    });

    it('lets experts edit others’ posts and refuses a regular, one level too low, changing nothing', async () => {
      const [author, regular, expert] = [await member('Author Ivo'), await member('Regular Jo', 2), await member('Expert Kai', 3)];
      const q = await ask(t, author);
      const edit = (user: TestUser, title: string) =>
        t.gql(
          `mutation ($input: EditQuestionInput!) { editQuestion(input: $input) { title } }`,
          {
            input: { id: q, title, body: 'My November invoice is 40 % higher although my usage did not change at all.', tags: ['invoice'] },
          },
          user.cookie,
        );
      const title = async () => (await t.dataSource.query(`SELECT title FROM questions WHERE id = $1`, [q]))[0].title;
      const before = await title();
      expectError(await edit(regular, 'A regular tries to rename this question'), 'FORBIDDEN');
      expect(await title()).toBe(before);
      const edited = await edit(expert, 'Invoice 40 % higher than last month without more usage');
      expect(edited.errors).toBeUndefined();
      expect(await title()).toBe('Invoice 40 % higher than last month without more usage');
    });
  });

  describe('badges and leaderboard', () => {
    it('awards badges once, by the rules, and shows them on the profile', async () => {
      const [asker, helper] = [await member('Badge Asker'), await member('Badge Helper')];
      const q = await ask(t, asker);
      await ask(t, asker, { title: 'Another question about my bill' });
      const a = await answer(t, helper, q);
      await t.gql(ACCEPT, { id: a }, asker.cookie);
      expect((await profile(asker.id)).data.user.badges.map((b) => b.key)).toEqual(['first_question']);
      expect((await profile(helper.id)).data.user.badges).toEqual([
        { key: 'first_answer', tier: 'bronze' },
        { key: 'first_accepted', tier: 'bronze' },
      ]);
      const rows: unknown[] = await t.dataSource.query(`SELECT 1 FROM user_badges WHERE user_id = $1`, [asker.id]);
      expect(rows).toHaveLength(1);
    });

    it('awards visit streaks from consecutive days', async () => {
      const user = await member('Streak Sue');
      await t.dataSource.query(
        `INSERT INTO user_visits (user_id, day) SELECT $1, current_date - d FROM generate_series(1, 7) d ON CONFLICT DO NOTHING`,
        [user.id],
      );
      await t.dataSource.transaction((manager) => t.app.get(ReputationService).evaluate(manager, [user.id]));
      expect((await profile(user.id)).data.user.badges.map((b) => b.key)).toContain('regular_visitor');
    });

    it('ranks users per space and period from the ledger', async () => {
      const [asker, top, second] = [await member('Board Asker'), await member('Board Top'), await member('Board Second')];
      const voters = [await member('Board V1'), await member('Board V2')];
      const q = await ask(t, asker, { spaceSlug: 'tariffs', title: 'Which tariff suits a small flat?' });
      const [a1, a2] = [await answer(t, top, q), await answer(t, second, q)];
      for (const v of voters) await vote(v, { answerId: a1 }, 1);
      await vote(voters[0]!, { answerId: a2 }, 1);
      const board = async (spaceSlug: string, period: string) =>
        (
          await t.gql<{ leaderboard: { rank: number; points: number; user: { id: string } }[] }>(
            `query ($s: String, $p: LeaderboardPeriod) { leaderboard(spaceSlug: $s, period: $p) { rank points user { id } } }`,
            { s: spaceSlug, p: period },
          )
        ).data.leaderboard;
      expect(await board('tariffs', 'WEEK')).toEqual([
        { rank: 1, points: 20, user: { id: top.id } },
        { rank: 2, points: 10, user: { id: second.id } },
      ]);
      await t.dataSource.query(`UPDATE reputation_events SET created_at = now() - interval '10 days' WHERE user_id = $1`, [second.id]);
      expect((await board('tariffs', 'WEEK')).map((e) => e.user.id)).toEqual([top.id]);
      expect((await board('tariffs', 'MONTH')).map((e) => e.user.id)).toEqual([top.id, second.id]);
      expect((await board('billing', 'ALL_TIME')).map((e) => e.user.id)).not.toContain(top.id);
      expectError(await t.gql(`{ leaderboard(spaceSlug: "nowhere") { rank } }`), 'NOT_FOUND');
    });
  });

  describe('abuse resistance', () => {
    it('takes back the reputation of a vote ring between two accounts', async () => {
      const [author, friend] = [await member('Ring Author'), await member('Ring Friend')];
      const questions: string[] = [];
      for (let i = 0; i < VOTE_RING.posts; i++)
        questions.push(await ask(t, author, { title: `Ring question number ${i + 1} about billing` }));
      for (const q of questions) await vote(friend, { questionId: q }, 1);
      expect(await reputationOf(author.id)).toBe(0);
      const entries = await ledger(author.id);
      expect(entries.filter((e) => e.reason === 'vote.ring')).toHaveLength(VOTE_RING.posts);
      expect(await reputationOf(author.id)).toBe(await ledgerSum(author.id));
    });

    it('takes back an upvote cast from an address the author used (sock puppet)', async () => {
      const [asker, puppet, honest] = [await member('Puppet Master'), await member('Puppet Sock'), await member('Honest Voter')];
      const q = await ask(t, asker);
      expect((await gqlFrom('203.0.113.9', asker, `{ me { id } }`, {})).errors).toBeUndefined();
      await gqlFrom('203.0.113.9', puppet, VOTE, { input: { questionId: q, value: 1 } });
      await gqlFrom('198.51.100.4', honest, VOTE, { input: { questionId: q, value: 1 } });
      expect(await reputationOf(asker.id)).toBe(5);
      expect((await ledger(asker.id)).filter((e) => e.reason === 'vote.sockPuppet')).toEqual([
        { kind: 'question.upvoted', delta: -5, reason: 'vote.sockPuppet', reversal: true },
      ]);
    });

    it('limits posting per trust level per hour and changes nothing past the limit; staff are not metered', async () => {
      const newcomer = await member('Busy Newcomer', 0);
      await t.dataSource.query(
        `INSERT INTO rate_limit_buckets (key, window_start, hits) VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / 3600) * 3600), $2)`,
        [`activity:post:user:${newcomer.id}`, ACTIVITY_LIMITS.post[0]],
      );
      const count = async () =>
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM questions WHERE author_id = $1`, [newcomer.id]))[0].n;
      const res = await t.gql(
        `mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
        {
          input: {
            spaceSlug: 'billing',
            title: 'One more question past my limit',
            body: 'This question should not be stored at all.',
            tags: [],
          },
        },
        newcomer.cookie,
      );
      expectError(res, 'RATE_LIMITED');
      expect(await count()).toBe(0);

      await setRole(t.dataSource, newcomer.id, 'agent');
      await t.dataSource.query(`UPDATE rate_limit_buckets SET hits = 1000 WHERE key = $1`, [`activity:post:user:${newcomer.id}`]);
      expect(await ask(t, newcomer)).toBeTruthy();
    });

    it('limits votes per trust level', async () => {
      const [author, voter] = [await member('Vote Author'), await member('Eager Voter', 0)];
      const q = await ask(t, author);
      await t.dataSource.query(
        `INSERT INTO rate_limit_buckets (key, window_start, hits) VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / 3600) * 3600), $2)`,
        [`activity:vote:user:${voter.id}`, ACTIVITY_LIMITS.vote[0]],
      );
      expectError(await vote(voter, { questionId: q }, 1), 'RATE_LIMITED');
      expect(await reputationOf(author.id)).toBe(0);
      await setTrustLevel(t.dataSource, voter.id, 1);
      expect((await vote(voter, { questionId: q }, 1)).errors).toBeUndefined();
    });

    it('rejects link spam from newcomers with a field error and stores nothing; members may link', async () => {
      const newcomer = await member('Link Newcomer', 0);
      const body = 'Cheap offers at https://spam.example/a and https://spam.example/b and https://spam.example/c today only';
      const res = await t.gql(
        `mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
        { input: { spaceSlug: 'billing', title: 'Great offers for every customer here', body, tags: [] } },
        newcomer.cookie,
      );
      expectError(res, 'BAD_USER_INPUT', { field: 'body', code: 'too_many_links' });
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM questions WHERE author_id = $1`, [newcomer.id]))[0].n).toBe(0);
      const linkOnly = await t.gql(
        `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`,
        { input: { questionId: await ask(t, await member('Link Asker')), body: 'https://spam.example/x' } },
        newcomer.cookie,
      );
      expectError(linkOnly, 'BAD_USER_INPUT', { field: 'body', code: 'link_only' });

      const regular = await member('Link Member');
      expect(await ask(t, regular, { body })).toBeTruthy();
    });
  });

  describe('profiles', () => {
    it('shows the reputation history and chart only to the user themselves', async () => {
      const [asker, author, voter] = [await member('History Hanna'), await member('History Ines'), await member('History Jan')];
      const a = await answer(t, author, await ask(t, asker));
      await vote(voter, { answerId: a }, 1);

      const own = await profile(author.id, author);
      expect(own.data.user.reputationHistory!.edges.map((e) => e.node)).toEqual([
        expect.objectContaining({ kind: 'answer.upvoted', delta: 10, reversal: false, subjectType: 'answer' }),
      ]);
      expect(own.data.user.reputationChart).toEqual([{ day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), total: 10 }]);
      expect(own.data.user.trustProgress).not.toBeNull();

      const staff = await member('History Staff');
      await setRole(t.dataSource, staff.id, 'agent');
      for (const viewer of [undefined, voter, moderator, admin, staff]) {
        const seen = await profile(author.id, viewer);
        expect(seen.errors).toBeUndefined();
        expect(seen.data.user).toMatchObject({ reputation: 10, reputationHistory: null, reputationChart: null, trustProgress: null });
      }
    });

    it('pages the history with keyset cursors', async () => {
      const [author, ...voters] = [
        await member('Paged Author'),
        await member('Paged V1'),
        await member('Paged V2'),
        await member('Paged V3'),
      ];
      const questions = [await ask(t, author), await ask(t, author, { title: 'Second paged question here' })];
      for (const [i, v] of voters.entries()) await vote(v, { questionId: questions[i % 2] }, 1);
      const page = (after: string | null) =>
        t.gql<{
          user: { reputationHistory: { edges: { node: { delta: number } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
        }>(
          `query ($id: ID!, $after: String) { user(id: $id) { reputationHistory(first: 2, after: $after) { edges { node { delta } } pageInfo { hasNextPage endCursor } } } }`,
          { id: author.id, after },
          author.cookie,
        );
      const first = (await page(null)).data.user.reputationHistory;
      expect(first.edges).toHaveLength(2);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = (await page(first.pageInfo.endCursor)).data.user.reputationHistory;
      expect(second.edges).toHaveLength(1);
      expect(second.pageInfo.hasNextPage).toBe(false);
      expectError(await page('garbage'), 'BAD_USER_INPUT', { field: 'after', code: 'invalid' });
    });
  });
});
