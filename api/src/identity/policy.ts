import type { Role } from './user.entity';
import { forbidden, unauthenticated } from '../platform/errors';

/** Who is acting: the signed-in user, or null for an anonymous visitor. */
export interface Actor {
  id: string;
  role: Role;
  trustLevel: number;
  /** Set by moderators; while in the future the actor cannot post, vote or flag. */
  suspendedUntil?: Date | null;
}

export const isStaff = (role: Role): boolean => role !== 'member';

/** What an action touches, as far as the policy needs to know. */
export interface PostRef {
  authorId: string;
}
/** The user a moderation penalty (warning, suspension) is aimed at. */
export interface UserRef {
  id: string;
  role: Role;
}
export interface DraftRef {
  authorId: string;
}
export interface ReplyRef {
  /** The space asks for four-eyes review of staff replies. */
  reviewRequired: boolean;
  /** An admin put the author on the list of staff who may publish directly. */
  mayBypass: boolean;
}
export interface StaffFaceRef {
  hasRealName: boolean;
  hasPhoto: boolean;
}
/** A post together with its moderation state, for who may see it. */
export interface ModeratedPostRef extends PostRef {
  moderationState: 'published' | 'pending_review' | 'hidden' | 'deleted';
}
export interface AcceptRef {
  /** The asker of the question the answer belongs to. */
  questionAuthorId: string;
}
/** An escalation's team, and whether the acting user belongs to it (membership is data; the rule is here). */
export interface EscalationRef {
  inTeam: boolean;
}
/** A private conversation: its asker, the staff contact, and the escalation of its question if any. */
export interface ConversationRef {
  askerId: string;
  contactId: string | null;
  escalation: EscalationRef | null;
}

interface Resources {
  'question.ask': undefined;
  'answer.create': undefined;
  'comment.create': undefined;
  /** Uploading an image for a post. */
  'upload.create': undefined;
  'vote.cast': PostRef;
  'post.edit': PostRef;
  'answer.accept': AcceptRef;
  'question.closeAsDuplicate': undefined;
  'question.closeAsOffTopic': undefined;
  'question.reopen': undefined;
  'question.lock': undefined;
  'post.view': ModeratedPostRef;
  /** Seeing posts that are not published (pending review, hidden, deleted) of any author. */
  'post.seeAllStates': undefined;
  /** Posting without the newcomer review queue. */
  'post.publishWithoutReview': undefined;
  'post.flag': PostRef;
  /** Deciding review items; `leadsSpace`: the post's space is one the actor leads (see moderation/leader-spaces.ts). */
  'review.moderate': { leadsSpace: boolean };
  'answer.verify': undefined;
  'user.warn': UserRef;
  'user.suspend': UserRef;
  'audit.read': undefined;
  /** Replacing personal data in a published post with "[removed]"; the original stays visible to staff. */
  'post.redact': undefined;
  'post.seeRedactions': undefined;
  /** Four-eyes review of staff replies (drafts). */
  'draft.write': undefined;
  'draft.see': DraftRef;
  'draft.edit': DraftRef;
  'draft.withdraw': DraftRef;
  'draft.review': undefined;
  'draft.approve': DraftRef;
  /** Dismissing a guardrail hint on a draft, with a reason for the audit log: its reviewers, never its author. */
  'draft.dismissHint': DraftRef;
  /** A staff answer or comment that goes out without a draft. */
  'reply.publish': ReplyRef;
  /** Review settings per space, the bypass list and its report. */
  'review.configure': undefined;
  /** A staff account shows its face (real name and photo) before it speaks publicly. */
  'staff.speakPublicly': StaffFaceRef;
  'staff.editFace': undefined;
  /** Creating teams, opening hours, SLA policies, members and space routing. */
  'team.manage': undefined;
  /** Escalating a question to staff; the resource is the question. */
  'question.escalate': PostRef;
  /** The agent console and its queue. */
  'console.use': undefined;
  /** Seeing and working an escalation (claim, assign, priority, forward, status, notes, resolve, private conversation). */
  'escalation.act': EscalationRef;
  /** Reading and writing in a private conversation. */
  'conversation.takePart': ConversationRef;
  /** Asking for a call back in a private conversation. */
  'conversation.requestCallback': ConversationRef;
  /** Posting, voting and flagging without the per-trust-level hourly allowance. */
  'activity.unmetered': undefined;
  /** Posting more than a couple of links, or a post that is mostly links. */
  'post.linkFreely': undefined;
  /** A user's own reputation history and progress to the next trust level. */
  'reputation.seeHistory': { userId: string };
  /** The points per reputation event and the daily cap. */
  'reputation.configure': undefined;
  /** Fixing a user's trust level whatever they earn, or releasing it. */
  'user.pinTrustLevel': undefined;
  /** Reading outgoing notification mail (kept, not delivered, without SMTP_URL). */
  'mail.readOutgoing': undefined;
  /** Staff reporting: self-service, promises kept, four-eyes figures and their CSV exports. */
  'insights.read': undefined;
  /** Monitoring alerts (tone spikes, watched keywords) and their evidence. */
  'alert.read': undefined;
  /** Acknowledging, assigning and resolving an alert. */
  'alert.act': undefined;
  /** Pinning a staff announcement on a space, and ending it. */
  'announcement.publish': undefined;
  /** The keywords that raise alerts. */
  'watchList.manage': undefined;
  /** The viewer's own account: password and sessions. */
  'account.manage': { userId: string };
  /** The viewer's own display name (staff names go through their audited staff profile). */
  'account.rename': { userId: string };
  /** Deleting one's own account (members; staff accounts are closed by an admin, their work is audited). */
  'account.delete': { userId: string };
}
export type Action = keyof Resources;

