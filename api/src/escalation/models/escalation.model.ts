import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../platform/graphql/page-info.model';
import type { EscalationEntity, EscalationSource, EscalationStatus } from '../escalation.entity';
import { clockTime } from '../sla-pause';
import type { Priority } from '../../teams/team.entity';
import { EscalationPriorityValue } from '../../teams/models/team.model';

export enum EscalationStatusValue {
  NEW = 'new',
  ASSIGNED = 'assigned',
  WAITING_ON_CUSTOMER = 'waiting_on_customer',
  RESOLVED = 'resolved',
}
registerEnumType(EscalationStatusValue, { name: 'EscalationStatus' });

export enum EscalationSourceValue {
  ASKER = 'asker',
  POWER_USER = 'power_user',
  STAFF = 'staff',
  RULE = 'rule',
}
registerEnumType(EscalationSourceValue, {
  name: 'EscalationSource',
  description: 'Who escalated: the asker, an expert for them, staff, or a rule.',
});

/** A staff case for a question; staff of its team only (the public sees the StaffPromise instead). */
@ObjectType('Escalation')
export class EscalationModel {
  @Field(() => ID) id: string;
  @Field(() => EscalationPriorityValue) priority: Priority;
  @Field(() => EscalationStatusValue) status: EscalationStatus;
  @Field(() => EscalationSourceValue) source: EscalationSource;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) firstResponseDueAt: Date;
  @Field(() => GraphQLISODateTime) resolutionDueAt: Date;
  @Field(() => GraphQLISODateTime, { description: 'First response until there is one, then resolution.' }) nextDueAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) firstRespondedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) resolvedAt: Date | null;
  @Field() firstResponseBreached: boolean;
  @Field() resolutionBreached: boolean;
  @Field({ description: 'Waiting on the customer: the SLA clocks stand still, and the due times move later by the wait.' })
  slaPaused: boolean;
  entity: EscalationEntity;
}

@ObjectType()
export class EscalationEdge {
  @Field() cursor: string;
  @Field(() => EscalationModel) node: EscalationModel;
}

@ObjectType()
export class EscalationConnection {
  @Field(() => [EscalationEdge]) edges: EscalationEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@ObjectType('EscalationEvent', { description: 'One change in an escalation’s timeline.' })
export class EscalationEventModel {
  @Field(() => ID) id: string;
  @Field({ description: 'e.g. escalated, claimed, assigned, priority_changed, forwarded, status_changed, first_response, resolved.' })
  kind: string;
  @Field({ description: 'The change’s details as JSON, e.g. {"from":"normal","to":"high"}.' }) details: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  actorId: string | null;
}

@ObjectType('EscalationNote', { description: 'An internal note: staff only.' })
export class EscalationNoteModel {
  @Field(() => ID) id: string;
  @Field() bodyHtml: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  authorId: string;
}

@ObjectType('StaffPromise', {
  description: 'What everyone reading an escalated thread is told: the company is on it, and when to expect a staff reply.',
})
export class StaffPromiseModel {
  @Field() teamName: string;
  @Field({ description: 'A staff member has replied publicly or privately.' }) responded: boolean;
  @Field({ description: 'The team waits for the asker’s reply; the clock stands still until then.' }) waitingOnAsker: boolean;
  @Field(() => Int, { description: 'The first-response target in business minutes.' }) firstResponseMinutes: number;
  @Field({ description: 'The team’s weekly hours in one line, e.g. "Mon–Fri 08:00–18:00 (Europe/Berlin)".' }) hours: string;
  @Field({ description: 'The team is within its opening hours now.' }) openNow: boolean;
  @Field(() => String, { nullable: true, description: 'When the team opens again, e.g. "Mon 08:00"; null while open.' })
  awayUntil: string | null;
  @Field(() => GraphQLISODateTime) expectedAt: Date;
  @Field({ description: 'The expected reply time in the team’s time zone, e.g. "Tue 10:30" or "today 16:00".' }) expectedBy: string;
  @Field({
    description:
      'The expected time has passed without the reply or resolution (and the team is not waiting on the asker): say so, never a time in the past.',
  })
  late: boolean;
}

@ObjectType('EscalationResolution', {
  description: 'Public: how the company resolved an escalated question, and which answer carries its summary.',
})
export class EscalationResolutionModel {
  @Field(() => ID, { description: 'The published answer with the resolution summary.' }) answerId: string;
  @Field({ description: 'The company behind the community, e.g. "Fennwatt".' }) company: string;
  @Field() teamName: string;
  @Field(() => GraphQLISODateTime) resolvedAt: Date;
}

@ObjectType('EscalationQueueChange', {
  description: 'That an escalation in the queue changed; only ids, so clients reload through the usual checks.',
})
export class EscalationQueueChangeModel {
  @Field(() => ID) escalationId: string;
  @Field(() => ID) teamId: string;
  @Field() kind: string;
}

export function toEscalationModel(e: EscalationEntity, now: Date): EscalationModel {
  const at = clockTime(e, now);
  const firstResponseBreached =
    e.firstResponseBreachedAt !== null ||
    (e.firstRespondedAt !== null && e.firstRespondedAt < at ? e.firstRespondedAt : at) > e.firstResponseDueAt;
  return Object.assign(new EscalationModel(), {
    id: e.id,
    priority: e.priority,
    status: e.status,
    source: e.source,
    reason: e.reason,
    createdAt: e.createdAt,
    firstResponseDueAt: e.firstResponseDueAt,
    resolutionDueAt: e.resolutionDueAt,
    nextDueAt: e.nextDueAt,
    firstRespondedAt: e.firstRespondedAt,
    resolvedAt: e.resolvedAt,
    firstResponseBreached,
    resolutionBreached: e.resolutionBreachedAt !== null || (e.resolvedAt ?? at) > e.resolutionDueAt,
    slaPaused: e.pausedAt !== null,
    entity: e,
  });
}
