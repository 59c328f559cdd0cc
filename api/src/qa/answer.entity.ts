import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { MODERATION_STATE_CHECK, type ModerationState } from './moderation-state';
import { QuestionEntity } from './question.entity';

@Entity('answers')
@Check('answers_moderation_state_check', MODERATION_STATE_CHECK)
@Index('answers_question_idx', ['questionId', 'createdAt'])
@Index('answers_author_idx', ['authorId', 'createdAt'])
@Index('answers_created_idx', ['createdAt', 'id'])
@Index('answers_client_mutation_key', ['authorId', 'clientMutationId'], { unique: true, where: '"client_mutation_id" IS NOT NULL' })
export class AnswerEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @ForeignKey(() => QuestionEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'question_id', type: 'bigint' })
  questionId: string;

  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT' })
  @Column({ name: 'author_id', type: 'bigint' })
  authorId: string;

  @Column({ name: 'body_markdown', type: 'text' })
  bodyMarkdown: string;

  @Column({ name: 'body_html', type: 'text' })
  bodyHtml: string;

  @Column({ type: 'integer', default: 0 })
  score: number;

  @Column({ name: 'client_mutation_id', type: 'varchar', length: 64, nullable: true })
  clientMutationId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  /** Only `published` posts are public; the author and staff also see the others, marked. */
  @Column({ name: 'moderation_state', type: 'varchar', length: 16, default: 'published' })
  moderationState: ModerationState;

  /** Incremented on every edit; editors send the revision they started from (optimistic lock). */
  @Column({ type: 'integer', default: 1 })
  revision: number;

  /** Staff member who sealed the answer as "verified by {company}"; distinct from the asker's acceptance. */
  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'verified_by_id', type: 'bigint', nullable: true })
  verifiedById: string | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  /** The second staff member who approved this staff reply (four-eyes review); null for unreviewed posts. */
  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'reviewed_by_id', type: 'bigint', nullable: true })
  reviewedById: string | null;
}
