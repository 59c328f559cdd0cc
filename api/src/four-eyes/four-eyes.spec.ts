import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, seedSpace, setRole, signUp, type TestUser } from '../test-support/builders';
import { expectError } from '../test-support/matchers';
import { signUpStaff } from '../test-support/staff-builders';
import { createTestApp, type TestApp } from '../test-support/test-app';

const DRAFT_FIELDS = `id state version kind bodyMarkdown findings { rule severity start end } reviewComment canApprove canEdit canWithdraw
  author { id displayName } reviewer { id } publishedAnswerId publishedCommentId`;
const SAVE = `mutation ($input: SaveStaffDraftInput!) { saveStaffDraft(input: $input) { ${DRAFT_FIELDS} } }`;
const EDIT = `mutation ($input: EditStaffDraftInput!) { editStaffDraft(input: $input) { ${DRAFT_FIELDS} } }`;
const APPROVE = `mutation ($input: DecideStaffDraftInput!) { approveStaffDraft(input: $input) { ${DRAFT_FIELDS} } }`;
const REQUEST_CHANGES = `mutation ($input: RequestDraftChangesInput!) { requestStaffDraftChanges(input: $input) { ${DRAFT_FIELDS} } }`;
const WITHDRAW = `mutation ($input: DecideStaffDraftInput!) { withdrawStaffDraft(input: $input) { ${DRAFT_FIELDS} } }`;
const DRAFT = `query ($id: ID!) { staffDraft(id: $id) { ${DRAFT_FIELDS} } }`;
const QUEUE = `query { reviewQueue(first: 50) { totalCount edges { node { id state } } } }`;
const THREAD = `query ($id: ID!) { question(id: $id) {
  viewerRepliesViaDraft
  myStaffDrafts { id state }
  answers(first: 50) { edges { node { id bodyMarkdown author { id photoVersion } reviewedBy { id displayName } } } }
  comments { id bodyHtml reviewedBy { id } }
} }`;

interface Draft {
  id: string;
  state: string;
  version: number;
  bodyMarkdown: string;
  findings: { rule: string; severity: string; start: number; end: number }[];
  canApprove: boolean;
  publishedAnswerId: string | null;
  publishedCommentId: string | null;
}

const CLEAN =
  'Hallo Anna,\n\ndein Abschlag wurde nach der Preisanpassung im Oktober neu berechnet. Die neue Höhe siehst du in der App unter Verträge.\n\nViele Grüße\nMiriam';

