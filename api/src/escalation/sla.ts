import { addBusinessMinutes, businessMinutesBetween, type OpeningHours } from '@peerdesk/business-time';
import type { EscalationEntity } from './escalation.entity';
import type { Priority, SlaTargetEntity, TeamEntity } from './team.entity';

export const hoursOf = (team: Pick<TeamEntity, 'timeZone' | 'weekly' | 'holidays'>): OpeningHours => ({
  timeZone: team.timeZone,
  weekly: team.weekly,
  holidays: team.holidays,
});

export interface DueTimes {
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
  nextDueAt: Date;
}

/**
 * Due times of an escalation from its start, in business minutes of the team's calendar. The
 * customer's wait started when the question was escalated, so a new priority or team recomputes
 * from that start rather than restarting the clock.
 */
export function dueTimes(
  team: TeamEntity,
  target: Pick<SlaTargetEntity, 'firstResponseMinutes' | 'resolutionMinutes'>,
  start: Date,
  firstRespondedAt: Date | null,
): DueTimes {
  const hours = hoursOf(team);
  const firstResponseDueAt = addBusinessMinutes(hours, start, target.firstResponseMinutes);
  const resolutionDueAt = addBusinessMinutes(hours, start, target.resolutionMinutes);
  return { firstResponseDueAt, resolutionDueAt, nextDueAt: firstRespondedAt ? resolutionDueAt : firstResponseDueAt };
}

/** Whole business minutes from `now` to `due` in the team's calendar; negative when overdue. */
export function remainingBusinessMinutes(team: TeamEntity, due: Date, now: Date): number {
  const hours = hoursOf(team);
  // Whole minutes, rounded towards "less time left", so the console never shows more time than there is.
  return due >= now ? Math.floor(businessMinutesBetween(hours, now, due)) : -Math.ceil(businessMinutesBetween(hours, due, now));
}

export const isOpenEscalation = (e: Pick<EscalationEntity, 'status'>): boolean => e.status !== 'resolved';

export const DEFAULT_PRIORITY: Priority = 'normal';
