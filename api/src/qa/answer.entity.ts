import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { QuestionEntity } from './question.entity';

@Entity('answers')
@Index('answers_question_idx', ['questionId', 'createdAt'])
@Index('answers_author_idx', ['authorId', 'createdAt'])
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
}
