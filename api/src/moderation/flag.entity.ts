import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { QuestionEntity } from '../qa/question.entity';
import type { PostType } from '../qa/moderation-state';
import { ReviewItemEntity } from './review-item.entity';

export const FLAG_REASONS = ['spam', 'rude', 'off_topic', 'personal_data', 'needs_staff'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];
export const FLAG_STATES = ['open', 'helpful', 'declined'] as const;
export type FlagState = (typeof FLAG_STATES)[number];

/** A member's report that a post needs moderation; one per person and post. */
@Entity('flags')
@Check('flags_reason_check', `"reason" IN ('spam', 'rude', 'off_topic', 'personal_data', 'needs_staff')`)
@Check('flags_state_check', `"state" IN ('open', 'helpful', 'declined')`)
@Check('flags_post_type_check', `"post_type" IN ('question', 'answer', 'comment')`)
@Index('flags_user_post_key', ['userId', 'postType', 'postId'], { unique: true })
@Index('flags_post_idx', ['postType', 'postId', 'state'])
@Index('flags_review_item_idx', ['reviewItemId'])
export class FlagEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'user_id', type: 'bigint' })
  userId: string;

  @Column({ name: 'post_type', type: 'varchar', length: 16 })
  postType: PostType;

  @Column({ name: 'post_id', type: 'bigint' })
  postId: string;

  /** The thread the post belongs to. */
  @ForeignKey(() => QuestionEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'question_id', type: 'bigint' })
  questionId: string;

  @Column({ type: 'varchar', length: 16 })
  reason: FlagReason;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  state: FlagState;

  /** The flagger held `post.flagToHide` when flagging, so this flag counts towards hiding the post. */
  @Column({ name: 'counts_to_hide', type: 'boolean', default: false })
  countsToHide: boolean;

  @ForeignKey(() => ReviewItemEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'review_item_id', type: 'bigint', nullable: true })
  reviewItemId: string | null;

  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'handled_by_id', type: 'bigint', nullable: true })
  handledById: string | null;

  @Column({ name: 'handled_at', type: 'timestamptz', nullable: true })
  handledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