type Rule<R> = (actor: Actor, resource: R) => true | string;

/** Trust levels 0–4, in the order they are earned. */
export const TRUST_LEVELS = ['newcomer', 'member', 'regular', 'expert', 'leader'] as const;
export type TrustLevelName = (typeof TRUST_LEVELS)[number];

/** Which trust level unlocks which community privilege. The rules below read it; nothing else compares levels. */
export const PRIVILEGES = {
  /** Posts skip the newcomer review queue. */
  'post.withoutReview': 1,
  /** Posts may carry more than a couple of links, or be mostly links. */
  'post.links': 1,
  'post.flagToHide': 2,
  'tags.edit': 2,
  'post.editOthers': 3,
  'question.close': 3,
  'question.escalateForAsker': 3,
  'space.moderate': 4,
} as const satisfies Record<string, number>;
export type Privilege = keyof typeof PRIVILEGES;

export const hasPrivilege = (actor: Actor, privilege: Privilege): boolean => actor.trustLevel >= PRIVILEGES[privilege];

const moderates = (actor: Actor): boolean => actor.role === 'moderator' || actor.role === 'admin';

export const isSuspended = (actor: Actor, now = new Date()): boolean => !!actor.suspendedUntil && actor.suspendedUntil > now;
const notSuspended = (actor: Actor): true | string => !isSuspended(actor) || 'Your account is suspended for now.';
/** The first denial of several verdicts, or true. */
const allOf = (...verdicts: (true | string)[]): true | string => verdicts.find((v) => v !== true) ?? true;

const closeRule = (actor: Actor): true | string =>
  isStaff(actor.role) || hasPrivilege(actor, 'question.close') || 'Only experts and staff can close questions.';

/** Moderators and admins work every escalation; agents those of their own teams. */
const escalationRule = (actor: Actor, escalation: EscalationRef): true | string =>
  moderates(actor) || (actor.role === 'agent' && escalation.inTeam) || 'Only staff of the escalation’s team can work on it.';

