import type { EntityManager } from 'typeorm';
import { can, type Actor, type ModeratedPostRef } from '../identity/policy';
import type { Role } from '../identity/user.entity';
import type { NotificationKindName, SubjectType } from './notification-kinds';

/**
 * Whether a notification's recipient may see what it is about, decided by the one policy. Asked when
 * a notification is written (nobody is told of a held post, a draft or someone else's conversation)
 * and again when it is read (a post hidden since, a role taken away): the same rules, in batches.
 */
export interface AccessItem {
  recipientId: string;
  kind: NotificationKindName;
  subjectType: SubjectType;
  subjectId: string;
  questionId: string | null;
}

type Db = Pick<EntityManager, 'query'>;
type State = ModeratedPostRef['moderationState'];

interface Refs {
  actors: Map<string, Actor>;
  posts: Map<string, ModeratedPostRef>;
  /** message id → conversation with the escalation team of its question */
  messages: Map<string, { askerId: string; contactId: string | null; teamId: string | null }>;
  escalations: Map<string, { teamId: string }>;
  drafts: Map<string, { authorId: string }>;
  /** `${teamId}:${userId}` for every membership among the recipients */
  memberships: Set<string>;
}

const ids = (items: AccessItem[], type: SubjectType): string[] => [
  ...new Set(items.filter((i) => i.subjectType === type).map((i) => i.subjectId)),
];

/** The rows of one batched look-up; none to look up asks nothing. */
async function rowsFor<T>(db: Db, ids: unknown[], sql: string, params: unknown[]): Promise<T[]> {
  return ids.length === 0 ? [] : ((await db.query(sql, params)) as T[]);
}

async function loadRefs(db: Db, items: AccessItem[], known: Actor | null): Promise<Refs> {
  const recipients = [...new Set(items.map((i) => i.recipientId))];
  const questionIds = [...new Set([...items.map((i) => i.questionId).filter((q): q is string => q !== null), ...ids(items, 'question')])];
  const refs: Refs = {
    actors: new Map(),
    posts: new Map(),
    messages: new Map(),
    escalations: new Map(),
    drafts: new Map(),
    memberships: new Set(),
  };
  if (known) refs.actors.set(known.id, known);
  const unknown = recipients.filter((id) => id !== known?.id);
  const users = await rowsFor<{ id: string; role: Role; trust_level: number; suspended_until: Date | null }>(
    db,
    unknown,
    `SELECT id, role, trust_level, suspended_until FROM users WHERE id = ANY($1::bigint[])`,
    [unknown],
  );
  for (const u of users)
    refs.actors.set(String(u.id), { id: String(u.id), role: u.role, trustLevel: u.trust_level, suspendedUntil: u.suspended_until });

  const answerIds = ids(items, 'answer');
  const commentIds = ids(items, 'comment');
  const posts = await rowsFor<{ type: string; id: string; author_id: string; state: State }>(
    db,
    [...questionIds, ...answerIds, ...commentIds],
    `SELECT 'question' AS type, id, author_id, moderation_state AS state FROM questions WHERE id = ANY($1::bigint[])
     UNION ALL SELECT 'answer', id, author_id, moderation_state FROM answers WHERE id = ANY($2::bigint[])
     UNION ALL SELECT 'comment', id, author_id, moderation_state FROM comments WHERE id = ANY($3::bigint[])`,
    [questionIds, answerIds, commentIds],
  );
  for (const p of posts) refs.posts.set(`${p.type}:${p.id}`, { authorId: String(p.author_id), moderationState: p.state });

  const teamIds = new Set<string>();
  const messageIds = ids(items, 'message');
  const messages = await rowsFor<{ id: string; asker_id: string; contact_id: string | null; team_id: string | null }>(
    db,
    messageIds,
    `SELECT m.id, c.asker_id, c.contact_id,
       (SELECT team_id FROM escalations e WHERE e.question_id = c.question_id ORDER BY e.id DESC LIMIT 1) AS team_id
     FROM conversation_messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.id = ANY($1::bigint[])`,
    [messageIds],
  );
  for (const m of messages) {
    refs.messages.set(String(m.id), {
      askerId: String(m.asker_id),
      contactId: m.contact_id === null ? null : String(m.contact_id),
      teamId: m.team_id === null ? null : String(m.team_id),
    });
    if (m.team_id !== null) teamIds.add(String(m.team_id));
  }
  const escalationIds = ids(items, 'escalation');
  const escalations = await rowsFor<{ id: string; team_id: string }>(
    db,
    escalationIds,
    `SELECT id, team_id FROM escalations WHERE id = ANY($1::bigint[])`,
    [escalationIds],
  );
  for (const e of escalations) {
    refs.escalations.set(String(e.id), { teamId: String(e.team_id) });
    teamIds.add(String(e.team_id));
  }
  const draftIds = ids(items, 'draft');
  const drafts = await rowsFor<{ id: string; author_id: string }>(
    db,
    draftIds,
    `SELECT id, author_id FROM staff_drafts WHERE id = ANY($1::bigint[])`,
    [draftIds],
  );
  for (const d of drafts) refs.drafts.set(String(d.id), { authorId: String(d.author_id) });
  if (teamIds.size > 0) {
    const members: { team_id: string; user_id: string }[] = await db.query(
      `SELECT team_id, user_id FROM team_members WHERE team_id = ANY($1::bigint[]) AND user_id = ANY($2::bigint[])`,
      [[...teamIds], recipients],
    );
    for (const m of members) refs.memberships.add(`${m.team_id}:${m.user_id}`);
  }
  return refs;
}

