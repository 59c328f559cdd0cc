import { Injectable } from '@nestjs/common';
import { renderMarkdown } from '@peerdesk/markdown';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { authorize, can, type Actor } from '../identity/policy';
import { conflict, InputCheck, notFound } from '../platform/errors';
import { appendOutbox } from '../platform/outbox/outbox';
import { decodeCursor, encodeCursor, pageSize, toPage } from '../platform/pagination';
import { parseId } from '../platform/ids';
import { LIMITS } from '../qa/qa.rules';
import { assertRevision } from '../qa/question.service';
import { ReviewActionValue, type ResolveReviewItemInput } from './dto/moderation.inputs';
import { leaderSpaceIds } from './leader-spaces';
import type { ModerationState, PostType } from '../qa/moderation-state';
import { lockPost, setPostState, type ModeratedPost } from './moderated-post';
import type { ReviewItemConnection, ReviewItemModel, ReviewPostModel } from './models/moderation.models';
import { PenaltyService } from './penalty.service';
import type { ReviewOutcome } from './review-item.entity';

interface ItemRow {
  id: string;
  kind: ReviewItemModel['kind'];
  status: 'open' | 'handled';
  outcome: ReviewOutcome | null;
  handled_reason: string | null;
  handled_at: Date | null;
  handled_by_id: string | null;
  handled_by_name: string | null;
  created_at: Date;
  post_type: PostType;
  post_id: string;
  question_id: string;
}

/** What each action does to the post and to its open flags. */
const ACTIONS: Record<ReviewActionValue, { outcome: ReviewOutcome; state: ModerationState; flags: 'helpful' | 'declined' }> = {
  [ReviewActionValue.APPROVE]: { outcome: 'approved', state: 'published', flags: 'declined' },
  [ReviewActionValue.HIDE]: { outcome: 'hidden', state: 'hidden', flags: 'helpful' },
  [ReviewActionValue.DELETE]: { outcome: 'deleted', state: 'deleted', flags: 'helpful' },
  [ReviewActionValue.EDIT]: { outcome: 'edited', state: 'published', flags: 'helpful' },
};

const BODY_LIMITS: Record<PostType, { min: number; max: number }> = {
  question: LIMITS.questionBody,
  answer: LIMITS.answerBody,
  comment: LIMITS.comment,
};

