import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { SpaceEntity } from '../qa/space.entity';
import type { ReputationKind, ReputationSubjectType } from './reputation-kinds';

/**
 * The append-only reputation ledger: `users.reputation` is the sum of `delta` per user. A change is
 * undone by a reversal entry (same kind, negated delta, `reversal_of` set), never by an update.
 */
@Entity('reputation_events')
@Check('reputation_events_subject_type_check', `"subject_type" IN ('question', 'answer', 'comment', 'flag', 'user')`)
@Index('reputation_events_user_idx', ['userId', 'createdAt', 'id'])
@Index('reputation_events_subject_idx', ['subjectType', 'subjectId'])
@Index('reputation_events_space_idx', ['spaceId', 'createdAt'])
@Index('reputation_events_created_idx', ['createdAt'])
@Index('reputation_events_reversal_key', ['reversalOf'], { unique: true, where: '"reversal_of" IS NOT NULL' })
export class ReputationEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'user_id', type: 'bigint' })
  userId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: ReputationKind;

  /** The points applied (after the daily cap), negative for losses and reversals of gains. */
  @Column({ type: 'integer' })
  delta: number;

  @Column({ name: 'subject_type', type: 'varchar', length: 16 })
  subjectType: ReputationSubjectType;

  @Column({ name: 'subject_id', type: 'bigint' })
  subjectId: string;

  /** Who caused it (the voter, the accepting asker, the verifying staff member); null for the system. */
  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'actor_id', type: 'bigint', nullable: true })
  actorId: string | null;

  /** The space of the subject's thread, for leaderboards. */
  @ForeignKey(() => SpaceEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'space_id', type: 'bigint', nullable: true })
  spaceId: string | null;

  @ForeignKey(() => ReputationEventEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'reversal_of', type: 'bigint', nullable: true })
  reversalOf: string | null;

  /** Why an entry was reversed, e.g. `vote.withdrawn`, `vote.ring`, `vote.sockPuppet`, `post.removed`. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  reason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
