import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Business minutes to the first response and to resolution of each escalation, in its team's calendar
 * less the time waited on the customer (the measure the SLA due times are set in), so medians and p90
 * are one `percentile_cont` over the period's rows. Written by `InsightsRollupWorker` when an event
 * touches the escalation's question, and for all by `pnpm cli insights:rebuild`; the row of an
 * escalation that no longer exists is dropped by the next refresh of its question.
 */
@Entity('insights_escalations')
@Index('insights_escalations_created_idx', ['createdAt'])
@Index('insights_escalations_question_idx', ['questionId'])
@Index('insights_escalations_closed_idx', ['closedAt'])
/** Escalations whose clock runs: attainment decides them by comparing their due time with now. */
@Index('insights_escalations_running_idx', { synchronize: false })
export class EscalationFactsEntity {
  @PrimaryColumn({ name: 'escalation_id', type: 'bigint' })
  escalationId: string;

  @Column({ name: 'question_id', type: 'bigint' })
  questionId: string;

  @Column({ name: 'team_id', type: 'bigint' })
  teamId: string;

  /** The space of the escalated question. */
  @Column({ name: 'space_id', type: 'bigint' })
  spaceId: string;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'first_response_minutes', type: 'integer', nullable: true })
  firstResponseMinutes: number | null;

  @Column({ name: 'resolution_minutes', type: 'integer', nullable: true })
  resolutionMinutes: number | null;

  /** When it was resolved, while it is (backlog). */
  @Column({ name: 'closed_at', type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  // SLA attainment as the clocks wrote it (`ATTAINMENT` in escalation-facts.ts).
  @Column({ type: 'varchar', length: 8 })
  priority: string;

  @Column({ name: 'first_response_met', type: 'boolean' })
  firstResponseMet: boolean;

  /** Decided whatever the time: met, marked breached, or paused after its due time. */
  @Column({ name: 'first_response_decided', type: 'boolean' })
  firstResponseDecided: boolean;

  /** While the clock runs: decided once this has passed. */
  @Column({ name: 'first_response_due_at', type: 'timestamptz', nullable: true })
  firstResponseDueAt: Date | null;

  @Column({ name: 'resolution_met', type: 'boolean' })
  resolutionMet: boolean;

  @Column({ name: 'resolution_decided', type: 'boolean' })
  resolutionDecided: boolean;

  @Column({ name: 'resolution_due_at', type: 'timestamptz', nullable: true })
  resolutionDueAt: Date | null;

  /** Business minutes waited on the customer. */
  @Column({ name: 'paused_minutes', type: 'integer' })
  pausedMinutes: number;

  @Column({ type: 'boolean' })
  paused: boolean;
}
