import { isOpen } from '@peerdesk/business-time';
import type { EntityManager } from 'typeorm';
import { hoursOf } from '../teams/opening-hours';
import type { TeamEntity } from '../teams/team.entity';
import { followersOfQuestion } from './follows.service';
import { mentionedUserIds } from './mentions';
import { LEADER_SPACE_REPUTATION } from '../moderation/leader-spaces';
import type { NotificationCandidate, NotificationKindName, SubjectType } from './notification-kinds';

/**
 * The one place that knows which outbox topics mean something to someone: each topic becomes the
 * notifications it may cause (candidates; `notification-access.ts` then drops whoever may not see
 * them) and the watches it starts. Payloads are read as they are written today and anything missing
 * is looked up.
 *
 * Every topic is appended by its owning domain in the transaction of the change (qa, escalation,
 * four-eyes); their payloads are typed in one map (`OutboxTopics`).
 */
export interface OutboxEventRow {
  id: string;
  topic: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
}

/** The topics this module reads; all others are ignored. */
export const NOTIFICATION_TOPICS = [
  'question.created',
  'answer.created',
  'comment.created',
  'answer.accepted',
  'answer.verified',
  'post.moderated',
  'escalation.created',
  'escalation.assigned',
  'escalation.due_soon',
  'escalation.breached',
  'post.flagged',
  'badge.awarded',
  'trust_level.raised',
  'conversation.message',
  'callback.scheduled',
  'callback.closed',
  'escalation.promise_changed',
  'draft.submitted',
  'draft.changes_requested',
  'alert.raised',
] as const;

type Db = Pick<EntityManager, 'query'>;

const str = (value: unknown): string | null => (value === null || value === undefined || value === '' ? null : String(value));

/** Who follows a thread: its watchers, and its asker unless they muted it. */
async function watchersOf(db: Db, questionId: string): Promise<string[]> {
  const rows: { user_id: string }[] = await db.query(
    `SELECT user_id FROM watches WHERE question_id = $1 AND level = 'watching'
     UNION
     SELECT q.author_id FROM questions q WHERE q.id = $1
       AND NOT EXISTS (SELECT 1 FROM watches w WHERE w.user_id = q.author_id AND w.question_id = q.id AND w.level = 'muted')`,
    [questionId],
  );
  return rows.map((r) => String(r.user_id));
}

async function mutedBy(db: Db, questionId: string): Promise<Set<string>> {
  const rows: { user_id: string }[] = await db.query(`SELECT user_id FROM watches WHERE question_id = $1 AND level = 'muted'`, [
    questionId,
  ]);
  return new Set(rows.map((r) => String(r.user_id)));
}

/** Starts watching automatically (asked, answered); an explicit choice (mute, manual) stays as it is. */
async function autoWatch(db: Db, userId: string, questionId: string, reason: 'asked' | 'answered'): Promise<void> {
  await db.query(
    `INSERT INTO watches (user_id, question_id, level, reason) VALUES ($1, $2, 'watching', $3) ON CONFLICT (user_id, question_id) DO NOTHING`,
    [userId, questionId, reason],
  );
}

const candidate = (
  recipients: Iterable<string>,
  kind: NotificationKindName,
  subjectType: SubjectType,
  subjectId: string,
  questionId: string | null,
  actorId: string | null,
  details: Record<string, unknown> = {},
): NotificationCandidate[] =>
  [...new Set(recipients)].map((recipientId) => ({ recipientId, kind, subjectType, subjectId, questionId, actorId, details }));

