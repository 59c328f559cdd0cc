import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { MODERATION_STATE_CHECK, type ModerationState } from './moderation-state';
import { SpaceEntity } from './space.entity';

export const QUESTION_STATUSES = ['open', 'answered', 'solved', 'closed'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

@Entity('questions')
@Check('questions_status_check', `"status" IN ('open', 'answered', 'solved', 'closed')`)
@Check(
  'questions_solved_check',
  `("status" <> 'solved' OR "accepted_answer_id" IS NOT NULL) AND ("accepted_answer_id" IS NULL OR "status" IN ('solved', 'closed'))`,
)
@Check('questions_answer_count_check', `"answer_count" >= 0`)
@Check('questions_moderation_state_check', MODERATION_STATE_CHECK)
@Index('questions_created_idx', ['createdAt', 'id'])
@Index('questions_activity_idx', ['lastActivityAt', 'id'])
@Index('questions_space_created_idx', ['spaceId', 'createdAt', 'id'])
@Index('questions_space_id_idx', ['spaceId', 'id'])
@Index('questions_duplicate_of_idx', ['duplicateOfId'], { where: '"duplicate_of_id" IS NOT NULL' })
@Index('questions_solved_idx', ['solvedAt', 'id'], { where: `"status" = 'solved'` })
@Index('questions_score_idx', ['score', 'id'])
@Index('questions_unanswered_idx', ['createdAt', 'id'], { where: `"status" = 'open' AND "answer_count" = 0` })
@Index('questions_author_idx', ['authorId', 'createdAt'])
@Index('questions_client_mutation_key', ['authorId', 'clientMutationId'], { unique: true, where: '"client_mutation_id" IS NOT NULL' })
export class QuestionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @ForeignKey(() => SpaceEntity, { onDelete: 'RESTRICT' })
  @Column({ name: 'space_id', type: 'bigint' })
  spaceId: string;

  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT' })
  @Column({ name: 'author_id', type: 'bigint' })
  authorId: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ name: 'body_markdown', type: 'text' })
  bodyMarkdown: string;

  /** Sanitized HTML rendered from `bodyMarkdown` by the one Markdown policy. */
  @Column({ name: 'body_html', type: 'text' })
  bodyHtml: string;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: QuestionStatus;

  @Column({ type: 'integer', default: 0 })
  score: number;

  @Column({ name: 'answer_count', type: 'integer', default: 0 })
  answerCount: number;

  @ForeignKey('AnswerEntity', { onDelete: 'SET NULL' })
  @Column({ name: 'accepted_answer_id', type: 'bigint', nullable: true })
  acceptedAnswerId: string | null;

  @Column({ name: 'client_mutation_id', type: 'varchar', length: 64, nullable: true })
  clientMutationId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Column({ name: 'last_activity_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  lastActivityAt: Date;

  @Column({ name: 'solved_at', type: 'timestamptz', precision: 3, nullable: true })
  solvedAt: Date | null;

  /** Set when the question was closed as a duplicate; it then points there. */
  @ForeignKey(() => QuestionEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'duplicate_of_id', type: 'bigint', nullable: true })
  duplicateOfId: string | null;

  @Column({ name: 'closed_reason', type: 'varchar', length: 32, nullable: true })
  closedReason: string | null;

  /** Where an imported thread came from, shown with its licence on the thread. */
  @Column({ name: 'source_name', type: 'varchar', length: 120, nullable: true })
  sourceName: string | null;

  @Column({ name: 'source_url', type: 'varchar', length: 500, nullable: true })
  sourceUrl: string | null;

  @Column({ name: 'source_license', type: 'varchar', length: 60, nullable: true })
  sourceLicense: string | null;

  @Column({ name: 'view_count', type: 'integer', default: 0 })
  viewCount: number;

  /** Only `published` posts are public; the author and staff also see the others, marked. */
  @Column({ name: 'moderation_state', type: 'varchar', length: 16, default: 'published' })
  moderationState: ModerationState;

  /** Incremented on every edit; editors send the revision they started from (optimistic lock). */
  @Column({ type: 'integer', default: 1 })
  revision: number;

  /** Why a closed question was closed, in the closer's words (shown with the reason). */
  @Column({ name: 'closed_note', type: 'varchar', length: 300, nullable: true })
  closedNote: string | null;

  /** A locked question takes no new answers, comments or votes. */
  @Column({ name: 'locked_at', type: 'timestamptz', nullable: true })
  lockedAt: Date | null;

  @Column({ name: 'locked_reason', type: 'varchar', length: 300, nullable: true })
  lockedReason: string | null;

  /** 'de' or 'en', null when the text does not tell; kept by the `questions_language` trigger, never written here. */
  @Column({ type: 'varchar', length: 2, nullable: true, insert: false, update: false })
  language: ContentLanguage | null;
}

export type ContentLanguage = 'de' | 'en';
