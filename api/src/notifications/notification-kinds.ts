import { registerEnumType } from '@nestjs/graphql';

/** What a notification is about; stored as the enum's value. */
export enum NotificationKind {
  QUESTION_NEW = 'question.new',
  ANSWER_NEW = 'answer.new',
  COMMENT_NEW = 'comment.new',
  MENTION = 'mention',
  ANSWER_ACCEPTED = 'answer.accepted',
  ANSWER_VERIFIED = 'answer.verified',
  POST_APPROVED = 'post.approved',
  POST_HIDDEN = 'post.hidden',
  MESSAGE_NEW = 'message.new',
  CALLBACK_SCHEDULED = 'callback.scheduled',
  CALLBACK_DONE = 'callback.done',
  PROMISE_CHANGED = 'promise.changed',
  ESCALATION_NEW = 'escalation.new',
  ESCALATION_ASSIGNED = 'escalation.assigned',
  ESCALATION_DUE_SOON = 'escalation.due_soon',
  ESCALATION_BREACHED = 'escalation.breached',
  DRAFT_REVIEW = 'draft.review',
  DRAFT_CHANGES = 'draft.changes',
  ALERT_NEW = 'alert.new',
  POST_FLAGGED = 'post.flagged',
  BADGE_AWARDED = 'badge.awarded',
  TRUST_LEVEL_RAISED = 'trust_level.raised',
}
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description:
    'What a notification tells: a new question where I follow, a new answer or comment, a mention, a decision on my post, recognition, a private message, staff and moderation work.',
});

export type NotificationKindName = `${NotificationKind}`;

/**
 * Kinds never mailed one by one: new questions where one follows come in the daily or weekly
 * digest; badges and trust levels are recognition, told in the app only.
 */
export const UNMAILED_KINDS = ['question.new', 'badge.awarded', 'trust_level.raised'] as const satisfies readonly NotificationKindName[];
export type ImmediateMailKind = Exclude<NotificationKindName, (typeof UNMAILED_KINDS)[number]>;

/**
 * The kinds as people choose how to hear of them (settings show a group, not each kind). Every
 * kind is in exactly one group; `staff` is shown to staff only.
 */
export const NOTIFICATION_GROUPS = {
  replies: ['answer.new', 'comment.new'],
  mentions: ['mention'],
  myPosts: ['answer.accepted', 'answer.verified', 'post.approved', 'post.hidden'],
  following: ['question.new'],
  messages: ['message.new', 'callback.scheduled', 'callback.done', 'promise.changed'],
  recognition: ['badge.awarded', 'trust_level.raised'],
  staff: [
    'escalation.new',
    'escalation.assigned',
    'escalation.due_soon',
    'escalation.breached',
    'draft.review',
    'draft.changes',
    'alert.new',
    'post.flagged',
  ],
} as const satisfies Record<string, readonly NotificationKindName[]>;
export type NotificationGroupName = keyof typeof NOTIFICATION_GROUPS;

/** What a notification is about; `user` is the recipient themself (a badge, a trust level). */
export type SubjectType = 'question' | 'answer' | 'comment' | 'message' | 'escalation' | 'draft' | 'alert' | 'user';

/** A notification someone may receive, before the policy decides whether they may see its subject. */
export interface NotificationCandidate {
  recipientId: string;
  kind: NotificationKindName;
  subjectType: SubjectType;
  subjectId: string;
  questionId: string | null;
  actorId: string | null;
  details: Record<string, unknown>;
}

/** The live channel of a user's unread count (ids only; the count is read per subscriber). */
export const unreadChannel = (userId: string): string => `notifications.unread.${userId}`;
