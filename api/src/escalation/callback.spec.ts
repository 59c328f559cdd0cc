import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../test-support/matchers';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { NotificationWorker } from '../notifications/notification-worker';
import { askAndEscalate, seedCast, setNow, type Cast } from './test/escalation-fixture';

const CLAIM = `mutation ($id: ID!) { claimEscalation(id: $id) { id } }`;
const REQUEST = `mutation ($input: RequestCallbackInput!) { requestCallback(input: $input) { id callback { messageId phone state } } }`;
const CALLBACK_FIELDS = `id callback { messageId phone state scheduledFor staffNote }`;
const SCHEDULE = `mutation ($input: ScheduleCallbackInput!) { scheduleCallback(input: $input) { ${CALLBACK_FIELDS} } }`;
const COMPLETE = `mutation ($id: ID!, $note: String) { completeCallback(messageId: $id, note: $note) { ${CALLBACK_FIELDS} } }`;
const CANCEL = `mutation ($id: ID!) { cancelCallback(messageId: $id) { ${CALLBACK_FIELDS} } }`;
const RESOLVE = `mutation ($input: ResolveEscalationInput!) { resolveEscalation(input: $input) { id status } }`;
const DETAIL = `query ($id: ID!) { escalation(id: $id) { conversation { id lastCallbackPhone }
  callbackRequest { messageId phone state scheduledFor } timeline { kind details } } }`;
const CONVERSATION = `query ($id: ID!) { conversation(id: $id) { lastCallbackPhone messages { edges { node { callback { phone state } } } } } }`;
const THREAD = `query ($id: ID!) { question(id: $id) { title bodyHtml conversation { id } escalation { id }
  answers { edges { node { bodyHtml } } } } }`;
const INBOX = `query { notifications(first: 50) { edges { node { kind path questionTitle actorName reason } } } }`;

// Tuesday 24 Nov 2026, 09:00 in Berlin; the asker would like a call on Wednesday 10:00–11:00 Berlin time.
const TUESDAY_0900 = '2026-11-24T08:00:00.000Z';
const WINDOW = { from: '2026-11-25T09:00:00.000Z', until: '2026-11-25T10:00:00.000Z' };
const PHONE = '+49 30 1234-5678';

