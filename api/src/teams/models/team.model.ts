import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { WeeklyWindow } from '@peerdesk/business-time';
import { PRIORITIES, type Priority, type SlaTargetEntity, type TeamEntity } from '../team.entity';

export enum EscalationPriorityValue {
  LOW = 'low',
  NORMAL = 'normal',
  HIGH = 'high',
  URGENT = 'urgent',
}
registerEnumType(EscalationPriorityValue, { name: 'EscalationPriority' });

@ObjectType('WeeklyWindow', { description: 'A weekly opening window in the team’s local time; day 0 is Sunday.' })
export class WeeklyWindowModel {
  @Field(() => Int) day: number;
  @Field() start: string;
  @Field({ description: 'At or before the start: the window runs past midnight.' }) end: string;
}

@ObjectType('SlaTarget', { description: 'What a team promises for one priority, in business minutes.' })
export class SlaTargetModel {
  @Field(() => EscalationPriorityValue) priority: Priority;
  @Field(() => Int) firstResponseMinutes: number;
  @Field(() => Int) resolutionMinutes: number;
}

@ObjectType('Team', { description: 'Who handles escalations, when they are open and what they promise.' })
export class TeamModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field({ description: 'IANA time zone of the opening hours.' }) timeZone: string;
  @Field(() => [WeeklyWindowModel]) weekly: WeeklyWindow[];
  @Field(() => [String], { description: 'Local dates (YYYY-MM-DD) the team is closed.' }) holidays: string[];
  @Field(() => Int, { nullable: true, description: 'Unanswered questions of its spaces are escalated after this many business minutes.' })
  unansweredAfterMinutes: number | null;
  @Field(() => Int, { description: 'Staff are told this many business minutes before a target is due (0: only once missed).' })
  dueWarningMinutes: number;
  @Field(() => [SlaTargetModel]) sla: SlaTargetModel[];
  entity: TeamEntity;
}

export function toTeamModel(team: TeamEntity, targets: SlaTargetEntity[]): TeamModel {
  return Object.assign(new TeamModel(), {
    id: team.id,
    name: team.name,
    timeZone: team.timeZone,
    weekly: team.weekly,
    holidays: team.holidays,
    unansweredAfterMinutes: team.unansweredAfterMinutes,
    dueWarningMinutes: team.dueWarningMinutes,
    sla: [...targets]
      .sort((a, b) => PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority))
      .map((t) => ({ priority: t.priority, firstResponseMinutes: t.firstResponseMinutes, resolutionMinutes: t.resolutionMinutes })),
    entity: team,
  });
}
