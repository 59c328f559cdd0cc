import { CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';

/** A badge a user earned; each badge once per user (the primary key). */
@Entity('user_badges')
@Index('user_badges_badge_idx', ['badge', 'awardedAt'])
export class UserBadgeEntity {
  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'user_id', type: 'bigint' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  badge: string;

  @CreateDateColumn({ name: 'awarded_at', type: 'timestamptz' })
  awardedAt: Date;
}
