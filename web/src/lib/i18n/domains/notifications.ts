import type { Catalog, Plural } from '../en.ts';

/** The inbox at /notifications and the unread badge in the header. */
export const notificationsEn = {
  'notifications.nav': 'Notifications',
  'notifications.badge': { one: '{count} unread notification', other: '{count} unread notifications' } as Plural,
  'notifications.title': 'Notifications',
  'notifications.empty': 'Nothing new. You hear here about answers to your questions, threads you watch and decisions on your posts.',
  'notifications.markAll': 'Mark all as read',
  'notifications.markRead': 'Mark as read',
  'notifications.unread': 'unread',
  'notifications.more': 'Older notifications',
  'notifications.thread': 'on “{title}”',
  'notifications.reason': 'Reason: {reason}',
  'notifications.kind.ANSWER_NEW': { one: 'New answer', other: '{count} new answers' } as Plural,
  'notifications.kind.COMMENT_NEW': { one: 'New comment', other: '{count} new comments' } as Plural,
  'notifications.kind.ANSWER_ACCEPTED': { one: 'Your answer was accepted', other: 'Your answers were accepted ({count})' } as Plural,
  'notifications.kind.ANSWER_VERIFIED': { one: 'Your answer was verified', other: 'Your answers were verified ({count})' } as Plural,
  'notifications.kind.POST_APPROVED': { one: 'Your post was approved', other: '{count} of your posts were approved' } as Plural,
  'notifications.kind.POST_HIDDEN': { one: 'Your post was hidden by a moderator', other: '{count} of your posts were hidden' } as Plural,
  'notifications.kind.MESSAGE_NEW': { one: 'New private message', other: '{count} new private messages' } as Plural,
  'notifications.kind.ESCALATION_NEW': { one: 'New escalation for your team', other: '{count} new escalations for your team' } as Plural,
  'notifications.kind.ESCALATION_ASSIGNED': {
    one: 'An escalation was assigned to you',
    other: '{count} escalations were assigned to you',
  } as Plural,
  'notifications.kind.DRAFT_REVIEW': { one: 'A draft waits for your review', other: '{count} drafts wait for your review' } as Plural,
  'notifications.kind.DRAFT_CHANGES': {
    one: 'Changes requested on your draft',
    other: 'Changes requested on your drafts ({count})',
  } as Plural,
  'notifications.by': 'by {names}',
};

export const notificationsDe: Catalog<typeof notificationsEn> = {
  'notifications.nav': 'Benachrichtigungen',
  'notifications.badge': { one: '{count} ungelesene Benachrichtigung', other: '{count} ungelesene Benachrichtigungen' },
  'notifications.title': 'Benachrichtigungen',
  'notifications.empty':
    'Nichts Neues. Hier erfährst du von Antworten auf deine Fragen, von Themen, denen du folgst, und von Entscheidungen über deine Beiträge.',
  'notifications.markAll': 'Alle als gelesen markieren',
  'notifications.markRead': 'Als gelesen markieren',
  'notifications.unread': 'ungelesen',
  'notifications.more': 'Ältere Benachrichtigungen',
  'notifications.thread': 'zu „{title}“',
  'notifications.reason': 'Begründung: {reason}',
  'notifications.kind.ANSWER_NEW': { one: 'Neue Antwort', other: '{count} neue Antworten' },
  'notifications.kind.COMMENT_NEW': { one: 'Neuer Kommentar', other: '{count} neue Kommentare' },
  'notifications.kind.ANSWER_ACCEPTED': { one: 'Deine Antwort wurde akzeptiert', other: 'Deine Antworten wurden akzeptiert ({count})' },
  'notifications.kind.ANSWER_VERIFIED': { one: 'Deine Antwort wurde bestätigt', other: 'Deine Antworten wurden bestätigt ({count})' },
  'notifications.kind.POST_APPROVED': { one: 'Dein Beitrag wurde freigegeben', other: '{count} deiner Beiträge wurden freigegeben' },
  'notifications.kind.POST_HIDDEN': {
    one: 'Dein Beitrag wurde von der Moderation ausgeblendet',
    other: '{count} deiner Beiträge wurden ausgeblendet',
  },
  'notifications.kind.MESSAGE_NEW': { one: 'Neue private Nachricht', other: '{count} neue private Nachrichten' },
  'notifications.kind.ESCALATION_NEW': { one: 'Neue Eskalation für dein Team', other: '{count} neue Eskalationen für dein Team' },
  'notifications.kind.ESCALATION_ASSIGNED': {
    one: 'Dir wurde eine Eskalation zugewiesen',
    other: 'Dir wurden {count} Eskalationen zugewiesen',
  },
  'notifications.kind.DRAFT_REVIEW': { one: 'Ein Entwurf wartet auf deine Prüfung', other: '{count} Entwürfe warten auf deine Prüfung' },
  'notifications.kind.DRAFT_CHANGES': {
    one: 'Änderungen an deinem Entwurf erbeten',
    other: 'Änderungen an deinen Entwürfen erbeten ({count})',
  },
  'notifications.by': 'von {names}',
};
