import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCast, setNow, type Cast } from '../escalation/test/escalation-fixture';
import { NotificationWorker } from '../notifications/notification-worker';
import { expectError } from '../test-support/matchers';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { SpikeSweeper } from './spike-sweeper';
import { historyStart, insertPosts, ordinaryHistory, OUTAGE_POSTS, type ReplayTarget } from './test/outage-replay';
import { ToneRollupWorker } from './tone-rollup.worker';

const MINUTE = 60_000;
/** A Wednesday, 10:20 UTC (11:20 in Berlin: Customer care is open). */
const BURST = new Date('2026-11-18T10:20:00Z');
/** The Monday of the same week. */
const MONDAY = new Date('2026-11-16T00:00:00Z');

const ALERTS = `query { alerts { id kind status scope subject spaceName posts negative expectedPosts } }`;
const ALERT = `query ($id: ID!) { alert(id: $id) { alert { id status assigneeName announcement { body } }
  evidence { postType questionTitle tone } series { hour posts negative baselinePosts } assignees { id displayName } } }`;
const ACK = `mutation ($id: ID!) { acknowledgeAlert(id: $id) { status acknowledgedByName } }`;
const ASSIGN = `mutation ($id: ID!, $a: ID) { assignAlert(id: $id, assigneeId: $a) { assigneeName } }`;
const ANNOUNCE = `mutation ($input: PublishAnnouncementInput!) { publishAnnouncement(input: $input) { id body authorName } }`;
const ANNOUNCEMENTS = `query ($s: ID!) { spaceAnnouncements(spaceId: $s) { body authorName } }`;
const INBOX = `query { notifications(first: 20) { edges { node { kind path } } } }`;