/** The review queue: staff and leaders decide on flagged posts, newcomers' first posts and posts hidden by flags. */
@Injectable()
export class ReviewQueueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
    private readonly penalties: PenaltyService,
  ) {}

  /** Open items, oldest first (the longest waiting is decided first). */
  async queue(actor: Actor | null, first: number | null | undefined, after: string | null | undefined): Promise<ReviewItemConnection> {
    authorize(actor, 'review.moderate', { leadsSpace: true });
    const size = pageSize(first, 20);
    const cursor = decodeCursor(after, 2);
    // Staff see every space; a leader sees the spaces they lead.
    const spaces = can(actor, 'review.moderate', { leadsSpace: false }) ? null : await leaderSpaceIds(this.dataSource, actor.id);
    const inSpaces = spaces ? `AND r.question_id IN (SELECT id FROM questions WHERE space_id = ANY($1::bigint[]))` : '';
    const params: unknown[] = spaces ? [spaces] : [];
    const rows = await this.items(
      this.dataSource,
      `r.status = 'open' ${inSpaces} ${cursor ? `AND (r.created_at, r.id) > ($${params.length + 1}::timestamptz, $${params.length + 2}::bigint)` : ''}
       ORDER BY r.created_at, r.id LIMIT ${size + 1}`,
      cursor ? [...params, cursor[0], cursor[1]] : params,
    );
    const page = toPage(rows, size);
    const posts = await this.posts(page.nodes);
    const edges = page.nodes.map((row) => ({
      cursor: encodeCursor([row.created_at.toISOString(), row.id]),
      node: toItemModel(row, posts),
    }));
    const [open]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM review_items r WHERE r.status = 'open' ${inSpaces}`,
      params,
    );
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, openCount: open!.count };
  }

  async item(actor: Actor | null, idInput: string): Promise<ReviewItemModel | null> {
    authorize(actor, 'review.moderate', { leadsSpace: true });
    const id = parseId(idInput, 'Review item');
    const rows = await this.items(this.dataSource, `r.id = $1`, [id]);
    if (!rows[0]) return null;
    await this.authorizeItem(this.dataSource, actor, rows[0]);
    return toItemModel(rows[0], await this.posts(rows));
  }

  /** Staff decide any item; a leader only those in the spaces they lead. */
  private async authorizeItem(db: DataSource | EntityManager, actor: Actor, item: ItemRow): Promise<void> {
    if (can(actor, 'review.moderate', { leadsSpace: false })) return;
    const [thread]: { space_id: string }[] = await db.query(`SELECT space_id FROM questions WHERE id = $1`, [item.question_id]);
    authorize(actor, 'review.moderate', { leadsSpace: (await leaderSpaceIds(db, actor.id)).includes(thread!.space_id) });
  }

  /**
   * Decides an open item. Exactly one moderator can: the item row is locked, and whoever comes
   * second gets CONFLICT naming who decided, with nothing changed.
   */
  async resolve(actor: Actor | null, input: ResolveReviewItemInput): Promise<ReviewItemModel> {
    authorize(actor, 'review.moderate', { leadsSpace: true });
    const id = parseId(input.itemId, 'Review item');
    const action = ACTIONS[input.action];
    const reason = input.reason?.trim() || null;
    const check = new InputCheck();
    if (reason && reason.length > 500) check.add('reason', 'too_long', 'The reason must be at most 500 characters.');
    check.assertValid();

    await this.dataSource.transaction(async (manager) => {
      const [item] = await this.items(manager, `r.id = $1 FOR UPDATE OF r`, [id]);
      if (!item) throw notFound('Review item');
      await this.authorizeItem(manager, actor, item);
      if (item.status !== 'open') {
        throw conflict(
          `This item was already handled by ${item.handled_by_name ?? 'another moderator'} (${item.outcome}) at ${item.handled_at!.toISOString()}; nothing was changed.`,
        );
      }
      const post = await lockPost(manager, item.post_type, item.post_id);
      if (input.action === ReviewActionValue.EDIT) await this.edit(manager, actor, post, input);
      await setPostState(manager, post, action.state);
      // For UPDATE, TypeORM answers [rows, affectedCount].
      const [flaggers]: [{ user_id: string; id: string }[], number] = await manager.query(
        `UPDATE flags SET state = $2, handled_by_id = $3, handled_at = now()
          WHERE post_type = $1 AND post_id = $4 AND state = 'open' RETURNING id, user_id`,
        [post.postType, action.flags, actor.id, post.postId],
      );
      await manager.query(
        `UPDATE review_items SET status = 'handled', outcome = $2, handled_by_id = $3, handled_at = now(), handled_reason = $4 WHERE id = $1`,
        [id, action.outcome, actor.id, reason],
      );
      await this.audit.record(manager, {
        actorId: actor.id,
        action: `post.${action.outcome}`,
        subjectType: post.postType,
        subjectId: post.postId,
        reason,
        details: {
          reviewItemId: id,
          questionId: post.questionId,
          kind: item.kind,
          flags: flaggers.length,
          asSpam: input.asSpam || undefined,
        },
      });
      await this.penalties.afterDecision(manager, {
        post,
        actorId: actor.id,
        helpfulFlagIds: action.flags === 'helpful' ? flaggers : [],
        spam: input.action === ReviewActionValue.DELETE && input.asSpam,
      });
    });
    return (await this.item(actor, id))!;
  }

  private async edit(manager: EntityManager, actor: Actor, post: ModeratedPost, input: ResolveReviewItemInput): Promise<void> {
    const check = new InputCheck();
    const body = check.text('body', 'Body', input.body, BODY_LIMITS[post.postType]);
    const title = post.postType === 'question' ? check.text('title', 'Title', input.title?.replace(/\s+/g, ' '), LIMITS.title) : null;
    if (post.postType !== 'comment' && (input.expectedRevision === null || input.expectedRevision === undefined)) {
      check.add('expectedRevision', 'required', 'Send the revision you edited, so no one else’s edit is lost.');
    }
    check.assertValid();
    if (post.revision !== null) assertRevision({ revision: post.revision }, input.expectedRevision);
    const html = renderMarkdown(body);
    if (post.postType === 'comment') {
      await manager.query(`UPDATE comments SET body_markdown = $2, body_html = $3 WHERE id = $1`, [post.postId, body, html]);
      return;
    }
    const table = post.postType === 'question' ? 'questions' : 'answers';
    await manager.query(
      `UPDATE ${table} SET body_markdown = $2, body_html = $3, edited_at = now(), revision = revision + 1
         ${post.postType === 'question' ? ', title = $4' : ''} WHERE id = $1`,
      post.postType === 'question' ? [post.postId, body, html, title] : [post.postId, body, html],
    );
    await manager.query(`INSERT INTO post_revisions (${post.postType}_id, editor_id, title, body_markdown) VALUES ($1, $2, $3, $4)`, [
      post.postId,
      actor.id,
      title,
      body,
    ]);
    await appendOutbox(manager, `${post.postType}.edited`, post.postId, { questionId: post.questionId });
  }

  private items(db: DataSource | EntityManager, condition: string, params: unknown[]): Promise<ItemRow[]> {
    return db.query(
      `SELECT r.id, r.kind, r.status, r.outcome, r.handled_reason, r.handled_at, r.handled_by_id, h.display_name AS handled_by_name,
              r.created_at, r.post_type, r.post_id, r.question_id
         FROM review_items r LEFT JOIN users h ON h.id = r.handled_by_id
        WHERE ${condition}`,
      params,
    );
  }

  /** The posts of a page of items: one query per post type present. */
  private async posts(items: ItemRow[]): Promise<Map<string, ReviewPostModel>> {
    const posts = new Map<string, ReviewPostModel>();
    for (const type of ['question', 'answer', 'comment'] as const) {
      const ids = items.filter((i) => i.post_type === type).map((i) => i.post_id);
      if (ids.length === 0) continue;
      const rows: {
        id: string;
        title: string | null;
        body_markdown: string;
        body_html: string;
        moderation_state: ModerationState;
        revision: number | null;
        created_at: Date;
        author_id: string;
      }[] = await this.dataSource.query(
        `SELECT id, ${type === 'question' ? 'title' : 'NULL::text AS title'}, body_markdown, body_html, moderation_state,
                ${type === 'comment' ? 'NULL::int AS revision' : 'revision'}, created_at, author_id
           FROM ${type}s WHERE id = ANY($1)`,
        [ids],
      );
      for (const r of rows) {
        posts.set(`${type}:${r.id}`, {
          id: r.id,
          type,
          title: r.title,
          bodyMarkdown: r.body_markdown,
          bodyHtml: r.body_html,
          moderationState: r.moderation_state,
          revision: r.revision,
          createdAt: r.created_at,
          authorId: r.author_id,
        });
      }
    }
    return posts;
  }
}

function toItemModel(row: ItemRow, posts: Map<string, ReviewPostModel>): ReviewItemModel {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    outcome: row.outcome,
    handledReason: row.handled_reason,
    handledAt: row.handled_at,
    createdAt: row.created_at,
    post: posts.get(`${row.post_type}:${row.post_id}`) ?? null,
    questionId: row.question_id,
    handledById: row.handled_by_id,
  };
}
