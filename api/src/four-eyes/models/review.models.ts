import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../platform/graphql/page-info.model';
import type { DraftKind, DraftState } from '../staff-draft.entity';

export enum DraftKindValue {
  ANSWER = 'answer',
  COMMENT = 'comment',
}
registerEnumType(DraftKindValue, { name: 'StaffDraftKind' });

export enum DraftStateValue {
  DRAFT = 'draft',
  CHANGES_REQUESTED = 'changes_requested',
  APPROVED = 'approved',
  WITHDRAWN = 'withdrawn',
}
registerEnumType(DraftStateValue, { name: 'StaffDraftState' });

@ObjectType('ReplyFinding', { description: 'A guardrail hit in a staff reply: rule, severity and the span of the draft text.' })
export class ReplyFindingModel {
  @Field({ description: 'channel-redirect, pii-request-in-public, near-copy, impersonal, or personal-data.' }) rule: string;
  @Field({ description: 'error, warning or info.' }) severity: string;
  @Field(() => Int) start: number;
  @Field(() => Int) end: number;
  @Field() message: string;
  @Field() messageDe: string;
}

@ObjectType('StaffDraft', { description: 'A staff answer or comment waiting for a second staff member’s approval. Never public.' })
export class StaffDraftModel {
  @Field(() => ID) id: string;
  @Field(() => DraftKindValue) kind: DraftKind;
  @Field(() => DraftStateValue) state: DraftState;
  @Field() bodyMarkdown: string;
  @Field() bodyHtml: string;
  @Field(() => Int, { description: 'Send it back as expectedVersion; a newer one means someone else changed the draft.' })
  version: number;
  @Field(() => [ReplyFindingModel], { description: 'Computed when the draft was last saved.' }) findings: ReplyFindingModel[];
  @Field(() => String, { nullable: true }) reviewComment: string | null;
  @Field(() => ID) questionId: string;
  @Field(() => ID, { nullable: true, description: 'For a comment on an answer.' }) answerId: string | null;
  @Field(() => ID, { nullable: true }) publishedAnswerId: string | null;
  @Field(() => ID, { nullable: true }) publishedCommentId: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt: Date | null;
  authorId: string;
  reviewerId: string | null;
}

@ObjectType('StaffDraftEdge')
export class StaffDraftEdge {
  @Field() cursor: string;
  @Field(() => StaffDraftModel) node: StaffDraftModel;
}

@ObjectType('StaffDraftConnection')
export class StaffDraftConnection {
  @Field(() => [StaffDraftEdge]) edges: StaffDraftEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int, { description: 'Drafts waiting in the queue.' }) totalCount: number;
}

@ObjectType('SpaceReviewSetting')
export class SpaceReviewSettingModel {
  @Field(() => ID) spaceId: string;
  @Field() spaceSlug: string;
  @Field() spaceName: string;
  @Field({ description: 'Staff answers and comments in this space need a second staff member’s approval.' })
  reviewStaffReplies: boolean;
}

@ObjectType('ReviewBypassGrant', { description: 'A staff member an admin allowed to publish without review.' })
export class ReviewBypassGrantModel {
  @Field() reason: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  userId: string;
  grantedById: string | null;
}

@ObjectType('ReviewBypass', { description: 'One staff reply published without review, from the audit log.' })
export class ReviewBypassModel {
  @Field(() => ID) id: string;
  @Field({ description: 'answer or comment' }) postType: string;
  @Field(() => ID) postId: string;
  @Field(() => ID, { nullable: true }) questionId: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  actorId: string | null;
}

@ObjectType('ReviewBypassEdge')
export class ReviewBypassEdge {
  @Field() cursor: string;
  @Field(() => ReviewBypassModel) node: ReviewBypassModel;
}

@ObjectType('ReviewBypassConnection')
export class ReviewBypassConnection {
  @Field(() => [ReviewBypassEdge]) edges: ReviewBypassEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}
