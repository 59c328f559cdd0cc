import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answer, ask } from '../test-support/builders';
import { expectError } from '../test-support/matchers';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { ESCALATE, PROMISE, SAVE_TEAM, askAndEscalate, counts, seedCast, setNow, teamInput, type Cast } from './test/escalation-fixture';
import { EscalationService } from './escalation.service';
import { EscalationSweeper } from './unanswered-sweeper';

const DETAIL = `query ($id: ID!) { escalation(id: $id) { id status priority firstResponseDueAt resolutionDueAt nextDueAt firstRespondedAt
  firstResponseBreached remainingBusinessMinutes summaryRequired assignee { id } team { id name }
  timeline { kind details actor { id } } notes { bodyHtml author { id } } callbackRequest { from until }
  conversation { id contact { id } messages { edges { node { bodyHtml kind author { id } } } } } } }`;
const CLAIM = `mutation ($id: ID!) { claimEscalation(id: $id) { id status assignee { id } } }`;
const ASSIGN = `mutation ($id: ID!, $assigneeId: ID) { assignEscalation(id: $id, assigneeId: $assigneeId) { id status assignee { id } } }`;
const PRIORITY = `mutation ($id: ID!, $priority: EscalationPriority!) { setEscalationPriority(id: $id, priority: $priority) { id priority firstResponseDueAt } }`;
const FORWARD = `mutation ($id: ID!, $teamId: ID!) { forwardEscalation(id: $id, teamId: $teamId) { id status team { id } assignee { id } } }`;
const RESOLVE = `mutation ($input: ResolveEscalationInput!) { resolveEscalation(input: $input) { id status resolvedAt } }`;
const NOTE = `mutation ($id: ID!, $body: String!) { addEscalationNote(id: $id, body: $body) { id } }`;
const OPEN_CONVERSATION = `mutation ($questionId: ID!, $body: String!) { openConversation(questionId: $questionId, body: $body) { id } }`;
const SEND = `mutation ($input: SendMessageInput!) { sendConversationMessage(input: $input) { id kind } }`;
const CALLBACK = `mutation ($input: RequestCallbackInput!) { requestCallback(input: $input) { id kind callback { from until } } }`;
const QUEUE = `query ($filter: EscalationQueueFilter) { escalationQueue(filter: $filter) { edges { node { id priority status nextDueAt firstResponseBreached } } } }`;
const THREAD_PRIVATE = `query ($id: ID!) { question(id: $id) { canEscalate escalation { id } conversation { id } answers { edges { node { bodyHtml } } } } }`;

// Tuesday 24 Nov 2026, 09:00 in Berlin (CET, UTC+1); Saturday 28 Nov 2026, 10:00 in Berlin.
const TUESDAY_0900 = '2026-11-24T08:00:00.000Z';
const SATURDAY_1000 = '2026-11-28T09:00:00.000Z';

