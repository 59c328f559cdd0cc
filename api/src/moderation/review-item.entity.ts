import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { QuestionEntity } from '../qa/question.entity';
import type { PostType } from '../qa/moderation-state';

export const REVIEW_KINDS = ['first_post', 'flagged', 'community_hidden'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
export const REVIEW_OUTCOMES = ['approved', 'hidden', 'deleted', 'edited'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** A post waiting for a moderator's decision; at most one open item per post. */
@Entity('review_items')
@Check('review_items_kind_check', `"kind" IN ('first_post', 'flagged', 'community_hidden')`)
@Check('review_items_status_check', `"status" IN ('open', 'handled')`)
@Check('review_items_outcome_check', `("status" = 'open') = ("outcome" IS NULL)`)
@Index('review_items_open_post_key', ['postType', 'postId'], { unique: true, where: `"status" = 'open'` })
@Index('review_items_queue_idx', ['createdAt', 'id'], { where: `"status" = 'open'` })
@Index('review_items_post_idx', ['postType', 'postId'])
export class ReviewItemEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'post_type', type: 'varchar', length: 16 })
  postType: PostType;

  @Column({ name: 'post_id', type: 'bigint' })
  postId: string;

  @ForeignKey(() => QuestionEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'question_id', type: 'bigint' })
  questionId: string;

  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'post_author_id', type: 'bigint' })
  postAuthorId: string;

  /** Why the post is in the queue; the strongest reason wins (community_hidden > flagged > first_post). */
  @Column({ type: 'varchar', length: 20 })
  kind: ReviewKind;

  @Column({ type: 'varchar', length: 8, default: 'open' })
  status: 'open' | 'handled';

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: ReviewOutcome | null;

  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'handled_by_id', type: 'bigint', nullable: true })
  handledById: string | null;

  @Column({ name: 'handled_at', type: 'timestamptz', nullable: true })
  handledAt: Date | null;

  @Column({ name: 'handled_reason', type: 'varchar', length: 500, nullable: true })
  handledReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
