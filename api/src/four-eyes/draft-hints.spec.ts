import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, seedSpace, signUp, type TestUser } from '../test-support/builders';
import { expectError } from '../test-support/matchers';
import { signUpStaff } from '../test-support/staff-builders';
import { createTestApp, type TestApp } from '../test-support/test-app';

const DRAFT_FIELDS = `id state version findings { rule } canDismissHints
  hintDismissals { rule reason dismissedAt dismissedBy { id displayName } }`;
const SAVE = `mutation ($input: SaveStaffDraftInput!) { saveStaffDraft(input: $input) { ${DRAFT_FIELDS} } }`;
const DISMISS = `mutation ($input: DismissDraftHintInput!) { dismissDraftHint(input: $input) { ${DRAFT_FIELDS} } }`;
const DRAFT = `query ($id: ID!) { staffDraft(id: $id) { ${DRAFT_FIELDS} } }`;
const QUEUE = `query { reviewQueue(first: 50) { edges { node { id hintDismissals { rule reason } } } } }`;
const APPROVE = `mutation ($input: DecideStaffDraftInput!) { approveStaffDraft(input: $input) { id state } }`;

interface Draft {
  id: string;
  state: string;
  version: number;
  findings: { rule: string }[];
  canDismissHints: boolean;
  hintDismissals: { rule: string; reason: string; dismissedAt: string; dismissedBy: { id: string; displayName: string } | null }[];
}

/** Sends the customer to the hotline: the channel-redirect rule fires. */
const REDIRECT =
  'Hallo Anna,\n\nbitte rufen Sie unsere Hotline an, dort kann man Ihren Abschlag prüfen. Die Nummer steht auf der Rechnung.\n\nViele Grüße\nMiriam';
const REASON = 'The hotline is the right place for a meter reading dispute.';

