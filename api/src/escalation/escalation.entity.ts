import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { AnswerEntity } from '../qa/answer.entity';
import { QuestionEntity } from '../qa/question.entity';
import { TeamEntity, type Priority } from '../teams/team.entity';

export const ESCALATION_STATUSES = ['new', 'assigned', 'waiting_on_customer', 'resolved'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];
export const ESCALATION_SOURCES = ['asker', 'power_user', 'staff', 'rule'] as const;
export type EscalationSource = (typeof ESCALATION_SOURCES)[number];

const OPEN = `"status" <> 'resolved'`;

/** A staff case for a question. At most one open escalation per question. */
@Entity('escalations')
@Check('escalations_status_check', `"status" IN ('new', 'assigned', 'waiting_on_customer', 'resolved')`)
@Check('escalations_priority_check', `"priority" IN ('low', 'normal', 'high', 'urgent')`)
@Check('escalations_source_check', `"source" IN ('asker', 'power_user', 'staff', 'rule')`)
@Check('escalations_resolved_check', `("status" = 'resolved') = ("resolved_at" IS NOT NULL)`)
@Check('escalations_paused_check', `("status" = 'waiting_on_customer') = ("paused_at" IS NOT NULL)`)
// A covering index for insights (created_at INCLUDE the SLA columns, migration 1798800000002); TypeORM cannot express INCLUDE.
@Index('escalations_insights_created_idx', { synchronize: false })
@Index('escalations_open_question_key', ['questionId'], { unique: true, where: OPEN })
@Index('escalations_question_idx', ['questionId', 'createdAt'])
@Index('escalations_resolved_idx', ['resolvedAt'])
@Index('escalations_queue_idx', ['nextDueAt', 'id'], { where: OPEN })
@Index('escalations_team_queue_idx', ['teamId', 'nextDueAt', 'id'], { where: OPEN })
@Index('escalations_assignee_queue_idx', ['assigneeId', 'nextDueAt', 'id'], { where: OPEN })
@Index('escalations_client_mutation_key', ['createdById', 'clientMutationId'], { unique: true, where: '"client_mutation_id" IS NOT NULL' })
export class EscalationEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @ForeignKey(() => QuestionEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'question_id', type: 'bigint' })
  questionId: string;

  @ForeignKey(() => TeamEntity, { onDelete: 'RESTRICT' })
  @Column({ name: 'team_id', type: 'bigint' })
  teamId: string;

  @Column({ type: 'varchar', length: 8 })
  priority: Priority;

  @Column({ type: 'varchar', length: 24, default: 'new' })
  status: EscalationStatus;

  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'assignee_id', type: 'bigint', nullable: true })
  assigneeId: string | null;

  @Column({ type: 'varchar', length: 16 })
  source: EscalationSource;

  /** Null when a rule escalated. */
  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'created_by_id', type: 'bigint', nullable: true })
  createdById: string | null;

  /** Why, in the escalating person's words or the rule's description; staff only. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ name: 'first_response_due_at', type: 'timestamptz' })
  firstResponseDueAt: Date;

  @Column({ name: 'resolution_due_at', type: 'timestamptz' })
  resolutionDueAt: Date;

  /** The due time the queue sorts by: first response until there is one, then resolution. */
  @Column({ name: 'next_due_at', type: 'timestamptz' })
  nextDueAt: Date;

  @Column({ name: 'first_responded_at', type: 'timestamptz', nullable: true })
  firstRespondedAt: Date | null;

  @Column({ name: 'first_response_breached_at', type: 'timestamptz', nullable: true })
  firstResponseBreachedAt: Date | null;

  @Column({ name: 'resolution_breached_at', type: 'timestamptz', nullable: true })
  resolutionBreachedAt: Date | null;

  /** When staff were warned that the first response is due soon (once per escalation). */
  @Column({ name: 'first_response_warned_at', type: 'timestamptz', nullable: true })
  firstResponseWarnedAt: Date | null;

  @Column({ name: 'resolution_warned_at', type: 'timestamptz', nullable: true })
  resolutionWarnedAt: Date | null;

  /** Set while the escalation waits on the customer: the SLA clocks stand still from then. */
  @Column({ name: 'paused_at', type: 'timestamptz', nullable: true })
  pausedAt: Date | null;

  /** Business minutes spent waiting on the customer in finished pauses; the resolution due time is this much later. */
  @Column({ name: 'paused_business_minutes', type: 'integer', default: 0 })
  pausedBusinessMinutes: number;

  /** The part of those minutes before the first response; the first-response due time is this much later. */
  @Column({ name: 'first_response_paused_minutes', type: 'integer', default: 0 })
  firstResponsePausedMinutes: number;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  /** The public staff answer that closed the loop, when one was posted on resolving. */
  @ForeignKey(() => AnswerEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'summary_answer_id', type: 'bigint', nullable: true })
  summaryAnswerId: string | null;

  @Column({ name: 'client_mutation_id', type: 'varchar', length: 64, nullable: true })
  clientMutationId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One change of an escalation, for its timeline (staff only). */
@Entity('escalation_events')
@Index('escalation_events_escalation_idx', ['escalationId', 'id'])
export class EscalationEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @ForeignKey(() => EscalationEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'escalation_id', type: 'bigint' })
  escalationId: string;

  /** Null for the system (rules, SLA clock). */
  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'actor_id', type: 'bigint', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'jsonb', default: {} })
  details: Record<string, string | number | boolean | null>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** An internal note on an escalation: staff only, never public. */
@Entity('escalation_notes')
@Index('escalation_notes_escalation_idx', ['escalationId', 'id'])
@Index('escalation_notes_author_idx', ['authorId', 'createdAt'])
export class EscalationNoteEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @ForeignKey(() => EscalationEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'escalation_id', type: 'bigint' })
  escalationId: string;

  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT' })
  @Column({ name: 'author_id', type: 'bigint' })
  authorId: string;

  @Column({ name: 'body_markdown', type: 'text' })
  bodyMarkdown: string;

  @Column({ name: 'body_html', type: 'text' })
  bodyHtml: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
