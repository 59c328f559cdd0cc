import { Check, Column, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';

/** The single row of admin-chosen reputation values; kinds missing from `points` use the defaults. */
@Entity('reputation_settings')
@Check('reputation_settings_singleton_check', `"id" = 1`)
export class ReputationSettingsEntity {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id: number;

  @Column({ type: 'jsonb', default: {} })
  points: Record<string, number>;

  @Column({ name: 'daily_vote_cap', type: 'integer' })
  dailyVoteCap: number;

  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'updated_by_id', type: 'bigint', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
