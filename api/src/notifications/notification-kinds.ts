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
