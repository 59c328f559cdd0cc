// The public promise on an escalated thread stays honest over time: past its time it says the team
// is late instead of naming a time in the past, and a solved or locked thread promises nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../test-support/builders';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { askAndEscalate, seedCast, setNow, type Cast } from './test/escalation-fixture';

const PROMISE = `query ($id: ID!, $locale: Locale!) { question(id: $id) { staffPromise(locale: $locale) { responded expectedAt expectedBy late } } }`;
const ACCEPT = `mutation ($id: ID!) { acceptAnswer(answerId: $id) { status } }`;
const LOCK = `mutation ($input: ModerateQuestionInput!) { lockQuestion(input: $input) { lockedReason } }`;

// Tuesday 24 Nov 2026, 09:00 in Berlin: the first reply is due at 13:00 (four business hours).
const TUESDAY_0900 = '2026-11-24T08:00:00.000Z';
const TUESDAY_1210 = '2026-11-24T11:10:00.000Z';
const TUESDAY_1330 = '2026-11-24T12:30:00.000Z';

type Promise_ = { responded: boolean; expectedAt: string; expectedBy: string; late: boolean } | null;

describe('the staff promise over time', () => {
  let t: TestApp;
  let cast: Cast;
  const promise = async (questionId: string): Promise<Promise_> => {
    const res = await t.gql<{ question: { staffPromise: Promise_ } }>(PROMISE, { id: questionId, locale: 'EN' });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.question.staffPromise;
  };

  beforeAll(async () => {
    t = await createTestApp();
    cast = await seedCast(t);
  });
  afterEach(() => setNow(t, null));
  afterAll(() => t.close());

  it('is on time before the due time and late after it', async () => {
    setNow(t, TUESDAY_0900);
    const { questionId } = await askAndEscalate(t, cast);
    setNow(t, TUESDAY_1210);
    expect(await promise(questionId)).toMatchObject({ late: false, expectedBy: 'today 13:00' });
    setNow(t, TUESDAY_1330);
    expect(await promise(questionId)).toMatchObject({ late: true, expectedAt: '2026-11-24T12:00:00.000Z' });
  });

  it('is gone once the thread is solved', async () => {
    setNow(t, TUESDAY_0900);
    const { questionId } = await askAndEscalate(t, cast);
    const answerId = await answer(t, cast.expert, questionId);
    expect(await promise(questionId)).not.toBeNull();
    const accepted = await t.gql(ACCEPT, { id: answerId }, cast.asker.cookie);
    expect(accepted.errors).toBeUndefined();
    expect(await promise(questionId)).toBeNull();
  });

  it('is gone once a moderator locks the thread', async () => {
    setNow(t, TUESDAY_0900);
    const { questionId } = await askAndEscalate(t, cast);
    const locked = await t.gql(LOCK, { input: { questionId, reason: 'Heated argument' } }, cast.moderator.cookie);
    expect(locked.errors).toBeUndefined();
    expect(await promise(questionId)).toBeNull();
  });
});