describe('escalations', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await seedCast(t);
  });
  afterEach(() => setNow(t, null));
  afterAll(() => t.close());

  describe('the public promise', () => {
    it('inside opening hours: replies within the target, expected today', async () => {
      setNow(t, TUESDAY_0900);
      const { questionId } = await askAndEscalate(t, cast);
      const en = await t.gql<{ question: { staffPromise: Record<string, unknown> } }>(PROMISE, { id: questionId, locale: 'EN' });
      expect(en.data.question.staffPromise).toMatchObject({
        teamName: 'Customer care',
        responded: false,
        firstResponseMinutes: 240,
        hours: 'Mon–Fri 08:00–18:00 (Europe/Berlin)',
        openNow: true,
        awayUntil: null,
        expectedAt: '2026-11-24T12:00:00.000Z',
        expectedBy: 'today 13:00',
      });
      const de = await t.gql<{ question: { staffPromise: Record<string, unknown> } }>(PROMISE, { id: questionId, locale: 'DE' });
      expect(de.data.question.staffPromise).toMatchObject({ hours: 'Mo–Fr 08:00–18:00 Uhr (Europe/Berlin)', expectedBy: 'heute, 13:00' });
    });

    it('outside opening hours: says the team is away until Monday and counts from then', async () => {
      setNow(t, SATURDAY_1000);
      const { questionId } = await askAndEscalate(t, cast);
      const res = await t.gql<{ question: { staffPromise: Record<string, unknown> } }>(PROMISE, { id: questionId, locale: 'EN' });
      expect(res.data.question.staffPromise).toMatchObject({
        openNow: false,
        awayUntil: 'Mon 08:00',
        expectedAt: '2026-11-30T11:00:00.000Z',
        expectedBy: 'Mon 12:00',
      });
      const de = await t.gql<{ question: { staffPromise: Record<string, unknown> } }>(PROMISE, { id: questionId, locale: 'DE' });
      expect(de.data.question.staffPromise).toMatchObject({ awayUntil: 'Mo., 08:00', expectedBy: 'Mo., 12:00' });
    });

    it('is absent on questions that are not escalated', async () => {
      const questionId = await ask(t, cast.asker);
      const res = await t.gql<{ question: { staffPromise: unknown } }>(PROMISE, { id: questionId, locale: 'EN' });
      expect(res.data.question.staffPromise).toBeNull();
    });
  });

  it('the whole case: claim, private conversation, call back, priority, note, resolve with a public summary', async () => {
    setNow(t, TUESDAY_0900);
    const { questionId, escalationId } = await askAndEscalate(t, cast, { privateDetails: 'My customer number is 4711-0815.' });
    expect((await t.gql(CLAIM, { id: escalationId }, cast.agent.cookie)).errors).toBeUndefined();

    const detail = await t.gql<{ escalation: { conversation: { id: string; contact: null } } }>(
      DETAIL,
      { id: escalationId },
      cast.agent.cookie,
    );
    const conversationId = detail.data.escalation.conversation.id;
    expect(detail.data.escalation.conversation.contact).toBeNull();

    setNow(t, '2026-11-24T09:30:00.000Z');
    const reply = await t.gql(SEND, { input: { conversationId, body: 'Thanks, I am looking at your contract now.' } }, cast.agent.cookie);
    expect(reply.errors).toBeUndefined();
    expect((await t.gql(SEND, { input: { conversationId, body: 'Thank you!' } }, cast.asker.cookie)).errors).toBeUndefined();
    const latest = await t.gql<{ conversation: { messages: { totalCount: number; edges: { node: { bodyHtml: string } }[] } } }>(
      `query ($id: ID!) { conversation(id: $id) { messages(last: 2) { totalCount edges { node { bodyHtml } } } } }`,
      { id: conversationId },
      cast.asker.cookie,
    );
    expect(latest.data.conversation.messages.totalCount).toBe(3);
    expect(latest.data.conversation.messages.edges.map((e) => e.node.bodyHtml)).toEqual([
      '<p>Thanks, I am looking at your contract now.</p>\n',
      '<p>Thank you!</p>\n',
    ]);
    const callback = await t.gql(
      CALLBACK,
      {
        input: {
          conversationId,
          from: '2026-11-25T09:00:00.000Z',
          until: '2026-11-25T10:00:00.000Z',
          phone: '030 1234567',
          note: 'Mornings suit me.',
        },
      },
      cast.asker.cookie,
    );
    expect(callback.errors).toBeUndefined();
    expect((await t.gql(PRIORITY, { id: escalationId, priority: 'HIGH' }, cast.agent.cookie)).errors).toBeUndefined();
    expect((await t.gql(NOTE, { id: escalationId, body: 'Contract was migrated twice.' }, cast.agent.cookie)).errors).toBeUndefined();

    const worked = await t.gql<{ escalation: Record<string, unknown> & { timeline: { kind: string }[] } }>(
      DETAIL,
      { id: escalationId },
      cast.agent.cookie,
    );
    const e = worked.data.escalation;
    expect(e).toMatchObject({
      status: 'ASSIGNED',
      priority: 'HIGH',
      firstRespondedAt: '2026-11-24T09:30:00.000Z',
      firstResponseDueAt: '2026-11-24T09:00:00.000Z',
      firstResponseBreached: true,
      summaryRequired: true,
      assignee: { id: cast.agent.id },
      callbackRequest: { from: '2026-11-25T09:00:00.000Z', until: '2026-11-25T10:00:00.000Z' },
      conversation: { contact: { id: cast.agent.id } },
    });
    expect(e.nextDueAt).toBe(e.resolutionDueAt);
    expect(e.notes).toEqual([{ bodyHtml: expect.stringContaining('<p>Contract was migrated twice.</p>'), author: { id: cast.agent.id } }]);
    expect(e.timeline.map((ev: { kind: string }) => ev.kind)).toEqual([
      'escalated',
      'conversation_opened',
      'claimed',
      'first_response',
      'callback_requested',
      'priority_changed',
    ]);

    const callbackId = (callback.data as { requestCallback: { id: string } }).requestCallback.id;
    const done = await t.gql(`mutation ($id: ID!) { completeCallback(messageId: $id) { id } }`, { id: callbackId }, cast.agent.cookie);
    expect(done.errors).toBeUndefined();
    const resolved = await t.gql(
      RESOLVE,
      {
        input: {
          id: escalationId,
          summary: 'Your contract had been migrated twice; we merged the two accounts and corrected the invoice.',
        },
      },
      cast.agent.cookie,
    );
    expect(resolved.errors).toBeUndefined();
    const anonymous = await t.gql<{ question: Record<string, unknown> & { answers: { edges: { node: { bodyHtml: string } }[] } } }>(
      THREAD_PRIVATE,
      { id: questionId },
    );
    expect(anonymous.data.question).toMatchObject({ canEscalate: false, escalation: null, conversation: null });
    expect(anonymous.data.question.answers.edges.map((edge: { node: { bodyHtml: string } }) => edge.node.bodyHtml).join()).toContain(
      'merged the two accounts',
    );
    expect(JSON.stringify(anonymous.data)).not.toContain('4711');
    const promise = await t.gql<{ question: { staffPromise: unknown } }>(PROMISE, { id: questionId, locale: 'EN' });
    expect(promise.data.question.staffPromise).toBeNull();
  });

  it('with four-eyes review on, the summary is a draft a second staff member publishes; the case is resolved meanwhile', async () => {
    const review = (on: boolean) =>
      t.dataSource.query(
        `UPDATE space_review_settings SET review_staff_replies = $1 WHERE space_id = (SELECT id FROM spaces WHERE slug = 'billing')`,
        [on],
      );
    await review(true);
    try {
      const { questionId, escalationId } = await askAndEscalate(t, cast);
      const summary = 'Resolved: the second advance payment was a duplicate direct debit and has been reversed.';
      const resolved = await t.gql<{ resolveEscalation: { status: string } }>(
        RESOLVE,
        { input: { id: escalationId, summary } },
        cast.agent.cookie,
      );
      expect(resolved.errors).toBeUndefined();
      expect(resolved.data.resolveEscalation.status).toBe('RESOLVED');
      const thread = async () =>
        (await t.gql<{ question: { answers: { edges: unknown[] } } }>(THREAD_PRIVATE, { id: questionId })).data.question.answers.edges;
      expect(await thread()).toHaveLength(0);

      const [draft] = await t.dataSource.query(`SELECT id, version, state FROM staff_drafts WHERE question_id = $1`, [questionId]);
      expect(draft.state).toBe('draft');
      const approved = await t.gql(
        `mutation ($input: DecideStaffDraftInput!) { approveStaffDraft(input: $input) { id } }`,
        { input: { id: String(draft.id), expectedVersion: draft.version } },
        cast.moderator.cookie,
      );
      expect(approved.errors).toBeUndefined();
      expect(await thread()).toHaveLength(1);
    } finally {
      await review(false);
    }
  });

  it('a public staff answer is the first response', async () => {
    setNow(t, TUESDAY_0900);
    const { questionId, escalationId } = await askAndEscalate(t, cast);
    await answer(t, cast.agent, questionId, 'We are checking your meter readings and come back to you today.');
    const detail = await t.gql<{ escalation: { firstRespondedAt: string | null; timeline: { kind: string }[] } }>(
      DETAIL,
      { id: escalationId },
      cast.agent.cookie,
    );
    expect(detail.data.escalation.firstRespondedAt).not.toBeNull();
    expect(detail.data.escalation.timeline.map((e) => e.kind)).toContain('first_response');
  });

  it('forwarding moves the case to the other team, its calendar and an empty assignee; the first team no longer sees it', async () => {
    const { escalationId } = await askAndEscalate(t, cast);
    await t.gql(CLAIM, { id: escalationId }, cast.agent.cookie);
    const forwarded = await t.gql<{ forwardEscalation: Record<string, unknown> }>(
      FORWARD,
      { id: escalationId, teamId: cast.otherTeamId },
      cast.agent.cookie,
    );
    expect(forwarded.data.forwardEscalation).toMatchObject({ status: 'NEW', team: { id: cast.otherTeamId }, assignee: null });
    expect((await t.gql<{ escalation: unknown }>(DETAIL, { id: escalationId }, cast.agent.cookie)).data.escalation).toBeNull();
    expect((await t.gql(CLAIM, { id: escalationId }, cast.otherAgent.cookie)).errors).toBeUndefined();
  });

  it('the queue lists the viewer’s teams, soonest due first, with filters', async () => {
    const { escalationId: urgentId } = await askAndEscalate(t, cast);
    await t.gql(PRIORITY, { id: urgentId, priority: 'URGENT' }, cast.moderator.cookie);
    const mine = await t.gql<{ escalationQueue: { edges: { node: { id: string; nextDueAt: string } }[] } }>(QUEUE, {}, cast.agent.cookie);
    const due = mine.data.escalationQueue.edges.map((e) => e.node.nextDueAt);
    expect(due).toEqual([...due].sort());
    const urgent = await t.gql<{ escalationQueue: { edges: { node: { id: string } }[] } }>(
      QUEUE,
      { filter: { priority: 'URGENT' } },
      cast.agent.cookie,
    );
    expect(urgent.data.escalationQueue.edges.map((e) => e.node.id)).toContain(urgentId);
    const other = await t.gql<{ escalationQueue: { edges: { node: { id: string } }[] } }>(QUEUE, {}, cast.otherAgent.cookie);
    expect(other.data.escalationQueue.edges.map((e) => e.node.id)).not.toContain(urgentId);
    const claimedByMe = await t.gql<{ escalationQueue: { edges: unknown[] } }>(QUEUE, { filter: { mine: true } }, cast.moderator.cookie);
    expect(claimedByMe.data.escalationQueue.edges).toEqual([]);
  });

  describe('waiting on the customer pauses the SLA clocks', () => {
    const STATUS = `mutation ($id: ID!, $status: EscalationStatus!) { setEscalationStatus(id: $id, status: $status) { id status slaPaused } }`;
    const CLOCKS = `query ($id: ID!) { escalation(id: $id) { status slaPaused firstResponseDueAt resolutionDueAt nextDueAt
      firstResponseBreached resolutionBreached remainingBusinessMinutes timeline { kind details } } }`;
    interface Clocks {
      status: string;
      slaPaused: boolean;
      firstResponseDueAt: string;
      resolutionDueAt: string;
      nextDueAt: string;
      firstResponseBreached: boolean;
      resolutionBreached: boolean;
      remainingBusinessMinutes: number;
      timeline: { kind: string; details: string }[];
    }
    const clocks = async (id: string, cookie = cast.agent.cookie) =>
      (await t.gql<{ escalation: Clocks }>(CLOCKS, { id }, cookie)).data.escalation;
    const setStatus = async (id: string, status: string) => {
      const res = await t.gql(STATUS, { id, status }, cast.agent.cookie);
      expect(res.errors).toBeUndefined();
    };
    const pauseColumns = async (id: string) =>
      (
        await t.dataSource.query(
          `SELECT paused_at, paused_business_minutes, first_response_paused_minutes FROM escalations WHERE id = $1`,
          [id],
        )
      )[0];

    it('over an evening and a weekend: no breach while paused, then the due times move by exactly the business minutes waited', async () => {
      // Friday 27 Nov 2026, 16:00 Berlin: first response due Mon 10:00 (240 business minutes), resolution Wed 10:00 (1440).
      setNow(t, '2026-11-27T15:00:00.000Z');
      const { escalationId } = await askAndEscalate(t, cast);
      await t.gql(CLAIM, { id: escalationId }, cast.agent.cookie);
      expect(await clocks(escalationId)).toMatchObject({
        firstResponseDueAt: '2026-11-30T09:00:00.000Z',
        resolutionDueAt: '2026-12-02T09:00:00.000Z',
      });

      setNow(t, '2026-11-27T16:00:00.000Z'); // Friday 17:00: the agent asks the customer and waits
      await setStatus(escalationId, 'WAITING_ON_CUSTOMER');
      const paused = await clocks(escalationId);
      expect(paused).toMatchObject({ slaPaused: true, remainingBusinessMinutes: 180, firstResponseBreached: false });
      const { questionId } = (
        await t.dataSource.query(`SELECT question_id AS "questionId" FROM escalations WHERE id = $1`, [escalationId])
      )[0];
      const promise = await t.gql<{ question: { staffPromise: { waitingOnAsker: boolean } } }>(
        `query ($id: ID!) { question(id: $id) { staffPromise(locale: EN) { waitingOnAsker } } }`,
        { id: questionId },
      );
      expect(promise.data.question.staffPromise.waitingOnAsker).toBe(true);

      // Tuesday 1 Dec, 12:00 Berlin: long past the original first-response due time, but the clock stood still.
      setNow(t, '2026-12-01T11:00:00.000Z');
      await t.app.get(EscalationSweeper).sweep();
      expect(await pauseColumns(escalationId)).toMatchObject({ paused_business_minutes: 0 });
      const [marks] = await t.dataSource.query(`SELECT first_response_breached_at, resolution_breached_at FROM escalations WHERE id = $1`, [
        escalationId,
      ]);
      expect(marks).toEqual({ first_response_breached_at: null, resolution_breached_at: null });
      expect(await clocks(escalationId)).toMatchObject({
        slaPaused: true,
        remainingBusinessMinutes: 180,
        firstResponseBreached: false,
        resolutionBreached: false,
        firstResponseDueAt: '2026-11-30T09:00:00.000Z',
      });
      const queue = await t.gql<{ escalationQueue: { edges: { node: { id: string; slaPaused: boolean } }[] } }>(
        `query ($filter: EscalationQueueFilter) { escalationQueue(filter: $filter) { edges { node { id slaPaused } } } }`,
        {},
        cast.agent.cookie,
      );
      expect(queue.data.escalationQueue.edges.find((e) => e.node.id === escalationId)?.node.slaPaused).toBe(true);
      const overdue = await t.gql<{ escalationQueue: { edges: { node: { id: string } }[] } }>(
        QUEUE,
        { filter: { breached: true } },
        cast.agent.cookie,
      );
      expect(overdue.data.escalationQueue.edges.map((e) => e.node.id)).not.toContain(escalationId);

      // Back to work on Tuesday 12:00: waited Fri 17–18 (60) + Mon (600) + Tue 08–12 (240) = 900 business minutes.
      await setStatus(escalationId, 'ASSIGNED');
      const resumed = await clocks(escalationId);
      expect(resumed).toMatchObject({
        status: 'ASSIGNED',
        slaPaused: false,
        firstResponseDueAt: '2026-12-01T14:00:00.000Z', // Mon 10:00 + 900 → Tue 15:00 Berlin
        resolutionDueAt: '2026-12-03T14:00:00.000Z', // Wed 10:00 + 900 → Thu 15:00 Berlin
        nextDueAt: '2026-12-01T14:00:00.000Z',
        remainingBusinessMinutes: 180, // exactly what was left when the wait began
        firstResponseBreached: false,
      });
      expect(JSON.parse(resumed.timeline.at(-1)!.details)).toEqual({
        from: 'waiting_on_customer',
        to: 'assigned',
        waitedBusinessMinutes: 900,
      });
      expect(await pauseColumns(escalationId)).toEqual({
        paused_at: null,
        paused_business_minutes: 900,
        first_response_paused_minutes: 900,
      });
    });

    it('a priority change or a forward while paused keeps the pause accounting', async () => {
      setNow(t, TUESDAY_0900); // first response due Tue 13:00 Berlin, resolution Thu 13:00
      const { escalationId } = await askAndEscalate(t, cast);
      await t.gql(CLAIM, { id: escalationId }, cast.agent.cookie);
      setNow(t, '2026-11-24T09:00:00.000Z');
      await setStatus(escalationId, 'WAITING_ON_CUSTOMER');
      setNow(t, '2026-11-24T10:00:00.000Z');
      await setStatus(escalationId, 'ASSIGNED'); // 60 business minutes waited
      expect(await clocks(escalationId)).toMatchObject({
        firstResponseDueAt: '2026-11-24T13:00:00.000Z',
        resolutionDueAt: '2026-11-26T13:00:00.000Z',
      });

      setNow(t, '2026-11-24T11:00:00.000Z'); // Tuesday 12:00: waiting again
      await setStatus(escalationId, 'WAITING_ON_CUSTOMER');
      setNow(t, '2026-11-24T12:00:00.000Z');
      const lowered = await t.gql(PRIORITY, { id: escalationId, priority: 'LOW' }, cast.agent.cookie);
      expect(lowered.errors).toBeUndefined();
      // LOW: 960 + the 60 already waited from Tue 09:00 → Wed 16:00 Berlin; the current pause still stands.
      expect(await clocks(escalationId)).toMatchObject({
        status: 'WAITING_ON_CUSTOMER',
        slaPaused: true,
        firstResponseDueAt: '2026-11-25T15:00:00.000Z',
        remainingBusinessMinutes: 840, // from Tue 12:00 (where the clock stands) to Wed 16:00
      });

      // Wednesday 10:00: forwarded while waiting; the wait (Tue 12–18 and Wed 08–10: 480) ends and counts.
      setNow(t, '2026-11-25T09:00:00.000Z');
      const forwarded = await t.gql(FORWARD, { id: escalationId, teamId: cast.otherTeamId }, cast.agent.cookie);
      expect(forwarded.errors).toBeUndefined();
      expect(await pauseColumns(escalationId)).toEqual({
        paused_at: null,
        paused_business_minutes: 540,
        first_response_paused_minutes: 540,
      });
      expect(await clocks(escalationId, cast.otherAgent.cookie)).toMatchObject({
        status: 'NEW',
        slaPaused: false,
        firstResponseDueAt: '2026-11-26T13:00:00.000Z', // Tue 09:00 + 960 + 540 → Thu 14:00 Berlin
        resolutionDueAt: '2026-12-04T17:00:00.000Z', // Tue 09:00 + 4800 + 540 → Fri 4 Dec 18:00 Berlin
      });
    });

    it('a target missed before the wait stays missed; a first response during the wait counts where the clock stood', async () => {
      setNow(t, TUESDAY_0900);
      const late = await askAndEscalate(t, cast);
      await t.gql(CLAIM, { id: late.escalationId }, cast.agent.cookie);
      setNow(t, '2026-11-24T13:00:00.000Z'); // Tuesday 14:00: first response (due 13:00) already missed
      await setStatus(late.escalationId, 'WAITING_ON_CUSTOMER');
      setNow(t, '2026-11-25T13:00:00.000Z');
      await setStatus(late.escalationId, 'ASSIGNED');
      const missed = await clocks(late.escalationId);
      expect(missed.firstResponseBreached).toBe(true);
      expect(missed.timeline.map((e) => e.kind)).toContain('first_response_breached');

      setNow(t, TUESDAY_0900);
      const onTime = await askAndEscalate(t, cast, { privateDetails: 'Contract 5521.' });
      await t.gql(CLAIM, { id: onTime.escalationId }, cast.agent.cookie);
      setNow(t, '2026-11-24T10:00:00.000Z'); // Tuesday 11:00, due 13:00
      await setStatus(onTime.escalationId, 'WAITING_ON_CUSTOMER');
      setNow(t, '2026-11-25T10:00:00.000Z'); // Wednesday 11:00: the agent writes while the customer is away
      const conversationId = (
        await t.gql<{ escalation: { conversation: { id: string } } }>(DETAIL, { id: onTime.escalationId }, cast.agent.cookie)
      ).data.escalation.conversation.id;
      await t.gql(SEND, { input: { conversationId, body: 'We found the contract; anything else?' } }, cast.agent.cookie);
      expect((await clocks(onTime.escalationId)).firstResponseBreached).toBe(false);
      setNow(t, '2026-11-25T11:00:00.000Z'); // the asker replies: the wait ends (Tue 11–18 + Wed 08–12 = 660)
      await t.gql(SEND, { input: { conversationId, body: 'No, thank you!' } }, cast.asker.cookie);
      expect(await clocks(onTime.escalationId)).toMatchObject({ status: 'ASSIGNED', slaPaused: false, firstResponseBreached: false });
      // Only the wait until the first response (Tue 11–18 + Wed 08–11 = 600) moves the first-response due time.
      expect(await pauseColumns(onTime.escalationId)).toEqual({
        paused_at: null,
        paused_business_minutes: 660,
        first_response_paused_minutes: 600,
      });
    });
  });

  it('rules: questions unanswered for N business hours are escalated by the sweeper; breaches are marked once', async () => {
    const save = await t.gql<{ saveTeam: { id: string } }>(
      SAVE_TEAM,
      { input: teamInput({ id: cast.teamId, unansweredAfterMinutes: 120 }) },
      cast.admin.cookie,
    );
    expect(save.errors).toBeUndefined();
    const questionId = await ask(t, cast.customer, { title: 'Meter reading was not accepted by the portal' });
    const answered = await ask(t, cast.customer, { title: 'How do I change my advance payment?' });
    await answer(t, cast.asker, answered);
    const sweeper = t.app.get(EscalationSweeper);
    // Three wall-clock hours later but only counted within opening hours: the next Tuesday 11:00 Berlin is surely past 2 business hours.
    const later = new Date(Date.now() + 8 * 86_400_000).toISOString();
    setNow(t, later);
    const first = await sweeper.sweep();
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    const [row] = await t.dataSource.query(`SELECT source, reason FROM escalations WHERE question_id = $1`, [questionId]);
    expect(row).toMatchObject({ source: 'rule', reason: 'No answer after 2 business hours.' });
    expect(await t.dataSource.query(`SELECT 1 FROM escalations WHERE question_id = $1`, [answered])).toEqual([]);
    const again = await sweeper.sweep();
    expect(again.escalated).toBe(0);
    await t.gql(SAVE_TEAM, { input: teamInput({ id: cast.teamId, unansweredAfterMinutes: null }) }, cast.admin.cookie);
  });

  it('rules: a thread getting flagged is escalated, at once for a “needs staff” flag, else at the second open flag', async () => {
    const FLAG = `mutation ($input: FlagPostInput!) { flagPost(input: $input) { id } }`;
    const escalationOf = async (questionId: string) =>
      (await t.dataSource.query(`SELECT source, priority FROM escalations WHERE question_id = $1`, [questionId])) as {
        source: string;
        priority: string;
      }[];

    const askingForStaff = await ask(t, cast.asker, { title: 'Tariff change confirmation never arrived' });
    await t.gql(FLAG, { input: { questionId: askingForStaff, reason: 'NEEDS_STAFF' } }, cast.customer.cookie);
    expect(await escalationOf(askingForStaff)).toEqual([{ source: 'rule', priority: 'high' }]);

    const rude = await ask(t, cast.asker, { title: 'Why does nobody answer my meter question' });
    await t.gql(FLAG, { input: { questionId: rude, reason: 'RUDE' } }, cast.customer.cookie);
    expect(await escalationOf(rude)).toEqual([]);
    await t.gql(FLAG, { input: { questionId: rude, reason: 'OFF_TOPIC' } }, cast.expert.cookie);
    expect(await escalationOf(rude)).toEqual([{ source: 'rule', priority: 'high' }]);
  });

  it('escalateByRule is a no-op when the question is already escalated', async () => {
    const { questionId } = await askAndEscalate(t, cast);
    const before = await counts(t.dataSource);
    await t.dataSource.transaction((m) => t.app.get(EscalationService).escalateByRule(m, questionId, 'flagged', 'Flagged three times.'));
    expect(await counts(t.dataSource)).toEqual(before);
  });

  describe('bad input changes nothing', () => {
    const unchanged = async (run: () => Promise<void>) => {
      const before = await counts(t.dataSource);
      await run();
      expect(await counts(t.dataSource)).toEqual(before);
    };

    it('escalating a question twice', async () => {
      const { questionId } = await askAndEscalate(t, cast);
      await unchanged(async () => expectError(await t.gql(ESCALATE, { input: { questionId } }, cast.asker.cookie), 'CONFLICT'));
    });

    it('escalating someone else’s question as a plain member', async () => {
      const questionId = await ask(t, cast.asker);
      await unchanged(async () => expectError(await t.gql(ESCALATE, { input: { questionId } }, cast.customer.cookie), 'FORBIDDEN'));
    });

    it('an expert escalating with private details or a priority', async () => {
      const questionId = await ask(t, cast.asker);
      await unchanged(async () => {
        expectError(await t.gql(ESCALATE, { input: { questionId, privateDetails: 'x' } }, cast.expert.cookie), 'BAD_USER_INPUT', {
          field: 'privateDetails',
          code: 'asker_only',
        });
        expectError(await t.gql(ESCALATE, { input: { questionId, priority: 'URGENT' } }, cast.expert.cookie), 'BAD_USER_INPUT', {
          field: 'priority',
          code: 'staff_only',
        });
      });
    });

    it('resolving without the required summary, or with an empty, too long or personal one', async () => {
      const { escalationId } = await askAndEscalate(t, cast, { privateDetails: 'My address is needed.' });
      await unchanged(async () => {
        expectError(await t.gql(RESOLVE, { input: { id: escalationId } }, cast.agent.cookie), 'BAD_USER_INPUT', {
          field: 'summary',
          code: 'required',
        });
        expectError(await t.gql(RESOLVE, { input: { id: escalationId, summary: '   ' } }, cast.agent.cookie), 'BAD_USER_INPUT', {
          field: 'summary',
          code: 'required',
        });
        expectError(
          await t.gql(RESOLVE, { input: { id: escalationId, summary: 'x'.repeat(20_001) } }, cast.agent.cookie),
          'BAD_USER_INPUT',
          { field: 'summary', code: 'too_long' },
        );
        expectError(
          await t.gql(
            RESOLVE,
            { input: { id: escalationId, summary: 'Fixed. We refunded to DE89 3704 0044 0532 0130 00, write to max@example.com.' } },
            cast.agent.cookie,
          ),
          'BAD_USER_INPUT',
          { field: 'summary', code: 'personal_data' },
        );
      });
    });

    it('a message that is empty or too long', async () => {
      const { escalationId } = await askAndEscalate(t, cast, { privateDetails: 'Order 123' });
      const detail = await t.gql<{ escalation: { conversation: { id: string } } }>(DETAIL, { id: escalationId }, cast.agent.cookie);
      const conversationId = detail.data.escalation.conversation.id;
      await unchanged(async () => {
        expectError(await t.gql(SEND, { input: { conversationId, body: ' ' } }, cast.agent.cookie), 'BAD_USER_INPUT', {
          field: 'body',
          code: 'required',
        });
        expectError(await t.gql(SEND, { input: { conversationId, body: 'x'.repeat(4001) } }, cast.asker.cookie), 'BAD_USER_INPUT', {
          field: 'body',
          code: 'too_long',
        });
        expectError(await t.gql(OPEN_CONVERSATION, { questionId: '1', body: '' }, cast.agent.cookie), 'BAD_USER_INPUT', {
          field: 'body',
          code: 'required',
        });
      });
    });

    it('a message to a conversation you are not part of does not reveal that it exists', async () => {
      const { escalationId } = await askAndEscalate(t, cast, { privateDetails: 'Order 123' });
      const detail = await t.gql<{ escalation: { conversation: { id: string } } }>(DETAIL, { id: escalationId }, cast.agent.cookie);
      const conversationId = detail.data.escalation.conversation.id;
      await unchanged(async () => {
        const existing = await t.gql(SEND, { input: { conversationId, body: 'Hello?' } }, cast.customer.cookie);
        const missing = await t.gql(SEND, { input: { conversationId: '987654321', body: 'Hello?' } }, cast.customer.cookie);
        expectError(existing, 'NOT_FOUND');
        expectError(missing, 'NOT_FOUND');
        expect(existing.errors![0]!.message).toBe(missing.errors![0]!.message);
        expectError(await t.gql(SEND, { input: { conversationId, body: 'Hello?' } }, cast.otherAgent.cookie), 'NOT_FOUND');
      });
    });

    it('opening hours with overlapping or inverted windows, an unknown time zone, SLA targets of zero or below', async () => {
      await unchanged(async () => {
        const overlapping = await t.gql(
          SAVE_TEAM,
          {
            input: teamInput({
              name: 'Overlap',
              weekly: [
                { day: 1, start: '08:00', end: '12:00' },
                { day: 1, start: '11:00', end: '14:00' },
              ],
            }),
          },
          cast.admin.cookie,
        );
        expectError(overlapping, 'BAD_USER_INPUT', { field: 'weekly.1', code: 'overlapping_windows' });
        const inverted = await t.gql(
          SAVE_TEAM,
          {
            input: teamInput({
              name: 'Inverted',
              weekly: [
                { day: 1, start: '18:00', end: '18:00' },
                { day: 2, start: '25:00', end: '08:00' },
              ],
            }),
          },
          cast.admin.cookie,
        );
        expectError(inverted, 'BAD_USER_INPUT', { field: 'weekly.0', code: 'zero_length_window' });
        expectError(inverted, 'BAD_USER_INPUT', { field: 'weekly.1.start', code: 'invalid_time' });
        expectError(
          await t.gql(SAVE_TEAM, { input: teamInput({ name: 'Zone', timeZone: 'Europe/Atlantis' }) }, cast.admin.cookie),
          'BAD_USER_INPUT',
          {
            field: 'timeZone',
            code: 'unknown_time_zone',
          },
        );
        const sla = [
          { priority: 'LOW', firstResponseMinutes: 0, resolutionMinutes: 10 },
          { priority: 'NORMAL', firstResponseMinutes: 60, resolutionMinutes: -5 },
          { priority: 'HIGH', firstResponseMinutes: 60, resolutionMinutes: 120 },
          { priority: 'URGENT', firstResponseMinutes: 30, resolutionMinutes: 60 },
        ];
        const bad = await t.gql(SAVE_TEAM, { input: teamInput({ name: 'Zero', sla }) }, cast.admin.cookie);
        expectError(bad, 'BAD_USER_INPUT', { field: 'sla.0.firstResponseMinutes', code: 'not_positive' });
        expectError(bad, 'BAD_USER_INPUT', { field: 'sla.1.resolutionMinutes', code: 'not_positive' });
        expectError(
          await t.gql(SAVE_TEAM, { input: teamInput({ name: 'Missing', sla: sla.slice(2) }) }, cast.admin.cookie),
          'BAD_USER_INPUT',
          { field: 'sla', code: 'one_per_priority' },
        );
      });
    });

    it('assigning to a non-staff user, or to staff of another team', async () => {
      const { escalationId } = await askAndEscalate(t, cast);
      await unchanged(async () => {
        expectError(await t.gql(ASSIGN, { id: escalationId, assigneeId: cast.customer.id }, cast.agent.cookie), 'BAD_USER_INPUT', {
          field: 'assigneeId',
          code: 'not_staff',
        });
        expectError(await t.gql(ASSIGN, { id: escalationId, assigneeId: cast.otherAgent.id }, cast.agent.cookie), 'BAD_USER_INPUT', {
          field: 'assigneeId',
          code: 'not_staff',
        });
        expectError(
          await t.gql(
            `mutation ($teamId: ID!, $userId: ID!) { addTeamMember(teamId: $teamId, userId: $userId) { id } }`,
            { teamId: cast.teamId, userId: cast.customer.id },
            cast.admin.cookie,
          ),
          'BAD_USER_INPUT',
          {
            field: 'userId',
            code: 'not_staff',
          },
        );
      });
    });
  });
});
