/** One notification as the inbox lists it. */
export interface InboxItem {
  id: string;
  kind: string;
  createdAt: string;
  read: boolean;
  questionId: string | null;
  questionTitle: string | null;
  actorName: string | null;
  reason: string | null;
  path: string;
}

/** Notifications of one kind on one thread, shown as one line ("3 new answers on …"). */
export interface InboxGroup {
  key: string;
  kind: string;
  questionTitle: string | null;
  /** Newest first; the group links to the newest. */
  items: InboxItem[];
  unread: number;
  actorNames: string[];
  reason: string | null;
}

/** Kinds that stand alone even on the same thread (each has its own reason or subject). */
const SINGLE = new Set(['POST_HIDDEN', 'DRAFT_REVIEW', 'DRAFT_CHANGES']);

/**
 * Groups a page of notifications (newest first) by kind and thread, in order of each group's newest
 * item. Read and unread ones of the same kind and thread are one group, counted apart.
 */
export function groupNotifications(items: InboxItem[]): InboxGroup[] {
  const groups = new Map<string, InboxGroup>();
  for (const item of items) {
    const key = SINGLE.has(item.kind) || !item.questionId ? `${item.kind}:${item.id}` : `${item.kind}:${item.questionId}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, kind: item.kind, questionTitle: item.questionTitle, items: [], unread: 0, actorNames: [], reason: item.reason };
      groups.set(key, group);
    }
    group.items.push(item);
    if (!item.read) group.unread += 1;
    if (item.actorName && !group.actorNames.includes(item.actorName)) group.actorNames.push(item.actorName);
  }
  return [...groups.values()];
}

/** A path inside this site (never another origin), for redirects taken from a query string. */
export function isLocalPath(value: string | null | undefined): value is string {
  return !!value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\');
}
