import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../platform/graphql/page-info.model';

@InputType()
export class AuditLogFilter {
  @Field(() => ID, { nullable: true }) actorId?: string | null;
  @Field(() => String, { nullable: true, description: 'Exact dotted action, e.g. "post.hidden".' }) action?: string | null;
  @Field(() => String, { nullable: true, description: 'question, answer, comment, user, …' }) subjectType?: string | null;
  @Field(() => String, { nullable: true }) subjectId?: string | null;
  @Field(() => String, { nullable: true, description: 'Words in the reason, action, details or actor name.' }) text?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) from?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Exclusive.' }) to?: Date | null;
}

@ObjectType('AuditDetail')
export class AuditDetailModel {
  @Field() key: string;
  @Field() value: string;
}

@ObjectType('AuditEntry', { description: 'One moderation or staff action: who, what, when and why. Staff only.' })
export class AuditEntryModel {
  @Field(() => ID) id: string;
  @Field() action: string;
  @Field() subjectType: string;
  @Field() subjectId: string;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => [AuditDetailModel], { description: 'Further facts of the action, e.g. the review item or a duplicate target.' })
  details: AuditDetailModel[];
  @Field(() => GraphQLISODateTime) createdAt: Date;
  actorId: string | null;
}

@ObjectType('AuditEntryEdge')
export class AuditEntryEdge {
  @Field() cursor: string;
  @Field(() => AuditEntryModel) node: AuditEntryModel;
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge]) edges: AuditEntryEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}
