import type { OpeningHours } from '@peerdesk/business-time';
import type { TeamEntity } from './team.entity';

/** A team's opening hours as the business-time calendar reads them. */
export const hoursOf = (team: Pick<TeamEntity, 'timeZone' | 'weekly' | 'holidays'>): OpeningHours => ({
  timeZone: team.timeZone,
  weekly: team.weekly,
  holidays: team.holidays,
});
