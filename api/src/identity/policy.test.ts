import { describe, expect, it } from 'vitest';
import { ACTIONS, authorize, can, type Action, type Actor } from './policy';

/**
 * The policy as a table: every action against the typical actors. A change to a rule changes this
 * table, so who may do what is reviewed as a whole, not rule by rule.
 */

interface Context {
  /** The actor's own id (for "own post" resources). */
  self: string;
  /** The actor leads the post's space (trust level 4 in a space they lead). */
  leadsSpace: boolean;
  /** The actor is a member of the escalation's team. */
  inTeam: boolean;
}

const OTHER = 'u-other';
const FUTURE = new Date(Date.now() + 7 * 24 * 3600 * 1000);

const ACTORS: { label: string; actor: Actor | null; leadsSpace?: boolean; inTeam?: boolean }[] = [
  { label: 'anon', actor: null },
  { label: 'new', actor: { id: 'u-newcomer', role: 'member', trustLevel: 0 } },
  { label: 'mem', actor: { id: 'u-member', role: 'member', trustLevel: 1 } },
  { label: 'exp', actor: { id: 'u-expert', role: 'member', trustLevel: 3 } },
  { label: 'ldr+', actor: { id: 'u-leader', role: 'member', trustLevel: 4 }, leadsSpace: true },
  { label: 'ldr-', actor: { id: 'u-leader', role: 'member', trustLevel: 4 }, leadsSpace: false },
  { label: 'agt+', actor: { id: 'u-agent', role: 'agent', trustLevel: 1 }, inTeam: true },
  { label: 'agt-', actor: { id: 'u-agent', role: 'agent', trustLevel: 1 }, inTeam: false },
  { label: 'mod', actor: { id: 'u-moderator', role: 'moderator', trustLevel: 1 } },
  { label: 'adm', actor: { id: 'u-admin', role: 'admin', trustLevel: 1 } },
  { label: 'susp', actor: { id: 'u-suspended', role: 'member', trustLevel: 1, suspendedUntil: FUTURE } },
];

type Scenario = [label: string, action: Action, resource: (c: Context) => unknown];

const post = (authorId: string) => ({ authorId });
const conversation = (c: Context, askerId: string) => ({ askerId, contactId: null, escalation: { inTeam: c.inTeam } });

