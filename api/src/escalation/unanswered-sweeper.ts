import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { addBusinessMinutes, businessMinutesBetween } from '@peerdesk/business-time';
import { DataSource } from 'typeorm';
import type { Logger } from '../platform/logger';
import { Clock } from '../platform/clock';
import { appendOutbox } from '../platform/outbox/outbox';
import { EscalationService } from './escalation.service';
import { hoursOf } from '../teams/opening-hours';
import { TeamEntity } from '../teams/team.entity';

const SWEEP_EVERY_MS = 60_000;
const BATCH = 200;

/**
 * Once a minute: escalates questions left unanswered longer than their team allows (in business
 * minutes, counted from the question, only for questions asked after the rule was switched on), and
 * marks SLA targets that have just been missed on the timeline (not while the clocks are paused
 * waiting on the customer; targets missed before a pause were marked when it began).
 */
@Injectable()
export class EscalationSweeper implements OnModuleInit, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly escalations: EscalationService,
    private readonly clock: Clock,
    @Inject('LOGGER') private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(
      () => void this.sweep().catch((error: Error) => this.logger.warn('escalation sweep failed', { error: error.message })),
      SWEEP_EVERY_MS,
    );
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(): Promise<{ escalated: number; warned: number; breached: number }> {
    const now = this.clock.now();
    let escalated = 0;
    const teams = await this.dataSource
      .getRepository(TeamEntity)
      .createQueryBuilder('t')
      .where('t.unansweredAfterMinutes IS NOT NULL')
      .getMany();
    for (const team of teams) {
      const minutes = team.unansweredAfterMinutes!;
      // Business minutes never outnumber wall-clock minutes, so this bound only drops questions that cannot qualify.
      const candidates: { id: string; created_at: Date }[] = await this.dataSource.query(
        `SELECT q.id, q.created_at FROM questions q JOIN space_teams st ON st.space_id = q.space_id
          WHERE st.team_id = $1 AND q.status = 'open' AND q.answer_count = 0 AND q.moderation_state = 'published'
            AND q.created_at >= $2 AND q.created_at <= $3
            AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.question_id = q.id)
          ORDER BY q.created_at LIMIT ${BATCH}`,
        [team.id, team.unansweredRuleSince, new Date(now.getTime() - minutes * 60_000)],
      );
      const hours = hoursOf(team);
      const due = candidates.filter((q) => businessMinutesBetween(hours, q.created_at, now) >= minutes);
      for (const question of due) {
        await this.dataSource.transaction((manager) =>
          this.escalations.escalateByRule(manager, question.id, 'unanswered', `No answer after ${formatHours(minutes)} business hours.`),
        );
        escalated++;
      }
    }
    return { escalated, warned: await this.warnDueSoon(now), breached: await this.markBreaches(now) };
  }

  /**
   * Tells staff (through the outbox) of targets due within their team's warning time, once per
   * clock. "Within n business minutes" is "due before now + n business minutes", one instant per
   * team, so the query stays on the team's queue index however many escalations are open.
   */
  private async warnDueSoon(now: Date): Promise<number> {
    const teams = await this.dataSource.getRepository(TeamEntity).createQueryBuilder('t').where('t.dueWarningMinutes > 0').getMany();
    let warned = 0;
    for (const team of teams) {
      const horizon = addBusinessMinutes(hoursOf(team), now, team.dueWarningMinutes);
      await this.dataSource.transaction(async (manager) => {
        for (const clock of CLOCKS) {
          const [rows]: [{ id: string; due: Date }[], number] = await manager.query(
            `UPDATE escalations SET ${clock.warned} = $2
              WHERE team_id = $1 AND status <> 'resolved' AND paused_at IS NULL AND ${clock.warned} IS NULL ${clock.pending}
                AND ${clock.due} > $2 AND ${clock.due} <= $3
              RETURNING id, ${clock.due} AS due`,
            [team.id, now, horizon],
          );
          for (const row of rows)
            await appendOutbox(manager, 'escalation.due_soon', String(row.id), { clock: clock.name, dueAt: row.due.toISOString() });
          warned += rows.length;
        }
      });
    }
    return warned;
  }

  private async markBreaches(now: Date): Promise<number> {
    const marks = [
      {
        column: 'first_response_breached_at',
        due: 'first_response_due_at',
        pending: 'AND first_responded_at IS NULL',
        kind: 'first_response_breached',
        clock: 'first_response' as const,
      },
      {
        column: 'resolution_breached_at',
        due: 'resolution_due_at',
        pending: '',
        kind: 'resolution_breached',
        clock: 'resolution' as const,
      },
    ];
    const breached: { id: string; team_id: string }[] = [];
    await this.dataSource.transaction(async (manager) => {
      for (const mark of marks) {
        const [rows]: [{ id: string; team_id: string }[], number] = await manager.query(
          `UPDATE escalations SET ${mark.column} = $1
            WHERE status <> 'resolved' AND paused_at IS NULL AND ${mark.column} IS NULL AND ${mark.due} < $1 ${mark.pending}
            RETURNING id, team_id`,
          [now],
        );
        if (rows.length === 0) continue;
        await manager.query(`INSERT INTO escalation_events (escalation_id, kind, created_at) SELECT unnest($1::bigint[]), $2, $3`, [
          rows.map((r) => r.id),
          mark.kind,
          now,
        ]);
        for (const row of rows) await appendOutbox(manager, 'escalation.breached', String(row.id), { clock: mark.clock });
        breached.push(...rows);
      }
    });
    for (const row of breached) await this.escalations.publish({ id: row.id, teamId: row.team_id }, 'breached');
    return breached.length;
  }
}

const CLOCKS = [
  { name: 'first_response', due: 'first_response_due_at', warned: 'first_response_warned_at', pending: 'AND first_responded_at IS NULL' },
  { name: 'resolution', due: 'resolution_due_at', warned: 'resolution_warned_at', pending: '' },
] as const;

const formatHours = (minutes: number): string => String(Math.round((minutes / 60) * 10) / 10);