describe('four-eyes review of staff replies', () => {
  let t: TestApp;
  let asker: TestUser;
  let member: TestUser;
  let miriam: TestUser;
  let tobias: TestUser;
  let admin: TestUser;
  let questionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
    asker = await signUp(t, 'Asking Anna');
    member = await signUp(t, 'Other Olga');
    miriam = await signUpStaff(t, 'Miriam Çelik');
    tobias = await signUpStaff(t, 'Tobias Reinhardt');
    admin = await signUpStaff(t, 'Katrin Vogt', 'admin');
    questionId = await ask(t, asker);
  });
  afterAll(() => t?.close());

  const save = async (body = CLEAN, author = miriam, extra: Record<string, unknown> = {}) => {
    const res = await t.gql<{ saveStaffDraft: Draft }>(SAVE, { input: { kind: 'ANSWER', questionId, body, ...extra } }, author.cookie);
    expect(res.errors).toBeUndefined();
    return res.data.saveStaffDraft;
  };
  const count = async (sql: string, params: unknown[] = []) => Number((await t.dataSource.query(sql, params))[0].count);
  const answersOf = () => count(`SELECT count(*) FROM answers WHERE question_id = $1`, [questionId]);
  const auditOf = (action: string, subject: string) =>
    count(`SELECT count(*) FROM audit_log WHERE action = $1 AND subject_id = $2`, [action, subject]);

  it('keeps a staff answer out of the thread: answering directly is refused, a draft is saved with findings', async () => {
    const direct = await t.gql(
      `mutation ($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id } }`,
      { input: { questionId, body: CLEAN } },
      miriam.cookie,
    );
    expectError(direct, 'FORBIDDEN');
    expect(await answersOf()).toBe(0);

    const draft = await save('Bitte rufen Sie unsere Hotline an, dort hilft man Ihnen mit Ihrem Abschlag weiter. Danke.');
    expect(draft).toMatchObject({ state: 'DRAFT', version: 1, canApprove: false });
    expect(draft.findings.map((f) => f.rule)).toContain('channel-redirect');
    expect(await auditOf('draft.created', draft.id)).toBe(1);
  });

  it('keeps staff without a photo from publishing, even where review is off', async () => {
    const faceless = await signUp(t, 'Dirk Faceless');
    await setRole(t.dataSource, faceless.id, 'agent');
    const res = await t.gql(
      `mutation ($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id } }`,
      { input: { questionId, body: CLEAN } },
      faceless.cookie,
    );
    expectError(res, 'FORBIDDEN');
    expect(res.errors![0]!.message).toMatch(/photo/);
  });

  it('shows drafts to staff and the author only (per role)', async () => {
    const draft = await save();
    const asStaff = await t.gql<{ staffDraft: Draft }>(DRAFT, { id: draft.id }, tobias.cookie);
    expect(asStaff.data.staffDraft.canApprove).toBe(true);
    const asAuthor = await t.gql<{ staffDraft: Draft }>(DRAFT, { id: draft.id }, miriam.cookie);
    expect(asAuthor.data.staffDraft.id).toBe(draft.id);
    for (const outsider of [asker, member]) {
      expectError(await t.gql(DRAFT, { id: draft.id }, outsider.cookie), 'NOT_FOUND');
      expectError(await t.gql(QUEUE, {}, outsider.cookie), 'FORBIDDEN');
      const thread = await t.gql<{ question: { myStaffDrafts: unknown[]; answers: { edges: { node: { bodyMarkdown: string } }[] } } }>(
        THREAD,
        { id: questionId },
        outsider.cookie,
      );
      expect(thread.data.question.myStaffDrafts).toEqual([]);
      expect(thread.data.question.answers.edges.map((e) => e.node.bodyMarkdown)).not.toContain(CLEAN);
    }
    expectError(await t.gql(DRAFT, { id: draft.id }), 'UNAUTHENTICATED');
    const anonymous = await t.gql<{ question: { myStaffDrafts: unknown[] } }>(THREAD, { id: questionId });
    expect(anonymous.data.question.myStaffDrafts).toEqual([]);
    const own = await t.gql<{ question: { viewerRepliesViaDraft: boolean; myStaffDrafts: { id: string }[] } }>(
      THREAD,
      { id: questionId },
      miriam.cookie,
    );
    expect(own.data.question.myStaffDrafts.map((d) => d.id)).toContain(draft.id);
    expect(own.data.question.viewerRepliesViaDraft).toBe(true);
    const askerView = await t.gql<{ question: { viewerRepliesViaDraft: boolean } }>(THREAD, { id: questionId }, asker.cookie);
    expect(askerView.data.question.viewerRepliesViaDraft).toBe(false);
    const queue = await t.gql<{ reviewQueue: { edges: { node: { id: string } }[] } }>(QUEUE, {}, tobias.cookie);
    expect(queue.data.reviewQueue.edges.map((e) => e.node.id)).toContain(draft.id);
  });

  it('refuses approving your own draft and changes nothing', async () => {
    const draft = await save();
    const before = await answersOf();
    expectError(await t.gql(APPROVE, { input: { id: draft.id, expectedVersion: 1 } }, miriam.cookie), 'FORBIDDEN');
    expect(await answersOf()).toBe(before);
    const after = await t.gql<{ staffDraft: Draft }>(DRAFT, { id: draft.id }, miriam.cookie);
    expect(after.data.staffDraft).toMatchObject({ state: 'DRAFT', version: 1 });
  });

  it('publishes an approved draft under the author’s name, marked reviewed, with the author’s face; audited', async () => {
    const draft = await save();
    const res = await t.gql<{ approveStaffDraft: Draft }>(APPROVE, { input: { id: draft.id, expectedVersion: 1 } }, tobias.cookie);
    expect(res.errors).toBeUndefined();
    expect(res.data.approveStaffDraft).toMatchObject({ state: 'APPROVED', version: 2 });
    const answerId = res.data.approveStaffDraft.publishedAnswerId!;
    const thread = await t.gql<{
      question: {
        answers: {
          edges: { node: { id: string; author: { id: string; photoVersion: string | null }; reviewedBy: { id: string } | null } }[];
        };
      };
    }>(THREAD, { id: questionId }, asker.cookie);
    const published = thread.data.question.answers.edges.find((e) => e.node.id === answerId)!.node;
    expect(published.author.id).toBe(miriam.id);
    expect(published.author.photoVersion).toMatch(/^[0-9a-f]{32}$/);
    expect(published.reviewedBy?.id).toBe(tobias.id);
    const [entry] = await t.dataSource.query(
      `SELECT actor_id, details FROM audit_log WHERE action = 'draft.approved' AND subject_id = $1`,
      [draft.id],
    );
    expect(entry).toMatchObject({ actor_id: tobias.id, details: { authorId: miriam.id, reviewerId: tobias.id, answerId } });
  });

  it('refuses approving an already published or withdrawn draft (CONFLICT), changing nothing', async () => {
    const published = await save();
    await t.gql(APPROVE, { input: { id: published.id, expectedVersion: 1 } }, tobias.cookie);
    const before = await answersOf();
    expectError(await t.gql(APPROVE, { input: { id: published.id, expectedVersion: 2 } }, admin.cookie), 'CONFLICT');
    expect(await answersOf()).toBe(before);

    const withdrawn = await save();
    const w = await t.gql<{ withdrawStaffDraft: Draft }>(WITHDRAW, { input: { id: withdrawn.id, expectedVersion: 1 } }, miriam.cookie);
    expect(w.data.withdrawStaffDraft.state).toBe('WITHDRAWN');
    expectError(await t.gql(APPROVE, { input: { id: withdrawn.id, expectedVersion: 2 } }, tobias.cookie), 'CONFLICT');
    expectError(await t.gql(EDIT, { input: { id: withdrawn.id, expectedVersion: 2, body: CLEAN } }, miriam.cookie), 'CONFLICT');
    expect(await answersOf()).toBe(before);
    expect(await auditOf('draft.approved', withdrawn.id)).toBe(0);
  });

  it('loses no update: approving or editing from a stale version is a CONFLICT and the newer text stays', async () => {
    const draft = await save();
    const edited = await t.gql<{ editStaffDraft: Draft }>(
      EDIT,
      { input: { id: draft.id, expectedVersion: 1, body: CLEAN.replace('Oktober', 'November') } },
      tobias.cookie,
    );
    expect(edited.data.editStaffDraft.version).toBe(2);
    const before = await answersOf();
    // The author edits from version 1 while the reviewer's edit (version 2) is saved: refused.
    expectError(await t.gql(EDIT, { input: { id: draft.id, expectedVersion: 1, body: CLEAN } }, miriam.cookie), 'CONFLICT');
    // A second reviewer approves what they saw (version 1): refused, nothing published.
    expectError(await t.gql(APPROVE, { input: { id: draft.id, expectedVersion: 1 } }, admin.cookie), 'CONFLICT');
    expect(await answersOf()).toBe(before);
    const now = await t.gql<{ staffDraft: Draft }>(DRAFT, { id: draft.id }, miriam.cookie);
    expect(now.data.staffDraft).toMatchObject({ state: 'DRAFT', version: 2 });
    expect(now.data.staffDraft.bodyMarkdown).toContain('November');
  });

  it('races an edit against an approval: exactly one wins, the other is a CONFLICT', async () => {
    const draft = await save();
    const [approval, edit] = await Promise.all([
      t.gql<{ approveStaffDraft: Draft }>(APPROVE, { input: { id: draft.id, expectedVersion: 1 } }, tobias.cookie),
      t.gql<{ editStaffDraft: Draft }>(
        EDIT,
        { input: { id: draft.id, expectedVersion: 1, body: `${CLEAN}\n\nPS: Danke!` } },
        miriam.cookie,
      ),
    ]);
    const outcomes = [approval.errors?.[0]?.extensions.code ?? 'ok', edit.errors?.[0]?.extensions.code ?? 'ok'].sort();
    expect(outcomes).toEqual(['CONFLICT', 'ok']);
    const [row] = await t.dataSource.query(`SELECT state, body_markdown, published_answer_id FROM staff_drafts WHERE id = $1`, [draft.id]);
    if (approval.errors) expect(row).toMatchObject({ state: 'draft', published_answer_id: null });
    else {
      const [published] = await t.dataSource.query(`SELECT body_markdown FROM answers WHERE id = $1`, [row.published_answer_id]);
      expect(published.body_markdown).toBe(row.body_markdown);
    }
  });

  it('requests changes with a comment; the author revises and it returns to the queue', async () => {
    const draft = await save();
    expectError(
      await t.gql(REQUEST_CHANGES, { input: { id: draft.id, expectedVersion: 1, comment: 'x' } }, tobias.cookie),
      'BAD_USER_INPUT',
      {
        field: 'comment',
        code: 'too_short',
      },
    );
    const res = await t.gql<{ requestStaffDraftChanges: Draft }>(
      REQUEST_CHANGES,
      { input: { id: draft.id, expectedVersion: 1, comment: 'Bitte den Link zur Preisübersicht ergänzen.' } },
      tobias.cookie,
    );
    expect(res.data.requestStaffDraftChanges).toMatchObject({
      state: 'CHANGES_REQUESTED',
      version: 2,
      reviewComment: 'Bitte den Link zur Preisübersicht ergänzen.',
    });
    const revised = await t.gql<{ editStaffDraft: Draft }>(
      EDIT,
      { input: { id: draft.id, expectedVersion: 2, body: `${CLEAN} ` } },
      miriam.cookie,
    );
    expect(revised.data.editStaffDraft).toMatchObject({ state: 'DRAFT', version: 3 });
    expect(await auditOf('draft.changes_requested', draft.id)).toBe(1);
    expect(await auditOf('draft.edited', draft.id)).toBe(1);
  });

  it('publishes a reviewed comment too', async () => {
    const res = await t.gql<{ saveStaffDraft: Draft }>(
      SAVE,
      { input: { kind: 'COMMENT', questionId, body: 'Hallo Anna, welche App-Version nutzt du? Gruß, Miriam' } },
      miriam.cookie,
    );
    const approved = await t.gql<{ approveStaffDraft: Draft }>(
      APPROVE,
      { input: { id: res.data.saveStaffDraft.id, expectedVersion: 1 } },
      tobias.cookie,
    );
    const commentId = approved.data.approveStaffDraft.publishedCommentId;
    const thread = await t.gql<{ question: { comments: { id: string; reviewedBy: { id: string } | null }[] } }>(THREAD, { id: questionId });
    expect(thread.data.question.comments.find((c) => c.id === commentId)?.reviewedBy?.id).toBe(tobias.id);
  });

  it('lets an admin turn review off per space, and allow named staff to publish directly — every bypass audited and reported', async () => {
    const direct = { input: { questionId, body: CLEAN.replace('Miriam', 'Tobias') } };
    const ANSWER = `mutation ($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id } }`;
    expectError(
      await t.gql(
        `mutation { grantReviewBypass(input: { userId: "${tobias.id}", reason: "Störungslage" }) { reason } }`,
        {},
        miriam.cookie,
      ),
      'FORBIDDEN',
    );
    expectError(
      await t.gql(`mutation { grantReviewBypass(input: { userId: "${member.id}", reason: "Störungslage" }) { reason } }`, {}, admin.cookie),
      'BAD_USER_INPUT',
      { field: 'userId', code: 'not_staff' },
    );
    const grant = await t.gql(
      `mutation { grantReviewBypass(input: { userId: "${tobias.id}", reason: "Störungslage Netz Nord" }) { reason user { id } } }`,
      {},
      admin.cookie,
    );
    expect(grant.errors).toBeUndefined();
    const res = await t.gql<{ answerQuestion: { id: string } }>(ANSWER, direct, tobias.cookie);
    expect(res.errors).toBeUndefined();
    const report = await t.gql<{ reviewBypasses: { edges: { node: { postId: string; postType: string; author: { id: string } } }[] } }>(
      `query { reviewBypasses(first: 10) { edges { node { postId postType questionId author { id } } } } }`,
      {},
      admin.cookie,
    );
    expect(report.data.reviewBypasses.edges.map((e) => e.node)).toContainEqual(
      expect.objectContaining({ postId: res.data.answerQuestion.id, postType: 'answer', author: { id: tobias.id } }),
    );
    expectError(await t.gql(`query { reviewBypasses { edges { node { postId } } } }`, {}, tobias.cookie), 'FORBIDDEN');

    const off = await t.gql(
      `mutation { setSpaceReview(input: { spaceSlug: "billing", reviewStaffReplies: false }) { reviewStaffReplies } }`,
      {},
      admin.cookie,
    );
    expect(off.errors).toBeUndefined();
    const free = await t.gql<{ answerQuestion: { id: string } }>(
      ANSWER,
      { input: { questionId, body: `${CLEAN}\n\nNachtrag.` } },
      miriam.cookie,
    );
    expect(free.errors).toBeUndefined();
    expect(await auditOf('draft.bypassed', free.data.answerQuestion.id)).toBe(0);
    await t.gql(
      `mutation { setSpaceReview(input: { spaceSlug: "billing", reviewStaffReplies: true }) { reviewStaffReplies } }`,
      {},
      admin.cookie,
    );
  });
});
