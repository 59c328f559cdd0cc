import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';

/** One moderation or staff action: who did what to which subject, when and why. Append-only. */
@Entity('audit_log')
@Index('audit_log_created_idx', ['createdAt', 'id'])
@Index('audit_log_actor_idx', ['actorId', 'createdAt', 'id'])
@Index('audit_log_action_idx', ['action', 'createdAt', 'id'])
@Index('audit_log_subject_idx', ['subjectType', 'subjectId', 'createdAt', 'id'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  /** Null for actions taken by the system (e.g. community flags hiding a post). */
  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'actor_id', type: 'bigint', nullable: true })
  actorId: string | null;

  /** Dotted name, e.g. `post.hidden`, `user.suspended`, `draft.approved`. */
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 32 })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 64 })
  subjectId: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