/** The one table of who may do what; every resolver and service asks it, nothing checks roles elsewhere. */
const RULES: { [A in Action]: Rule<Resources[A]> } = {
  'question.ask': notSuspended,
  'answer.create': notSuspended,
  'comment.create': notSuspended,
  'upload.create': notSuspended,
  'vote.cast': (actor, post) => allOf(post.authorId !== actor.id || 'You cannot vote on your own post.', notSuspended(actor)),
  'post.edit': (actor, post) =>
    post.authorId === actor.id ||
    moderates(actor) ||
    hasPrivilege(actor, 'post.editOthers') ||
    'Only the author, experts and moderators can edit this post.',
  'answer.accept': (actor, ref) =>
    ref.questionAuthorId === actor.id || moderates(actor) || 'Only the person who asked can accept an answer.',
  'question.closeAsDuplicate': closeRule,
  'question.closeAsOffTopic': closeRule,
  'question.reopen': (actor) => isStaff(actor.role) || 'Only staff can reopen questions.',
  'question.lock': (actor) => isStaff(actor.role) || 'Only staff can lock questions.',
  'post.view': (actor, post) =>
    post.moderationState === 'published' ||
    isStaff(actor.role) ||
    (post.authorId === actor.id && post.moderationState !== 'deleted') ||
    'This post is not public.',
  'post.seeAllStates': (actor) => isStaff(actor.role) || 'Only staff see posts under moderation.',
  'post.publishWithoutReview': (actor) =>
    isStaff(actor.role) || hasPrivilege(actor, 'post.withoutReview') || 'A newcomer’s first posts are reviewed before they appear.',
  'post.flag': (actor, post) => allOf(post.authorId !== actor.id || 'You cannot flag your own post.', notSuspended(actor)),
  'review.moderate': (actor, space) =>
    isStaff(actor.role) ||
    (hasPrivilege(actor, 'space.moderate') && space.leadsSpace) ||
    'Only staff and the community leaders of this space can review its posts.',
  'answer.verify': (actor) => isStaff(actor.role) || 'Only staff can verify answers.',
  'user.warn': (actor, user) =>
    allOf(
      isStaff(actor.role) || hasPrivilege(actor, 'space.moderate') || 'Only staff and community leaders can warn users.',
      !isStaff(user.role) || 'Staff accounts cannot be warned or suspended.',
    ),
  'user.suspend': (actor, user) =>
    allOf(moderates(actor) || 'Only moderators can suspend users.', !isStaff(user.role) || 'Staff accounts cannot be warned or suspended.'),
  'audit.read': (actor) => isStaff(actor.role) || 'Only staff can read the audit log.',
  'post.redact': (actor) => moderates(actor) || 'Only moderators can redact posts.',
  'post.seeRedactions': (actor) => isStaff(actor.role) || 'Only staff see what was redacted.',
  'draft.write': (actor) => isStaff(actor.role) || 'Only staff write reply drafts.',
  'draft.see': (actor, draft) => draft.authorId === actor.id || isStaff(actor.role) || 'Drafts are visible to staff only.',
  'draft.edit': (actor, draft) => draft.authorId === actor.id || isStaff(actor.role) || 'Only the author and reviewers edit a draft.',
  'draft.withdraw': (actor, draft) => draft.authorId === actor.id || 'Only the author can withdraw a draft.',
  'draft.review': (actor) => isStaff(actor.role) || 'Only staff review reply drafts.',
  'draft.approve': (actor, draft) =>
    allOf(
      isStaff(actor.role) || 'Only staff review reply drafts.',
      draft.authorId !== actor.id || 'A second person approves a draft: you cannot approve your own.',
    ),
  'draft.dismissHint': (actor, draft) =>
    allOf(
      isStaff(actor.role) || 'Only staff review reply drafts.',
      draft.authorId !== actor.id || 'Only a reviewer dismisses a hint: a colleague has to look at your own draft.',
    ),
  'reply.publish': (actor, reply) =>
    !isStaff(actor.role) ||
    !reply.reviewRequired ||
    reply.mayBypass ||
    'Staff replies in this space are reviewed by a second staff member: save it as a draft.',
  'review.configure': (actor) => actor.role === 'admin' || 'Only admins change review settings.',
  'staff.speakPublicly': (actor, face) =>
    !isStaff(actor.role) ||
    allOf(
      face.hasRealName || 'Staff post under their real name: set your display name first.',
      face.hasPhoto || 'Staff post with their photo: upload one first.',
    ),
  'staff.editFace': (actor) => isStaff(actor.role) || 'Only staff have a staff profile.',
  'team.manage': (actor) => actor.role === 'admin' || 'Only admins manage teams.',
  'question.escalate': (actor, question) =>
    allOf(
      question.authorId === actor.id ||
        isStaff(actor.role) ||
        hasPrivilege(actor, 'question.escalateForAsker') ||
        'Only the person who asked, experts and staff can escalate a question.',
      notSuspended(actor),
    ),
  'console.use': (actor) => isStaff(actor.role) || 'Only staff use the console.',
  'escalation.act': escalationRule,
  'conversation.takePart': (actor, conversation) =>
    conversation.askerId === actor.id ||
    conversation.contactId === actor.id ||
    (conversation.escalation !== null && escalationRule(actor, conversation.escalation) === true) ||
    moderates(actor) ||
    'Only the asker and staff take part in a private conversation.',
  'conversation.requestCallback': (actor, conversation) =>
    conversation.askerId === actor.id || 'Only the person who asked can ask for a call back.',
  'activity.unmetered': (actor) => isStaff(actor.role) || 'Members post, vote and flag within an hourly allowance.',
  'reputation.seeHistory': (actor, user) => user.userId === actor.id || 'Only you see your reputation history.',
  'reputation.configure': (actor) => actor.role === 'admin' || 'Only admins change reputation values.',
  'user.pinTrustLevel': (actor) => moderates(actor) || 'Only moderators can pin a trust level.',
  'mail.readOutgoing': (actor) => actor.role === 'admin' || 'Only admins read outgoing mail.',
  'insights.read': (actor) => isStaff(actor.role) || 'Only staff read insights.',
  'alert.read': (actor) => isStaff(actor.role) || 'Only staff see alerts.',
  'alert.act': (actor) => isStaff(actor.role) || 'Only staff work on alerts.',
  'announcement.publish': (actor) => isStaff(actor.role) || 'Only staff publish announcements.',
  'watchList.manage': (actor) => actor.role === 'admin' || 'Only admins manage watch-lists.',
  'account.manage': (actor, account) => account.userId === actor.id || 'Only you change your account.',
  'account.rename': (actor, account) =>
    allOf(
      account.userId === actor.id || 'Only you change your account.',
      !isStaff(actor.role) || 'Staff change their name in their staff profile.',
    ),
  'account.delete': (actor, account) =>
    allOf(account.userId === actor.id || 'Only you delete your account.', !isStaff(actor.role) || 'Staff accounts are closed by an admin.'),
  'post.linkFreely': (actor) => isStaff(actor.role) || hasPrivilege(actor, 'post.links') || 'New members can post only a few links.',
};

/** Every action the policy knows (for the policy table test and tools). */
export const ACTIONS = Object.keys(RULES) as Action[];

export function can<A extends Action>(actor: Actor | null, action: A, resource: Resources[A]): boolean {
  return actor !== null && RULES[action](actor, resource) === true;
}

/** Throws UNAUTHENTICATED for anonymous visitors and FORBIDDEN with the rule's reason otherwise. */
export function authorize<A extends Action>(actor: Actor | null, action: A, resource: Resources[A]): asserts actor is Actor {
  if (actor === null) throw unauthenticated();
  const verdict = RULES[action](actor, resource);
  if (verdict !== true) throw forbidden(verdict);
}