/** One row per action with a typical resource (someone else's), plus the variants where ownership or context decides. */
const SCENARIOS: Scenario[] = [
  ['question.ask', 'question.ask', () => undefined],
  ['answer.create', 'answer.create', () => undefined],
  ['comment.create', 'comment.create', () => undefined],
  ['upload.create', 'upload.create', () => undefined],
  ['vote.cast', 'vote.cast', () => post(OTHER)],
  ['vote.cast (own post)', 'vote.cast', (c) => post(c.self)],
  ['post.edit', 'post.edit', () => post(OTHER)],
  ['post.edit (own post)', 'post.edit', (c) => post(c.self)],
  ['answer.accept', 'answer.accept', () => ({ questionAuthorId: OTHER })],
  ['answer.accept (own question)', 'answer.accept', (c) => ({ questionAuthorId: c.self })],
  ['question.closeAsDuplicate', 'question.closeAsDuplicate', () => undefined],
  ['question.closeAsOffTopic', 'question.closeAsOffTopic', () => undefined],
  ['question.reopen', 'question.reopen', () => undefined],
  ['question.lock', 'question.lock', () => undefined],
  ['post.view (published)', 'post.view', () => ({ authorId: OTHER, moderationState: 'published' })],
  ['post.view (hidden)', 'post.view', () => ({ authorId: OTHER, moderationState: 'hidden' })],
  ['post.view (own pending)', 'post.view', (c) => ({ authorId: c.self, moderationState: 'pending_review' })],
  ['post.view (own deleted)', 'post.view', (c) => ({ authorId: c.self, moderationState: 'deleted' })],
  ['post.seeAllStates', 'post.seeAllStates', () => undefined],
  ['post.publishWithoutReview', 'post.publishWithoutReview', () => undefined],
  ['post.flag', 'post.flag', () => post(OTHER)],
  ['post.flag (own post)', 'post.flag', (c) => post(c.self)],
  ['review.moderate', 'review.moderate', (c) => ({ leadsSpace: c.leadsSpace })],
  ['answer.verify', 'answer.verify', () => undefined],
  ['user.warn (a member)', 'user.warn', () => ({ id: OTHER, role: 'member' })],
  ['user.warn (staff)', 'user.warn', () => ({ id: OTHER, role: 'agent' })],
  ['user.suspend (a member)', 'user.suspend', () => ({ id: OTHER, role: 'member' })],
  ['user.suspend (staff)', 'user.suspend', () => ({ id: OTHER, role: 'agent' })],
  ['audit.read', 'audit.read', () => undefined],
  ['insights.read', 'insights.read', () => undefined],
  ['alert.read', 'alert.read', () => undefined],
  ['alert.act', 'alert.act', () => undefined],
  ['announcement.publish', 'announcement.publish', () => undefined],
  ['watchList.manage', 'watchList.manage', () => undefined],
  ['post.redact', 'post.redact', () => undefined],
  ['post.seeRedactions', 'post.seeRedactions', () => undefined],
  ['draft.write', 'draft.write', () => undefined],
  ['draft.see', 'draft.see', () => post(OTHER)],
  ['draft.see (own)', 'draft.see', (c) => post(c.self)],
  ['draft.edit', 'draft.edit', () => post(OTHER)],
  ['draft.withdraw', 'draft.withdraw', () => post(OTHER)],
  ['draft.withdraw (own)', 'draft.withdraw', (c) => post(c.self)],
  ['draft.review', 'draft.review', () => undefined],
  ['draft.approve', 'draft.approve', () => post(OTHER)],
  ['draft.approve (own)', 'draft.approve', (c) => post(c.self)],
  ['draft.dismissHint', 'draft.dismissHint', () => post(OTHER)],
  ['draft.dismissHint (own)', 'draft.dismissHint', (c) => post(c.self)],
  ['reply.publish (review required)', 'reply.publish', () => ({ reviewRequired: true, mayBypass: false })],
  ['reply.publish (bypass granted)', 'reply.publish', () => ({ reviewRequired: true, mayBypass: true })],
  ['reply.publish (no review)', 'reply.publish', () => ({ reviewRequired: false, mayBypass: false })],
  ['review.configure', 'review.configure', () => undefined],
  ['staff.speakPublicly (no photo)', 'staff.speakPublicly', () => ({ hasRealName: true, hasPhoto: false })],
  ['staff.speakPublicly (face set)', 'staff.speakPublicly', () => ({ hasRealName: true, hasPhoto: true })],
  ['staff.editFace', 'staff.editFace', () => undefined],
  ['team.manage', 'team.manage', () => undefined],
  ['question.escalate', 'question.escalate', () => post(OTHER)],
  ['question.escalate (own question)', 'question.escalate', (c) => post(c.self)],
  ['console.use', 'console.use', () => undefined],
  ['escalation.act', 'escalation.act', (c) => ({ inTeam: c.inTeam })],
  ['conversation.takePart', 'conversation.takePart', (c) => conversation(c, OTHER)],
  ['conversation.takePart (asker)', 'conversation.takePart', (c) => conversation(c, c.self)],
  ['conversation.requestCallback', 'conversation.requestCallback', (c) => conversation(c, OTHER)],
  ['conversation.requestCallback (asker)', 'conversation.requestCallback', (c) => conversation(c, c.self)],
  ['activity.unmetered', 'activity.unmetered', () => undefined],
  ['post.linkFreely', 'post.linkFreely', () => undefined],
  ['reputation.seeHistory', 'reputation.seeHistory', () => ({ userId: OTHER })],
  ['reputation.seeHistory (own)', 'reputation.seeHistory', (c) => ({ userId: c.self })],
  ['reputation.configure', 'reputation.configure', () => undefined],
  ['user.pinTrustLevel', 'user.pinTrustLevel', () => undefined],
  ['mail.readOutgoing', 'mail.readOutgoing', () => undefined],
  ['account.manage', 'account.manage', () => ({ userId: OTHER })],
  ['account.manage (own)', 'account.manage', (c) => ({ userId: c.self })],
  ['account.rename', 'account.rename', () => ({ userId: OTHER })],
  ['account.rename (own)', 'account.rename', (c) => ({ userId: c.self })],
  ['account.delete', 'account.delete', () => ({ userId: OTHER })],
  ['account.delete (own)', 'account.delete', (c) => ({ userId: c.self })],
];

function table(): string[] {
  const width = Math.max(...SCENARIOS.map(([label]) => label.length));
  const header = `${''.padEnd(width)}  ${ACTORS.map((a) => a.label.padEnd(4)).join(' ')}`;
  const rows = SCENARIOS.map(([label, action, resource]) => {
    const cells = ACTORS.map(({ actor, leadsSpace = false, inTeam = false }) => {
      const allowed = can(actor, action, resource({ self: actor?.id ?? 'u-anonymous', leadsSpace, inTeam }) as never);
      return (allowed ? 'yes' : '·').padEnd(4);
    });
    return `${label.padEnd(width)}  ${cells.join(' ')}`.trimEnd();
  });
  return [header.trimEnd(), ...rows];
}

