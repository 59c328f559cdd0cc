import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { WeeklyWindow } from '@peerdesk/business-time';
import { UserEntity } from '../identity/user.entity';
import { SpaceEntity } from '../qa/space.entity';

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Who handles escalations: a calendar (time zone, weekly windows, holidays) and an SLA policy. */
@Entity('teams')
@Check('teams_unanswered_after_check', `"unanswered_after_minutes" IS NULL OR "unanswered_after_minutes" > 0`)
@Check('teams_due_warning_check', `"due_warning_minutes" BETWEEN 0 AND 1440`)
export class TeamEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Index('teams_name_key', { unique: true })
  @Column({ type: 'varchar', length: 80 })
  name: string;

  /** IANA zone the weekly windows and holidays are read in. */
  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'jsonb' })
  weekly: WeeklyWindow[];

  /** Local dates 'YYYY-MM-DD' on which the team is closed. */
  @Column({ type: 'jsonb', default: [] })
  holidays: string[];

  /** Questions of this team's spaces still unanswered after this many business minutes are escalated; null: never. */
  @Column({ name: 'unanswered_after_minutes', type: 'integer', nullable: true })
  unansweredAfterMinutes: number | null;

  /** Staff are told this many business minutes before a first response or resolution is due; 0: only when missed. */
  @Column({ name: 'due_warning_minutes', type: 'integer', default: 30 })
  dueWarningMinutes: number;

  /** When the unanswered rule was switched on: older questions (archives, imports) are never swept. */
  @Column({ name: 'unanswered_rule_since', type: 'timestamptz', nullable: true })
  unansweredRuleSince: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('team_members')
@Index('team_members_user_idx', ['userId', 'teamId'])
export class TeamMemberEntity {
  @ForeignKey(() => TeamEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'team_id', type: 'bigint' })
  teamId: string;

  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'user_id', type: 'bigint' })
  userId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A team's promise for one priority, in business minutes of its calendar. */
@Entity('sla_targets')
@Check('sla_targets_priority_check', `"priority" IN ('low', 'normal', 'high', 'urgent')`)
@Check('sla_targets_positive_check', `"first_response_minutes" > 0 AND "resolution_minutes" > 0`)
export class SlaTargetEntity {
  @ForeignKey(() => TeamEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'team_id', type: 'bigint' })
  teamId: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  priority: Priority;

  @Column({ name: 'first_response_minutes', type: 'integer' })
  firstResponseMinutes: number;

  @Column({ name: 'resolution_minutes', type: 'integer' })
  resolutionMinutes: number;
}

/** Which team handles escalations of a space by default. */
@Entity('space_teams')
@Index('space_teams_team_idx', ['teamId'])
export class SpaceTeamEntity {
  @ForeignKey(() => SpaceEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'space_id', type: 'bigint' })
  spaceId: string;

  @ForeignKey(() => TeamEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'team_id', type: 'bigint' })
  teamId: string;
}
