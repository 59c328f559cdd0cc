import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { SpaceEntity } from '../qa/space.entity';

/** Per space: do staff replies need a second staff member's approval? No row means yes (the default). */
@Entity('space_review_settings')
export class SpaceReviewSettingEntity {
  @ForeignKey(() => SpaceEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'space_id', type: 'bigint' })
  spaceId: string;

  @Column({ name: 'review_staff_replies', type: 'boolean', default: true })
  reviewStaffReplies: boolean;

  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'updated_by_id', type: 'bigint', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Senior staff an admin allowed to publish without review (for emergencies); every use is audited. */
@Entity('review_bypass_grants')
export class ReviewBypassGrantEntity {
  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'user_id', type: 'bigint' })
  userId: string;

  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'granted_by_id', type: 'bigint', nullable: true })
  grantedById: string | null;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