describe('call backs', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await seedCast(t);
  });
  afterEach(() => setNow(t, null));
  afterAll(() => t.close());

  /** An escalated question with the agent on it, the conversation open, and (unless told not to) a call back requested. */
  async function requested(phone = PHONE) {
    setNow(t, TUESDAY_0900);
    const { questionId, escalationId } = await askAndEscalate(t, cast, { privateDetails: 'Please call me about my meter.' });
    expect((await t.gql(CLAIM, { id: escalationId }, cast.agent.cookie)).errors).toBeUndefined();
    const detail = await t.gql<{ escalation: { conversation: { id: string } } }>(DETAIL, { id: escalationId }, cast.agent.cookie);
    const conversationId = detail.data.escalation.conversation.id;
    const res = await t.gql<{ requestCallback: { id: string } }>(
      REQUEST,
      { input: { conversationId, ...WINDOW, phone, note: 'After ten is best.' } },
      cast.asker.cookie,
    );
    return { questionId, escalationId, conversationId, messageId: res.data?.requestCallback?.id, res };
  }

  it('is requested with a phone number, scheduled inside the window, marked done (twice, harmlessly); the asker is told each time', async () => {
    const { escalationId, messageId, questionId, res } = await requested();
    expect(res.errors).toBeUndefined();
    expect(res.data.requestCallback).toMatchObject({ callback: { messageId, phone: PHONE, state: 'REQUESTED' } });

    const at = '2026-11-25T09:30:00.000Z';
    const scheduled = await t.gql(SCHEDULE, { input: { messageId, at } }, cast.agent.cookie);
    expect(scheduled.errors).toBeUndefined();
    expect(scheduled.data).toMatchObject({ scheduleCallback: { callback: { state: 'SCHEDULED', scheduledFor: at, staffNote: null } } });
    // The same time again changes nothing: no second timeline entry, no second notification.
    expect((await t.gql(SCHEDULE, { input: { messageId, at } }, cast.agent.cookie)).errors).toBeUndefined();
    const moved = '2026-11-25T10:30:00.000Z';
    const proposed = await t.gql(SCHEDULE, { input: { messageId, at: moved, note: 'Wednesday 11:30 is free.' } }, cast.agent.cookie);
    expect(proposed.data).toMatchObject({ scheduleCallback: { callback: { scheduledFor: moved, staffNote: 'Wednesday 11:30 is free.' } } });

    const done = await t.gql(COMPLETE, { id: messageId, note: 'We talked; the meter is replaced.' }, cast.agent.cookie);
    expect(done.data).toMatchObject({ completeCallback: { callback: { state: 'DONE', scheduledFor: moved } } });
    expect((await t.gql(COMPLETE, { id: messageId }, cast.agent.cookie)).data).toMatchObject({
      completeCallback: { callback: { state: 'DONE' } },
    });
    expectError(await t.gql(CANCEL, { id: messageId }, cast.asker.cookie), 'CONFLICT');

    const detail = await t.gql<{ escalation: { callbackRequest: unknown; timeline: { kind: string; details: string }[] } }>(
      DETAIL,
      { id: escalationId },
      cast.agent.cookie,
    );
    expect(detail.data.escalation.callbackRequest).toMatchObject({ messageId, phone: PHONE, state: 'DONE' });
    const callbackEvents = detail.data.escalation.timeline.filter((e) => e.kind.startsWith('callback_'));
    expect(callbackEvents.map((e) => e.kind)).toEqual([
      'callback_requested',
      'callback_scheduled',
      'callback_rescheduled',
      'callback_done',
    ]);
    expect(JSON.stringify(detail.data.escalation.timeline)).not.toContain('5678');

    await t.app.get(NotificationWorker).drain();
    const inbox = await t.gql<{ notifications: { edges: { node: { kind: string; path: string } }[] } }>(INBOX, {}, cast.asker.cookie);
    const told = inbox.data.notifications.edges.map((e) => e.node).filter((n) => n.kind.startsWith('CALLBACK'));
    expect(told.map((n) => n.kind).sort()).toEqual(['CALLBACK_DONE', 'CALLBACK_SCHEDULED', 'CALLBACK_SCHEDULED']);
    expect(told.every((n) => n.path === `/questions/${questionId}#conversation`)).toBe(true);

    // The number is in no notification, no mail and no outbox event.
    const stored: { where: string; text: string }[] = await t.dataSource.query(
      `SELECT 'notification' AS where, details::text AS text FROM notifications
       UNION ALL SELECT 'mail', subject || text_body || html_body FROM mail_outbox
       UNION ALL SELECT 'outbox', topic || payload::text FROM outbox_events`,
    );
    expect(stored.filter((r) => r.where === 'notification').length).toBeGreaterThan(0);
    expect(stored.filter((r) => r.where === 'mail' && r.text.includes('Call back')).length).toBeGreaterThan(0);
    expect(stored.filter((r) => /1234.?5678/.test(r.text))).toEqual([]);
    expect(JSON.stringify(inbox.data)).not.toContain('5678');
  });

  it('refuses a bad phone number at its field, a time outside the window without a note, and a time in the past', async () => {
    for (const phone of ['', 'call me maybe', '12345', '+49 (0) 30 1234 5678 9012 3456']) {
      setNow(t, TUESDAY_0900);
      const { res } = await requested(phone);
      expectError(res, 'BAD_USER_INPUT', {
        field: 'phone',
        code: phone === '' ? 'required' : phone === '12345' ? 'digits' : expect.any(String),
      });
    }
    const { messageId } = await requested();
    expectError(await t.gql(SCHEDULE, { input: { messageId, at: '2026-11-25T12:00:00.000Z' } }, cast.agent.cookie), 'BAD_USER_INPUT', {
      field: 'at',
      code: 'outside_window',
    });
    expectError(
      await t.gql(SCHEDULE, { input: { messageId, at: '2026-11-23T12:00:00.000Z', note: 'Yesterday?' } }, cast.agent.cookie),
      'BAD_USER_INPUT',
      {
        field: 'at',
        code: 'in_past',
      },
    );
  });

  it('keeps the case open while a call back is requested or scheduled; cancelled by the asker, it may be resolved', async () => {
    const { escalationId, messageId, conversationId } = await requested();
    const resolve = () => t.gql(RESOLVE, { input: { id: escalationId, summary: 'The meter was replaced.' } }, cast.agent.cookie);
    expectError(await resolve(), 'BAD_USER_INPUT', { field: 'callback', code: 'callback_open' });
    expect((await t.gql(SCHEDULE, { input: { messageId, at: WINDOW.from } }, cast.agent.cookie)).errors).toBeUndefined();
    expectError(await resolve(), 'BAD_USER_INPUT', { field: 'callback', code: 'callback_open' });
    // A second request waits for the first to end.
    expectError(await t.gql(REQUEST, { input: { conversationId, ...WINDOW, phone: PHONE } }, cast.asker.cookie), 'CONFLICT');
    const cancelled = await t.gql(CANCEL, { id: messageId }, cast.asker.cookie);
    expect(cancelled.data).toMatchObject({ cancelCallback: { callback: { state: 'CANCELLED' } } });
    expect((await t.gql(CANCEL, { id: messageId }, cast.asker.cookie)).errors).toBeUndefined();
    expect((await resolve()).data).toMatchObject({ resolveEscalation: { status: 'RESOLVED' } });

    // The asker's cancellation told their contact, not the asker.
    await t.app.get(NotificationWorker).drain();
    const kinds = async (cookie: string) =>
      (await t.gql<{ notifications: { edges: { node: { kind: string } }[] } }>(INBOX, {}, cookie)).data.notifications.edges.map(
        (e) => e.node.kind,
      );
    expect(await kinds(cast.agent.cookie)).toContain('CALLBACK_DONE');
  });

  it('shows the number only to the asker and staff of the team; only they act on it', async () => {
    const { questionId, escalationId, messageId, conversationId } = await requested();
    const asAsker = await t.gql<{ conversation: { lastCallbackPhone: string } }>(CONVERSATION, { id: conversationId }, cast.asker.cookie);
    expect(JSON.stringify(asAsker.data)).toContain(PHONE);
    expect(asAsker.data.conversation.lastCallbackPhone).toBe(PHONE);

    for (const outsider of [cast.customer, cast.otherAgent, cast.expert]) {
      expect((await t.gql(CONVERSATION, { id: conversationId }, outsider.cookie)).data).toEqual({ conversation: null });
      expect((await t.gql(DETAIL, { id: escalationId }, outsider.cookie)).data).toEqual({ escalation: null });
      expectError(await t.gql(SCHEDULE, { input: { messageId, at: WINDOW.from } }, outsider.cookie), 'NOT_FOUND');
      expectError(await t.gql(CANCEL, { id: messageId }, outsider.cookie), 'NOT_FOUND');
    }
    // The asker takes part but is not staff: they cancel, they do not schedule.
    expectError(await t.gql(SCHEDULE, { input: { messageId, at: WINDOW.from } }, cast.asker.cookie), 'FORBIDDEN');
    expectError(await t.gql(COMPLETE, { id: messageId }, cast.asker.cookie), 'FORBIDDEN');

    const anonymous = await t.gql(THREAD, { id: questionId });
    const otherCustomer = await t.gql(THREAD, { id: questionId }, cast.customer.cookie);
    expect(JSON.stringify([anonymous.data, otherCustomer.data])).not.toContain('5678');
    expect(otherCustomer.data).toMatchObject({ question: { conversation: null, escalation: null } });
  });
});
