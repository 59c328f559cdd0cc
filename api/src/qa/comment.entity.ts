import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { MODERATION_STATE_CHECK, type ModerationState } from './moderation-state';
import { AnswerEntity } from './answer.entity';
import { QuestionEntity } from './question.entity';

/** A short clarification on a question (answer_id null) or on one of its answers. */
@Entity('comments')
@Check('comments_moderation_state_check', MODERATION_STATE_CHECK)
@Index('comments_question_idx', ['questionId', 'createdAt'])
@Index('comments_answer_idx', ['answerId'], { where: '"answer_id" IS NOT NULL' })
@Index('comments_author_idx', ['authorId', 'createdAt'])
@Index('comments_client_mutation_key', ['authorId', 'clientMutationId'], { unique: true, where: '"client_mutation_id" IS NOT NULL' })
export class CommentEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @ForeignKey(() => QuestionEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'question_id', type: 'bigint' })
  questionId: string;

  @ForeignKey(() => AnswerEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'answer_id', type: 'bigint', nullable: true })
  answerId: string | null;

  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT' })
  @Column({ name: 'author_id', type: 'bigint' })
  authorId: string;

  @Column({ name: 'body_markdown', type: 'text' })
  bodyMarkdown: string;

  @Column({ name: 'body_html', type: 'text' })
  bodyHtml: string;

  @Column({ name: 'client_mutation_id', type: 'varchar', length: 64, nullable: true })
  clientMutationId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  /** Only `published` posts are public; the author and staff also see the others, marked. */
  @Column({ name: 'moderation_state', type: 'varchar', length: 16, default: 'published' })
  moderationState: ModerationState;

  /** The second staff member who approved this staff reply (four-eyes review); null for unreviewed posts. */
  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'reviewed_by_id', type: 'bigint', nullable: true })
  reviewedById: string | null;
}
