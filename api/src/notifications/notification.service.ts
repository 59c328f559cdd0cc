import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { can, type Actor } from '../identity/policy';
import { fieldError, notFound, unauthenticated } from '../platform/errors';
import { LiveEvents } from '../platform/live/live-events';
import { decodeCursor, encodeCursor, pageSize } from '../platform/pagination';
import { mayBeTold } from './notification-access';
import { pathOf } from './notification-paths';
import { unreadChannel, type NotificationKind, type NotificationKindName, type SubjectType } from './notification-kinds';
import {
  WatchLevel,
  type MarkNotificationsReadInput,
  type NotificationConnection,
  type NotificationModel,
  type SetAffectedInput,
  type ThreadWatchModel,
  type WatchThreadInput,
} from './models/notification.models';

/** Unread notifications looked at for the count; the web shows "99+" from 100 on. */
export const UNREAD_COUNT_CAP = 100;

interface NotificationRow {
  id: string;
  recipient_id: string;
  kind: NotificationKindName;
  created_at: Date;
  read_at: Date | null;
  question_id: string | null;
  subject_type: SubjectType;
  subject_id: string;
  details: { reason?: string | null };
  question_title: string | null;
  actor_name: string | null;
  asker_id: string | null;
  escalation_id: string | null;
}

const SELECT = `SELECT n.id, n.recipient_id, n.kind, n.created_at, n.read_at, n.question_id, n.subject_type, n.subject_id, n.details,
    q.title AS question_title, q.author_id AS asker_id, u.display_name AS actor_name,
    CASE WHEN n.subject_type = 'message'
      THEN (SELECT e.id FROM escalations e WHERE e.question_id = n.question_id ORDER BY e.id DESC LIMIT 1) END AS escalation_id
  FROM notifications n LEFT JOIN questions q ON q.id = n.question_id LEFT JOIN users u ON u.id = n.actor_id`;

function toModel(row: NotificationRow): NotificationModel {
  return {
    id: String(row.id),
    kind: row.kind as NotificationKind,
    createdAt: row.created_at,
    read: row.read_at !== null,
    questionId: row.question_id === null ? null : String(row.question_id),
    questionTitle: row.question_title,
    actorName: row.actor_name,
    reason: row.kind === 'post.hidden' || row.kind === 'post.flagged' ? (row.details?.reason ?? null) : null,
    path: pathOf(row),
  };
}

