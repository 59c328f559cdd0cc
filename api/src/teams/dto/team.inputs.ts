import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { EscalationPriorityValue } from '../models/team.model';

@InputType()
export class WeeklyWindowInput {
  @Field(() => Int, { description: '0 = Sunday … 6 = Saturday.' }) day: number;
  @Field({ description: 'HH:MM' }) start: string;
  @Field({ description: 'HH:MM or 24:00' }) end: string;
}

@InputType()
export class SlaTargetInput {
  @Field(() => EscalationPriorityValue) priority: EscalationPriorityValue;
  @Field(() => Int) firstResponseMinutes: number;
  @Field(() => Int) resolutionMinutes: number;
}

@InputType({ description: 'Creates a team (without id) or replaces its settings (with id).' })
export class SaveTeamInput {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field() name: string;
  @Field() timeZone: string;
  @Field(() => [WeeklyWindowInput]) weekly: WeeklyWindowInput[];
  @Field(() => [String], { defaultValue: [] }) holidays: string[];
  @Field(() => Int, { nullable: true }) unansweredAfterMinutes?: number | null;
  @Field(() => Int, { nullable: true, description: 'Business minutes ahead of a due time that staff are warned; 30 when left out.' })
  dueWarningMinutes?: number | null;
  @Field(() => [SlaTargetInput], { description: 'One target per priority.' }) sla: SlaTargetInput[];
  @Field(() => [String], { defaultValue: [], description: 'Spaces whose escalations this team handles by default.' })
  spaceSlugs: string[];
}