describe('reviewers dismiss a staff-reply hint with a reason', () => {
  let t: TestApp;
  let member: TestUser;
  let miriam: TestUser;
  let tobias: TestUser;
  let questionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedSpace(t.dataSource);
    const asker = await signUp(t, 'Asking Anna');
    member = await signUp(t, 'Other Olga');
    miriam = await signUpStaff(t, 'Miriam Çelik');
    tobias = await signUpStaff(t, 'Tobias Reinhardt');
    questionId = await ask(t, asker);
  });
  afterAll(() => t?.close());

  const save = async (body = REDIRECT) => {
    const res = await t.gql<{ saveStaffDraft: Draft }>(SAVE, { input: { kind: 'ANSWER', questionId, body } }, miriam.cookie);
    expect(res.errors).toBeUndefined();
    expect(res.data.saveStaffDraft.findings.map((f) => f.rule)).toContain('channel-redirect');
    return res.data.saveStaffDraft;
  };
  const dismiss = (cookie: string | undefined, draftId: string, rule = 'channel-redirect', reason = REASON) =>
    t.gql<{ dismissDraftHint: Draft }>(DISMISS, { input: { draftId, rule, reason } }, cookie);
  const audit = (draftId: string) =>
    t.dataSource.query<{ actor_id: string; reason: string; details: { rule: string; authorId: string } }[]>(
      `SELECT actor_id, reason, details FROM audit_log WHERE action = 'draft.hint_dismissed' AND subject_id = $1`,
      [draftId],
    );

  it('lets a reviewer dismiss a hint: the draft shows who dismissed it and why, and the audit log keeps rule and reason', async () => {
    const draft = await save();
    expect(draft.canDismissHints).toBe(false);
    expect(draft.hintDismissals).toEqual([]);
    const before = await t.gql<{ staffDraft: Draft }>(DRAFT, { id: draft.id }, tobias.cookie);
    expect(before.data.staffDraft.canDismissHints).toBe(true);

    const res = await dismiss(tobias.cookie, draft.id);
    expect(res.errors).toBeUndefined();
    expect(res.data.dismissDraftHint.hintDismissals).toEqual([
      {
        rule: 'channel-redirect',
        reason: REASON,
        dismissedAt: expect.any(String),
        dismissedBy: { id: tobias.id, displayName: 'Tobias Reinhardt' },
      },
    ]);
    // The finding itself stays (it is recomputed on every edit); clients show it as dismissed.
    expect(res.data.dismissDraftHint.findings.map((f) => f.rule)).toContain('channel-redirect');
    const entries = await audit(draft.id);
    expect(entries).toEqual([
      { actor_id: tobias.id, reason: REASON, details: expect.objectContaining({ rule: 'channel-redirect', authorId: miriam.id }) },
    ]);

    // The author sees the dismissal on their draft; the queue lists it too.
    const asAuthor = await t.gql<{ staffDraft: Draft }>(DRAFT, { id: draft.id }, miriam.cookie);
    expect(asAuthor.data.staffDraft.hintDismissals.map((d) => d.reason)).toEqual([REASON]);
    const queue = await t.gql<{ reviewQueue: { edges: { node: { id: string; hintDismissals: { rule: string }[] } }[] } }>(
      QUEUE,
      {},
      tobias.cookie,
    );
    expect(queue.data.reviewQueue.edges.find((e) => e.node.id === draft.id)!.node.hintDismissals).toEqual([
      expect.objectContaining({ rule: 'channel-redirect' }),
    ]);
  });

  it('is idempotent: a repeated or concurrent dismissal records one entry, and the first reason stays', async () => {
    const draft = await save();
    const results = await Promise.all([dismiss(tobias.cookie, draft.id), dismiss(tobias.cookie, draft.id)]);
    for (const res of results) expect(res.errors).toBeUndefined();
    const again = await dismiss(tobias.cookie, draft.id, 'channel-redirect', 'A different reason this time');
    expect(again.data.dismissDraftHint.hintDismissals.map((d) => d.reason)).toEqual([REASON]);
    expect(await audit(draft.id)).toHaveLength(1);
  });

  it('refuses the author, members and anonymous visitors (per role), and records nothing', async () => {
    const draft = await save();
    expectError(await dismiss(miriam.cookie, draft.id), 'FORBIDDEN');
    expectError(await dismiss(member.cookie, draft.id), 'NOT_FOUND');
    expectError(await dismiss(undefined, draft.id), 'UNAUTHENTICATED');
    expect(await audit(draft.id)).toEqual([]);
  });

  it('validates the reason (3–300 characters, no NUL) and the rule', async () => {
    const draft = await save();
    expectError(await dismiss(tobias.cookie, draft.id, 'channel-redirect', ' ab '), 'BAD_USER_INPUT', {
      field: 'reason',
      code: 'too_short',
    });
    expectError(await dismiss(tobias.cookie, draft.id, 'channel-redirect', 'x'.repeat(301)), 'BAD_USER_INPUT', {
      field: 'reason',
      code: 'too_long',
    });
    const nul = await dismiss(tobias.cookie, draft.id, 'channel-redirect', 'wrong\u0000hint');
    expectError(nul, 'BAD_USER_INPUT');
    expect(nul.errors![0]!.extensions.fields).toContainEqual(
      expect.objectContaining({ field: expect.stringMatching(/^(input\.)?reason$/), code: 'invalid_character' }),
    );
    expectError(await dismiss(tobias.cookie, draft.id, 'no-such-rule'), 'BAD_USER_INPUT', { field: 'rule', code: 'invalid' });
    expectError(await dismiss(tobias.cookie, '999999999'), 'NOT_FOUND');
    expect(await audit(draft.id)).toEqual([]);
    expect((await dismiss(tobias.cookie, draft.id, 'channel-redirect', 'x'.repeat(300))).errors).toBeUndefined();
  });

  it('takes no dismissal on a published draft', async () => {
    const draft = await save();
    const approved = await t.gql(APPROVE, { input: { id: draft.id, expectedVersion: draft.version } }, tobias.cookie);
    expect(approved.errors).toBeUndefined();
    const after = await t.gql<{ staffDraft: Draft }>(DRAFT, { id: draft.id }, tobias.cookie);
    expect(after.data.staffDraft.canDismissHints).toBe(false);
    expectError(await dismiss(tobias.cookie, draft.id), 'CONFLICT');
    expect(await audit(draft.id)).toEqual([]);
  });
});
