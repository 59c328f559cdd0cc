import { describeOpeningHours, formatExpectedBy, isOpen, nextOpening, type Locale } from '@peerdesk/business-time';
import type { EscalationEntity } from './escalation.entity';
import type { StaffPromiseModel } from './models/escalation.model';
import type { TeamModel } from '../teams/models/team.model';
import { hoursOf } from '../teams/opening-hours';

/**
 * The honest public promise for an open escalation: the team's hours, whether it is open now (and
 * if not, when it opens again), and by when a staff reply is due, in the team's time zone. Once that
 * time has passed it is `late` (the sweeper has flagged the breach in the agents' console by then).
 */
export function staffPromise(escalation: EscalationEntity, team: TeamModel, now: Date, locale: Locale): StaffPromiseModel {
  const hours = hoursOf(team.entity);
  const openNow = isOpen(hours, now);
  const reopens = openNow ? null : nextOpening(hours, now);
  const responded = escalation.firstRespondedAt !== null;
  const expectedAt = responded ? escalation.resolutionDueAt : escalation.firstResponseDueAt;
  const waitingOnAsker = escalation.status === 'waiting_on_customer';
  return {
    teamName: team.name,
    responded,
    waitingOnAsker,
    firstResponseMinutes: team.sla.find((t) => t.priority === escalation.priority)?.firstResponseMinutes ?? 0,
    hours: describeOpeningHours(hours, locale),
    openNow,
    awayUntil: reopens ? formatExpectedBy(hours, reopens, now, locale) : null,
    expectedAt,
    expectedBy: formatExpectedBy(hours, expectedAt, now, locale),
    late: !waitingOnAsker && now.getTime() > expectedAt.getTime(),
  };
}
