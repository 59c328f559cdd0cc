// A resolved escalation shows as resolved: the thread names the answer that carries the company's
// resolution summary, for everyone (also when the summary went through four-eyes review first).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../test-support/builders';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { askAndEscalate, seedCast, type Cast } from './test/escalation-fixture';

const RESOLVE = `mutation ($input: ResolveEscalationInput!) { resolveEscalation(input: $input) { id status } }`;
const THREAD = `query ($id: ID!) { question(id: $id) { resolution { answerId company teamName resolvedAt } answers { edges { node { id bodyHtml } } } } }`;
const APPROVE = `mutation ($input: DecideStaffDraftInput!) { approveStaffDraft(input: $input) { state publishedAnswerId } }`;
const SUMMARY = 'The final invoice used an estimated reading; billing corrects it when you send the actual reading through the portal.';

type Thread = {
  question: {
    resolution: { answerId: string; company: string; teamName: string; resolvedAt: string } | null;
    answers: { edges: { node: { id: string; bodyHtml: string } }[] };
  };
};

describe('the resolution of an escalation', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await seedCast(t);
  });
  afterAll(() => t.close());

  it('is absent while the escalation is open, and names the summary answer once resolved', async () => {
    const { questionId, escalationId } = await askAndEscalate(t, cast);
    await answer(t, cast.expert, questionId, 'Maybe the meter was read wrongly? Ask for a correction.');
    const before = await t.gql<Thread>(THREAD, { id: questionId });
    expect(before.data.question.resolution).toBeNull();

    const resolved = await t.gql(RESOLVE, { input: { id: escalationId, summary: SUMMARY } }, cast.agent.cookie);
    expect(resolved.errors).toBeUndefined();
    const after = await t.gql<Thread>(THREAD, { id: questionId }); // anonymous visitor
    const summaryAnswer = after.data.question.answers.edges.find((edge) => edge.node.bodyHtml.includes('billing corrects it'))!;
    expect(after.data.question.resolution).toMatchObject({
      answerId: summaryAnswer.node.id,
      company: 'Fennwatt',
      teamName: 'Customer care',
    });
  });

  it('names the summary once a reviewer approved it (four-eyes review on)', async () => {
    await t.dataSource.query(`UPDATE space_review_settings SET review_staff_replies = true`);
    try {
      const { questionId, escalationId } = await askAndEscalate(t, cast);
      const resolved = await t.gql(RESOLVE, { input: { id: escalationId, summary: SUMMARY } }, cast.agent.cookie);
      expect(resolved.errors).toBeUndefined();
      expect((await t.gql<Thread>(THREAD, { id: questionId })).data.question.resolution).toBeNull();

      const [draft] = (await t.dataSource.query(`SELECT id, version FROM staff_drafts WHERE client_mutation_id = $1`, [
        `resolution-summary-${escalationId}`,
      ])) as { id: string; version: number }[];
      const approved = await t.gql<{ approveStaffDraft: { publishedAnswerId: string } }>(
        APPROVE,
        { input: { id: String(draft!.id), expectedVersion: draft!.version } },
        cast.otherAgent.cookie,
      );
      expect(approved.errors).toBeUndefined();
      const after = await t.gql<Thread>(THREAD, { id: questionId });
      expect(after.data.question.resolution?.answerId).toBe(approved.data.approveStaffDraft.publishedAnswerId);
    } finally {
      await t.dataSource.query(`UPDATE space_review_settings SET review_staff_replies = false`);
    }
  });
});