/** The inbox (keyset-paged, filtered by the policy again at read time), read marks and watches. */
@Injectable()
export class NotificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LiveEvents,
  ) {}

  private async visible(reader: Actor, rows: NotificationRow[]): Promise<NotificationRow[]> {
    const verdicts = await mayBeTold(
      this.dataSource.manager,
      rows.map((r) => ({
        recipientId: String(r.recipient_id),
        kind: r.kind,
        subjectType: r.subject_type,
        subjectId: String(r.subject_id),
        questionId: r.question_id === null ? null : String(r.question_id),
      })),
      reader,
    );
    return rows.filter((_, i) => verdicts[i]);
  }

  async list(actor: Actor | null, first: number | null | undefined, after: string | null | undefined): Promise<NotificationConnection> {
    if (!actor) throw unauthenticated();
    const size = pageSize(first, 20);
    const cursor = decodeCursor(after, 1);
    const rows: NotificationRow[] = await this.dataSource.query(
      `${SELECT} WHERE n.recipient_id = $1 AND ($2::bigint IS NULL OR n.id < $2::bigint) ORDER BY n.id DESC LIMIT $3`,
      [actor.id, cursor ? String(cursor[0]) : null, size + 1],
    );
    const page = rows.slice(0, size);
    const last = page.at(-1);
    const shown = await this.visible(actor, page);
    return {
      edges: shown.map((row) => ({ cursor: encodeCursor([String(row.id)]), node: toModel(row) })),
      // The cursor follows the rows read, so a page whose rows were all filtered out still moves on.
      pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeCursor([String(last.id)]) : null },
    };
  }

  /** Unread notifications the viewer may still see, counted up to UNREAD_COUNT_CAP. */
  async unreadCount(actor: Actor | null): Promise<number> {
    if (!actor) throw unauthenticated();
    const rows: NotificationRow[] = await this.dataSource.query(
      `${SELECT} WHERE n.recipient_id = $1 AND n.read_at IS NULL ORDER BY n.id DESC LIMIT ${UNREAD_COUNT_CAP}`,
      [actor.id],
    );
    return (await this.visible(actor, rows)).length;
  }

  async markRead(actor: Actor | null, input: MarkNotificationsReadInput): Promise<number> {
    if (!actor) throw unauthenticated();
    const ids = input.ids ?? [];
    if (!input.all && ids.length === 0) throw fieldError('ids', 'required', 'Name the notifications to mark, or mark all.');
    if (ids.length > 500) throw fieldError('ids', 'too_many', 'Mark at most 500 notifications at once.');
    if (ids.some((id) => !/^\d{1,18}$/.test(id))) throw fieldError('ids', 'invalid', 'These are not notification ids.');
    // Only the viewer's own notifications change; foreign ids are ignored alike, revealing nothing.
    await this.dataSource.query(
      `UPDATE notifications SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL AND ($2 OR id = ANY($3::bigint[]))`,
      [actor.id, !!input.all, ids],
    );
    await this.live.publish(unreadChannel(actor.id), {});
    return this.unreadCount(actor);
  }

  /** The question if the viewer may see it, with its asker (who follows it by default). */
  private async question(actor: Actor | null, questionId: string): Promise<{ id: string; authorId: string }> {
    if (!/^\d{1,18}$/.test(questionId)) throw notFound('Question');
    const [q]: { id: string; author_id: string; moderation_state: 'published' | 'pending_review' | 'hidden' | 'deleted' }[] =
      await this.dataSource.query(`SELECT id, author_id, moderation_state FROM questions WHERE id = $1`, [questionId]);
    const ref = q && { authorId: String(q.author_id), moderationState: q.moderation_state };
    const visible = !!ref && (actor ? can(actor, 'post.view', ref) : ref.moderationState === 'published');
    // Watching what one cannot see looks exactly like watching nothing.
    if (!visible) throw notFound('Question');
    return { id: String(q.id), authorId: ref.authorId };
  }

  async threadWatch(actor: Actor | null, questionId: string): Promise<ThreadWatchModel> {
    const q = await this.question(actor, questionId);
    const [row]: { level: string | null; affected: boolean | null; affected_count: number }[] = await this.dataSource.query(
      `SELECT w.level, w.affected, (SELECT count(*)::int FROM watches a WHERE a.question_id = $1 AND a.affected) AS affected_count
       FROM (SELECT 1) one LEFT JOIN watches w ON w.question_id = $1 AND w.user_id = $2`,
      [q.id, actor?.id ?? null],
    );
    return {
      questionId: q.id,
      level: (row?.level as WatchLevel | null) ?? (actor?.id === q.authorId ? WatchLevel.WATCHING : WatchLevel.NONE),
      affected: row?.affected ?? false,
      affectedCount: row?.affected_count ?? 0,
    };
  }

  async watch(actor: Actor | null, input: WatchThreadInput): Promise<ThreadWatchModel> {
    if (!actor) throw unauthenticated();
    const q = await this.question(actor, input.questionId);
    if (input.level === WatchLevel.NONE && q.authorId !== actor.id) {
      await this.dataSource.query(`DELETE FROM watches WHERE user_id = $1 AND question_id = $2`, [actor.id, q.id]);
    } else {
      // The asker follows their question by default, so "none" for them is muting it.
      const level = input.level === WatchLevel.NONE ? WatchLevel.MUTED : input.level;
      await this.dataSource.query(
        `INSERT INTO watches (user_id, question_id, level, reason) VALUES ($1, $2, $3, 'manual')
         ON CONFLICT (user_id, question_id) DO UPDATE SET level = EXCLUDED.level, updated_at = now(),
           affected = watches.affected AND EXCLUDED.level = 'watching'`,
        [actor.id, q.id, level],
      );
    }
    return this.threadWatch(actor, q.id);
  }

  /** "I have this problem too": counted, and it watches the thread. */
  async setAffected(actor: Actor | null, input: SetAffectedInput): Promise<ThreadWatchModel> {
    if (!actor) throw unauthenticated();
    const q = await this.question(actor, input.questionId);
    if (input.affected && q.authorId === actor.id)
      throw fieldError('affected', 'own_question', 'This is your own question: you are counted as its asker already.');
    if (input.affected)
      await this.dataSource.query(
        `INSERT INTO watches (user_id, question_id, level, reason, affected) VALUES ($1, $2, 'watching', 'affected', true)
         ON CONFLICT (user_id, question_id) DO UPDATE SET affected = true, level = 'watching', updated_at = now()`,
        [actor.id, q.id],
      );
    else
      await this.dataSource.query(`UPDATE watches SET affected = false, updated_at = now() WHERE user_id = $1 AND question_id = $2`, [
        actor.id,
        q.id,
      ]);
    return this.threadWatch(actor, q.id);
  }
}