/** A reply became visible (created published, or approved): everyone following the thread hears of it. */
async function replyPublished(db: Db, type: 'answer' | 'comment', id: string): Promise<NotificationCandidate[]> {
  if (type === 'answer') {
    const [a]: { question_id: string; author_id: string }[] = await db.query(`SELECT question_id, author_id FROM answers WHERE id = $1`, [
      id,
    ]);
    if (!a) return [];
    const told = candidate(await watchersOf(db, a.question_id), 'answer.new', 'answer', id, String(a.question_id), String(a.author_id));
    return withMentions(db, 'answer', id, String(a.question_id), String(a.author_id), told);
  }
  const [c]: { question_id: string; answer_id: string | null; author_id: string }[] = await db.query(
    `SELECT question_id, answer_id, author_id FROM comments WHERE id = $1`,
    [id],
  );
  if (!c) return [];
  const questionId = String(c.question_id);
  // The author of the answer commented on, and earlier commenters on the same post, hear of a reply to them.
  const involved: { user_id: string }[] = await db.query(
    c.answer_id
      ? `SELECT author_id AS user_id FROM answers WHERE id = $1 UNION SELECT author_id FROM comments WHERE answer_id = $1 AND id < $2`
      : `SELECT author_id AS user_id FROM comments WHERE question_id = $1 AND answer_id IS NULL AND id < $2`,
    [c.answer_id ?? questionId, id],
  );
  const muted = await mutedBy(db, questionId);
  const recipients = [...(await watchersOf(db, questionId)), ...involved.map((r) => String(r.user_id)).filter((u) => !muted.has(u))];
  const told = candidate(recipients, 'comment.new', 'comment', id, questionId, String(c.author_id), { onAnswer: c.answer_id !== null });
  return withMentions(db, 'comment', id, questionId, String(c.author_id), told);
}

/** A question became visible: followers of its space and tags hear of it. */
async function questionPublished(db: Db, id: string, authorId: string): Promise<NotificationCandidate[]> {
  return withMentions(
    db,
    'question',
    id,
    id,
    authorId,
    candidate(await followersOfQuestion(db, id), 'question.new', 'question', id, id, authorId),
  );
}

const POST_TABLES = { question: 'questions', answer: 'answers', comment: 'comments' } as const;

/**
 * People @mentioned in a post that just became visible hear of it as a mention, instead of (not
 * besides) the plain "new answer/comment/question" they might get as watchers.
 */
async function withMentions(
  db: Db,
  type: keyof typeof POST_TABLES,
  id: string,
  questionId: string,
  authorId: string,
  told: NotificationCandidate[],
): Promise<NotificationCandidate[]> {
  const [post]: { body_markdown: string }[] = await db.query(`SELECT body_markdown FROM ${POST_TABLES[type]} WHERE id = $1`, [id]);
  const named = mentionedUserIds(post?.body_markdown ?? '');
  if (named.length === 0) return told;
  const people: { id: string }[] = await db.query(`SELECT id FROM users WHERE id = ANY($1::bigint[])`, [named]);
  const mentioned = new Set(people.map((p) => String(p.id)));
  return [...told.filter((c) => !mentioned.has(c.recipientId)), ...candidate(mentioned, 'mention', type, id, questionId, authorId)];
}

async function postAuthor(db: Db, type: SubjectType, id: string): Promise<{ authorId: string; questionId: string } | null> {
  const table = type === 'question' ? 'questions' : type === 'answer' ? 'answers' : type === 'comment' ? 'comments' : null;
  if (!table) return null;
  const [row]: { author_id: string; question_id: string }[] = await db.query(
    `SELECT author_id, ${table === 'questions' ? 'id' : 'question_id'} AS question_id FROM ${table} WHERE id = $1`,
    [id],
  );
  return row ? { authorId: String(row.author_id), questionId: String(row.question_id) } : null;
}

/** The reason a moderator gave when the post was hidden (the latest decision on it). */
async function hiddenReason(db: Db, type: string, id: string): Promise<string | null> {
  const [row]: { reason: string | null }[] = await db.query(
    `SELECT handled_reason AS reason FROM review_items WHERE post_type = $1 AND post_id = $2 AND status = 'handled'
     ORDER BY handled_at DESC NULLS LAST, id DESC LIMIT 1`,
    [type, id],
  );
  return row?.reason ?? null;
}

async function teamMembers(db: Db, teamIds: string[]): Promise<string[]> {
  if (teamIds.length === 0) return [];
  const rows: { user_id: string }[] = await db.query(`SELECT DISTINCT user_id FROM team_members WHERE team_id = ANY($1::bigint[])`, [
    teamIds,
  ]);
  return rows.map((r) => String(r.user_id));
}