describe('spike alerts on a replayed outage', () => {
  let t: TestApp;
  let cast: Cast;
  let target: ReplayTarget;
  let rollup: ToneRollupWorker;
  let sweeper: SpikeSweeper;
  /** Six weeks and a few days of ordinary questions up to the burst, replayed in order. */
  const history = ordinaryHistory(historyStart(BURST), BURST);
  const replayUntil = async (until: Date): Promise<void> => {
    const due = history.filter((p) => p.at <= until);
    history.splice(0, due.length);
    await insertPosts(t.dataSource, target, due);
    await rollup.drain();
  };

  beforeAll(async () => {
    t = await createTestApp();
    cast = await seedCast(t);
    rollup = t.app.get(ToneRollupWorker);
    sweeper = t.app.get(SpikeSweeper);
    const [space]: { id: string }[] = await t.dataSource.query(`SELECT id FROM spaces WHERE slug = 'billing'`);
    const [tag]: { id: string }[] = await t.dataSource.query(`INSERT INTO tags (slug) VALUES ('router') RETURNING id`);
    target = { spaceId: String(space!.id), tagId: String(tag!.id), authorId: cast.customer.id };
    await replayUntil(MONDAY);
  });
  afterAll(async () => {
    await t.close();
  });

  const alertCount = async (): Promise<number> => {
    const [row]: { n: number }[] = await t.dataSource.query(`SELECT count(*)::int AS n FROM alerts`);
    return row!.n;
  };

  it('keeps hourly counts per space and tag that add up to the posts, and counts a replayed event once', async () => {
    const [counts]: { posts: number; hourly: number; tagged: number }[] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM questions)::int AS posts,
              (SELECT sum(posts) FROM tone_hourly WHERE scope = 'space')::int AS hourly,
              (SELECT sum(posts) FROM tone_hourly WHERE scope = 'tag' AND scope_id = $1)::int AS tagged`,
      [target.tagId],
    );
    expect(counts!.posts).toBeGreaterThan(1000);
    expect(counts!.hourly).toBe(counts!.posts);
    expect(counts!.tagged).toBe(counts!.posts);
    await t.dataSource.query(
      `INSERT INTO outbox_events (topic, aggregate_id, payload) SELECT 'question.created', id, '{}' FROM questions ORDER BY id LIMIT 50`,
    );
    await rollup.drain();
    const [again]: { hourly: number }[] = await t.dataSource.query(
      `SELECT sum(posts)::int AS hourly FROM tone_hourly WHERE scope = 'space'`,
    );
    expect(again!.hourly).toBe(counts!.posts);
  });

  it('raises nothing on the ordinary Monday-morning peak (more posts, more complaints, as every Monday)', async () => {
    for (let minute = 5 * 60; minute <= 14 * 60; minute += 10) {
      const now = new Date(MONDAY.getTime() + minute * MINUTE);
      await replayUntil(now);
      setNow(t, now.toISOString());
      expect(await sweeper.sweep()).toEqual([]);
    }
    expect(await alertCount()).toBe(0);
    const [peak]: { posts: number; negative: number }[] = await t.dataSource.query(
      `SELECT sum(posts)::int AS posts, sum(negative)::int AS negative FROM tone_hourly
       WHERE scope = 'tag' AND scope_id = $1 AND hour >= $2 AND hour < $3`,
      [target.tagId, new Date(MONDAY.getTime() + 7 * 60 * MINUTE), new Date(MONDAY.getTime() + 11 * 60 * MINUTE)],
    );
    // The peak is real: four hours with several times the usual posts and three times the usual share of complaints.
    expect(peak!.posts).toBeGreaterThan(60);
    expect(peak!.negative / peak!.posts).toBeGreaterThan(0.35);
  });

  it('raises one alert within ten minutes of a burst of negative posts on one tag, and tells the on-duty team', async () => {
    await replayUntil(BURST);
    let raisedAfter: number | null = null;
    for (let minute = 0; minute <= 15; minute++) {
      const now = new Date(BURST.getTime() + minute * MINUTE);
      await insertPosts(
        t.dataSource,
        target,
        [0, 1, 2].map((i) => ({ at: new Date(now.getTime() + i * 15_000), text: OUTAGE_POSTS[(minute * 3 + i) % OUTAGE_POSTS.length]! })),
      );
      await rollup.drain();
      setNow(t, new Date(now.getTime() + 50_000).toISOString());
      const raised = await sweeper.sweep();
      if (raised.length > 0 && raisedAfter === null) raisedAfter = minute;
    }
    expect(raisedAfter).not.toBeNull();
    expect(raisedAfter!).toBeLessThanOrEqual(10);
    // The spike went on for minutes: still one alert per scope.
    const res = await t.gql<{ alerts: { id: string; kind: string; scope: string; subject: string; posts: number }[] }>(
      ALERTS,
      {},
      cast.agent.cookie,
    );
    expect(res.errors).toBeUndefined();
    const tagAlert = res.data.alerts.find((a) => a.scope === 'tag');
    expect(tagAlert).toMatchObject({ kind: 'SPIKE', subject: 'router' });
    expect(res.data.alerts.filter((a) => a.scope === 'tag')).toHaveLength(1);

    await t.app.get(NotificationWorker).drain();
    const inbox = await t.gql<{ notifications: { edges: { node: { kind: string; path: string } }[] } }>(INBOX, {}, cast.agent.cookie);
    expect(inbox.data.notifications.edges.map((e) => e.node)).toContainEqual({
      kind: 'ALERT_NEW',
      path: `/console/alerts/${tagAlert!.id}`,
    });
    const other = await t.gql<{ notifications: { edges: { node: { kind: string } }[] } }>(INBOX, {}, cast.otherAgent.cookie);
    expect(other.data.notifications.edges.map((e) => e.node.kind)).not.toContain('ALERT_NEW');
  });

  it('shows the evidence and the curve, and is acknowledged, assigned and answered with an announcement on the space', async () => {
    const [row]: { id: string }[] = await t.dataSource.query(`SELECT id::text FROM alerts WHERE scope = 'tag'`);
    const id = row!.id;
    const detail = await t.gql<{
      alert: {
        evidence: { tone: string; questionTitle: string }[];
        series: { posts: number; baselinePosts: number }[];
        assignees: { id: string }[];
      };
    }>(ALERT, { id }, cast.agent.cookie);
    expect(detail.errors).toBeUndefined();
    expect(detail.data.alert.evidence.length).toBeGreaterThanOrEqual(10);
    expect(detail.data.alert.evidence.every((e) => e.tone === 'negative')).toBe(true);
    expect(detail.data.alert.series).toHaveLength(48);
    const last = detail.data.alert.series.at(-1)!;
    expect(last.posts).toBeGreaterThan(last.baselinePosts * 5);

    expect(
      (await t.gql<{ acknowledgeAlert: { status: string; acknowledgedByName: string } }>(ACK, { id }, cast.agent.cookie)).data
        .acknowledgeAlert,
    ).toEqual({
      status: 'ACKNOWLEDGED',
      acknowledgedByName: 'Miriam Care',
    });
    expectError(await t.gql(ACK, { id }, cast.agent.cookie), 'CONFLICT');
    expect(
      (await t.gql<{ assignAlert: { assigneeName: string } }>(ASSIGN, { id, a: cast.otherAgent.id }, cast.agent.cookie)).data.assignAlert
        .assigneeName,
    ).toBe('Tobias Metering');
    expectError(await t.gql(ASSIGN, { id, a: cast.customer.id }, cast.agent.cookie), 'BAD_USER_INPUT');

    const body = 'We know about the router outage; next update at 14:00.';
    const published = await t.gql(ANNOUNCE, { input: { spaceId: target.spaceId, body, alertId: id } }, cast.agent.cookie);
    expect(published.errors).toBeUndefined();
    const visible = await t.gql<{ spaceAnnouncements: { body: string; authorName: string }[] }>(ANNOUNCEMENTS, { s: target.spaceId });
    expect(visible.data.spaceAnnouncements).toEqual([{ body, authorName: 'Miriam Care' }]);
    const after = await t.gql<{ alert: { alert: { announcement: { body: string } } } }>(ALERT, { id }, cast.agent.cookie);
    expect(after.data.alert.alert.announcement).toEqual({ body });
  });

  it('refuses members and visitors the alerts, and members the announcements', async () => {
    expectError(await t.gql(ALERTS, {}, cast.customer.cookie), 'FORBIDDEN');
    expectError(await t.gql(ALERTS, {}), 'UNAUTHENTICATED');
    expectError(
      await t.gql(ANNOUNCE, { input: { spaceId: target.spaceId, body: 'Everything is fine, really.' } }, cast.customer.cookie),
      'FORBIDDEN',
    );
  });
});
