import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A visitor on the ask page opened a suggested thread. `asked` turns true if the same ask session
 * posted a question afterwards; one that stays false is a deflection. No personal data: the ask
 * session is a random id made by the page.
 */
@Entity('deflection_events')
@Index('deflection_events_session_idx', ['askSession'])
@Index('deflection_events_created_idx', ['createdAt'])
@Index('deflection_events_question_idx', ['questionId'])
export class DeflectionEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'ask_session', type: 'varchar', length: 64 })
  askSession: string;

  @Column({ name: 'question_id', type: 'bigint' })
  questionId: string;

  @Column({ type: 'boolean', default: false })
  asked: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
