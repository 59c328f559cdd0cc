import { addBusinessMinutes, businessMinutesBetween } from '@peerdesk/business-time';
import type { EscalationEntity, EscalationStatus } from './escalation.entity';
import { hoursOf } from '../teams/opening-hours';
import type { TeamEntity } from '../teams/team.entity';

type Clocks = Pick<
  EscalationEntity,
  | 'pausedAt'
  | 'pausedBusinessMinutes'
  | 'firstResponsePausedMinutes'
  | 'firstRespondedAt'
  | 'firstResponseDueAt'
  | 'resolutionDueAt'
  | 'firstResponseBreachedAt'
  | 'resolutionBreachedAt'
>;

export type ClockColumns = Partial<
  Pick<
    EscalationEntity,
    | 'pausedAt'
    | 'pausedBusinessMinutes'
    | 'firstResponsePausedMinutes'
    | 'firstResponseDueAt'
    | 'resolutionDueAt'
    | 'nextDueAt'
    | 'firstResponseBreachedAt'
    | 'resolutionBreachedAt'
  >
>;

export type BreachKind = 'first_response_breached' | 'resolution_breached';

export interface ClockChange {
  columns: ClockColumns;
  /** Business minutes the pause that just ended lasted; null when no pause ended. */
  waitedMinutes: number | null;
  /** Targets already missed when the clocks stopped: marked now, since moving the due times later must not hide them. */
  breaches: BreachKind[];
}

/**
 * The SLA clocks for a change of status. Waiting on the customer stops them (as help desks do):
 * entering `waiting_on_customer` records when; leaving it adds the business minutes waited (in the
 * team's calendar) and moves the due times later by them. The first-response due time only moves by
 * the part of the wait before the first response.
 */
export function clocksFor(team: TeamEntity, e: Clocks, status: EscalationStatus, now: Date): ClockChange {
  const waiting = status === 'waiting_on_customer';
  if (waiting && e.pausedAt === null) return pause(e, now);
  if (!waiting && e.pausedAt !== null) return resume(team, e, e.pausedAt, now);
  return { columns: {}, waitedMinutes: null, breaches: [] };
}

/** The instant the SLA clocks stand at: the start of the current pause, else now. */
export const clockTime = (e: Pick<EscalationEntity, 'pausedAt'>, now: Date): Date => (e.pausedAt && e.pausedAt < now ? e.pausedAt : now);

function pause(e: Clocks, now: Date): ClockChange {
  const columns: ClockColumns = { pausedAt: now };
  const breaches: BreachKind[] = [];
  if (e.firstResponseBreachedAt === null && e.firstRespondedAt === null && now > e.firstResponseDueAt) {
    columns.firstResponseBreachedAt = now;
    breaches.push('first_response_breached');
  }
  if (e.resolutionBreachedAt === null && now > e.resolutionDueAt) {
    columns.resolutionBreachedAt = now;
    breaches.push('resolution_breached');
  }
  return { columns, waitedMinutes: null, breaches };
}

function resume(team: TeamEntity, e: Clocks, pausedAt: Date, now: Date): ClockChange {
  const hours = hoursOf(team);
  // Whole minutes, rounded down: the pause never gives the team more time than the customer took.
  const minutesUntil = (end: Date): number => (end > pausedAt ? Math.floor(businessMinutesBetween(hours, pausedAt, end)) : 0);
  const later = (due: Date, minutes: number): Date => (minutes > 0 ? addBusinessMinutes(hours, due, minutes) : due);
  const waited = minutesUntil(now);
  const beforeResponse = minutesUntil(e.firstRespondedAt && e.firstRespondedAt < now ? e.firstRespondedAt : now);
  const firstResponseDueAt = later(e.firstResponseDueAt, beforeResponse);
  const resolutionDueAt = later(e.resolutionDueAt, waited);
  return {
    columns: {
      pausedAt: null,
      pausedBusinessMinutes: e.pausedBusinessMinutes + waited,
      firstResponsePausedMinutes: e.firstResponsePausedMinutes + beforeResponse,
      firstResponseDueAt,
      resolutionDueAt,
      nextDueAt: e.firstRespondedAt ? resolutionDueAt : firstResponseDueAt,
    },
    waitedMinutes: waited,
    breaches: [],
  };
}
