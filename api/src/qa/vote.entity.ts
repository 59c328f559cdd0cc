import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { AnswerEntity } from './answer.entity';
import { QuestionEntity } from './question.entity';

/** ±1 on a question or an answer; one per person and post, enforced by the database. */
@Entity('votes')
@Check('votes_value_check', `"value" IN (-1, 1)`)
@Check('votes_target_check', `num_nonnulls("question_id", "answer_id") = 1`)
@Index('votes_question_key', ['userId', 'questionId'], { unique: true, where: '"question_id" IS NOT NULL' })
@Index('votes_answer_key', ['userId', 'answerId'], { unique: true, where: '"answer_id" IS NOT NULL' })
export class VoteEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'user_id', type: 'bigint' })
  userId: string;

  @ForeignKey(() => QuestionEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'question_id', type: 'bigint', nullable: true })
  questionId: string | null;

  @ForeignKey(() => AnswerEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'answer_id', type: 'bigint', nullable: true })
  answerId: string | null;

  @Column({ type: 'smallint' })
  value: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
