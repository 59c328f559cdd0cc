import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { QuestionEntity } from '../qa/question.entity';

/**
 * A moderator's redaction of personal data in a published post: the public text shows "[removed]", the
 * original text is kept here for staff only (earlier versions also stay in post_revisions, which is never public).
 */
@Entity('post_redactions')
@Check('post_redactions_target_check', `"post_type" IN ('question', 'answer', 'comment')`)
@Check('post_redactions_field_check', `"field" IN ('title', 'body')`)
@Index('post_redactions_question_idx', ['questionId', 'createdAt'])
export class PostRedactionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  /** The thread, for listing a thread's redactions. */
  @ForeignKey(() => QuestionEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'question_id', type: 'bigint' })
  questionId: string;

  @Column({ name: 'post_type', type: 'varchar', length: 16 })
  postType: 'question' | 'answer' | 'comment';

  @Column({ name: 'post_id', type: 'bigint' })
  postId: string;

  @Column({ type: 'varchar', length: 8 })
  field: 'title' | 'body';

  @Column({ name: 'original_text', type: 'text' })
  originalText: string;

  @Column({ name: 'redacted_text', type: 'text' })
  redactedText: string;

  @Column({ type: 'jsonb' })
  spans: { start: number; end: number }[];

  @Column({ type: 'text' })
  reason: string;

  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT' })
  @Column({ name: 'moderator_id', type: 'bigint' })
  moderatorId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