function allowed(refs: Refs, item: AccessItem): boolean {
  const actor = refs.actors.get(item.recipientId);
  if (!actor) return false;
  const inTeam = (teamId: string | null): boolean => teamId !== null && refs.memberships.has(`${teamId}:${actor.id}`);
  // Everything tied to a thread needs the thread itself to be visible to the recipient.
  if (item.questionId !== null && item.subjectType !== 'escalation' && item.subjectType !== 'draft' && item.subjectType !== 'message') {
    const question = refs.posts.get(`question:${item.questionId}`);
    if (!question || !can(actor, 'post.view', question)) return false;
  }
  if (item.kind === 'post.flagged' && !can(actor, 'review.moderate', { leadsSpace: true })) return false;
  switch (item.subjectType) {
    case 'question':
    case 'answer':
    case 'comment': {
      const post = refs.posts.get(`${item.subjectType}:${item.subjectId}`);
      return !!post && can(actor, 'post.view', post);
    }
    case 'message': {
      const m = refs.messages.get(item.subjectId);
      if (!m) return false;
      return can(actor, 'conversation.takePart', {
        askerId: m.askerId,
        contactId: m.contactId,
        escalation: m.teamId === null ? null : { inTeam: inTeam(m.teamId) },
      });
    }
    case 'escalation': {
      const e = refs.escalations.get(item.subjectId);
      return !!e && can(actor, 'console.use', undefined) && can(actor, 'escalation.act', { inTeam: inTeam(e.teamId) });
    }
    case 'draft': {
      const d = refs.drafts.get(item.subjectId);
      if (!d || !can(actor, 'draft.see', d)) return false;
      return item.kind === 'draft.review' ? can(actor, 'draft.approve', d) : true;
    }
    case 'alert':
      return can(actor, 'alert.read', undefined);
    case 'user':
      return item.subjectId === actor.id;
  }
}

/**
 * For each item, whether its recipient may be told about it now. `reader`: the signed-in recipient
 * reading their own notifications, as the request already knows them (not read again).
 */
export async function mayBeTold(db: Db, items: AccessItem[], reader: Actor | null = null): Promise<boolean[]> {
  if (items.length === 0) return [];
  const refs = await loadRefs(db, items, reader);
  return items.map((item) => allowed(refs, item));
}