describe('policy', () => {
  it('covers every action', () => {
    expect([...new Set(SCENARIOS.map(([, action]) => action))].sort()).toEqual([...ACTIONS].sort());
  });

  /** `anon`: `can` denies every action to anonymous visitors; public reads (published posts) do not ask the policy. */
  it('answers every action for the typical actors as this table says', () => {
    expect(table()).toMatchInlineSnapshot(`
      [
        "                                      anon new  mem  exp  ldr+ ldr- agt+ agt- mod  adm  susp",
        "question.ask                          ·    yes  yes  yes  yes  yes  yes  yes  yes  yes  ·",
        "answer.create                         ·    yes  yes  yes  yes  yes  yes  yes  yes  yes  ·",
        "comment.create                        ·    yes  yes  yes  yes  yes  yes  yes  yes  yes  ·",
        "upload.create                         ·    yes  yes  yes  yes  yes  yes  yes  yes  yes  ·",
        "vote.cast                             ·    yes  yes  yes  yes  yes  yes  yes  yes  yes  ·",
        "vote.cast (own post)                  ·    ·    ·    ·    ·    ·    ·    ·    ·    ·    ·",
        "post.edit                             ·    ·    ·    yes  yes  yes  ·    ·    yes  yes  ·",
        "post.edit (own post)                  ·    yes  yes  yes  yes  yes  yes  yes  yes  yes  yes",
        "answer.accept                         ·    ·    ·    ·    ·    ·    ·    ·    yes  yes  ·",
        "answer.accept (own question)          ·    yes  yes  yes  yes  yes  yes  yes  yes  yes  yes",
        "question.closeAsDuplicate             ·    ·    ·    yes  yes  yes  yes  yes  yes  yes  ·",
        "question.closeAsOffTopic              ·    ·    ·    yes  yes  yes  yes  yes  yes  yes  ·",
        "question.reopen                       ·    ·    ·    ·    ·    ·    yes  yes  yes  yes  ·",
        "question.lock                         ·    ·    ·    ·    ·    ·    yes  yes  yes  yes  ·",
        "post.view (published)                 ·    yes  yes  yes  yes  yes  yes  yes  yes  yes  yes",
        "post.view (hidden)                    ·    ·    ·    ·    ·    ·    yes  yes  yes  yes  ·",
        "post.view (own pending)               ·    yes  yes  yes  yes  yes  yes  yes  yes  yes  yes",
        "post.view (own deleted)               ·    ·    ·    ·    ·    ·    yes  yes  yes  yes  ·",
        "post.seeAllStates                     ·    ·    ·    ·    ·    ·    yes  yes  yes  yes  ·",
        "post.publishWithoutReview             ·    ·    yes  yes  yes  yes  yes  yes  yes  yes  yes",
        "post.flag                             ·    yes  yes  yes  yes  yes  yes  yes  yes  yes  ·",
        "post.flag (own post)                  ·    ·    ·    ·    ·    ·    ·    ·    ·    ·    ·",
        "review.moderate                       ·    ·    ·    ·    yes  ·    yes  yes  yes  yes  ·",
        "answer.verify                         ·    ·    ·    ·    ·    ·    yes  yes  yes  yes  ·",
        "user.warn (a member)                  ·    ·    ·    ·    yes  yes  yes  yes  yes  yes  ·",
        "user.warn (staff)                     ·    ·    ·    ·    ·    ·    ·    ·    ·    ·    ·",
        "user.suspend (a member)               ·    ·    ·    ·    ·    ·    ·    ·    yes  yes  ·",
        "user.suspend (staff)                  ·    ·    ·    ·    ·    ·    ·    ·    ·    ·    ·",
        "audit.read                            ·    ·    ·    ·    ·    ·    yes  yes  yes  yes  ·",
        "insights.read                         ·    ·    ·    ·    ·    ·    yes  yes  yes  yes  ·",
        "alert.read                            ·    ·    ·    ·    ·    ·    yes  yes  yes  yes  ·",
        "alert.act                             ·    ·    ·    ·    ·    ·    yes  yes  yes  yes  ·",
        "announcement.publish                  ·    ·    ·    ·    ·    ·    yes  yes  yes  yes  ·",
        "watchList.manage                      ·    ·    ·    ·    ·    ·    ·    ·    ·    yes  ·",
        "post.redact                           ·    ·    ·    ·    ·    ·    ·    ·    yes  yes  ·",
        "post.seeRedactions                    ·    ·    ·    ·    ·    ·    yes  yes  yes  yes  ·",
        "draft.write                           ·    ·    ·    ·    ·    ·    yes  yes  yes  yes  ·",
        "draft.see                             ·    ·    ·    ·    ·    ·    yes  yes  yes  yes  ·",
        "draft.see (own)                       ·    yes  yes  yes  yes  yes  yes  yes  yes  yes  yes",
        "draft.edit                            ·    ·    ·    ·    ·    ·    yes  yes  yes  yes  ·",
        "draft.withdraw                        ·    ·    ·    ·    ·    ·    ·    ·    ·    ·    ·",
        "draft.withdraw (own)                  ·    yes  yes  yes  yes  yes  yes  yes  yes  yes  yes",
        "draft.review                          ·    ·    ·    ·    ·    ·    yes  yes  yes  yes  ·",
        "draft.approve                         ·    ·    ·    ·    ·    ·    yes  yes  yes  yes  ·",
        "draft.approve (own)                   ·    ·    ·    ·    ·    ·    ·    ·    ·    ·    ·",
        "draft.dismissHint                     ·    ·    ·    ·    ·    ·    yes  yes  yes  yes  ·",
        "draft.dismissHint (own)               ·    ·    ·    ·    ·    ·    ·    ·    ·    ·    ·",
        "reply.publish (review required)       ·    yes  yes  yes  yes  yes  ·    ·    ·    ·    yes",
        "reply.publish (bypass granted)        ·    yes  yes  yes  yes  yes  yes  yes  yes  yes  yes",
        "reply.publish (no review)             ·    yes  yes  yes  yes  yes  yes  yes  yes  yes  yes",
        "review.configure                      ·    ·    ·    ·    ·    ·    ·    ·    ·    yes  ·",
        "staff.speakPublicly (no photo)        ·    yes  yes  yes  yes  yes  ·    ·    ·    ·    yes",
        "staff.speakPublicly (face set)        ·    yes  yes  yes  yes  yes  yes  yes  yes  yes  yes",
        "staff.editFace                        ·    ·    ·    ·    ·    ·    yes  yes  yes  yes  ·",
        "team.manage                           ·    ·    ·    ·    ·    ·    ·    ·    ·    yes  ·",
        "question.escalate                     ·    ·    ·    yes  yes  yes  yes  yes  yes  yes  ·",
        "question.escalate (own question)      ·    yes  yes  yes  yes  yes  yes  yes  yes  yes  ·",
        "console.use                           ·    ·    ·    ·    ·    ·    yes  yes  yes  yes  ·",
        "escalation.act                        ·    ·    ·    ·    ·    ·    yes  ·    yes  yes  ·",
        "conversation.takePart                 ·    ·    ·    ·    ·    ·    yes  ·    yes  yes  ·",
        "conversation.takePart (asker)         ·    yes  yes  yes  yes  yes  yes  yes  yes  yes  yes",
        "conversation.requestCallback          ·    ·    ·    ·    ·    ·    ·    ·    ·    ·    ·",
        "conversation.requestCallback (asker)  ·    yes  yes  yes  yes  yes  yes  yes  yes  yes  yes",
        "activity.unmetered                    ·    ·    ·    ·    ·    ·    yes  yes  yes  yes  ·",
        "post.linkFreely                       ·    ·    yes  yes  yes  yes  yes  yes  yes  yes  yes",
        "reputation.seeHistory                 ·    ·    ·    ·    ·    ·    ·    ·    ·    ·    ·",
        "reputation.seeHistory (own)           ·    yes  yes  yes  yes  yes  yes  yes  yes  yes  yes",
        "reputation.configure                  ·    ·    ·    ·    ·    ·    ·    ·    ·    yes  ·",
        "user.pinTrustLevel                    ·    ·    ·    ·    ·    ·    ·    ·    yes  yes  ·",
        "mail.readOutgoing                     ·    ·    ·    ·    ·    ·    ·    ·    ·    yes  ·",
        "account.manage                        ·    ·    ·    ·    ·    ·    ·    ·    ·    ·    ·",
        "account.manage (own)                  ·    yes  yes  yes  yes  yes  yes  yes  yes  yes  yes",
        "account.rename                        ·    ·    ·    ·    ·    ·    ·    ·    ·    ·    ·",
        "account.rename (own)                  ·    yes  yes  yes  yes  yes  ·    ·    ·    ·    yes",
        "account.delete                        ·    ·    ·    ·    ·    ·    ·    ·    ·    ·    ·",
        "account.delete (own)                  ·    yes  yes  yes  yes  yes  ·    ·    ·    ·    yes",
      ]
    `);
  });

  it('tells anonymous visitors to sign in and others why not', () => {
    expect(() => authorize(null, 'question.ask', undefined)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(() => authorize(ACTORS[10]!.actor, 'question.ask', undefined)).toThrow('Your account is suspended for now.');
    expect(() => authorize(ACTORS[2]!.actor, 'vote.cast', { authorId: 'u-member' })).toThrow('You cannot vote on your own post.');
  });
});
