import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { QuestionEntity } from './question.entity';

@Entity('tags')
@Check('tags_slug_check', `"slug" ~ '^[a-z0-9][a-z0-9-]*$'`)
export class TagEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Index('tags_slug_key', { unique: true })
  @Column({ type: 'varchar', length: 30 })
  slug: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('question_tags')
export class QuestionTagEntity {
  @ForeignKey(() => QuestionEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'question_id', type: 'bigint' })
  questionId: string;

  @Index('question_tags_tag_id_idx')
  @ForeignKey(() => TagEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'tag_id', type: 'bigint' })
  tagId: string;
}
