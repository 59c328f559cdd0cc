import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum AlertKindValue {
  SPIKE = 'spike',
  KEYWORD = 'keyword',
}
registerEnumType(AlertKindValue, {
  name: 'AlertKind',
  description: 'SPIKE: more posts and a larger negative share than the same hours of previous weeks; KEYWORD: a watched word.',
});

export enum AlertStatusValue {
  OPEN = 'open',
  ACKNOWLEDGED = 'acknowledged',
  RESOLVED = 'resolved',
}
registerEnumType(AlertStatusValue, { name: 'AlertStatus' });

@ObjectType('Announcement', { description: 'A staff post pinned on a space until it is ended.' })
export class AnnouncementModel {
  @Field(() => ID) id: string;
  @Field(() => ID) spaceId: string;
  @Field() body: string;
  @Field() authorName: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) endedAt: Date | null;
}

@ObjectType('Alert')
export class AlertModel {
  @Field(() => ID) id: string;
  @Field(() => AlertKindValue) kind: AlertKindValue;
  @Field(() => AlertStatusValue) status: AlertStatusValue;
  @Field(() => String, { nullable: true, description: "'space' or 'tag' for a spike." }) scope: string | null;
  @Field(() => ID, { nullable: true }) scopeId: string | null;
  @Field(() => String, { description: 'The space name or tag slug the alert is about, or the watched term.' }) subject: string;
  @Field(() => ID) spaceId: string;
  @Field() spaceName: string;
  @Field() spaceSlug: string;
  @Field(() => String, { nullable: true }) term: string | null;
  @Field() windowStart: Date;
  @Field() detectedAt: Date;
  @Field(() => Int) posts: number;
  @Field(() => Int) negative: number;
  @Field(() => Float, { nullable: true }) expectedPosts: number | null;
  @Field(() => Float, { nullable: true }) expectedNegativeShare: number | null;
  @Field(() => ID, { nullable: true }) assigneeId: string | null;
  @Field(() => String, { nullable: true }) assigneeName: string | null;
  @Field(() => Date, { nullable: true }) acknowledgedAt: Date | null;
  @Field(() => String, { nullable: true }) acknowledgedByName: string | null;
  @Field(() => AnnouncementModel, { nullable: true }) announcement: AnnouncementModel | null;
}

@ObjectType('AlertEvidence', { description: 'A post an alert was raised on.' })
export class AlertEvidenceModel {
  @Field() postType: string;
  @Field(() => ID) postId: string;
  @Field(() => ID) questionId: string;
  @Field() questionTitle: string;
  @Field({ description: 'The first 280 characters of the post.' }) excerpt: string;
  @Field() createdAt: Date;
  @Field(() => String, { nullable: true }) tone: string | null;
}

@ObjectType('AlertHour', { description: 'One hour of the alert’s space or tag, with the mean of the same hour in previous weeks.' })
export class AlertHourModel {
  @Field() hour: Date;
  @Field(() => Int) posts: number;
  @Field(() => Int) negative: number;
  @Field(() => Float) baselinePosts: number;
}

@ObjectType('AlertDetail')
export class AlertDetailModel {
  @Field(() => AlertModel) alert: AlertModel;
  @Field(() => [AlertEvidenceModel]) evidence: AlertEvidenceModel[];
  @Field(() => [AlertHourModel], { description: 'The 48 hours up to the alert, for spikes; empty for keyword alerts without a scope.' })
  series: AlertHourModel[];
  @Field(() => [AlertAssigneeModel], { description: 'Staff the alert can be assigned to.' }) assignees: AlertAssigneeModel[];
}

@ObjectType('AlertAssignee')
export class AlertAssigneeModel {
  @Field(() => ID) id: string;
  @Field() displayName: string;
}

@ObjectType('WatchTerm')
export class WatchTermModel {
  @Field(() => ID) id: string;
  @Field() term: string;
  @Field() createdAt: Date;
}

@InputType()
export class PublishAnnouncementInput {
  @Field(() => ID) spaceId: string;
  @Field() body: string;
  @Field(() => ID, { nullable: true, description: 'The alert the announcement answers; it is linked and acknowledged.' })
  alertId?: string | null;
}
