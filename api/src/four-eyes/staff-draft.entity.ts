import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { AnswerEntity } from '../qa/answer.entity';
import { CommentEntity } from '../qa/comment.entity';
import { QuestionEntity } from '../qa/question.entity';

export const DRAFT_KINDS = ['answer', 'comment'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];
export const DRAFT_STATES = ['draft', 'changes_requested', 'approved', 'withdrawn'] as const;
export type DraftState = (typeof DRAFT_STATES)[number];

/** A guardrail finding stored with the draft when it was saved (rule, severity, span, messages). */
export interface StoredFinding {
  rule: string;
  severity: string;
  start: number;
  end: number;
  message: string;
  messageDe: string;
}

/**
 * A staff member's public answer or comment under four-eyes review. Published (as an answer or comment
 * under the author's name) only when a second staff member approves it; never visible to the public.
 */
@Entity('staff_drafts')
@Check('staff_drafts_kind_check', `"kind" IN ('answer', 'comment')`)
@Check('staff_drafts_state_check', `"state" IN ('draft', 'changes_requested', 'approved', 'withdrawn')`)
@Check('staff_drafts_answer_target_check', `"kind" = 'comment' OR "answer_id" IS NULL`)
@Check('staff_drafts_published_check', `("state" = 'approved') = (num_nonnulls("published_answer_id", "published_comment_id") > 0)`)
@Index('staff_drafts_queue_idx', ['state', 'createdAt', 'id'])
@Index('staff_drafts_question_idx', ['questionId'])
@Index('staff_drafts_author_idx', ['authorId', 'createdAt'])
@Index('staff_drafts_client_mutation_key', ['authorId', 'clientMutationId'], { unique: true, where: '"client_mutation_id" IS NOT NULL' })
export class StaffDraftEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'author_id', type: 'bigint' })
  authorId: string;

  @ForeignKey(() => QuestionEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'question_id', type: 'bigint' })
  questionId: string;

  /** For a comment on an answer. */
  @ForeignKey(() => AnswerEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'answer_id', type: 'bigint', nullable: true })
  answerId: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind: DraftKind;

  @Column({ name: 'body_markdown', type: 'text' })
  bodyMarkdown: string;

  @Column({ type: 'varchar', length: 24, default: 'draft' })
  state: DraftState;

  /** Optimistic locking: every change increments it; a change based on an older version is refused. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  // No column default: TypeORM reports a jsonb default as drift on every check; inserts always set it.
  @Column({ type: 'jsonb' })
  findings: StoredFinding[];

  /** The reviewer's request for changes. */
  @Column({ name: 'review_comment', type: 'text', nullable: true })
  reviewComment: string | null;

  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'reviewer_id', type: 'bigint', nullable: true })
  reviewerId: string | null;

  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'last_editor_id', type: 'bigint', nullable: true })
  lastEditorId: string | null;

  @ForeignKey(() => AnswerEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'published_answer_id', type: 'bigint', nullable: true })
  publishedAnswerId: string | null;

  @ForeignKey(() => CommentEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'published_comment_id', type: 'bigint', nullable: true })
  publishedCommentId: string | null;

  @Column({ name: 'client_mutation_id', type: 'varchar', length: 64, nullable: true })
  clientMutationId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
