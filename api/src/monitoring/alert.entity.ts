import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { SpaceEntity } from '../qa/space.entity';
import type { PostKind, Scope } from './tone-rollup.entity';

export const ALERT_KINDS = ['spike', 'keyword'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** A staff announcement pinned on a space ("we know about the outage, next update at 14:00") until it is ended. */
@Entity('announcements')
@Index('announcements_space_live_idx', ['spaceId'], { where: `"ended_at" IS NULL` })
export class AnnouncementEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @ForeignKey(() => SpaceEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'space_id', type: 'bigint' })
  spaceId: string;

  @ForeignKey(() => UserEntity)
  @Column({ name: 'author_id', type: 'bigint' })
  authorId: string;

  @Column({ type: 'varchar', length: 500 })
  body: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}

/**
 * Something staff should look at: a spike (volume and negative share of a space or tag well above the
 * same hours of previous weeks) or a watched keyword. At most one unresolved alert per `key`.
 */
@Entity('alerts')
@Check('alerts_kind_check', `"kind" IN ('spike', 'keyword')`)
@Check('alerts_status_check', `"status" IN ('open', 'acknowledged', 'resolved')`)
@Check('alerts_scope_check', `"scope" IS NULL OR "scope" IN ('space', 'tag')`)
@Index('alerts_unresolved_key', ['key'], { unique: true, where: `"status" <> 'resolved'` })
@Index('alerts_detected_idx', ['detectedAt', 'id'])
export class AlertEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'varchar', length: 8 })
  kind: AlertKind;

  /** `spike:tag:12`, `keyword:ausfall`: what makes two alerts the same. */
  @Column({ type: 'varchar', length: 120 })
  key: string;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: AlertStatus;

  @Column({ type: 'varchar', length: 8, nullable: true })
  scope: Scope | null;

  @Column({ name: 'scope_id', type: 'bigint', nullable: true })
  scopeId: string | null;

  /** The affected space (for a tag, the space most of the window's posts were in): where an announcement goes. */
  @ForeignKey(() => SpaceEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'space_id', type: 'bigint' })
  spaceId: string;

  /** The watched keyword (keyword alerts). */
  @Column({ type: 'varchar', length: 60, nullable: true })
  term: string | null;

  @Column({ name: 'window_start', type: 'timestamptz' })
  windowStart: Date;

  @Column({ name: 'detected_at', type: 'timestamptz' })
  detectedAt: Date;

  @Column({ type: 'integer' })
  posts: number;

  @Column({ type: 'integer' })
  negative: number;

  @Column({ name: 'expected_posts', type: 'real', nullable: true })
  expectedPosts: number | null;

  @Column({ name: 'expected_negative_share', type: 'real', nullable: true })
  expectedNegativeShare: number | null;

  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'assignee_id', type: 'bigint', nullable: true })
  assigneeId: string | null;

  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'acknowledged_by_id', type: 'bigint', nullable: true })
  acknowledgedById: string | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @ForeignKey(() => AnnouncementEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'announcement_id', type: 'bigint', nullable: true })
  announcementId: string | null;
}

/** The posts an alert was raised on (its evidence). */
@Entity('alert_posts')
export class AlertPostEntity {
  @ForeignKey(() => AlertEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'alert_id', type: 'bigint' })
  alertId: string;

  @PrimaryColumn({ name: 'post_type', type: 'varchar', length: 8 })
  postType: PostKind;

  @PrimaryColumn({ name: 'post_id', type: 'bigint' })
  postId: string;
}

/** A keyword admins watch (product names, "Ausfall", "outage", "Datenleck"); matched as a whole word, case-insensitively. */
@Entity('watch_terms')
@Index('watch_terms_term_key', ['term'], { unique: true })
export class WatchTermEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  /** Lower case. */
  @Column({ type: 'varchar', length: 60 })
  term: string;

  @ForeignKey(() => UserEntity)
  @Column({ name: 'created_by_id', type: 'bigint' })
  createdById: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
