import { addBusinessMinutes, businessMinutesBetween } from '@peerdesk/business-time';
import type { EscalationEntity } from './escalation.entity';
import { hoursOf } from '../teams/opening-hours';
import type { Priority, SlaTargetEntity, TeamEntity } from '../teams/team.entity';

export interface DueTimes {
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
  nextDueAt: Date;
}

/** Business minutes the escalation waited on the customer, by which each clock's due time moves later. */
export interface PausedMinutes {
  firstResponse: number;
  resolution: number;
}

export const pausedMinutesOf = (e: Pick<EscalationEntity, 'firstResponsePausedMinutes' | 'pausedBusinessMinutes'>): PausedMinutes => ({
  firstResponse: e.firstResponsePausedMinutes,
  resolution: e.pausedBusinessMinutes,
});

/**
 * Due times of an escalation from its start, in business minutes of the team's calendar. The
 * customer's wait started when the question was escalated, so a new priority or team recomputes
 * from that start rather than restarting the clock; time spent waiting on the customer does not count.
 */
export function dueTimes(
  team: TeamEntity,
  target: Pick<SlaTargetEntity, 'firstResponseMinutes' | 'resolutionMinutes'>,
  start: Date,
  firstRespondedAt: Date | null,
  paused: PausedMinutes = { firstResponse: 0, resolution: 0 },
): DueTimes {
  const hours = hoursOf(team);
  const firstResponseDueAt = addBusinessMinutes(hours, start, target.firstResponseMinutes + paused.firstResponse);
  const resolutionDueAt = addBusinessMinutes(hours, start, target.resolutionMinutes + paused.resolution);
  return { firstResponseDueAt, resolutionDueAt, nextDueAt: firstRespondedAt ? resolutionDueAt : firstResponseDueAt };
}

/**
 * Whole business minutes from `now` to `due` in the team's calendar; negative when overdue. While
 * the escalation waits on the customer, pass the start of the pause as `now`: the clock stands there.
 */
export function remainingBusinessMinutes(team: TeamEntity, due: Date, now: Date): number {
  const hours = hoursOf(team);
  // Whole minutes, rounded towards "less time left", so the console never shows more time than there is.
  return due >= now ? Math.floor(businessMinutesBetween(hours, now, due)) : -Math.ceil(businessMinutesBetween(hours, due, now));
}

export const isOpenEscalation = (e: Pick<EscalationEntity, 'status'>): boolean => e.status !== 'resolved';

export const DEFAULT_PRIORITY: Priority = 'normal';
