import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { can, type Actor } from '../identity/policy';
import type { PostType } from '../qa/moderation-state';
import type { ReviewKind } from './review-item.entity';

export interface QueuedPost {
  postType: PostType;
  postId: string;
  questionId: string;
  authorId: string;
}

/** Strength of a reason to review; an open item keeps the strongest it was given. */
const KIND_RANK: Record<ReviewKind, number> = { first_post: 0, flagged: 1, community_hidden: 2 };

/** Puts posts in front of moderators: newcomers' first posts, flagged posts, posts hidden by flags. */
@Injectable()
export class ReviewQueue {
  /**
   * A newcomer's posts wait for review until one of them has been approved; members from trust
   * level 1 (`post.withoutReview`) and staff publish directly.
   */
  async holdsNewPost(manager: EntityManager, actor: Actor): Promise<boolean> {
    if (can(actor, 'post.publishWithoutReview', undefined)) return false;
    const [row]: { approved: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM questions WHERE author_id = $1 AND moderation_state = 'published')
           OR EXISTS (SELECT 1 FROM answers WHERE author_id = $1 AND moderation_state = 'published') AS approved`,
      [actor.id],
    );
    return !row!.approved;
  }

  /** Opens a review item for the post, or raises the reason of the open one; returns its id. */
  async enqueue(manager: EntityManager, post: QueuedPost, kind: ReviewKind): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO review_items (post_type, post_id, question_id, post_author_id, kind) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (post_type, post_id) WHERE status = 'open'
       DO UPDATE SET kind = CASE WHEN ${rankSql('EXCLUDED.kind')} > ${rankSql('review_items.kind')} THEN EXCLUDED.kind ELSE review_items.kind END
       RETURNING id`,
      [post.postType, post.postId, post.questionId, post.authorId, kind],
    );
    return row!.id;
  }
}

function rankSql(column: string): string {
  return `CASE ${column} ${Object.entries(KIND_RANK)
    .map(([kind, rank]) => `WHEN '${kind}' THEN ${rank}`)
    .join(' ')} END`;
}
