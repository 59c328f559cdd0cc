import type { NotificationKindName, SubjectType } from './notification-kinds';

/** What decides where a notification leads. */
export interface PathFacts {
  kind: NotificationKindName;
  recipient_id: string;
  question_id: string | null;
  subject_type: SubjectType;
  subject_id: string;
  asker_id: string | null;
  escalation_id: string | null;
}

/** Where a notification leads in the web app. */
export function pathOf(row: PathFacts): string {
  const thread = `/questions/${row.question_id}`;
  // A flag is handled in the review queue, whichever post it is on.
  if (row.kind === 'post.flagged') return '/review';
  switch (row.subject_type) {
    case 'question':
      return thread;
    case 'answer':
      return `${thread}#answer-${row.subject_id}`;
    case 'comment':
      return `${thread}#comment-${row.subject_id}`;
    case 'message':
      return String(row.asker_id) === String(row.recipient_id) || !row.escalation_id
        ? `${thread}#conversation`
        : `/console/escalations/${row.escalation_id}`;
    case 'escalation':
      return `/console/escalations/${row.subject_id}`;
    case 'draft':
      return `/console/reviews/${row.subject_id}`;
    case 'alert':
      return `/console/alerts/${row.subject_id}`;
    case 'user':
      return `/users/${row.subject_id}`;
  }
}