/** The members of the space's teams that are open now; all of them when none is (an outage needs someone). */
async function onDutyFor(db: Db, spaceId: string): Promise<string[]> {
  const teams: TeamEntity[] = await db.query(
    `SELECT t.id, t.time_zone AS "timeZone", t.weekly, t.holidays FROM teams t JOIN space_teams st ON st.team_id = t.id WHERE st.space_id = $1`,
    [spaceId],
  );
  const open = teams.filter((team) => isOpen(hoursOf(team), new Date()));
  return teamMembers(
    db,
    (open.length > 0 ? open : teams).map((t) => String(t.id)),
  );
}

/** The asker of an escalated question hears that the reply time promised on the thread changed. */
async function promiseChanged(db: Db, escalationId: string, reason: string): Promise<NotificationCandidate[]> {
  const [e]: { question_id: string; asker_id: string; status: string }[] = await db.query(
    `SELECT e.question_id, q.author_id AS asker_id, e.status FROM escalations e JOIN questions q ON q.id = e.question_id WHERE e.id = $1`,
    [escalationId],
  );
  if (!e || e.status === 'resolved') return [];
  return candidate([String(e.asker_id)], 'promise.changed', 'question', String(e.question_id), String(e.question_id), null, { reason });
}

/** The notifications an outbox event may cause, before the privacy check; also starts automatic watches. */
export async function candidatesFor(db: Db, event: OutboxEventRow): Promise<NotificationCandidate[]> {
  const p = event.payload ?? {};
  const id = event.aggregate_id;
  switch (event.topic) {
    case 'question.created': {
      const [q]: { author_id: string; moderation_state: string }[] = await db.query(
        `SELECT author_id, moderation_state FROM questions WHERE id = $1`,
        [id],
      );
      if (!q) return [];
      await autoWatch(db, String(q.author_id), id, 'asked');
      // A held question is announced when a moderator approves it (post.moderated).
      return q.moderation_state === 'published' ? questionPublished(db, id, String(q.author_id)) : [];
    }
    case 'answer.created': {
      const [a]: { author_id: string; question_id: string; moderation_state: string }[] = await db.query(
        `SELECT author_id, question_id, moderation_state FROM answers WHERE id = $1`,
        [id],
      );
      if (!a) return [];
      await autoWatch(db, String(a.author_id), String(a.question_id), 'answered');
      // A held answer is announced when a moderator approves it (post.moderated).
      return a.moderation_state === 'published' ? replyPublished(db, 'answer', id) : [];
    }
    case 'comment.created': {
      const [c]: { moderation_state: string }[] = await db.query(`SELECT moderation_state FROM comments WHERE id = $1`, [id]);
      return c?.moderation_state === 'published' ? replyPublished(db, 'comment', id) : [];
    }
    case 'answer.accepted': {
      const [a]: { author_id: string; question_id: string; asker_id: string }[] = await db.query(
        `SELECT a.author_id, a.question_id, q.author_id AS asker_id FROM answers a JOIN questions q ON q.id = a.question_id
         WHERE a.id = $1 AND q.accepted_answer_id = a.id`,
        [id],
      );
      if (!a) return [];
      return candidate([String(a.author_id)], 'answer.accepted', 'answer', id, String(a.question_id), String(a.asker_id));
    }
    case 'answer.verified': {
      if (p.verified === false) return [];
      const [a]: { author_id: string; question_id: string; verified_by_id: string | null }[] = await db.query(
        `SELECT author_id, question_id, verified_by_id FROM answers WHERE id = $1 AND verified_at IS NOT NULL`,
        [id],
      );
      if (!a) return [];
      return candidate([String(a.author_id)], 'answer.verified', 'answer', id, String(a.question_id), str(a.verified_by_id));
    }
    case 'post.moderated': {
      const type = str(p.postType) as SubjectType | null;
      if (!type || !p.to) return []; // locks, closes and reopens concern no single author
      const post = await postAuthor(db, type, id);
      if (!post) return [];
      if (p.to === 'published' && p.from === 'pending_review') {
        const approved = candidate([post.authorId], 'post.approved', type, id, post.questionId, null);
        const announced =
          type === 'question' ? await questionPublished(db, id, post.authorId) : await replyPublished(db, type as 'answer' | 'comment', id);
        return [...approved, ...announced];
      }
      if (p.to === 'hidden') {
        return candidate([post.authorId], 'post.hidden', type, id, post.questionId, null, { reason: await hiddenReason(db, type, id) });
      }
      return [];
    }
    case 'escalation.created': {
      const [e]: { team_id: string; question_id: string; created_by_id: string | null; assignee_id: string | null }[] = await db.query(
        `SELECT team_id, question_id, created_by_id, assignee_id FROM escalations WHERE id = $1`,
        [id],
      );
      if (!e) return [];
      const created = candidate(
        await teamMembers(db, [String(e.team_id)]),
        'escalation.new',
        'escalation',
        id,
        String(e.question_id),
        str(e.created_by_id),
      );
      const assigned = e.assignee_id
        ? candidate([String(e.assignee_id)], 'escalation.assigned', 'escalation', id, String(e.question_id), str(e.created_by_id))
        : [];
      return [...created, ...assigned];
    }
    case 'escalation.assigned': {
      const assigneeId = str(p.assigneeId);
      const [e]: { question_id: string; actor_id: string | null }[] = await db.query(
        `SELECT e.question_id,
           (SELECT actor_id FROM escalation_events t WHERE t.escalation_id = e.id AND t.kind IN ('claimed', 'assigned') ORDER BY t.id DESC LIMIT 1) AS actor_id
         FROM escalations e WHERE e.id = $1`,
        [id],
      );
      if (!e || !assigneeId) return [];
      return candidate([assigneeId], 'escalation.assigned', 'escalation', id, String(e.question_id), str(e.actor_id));
    }
    case 'escalation.promise_changed':
      return promiseChanged(db, id, str(p.reason) ?? 'priority');
    case 'escalation.due_soon':
    case 'escalation.breached': {
      // The assignee is told; an unassigned escalation concerns its whole team.
      const [e]: { team_id: string; question_id: string; assignee_id: string | null; status: string }[] = await db.query(
        `SELECT team_id, question_id, assignee_id, status FROM escalations WHERE id = $1`,
        [id],
      );
      if (!e || e.status === 'resolved') return [];
      const recipients = e.assignee_id ? [String(e.assignee_id)] : await teamMembers(db, [String(e.team_id)]);
      const kind = event.topic === 'escalation.due_soon' ? 'escalation.due_soon' : 'escalation.breached';
      const staff = candidate(recipients, kind, 'escalation', id, String(e.question_id), null, { clock: p.clock, dueAt: p.dueAt ?? null });
      // The public promise says so now ("we are late"); the person waiting hears it too.
      const late = kind === 'escalation.breached' && p.clock === 'first_response' ? await promiseChanged(db, id, 'late') : [];
      return [...staff, ...late];
    }
    case 'post.flagged': {
      // Moderators, and the community leaders of the thread's space; who flagged stays with the review queue.
      const type = str(p.postType) as SubjectType | null;
      const questionId = str(p.questionId);
      if (!type || !questionId || !p.postId) return [];
      const moderators: { id: string }[] = await db.query(
        `SELECT id FROM users WHERE role IN ('moderator', 'admin')
         UNION
         SELECT r.user_id FROM reputation_events r JOIN users u ON u.id = r.user_id AND u.trust_level >= 4
         WHERE r.space_id = (SELECT space_id FROM questions WHERE id = $1)
         GROUP BY r.user_id HAVING sum(r.delta) >= $2`,
        [questionId, LEADER_SPACE_REPUTATION],
      );
      return candidate(
        moderators.map((m) => String(m.id)),
        'post.flagged',
        type,
        String(p.postId),
        questionId,
        null,
        { reason: p.reason ?? null },
      );
    }
    case 'badge.awarded':
      return candidate([id], 'badge.awarded', 'user', id, null, null, { badge: p.badge });
    case 'trust_level.raised':
      return candidate([id], 'trust_level.raised', 'user', id, null, null, { level: p.to });
    case 'conversation.message': {
      const [m]: { author_id: string; question_id: string; asker_id: string; contact_id: string | null; assignee_id: string | null }[] =
        await db.query(
          `SELECT m.author_id, c.question_id, c.asker_id, c.contact_id,
             (SELECT assignee_id FROM escalations e WHERE e.question_id = c.question_id ORDER BY e.id DESC LIMIT 1) AS assignee_id
           FROM conversation_messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.id = $1`,
          [id],
        );
      if (!m) return [];
      const fromAsker = String(m.author_id) === String(m.asker_id);
      const recipients = fromAsker
        ? [str(m.contact_id) ?? str(m.assignee_id)].filter((r): r is string => r !== null)
        : [String(m.asker_id)];
      return candidate(recipients, 'message.new', 'message', id, String(m.question_id), String(m.author_id), { fromStaff: !fromAsker });
    }
    case 'callback.scheduled':
    case 'callback.closed': {
      // The asker is told; when the asker cancelled, their staff contact (or the assignee) is.
      const [m]: {
        question_id: string;
        asker_id: string;
        contact_id: string | null;
        assignee_id: string | null;
        scheduled_for: Date | null;
      }[] = await db.query(
        `SELECT c.question_id, c.asker_id, c.contact_id, m.callback_scheduled_for AS scheduled_for,
             (SELECT assignee_id FROM escalations e WHERE e.question_id = c.question_id ORDER BY e.id DESC LIMIT 1) AS assignee_id
           FROM conversation_messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.id = $1`,
        [id],
      );
      if (!m) return [];
      const actorId = str(p.actorId);
      const recipients = actorId === String(m.asker_id) ? [str(m.contact_id) ?? str(m.assignee_id)] : [String(m.asker_id)];
      const [kind, details] =
        event.topic === 'callback.scheduled'
          ? (['callback.scheduled', { rescheduled: p.rescheduled === true, scheduledFor: m.scheduled_for }] as const)
          : (['callback.done', { outcome: p.outcome === 'cancelled' ? 'cancelled' : 'done' }] as const);
      return candidate(
        recipients.filter((r): r is string => r !== null),
        kind,
        'message',
        id,
        String(m.question_id),
        actorId,
        details,
      );
    }
    case 'draft.submitted': {
      const [d]: { author_id: string; question_id: string; reviewer_id: string | null; space_id: string }[] = await db.query(
        `SELECT d.author_id, d.question_id, d.reviewer_id, q.space_id FROM staff_drafts d JOIN questions q ON q.id = d.question_id
         WHERE d.id = $1 AND d.state = 'draft'`,
        [id],
      );
      if (!d) return [];
      // Back from "changes requested": the reviewer who asked hears of it; a new draft: the teams of the thread.
      let reviewers = d.reviewer_id ? [String(d.reviewer_id)] : [];
      if (reviewers.length === 0) {
        const teams: { team_id: string }[] = await db.query(
          `SELECT team_id FROM space_teams WHERE space_id = $1 UNION SELECT team_id FROM escalations WHERE question_id = $2 AND resolved_at IS NULL`,
          [d.space_id, d.question_id],
        );
        reviewers = await teamMembers(
          db,
          teams.map((t) => String(t.team_id)),
        );
      }
      if (reviewers.length === 0) {
        const mods: { id: string }[] = await db.query(`SELECT id FROM users WHERE role IN ('moderator', 'admin')`);
        reviewers = mods.map((r) => String(r.id));
      }
      return candidate(reviewers, 'draft.review', 'draft', id, String(d.question_id), String(d.author_id));
    }
    case 'draft.changes_requested': {
      const [d]: { author_id: string; question_id: string; reviewer_id: string | null }[] = await db.query(
        `SELECT author_id, question_id, reviewer_id FROM staff_drafts WHERE id = $1`,
        [id],
      );
      if (!d) return [];
      return candidate([String(d.author_id)], 'draft.changes', 'draft', id, String(d.question_id), str(d.reviewer_id));
    }
    case 'alert.raised':
      return candidate(await onDutyFor(db, String(p.spaceId)), 'alert.new', 'alert', id, null, null, { kind: p.kind });
    default:
      return [];
  }
}
