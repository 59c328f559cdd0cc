import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EscalationSweeper } from '../escalation/unanswered-sweeper';
import { ESCALATE, SAVE_TEAM, seedCast, setNow, teamInput, type Cast } from '../escalation/test/escalation-fixture';
import { ask } from '../test-support/builders';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { inboxOf } from './test/inbox';
import { NotificationWorker } from './notification-worker';

const INBOX = `query { notifications(first: 50) { edges { node { kind path } } } }`;
const PRIORITY = `mutation ($id: ID!, $priority: EscalationPriority!) { setEscalationPriority(id: $id, priority: $priority) { id } }`;

describe('staff hear before and when an SLA target is missed', () => {
  let t: TestApp;
  let cast: Cast;
  let worker: NotificationWorker;
  let sweeper: EscalationSweeper;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await seedCast(t);
    worker = t.app.get(NotificationWorker);
    sweeper = t.app.get(EscalationSweeper);
  });
  afterAll(async () => {
    setNow(t, null);
    await t.close();
  });

  const kinds = async (cookie: string): Promise<{ kind: string; path: string }[]> => {
    await worker.drain();
    const res = await t.gql<{ notifications: { edges: { node: { kind: string; path: string } }[] } }>(INBOX, {}, cookie);
    expect(res.errors).toBeUndefined();
    return res.data.notifications.edges
      .map((e) => e.node)
      .filter((n) => n.kind.startsWith('ESCALATION_DUE') || n.kind.endsWith('BREACHED'));
  };

  it('warns the team of an unassigned escalation 30 business minutes ahead, once; then says when it is overdue', async () => {
    // Monday 30 Nov 2026, 09:00 Berlin: a normal escalation, first response due in 240 business minutes (13:00).
    setNow(t, '2026-11-30T08:00:00.000Z');
    const questionId = await ask(t, cast.asker, { title: 'Smart meter shows no readings since Friday?' });
    const escalated = await t.gql<{ escalateQuestion: { id: string; firstResponseDueAt: string } }>(
      ESCALATE,
      { input: { questionId, reason: 'No readings at all' } },
      cast.asker.cookie,
    );
    expect(escalated.errors).toBeUndefined();
    const id = escalated.data.escalateQuestion.id;
    expect(escalated.data.escalateQuestion.firstResponseDueAt).toBe('2026-11-30T12:00:00.000Z');

    setNow(t, '2026-11-30T11:29:00.000Z'); // 31 business minutes left: not yet
    await sweeper.sweep();
    expect(await kinds(cast.agent.cookie)).toEqual([]);

    setNow(t, '2026-11-30T11:31:00.000Z'); // 29 left: the team hears, the other team does not
    await sweeper.sweep();
    await sweeper.sweep();
    expect(await kinds(cast.agent.cookie)).toEqual([{ kind: 'ESCALATION_DUE_SOON', path: `/console/escalations/${id}` }]);
    expect(await kinds(cast.otherAgent.cookie)).toEqual([]);
    expect(await kinds(cast.asker.cookie)).toEqual([]);

    // Staff raise the priority before answering: the promised reply time on the thread moves, and the asker hears of it.
    const promises = async () => (await inboxOf(t, cast.asker)).filter((n) => n.kind === 'PROMISE_CHANGED');
    expect(await promises()).toEqual([]);
    expect((await t.gql(PRIORITY, { id, priority: 'HIGH' }, cast.agent.cookie)).errors).toBeUndefined();
    expect(await promises()).toMatchObject([{ kind: 'PROMISE_CHANGED', path: `/questions/${questionId}` }]);
    expect((await t.gql(PRIORITY, { id, priority: 'NORMAL' }, cast.agent.cookie)).errors).toBeUndefined();

    setNow(t, '2026-11-30T12:01:00.000Z');
    await sweeper.sweep();
    // Late: the thread now says so, and the asker is told too.
    expect(await promises()).toHaveLength(3);
    expect((await kinds(cast.agent.cookie)).map((n) => n.kind)).toEqual(['ESCALATION_BREACHED', 'ESCALATION_DUE_SOON']);
    const mails: { subject: string }[] = await t.dataSource.query(
      `SELECT subject FROM mail_outbox WHERE recipient_id = $1 AND subject ~ '^(Due soon|Overdue)' ORDER BY id`,
      [cast.agent.id],
    );
    expect(mails.map((m) => m.subject)).toEqual([
      'Due soon: “Smart meter shows no readings since Friday?”',
      'Overdue: “Smart meter shows no readings since Friday?”',
    ]);
  });

  it('counts the warning time in business minutes: a target due Monday 08:20 is announced on Friday evening', async () => {
    // Friday 4 Dec 17:50 Berlin, urgent: 30 business minutes run 17:50–18:00 and Monday 08:00–08:20;
    // at 17:51 only 29 are left, though the due time is more than two days away.
    setNow(t, '2026-12-04T16:50:00.000Z');
    const questionId = await ask(t, cast.customer, { title: 'Heating tariff switched without consent?' });
    const escalated = await t.gql<{ escalateQuestion: { id: string; firstResponseDueAt: string } }>(
      ESCALATE,
      { input: { questionId, reason: 'Urgent', priority: 'URGENT' } },
      cast.agent.cookie,
    );
    expect(escalated.errors).toBeUndefined();
    expect(escalated.data.escalateQuestion.firstResponseDueAt).toBe('2026-12-07T07:20:00.000Z');
    const path = `/console/escalations/${escalated.data.escalateQuestion.id}`;
    setNow(t, '2026-12-04T16:51:00.000Z');
    await sweeper.sweep();
    expect((await kinds(cast.agent.cookie)).filter((n) => n.path === path)).toEqual([{ kind: 'ESCALATION_DUE_SOON', path }]);
  });

  it('is set per team: 0 warns only once missed, and out-of-range values are refused at their field', async () => {
    const refused = await t.gql(
      SAVE_TEAM,
      { input: teamInput({ id: cast.otherTeamId, name: 'Metering experts', spaceSlugs: [], dueWarningMinutes: 5000 }) },
      cast.admin.cookie,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(refused.errors)).toContain('dueWarningMinutes');
    const saved = await t.gql<{ saveTeam: { id: string } }>(
      SAVE_TEAM,
      { input: teamInput({ id: cast.teamId, dueWarningMinutes: 0 }) },
      cast.admin.cookie,
    );
    expect(saved.errors).toBeUndefined();
    const [team]: { due_warning_minutes: number }[] = await t.dataSource.query(`SELECT due_warning_minutes FROM teams WHERE id = $1`, [
      cast.teamId,
    ]);
    expect(team!.due_warning_minutes).toBe(0);
  });
});
