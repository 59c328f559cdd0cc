import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { AnswerEntity } from './answer.entity';
import { QuestionEntity } from './question.entity';

/** One version of a question (answer_id null) or an answer, written on create and on every edit. */
@Entity('post_revisions')
@Check('post_revisions_target_check', `num_nonnulls("question_id", "answer_id") = 1`)
@Index('post_revisions_question_idx', ['questionId', 'createdAt'], { where: '"question_id" IS NOT NULL' })
@Index('post_revisions_answer_idx', ['answerId', 'createdAt'], { where: '"answer_id" IS NOT NULL' })
@Index('post_revisions_editor_idx', ['editorId', 'createdAt'])
export class RevisionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @ForeignKey(() => QuestionEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'question_id', type: 'bigint', nullable: true })
  questionId: string | null;

  @ForeignKey(() => AnswerEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'answer_id', type: 'bigint', nullable: true })
  answerId: string | null;

  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT' })
  @Column({ name: 'editor_id', type: 'bigint' })
  editorId: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  title: string | null;

  @Column({ name: 'body_markdown', type: 'text' })
  bodyMarkdown: string;

  @Column({ type: 'text', array: true, nullable: true })
  tags: string[] | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
