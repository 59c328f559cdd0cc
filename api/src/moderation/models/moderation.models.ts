import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../platform/graphql/page-info.model';
import type { FlagReason, FlagState } from '../flag.entity';
import { FlagReasonValue } from '../dto/moderation.inputs';
import type { ModerationState, PostType } from '../../qa/moderation-state';
import type { ReviewKind, ReviewOutcome } from '../review-item.entity';
import { ModerationStateValue } from '../../qa/models/moderation-state.model';

const enumOf = <T extends string>(name: string, values: readonly T[]) => {
  const e = Object.fromEntries(values.map((v) => [v.toUpperCase(), v])) as Record<string, T>;
  registerEnumType(e, { name });
  return e;
};
export const FlagStateValue = enumOf('FlagState', ['open', 'helpful', 'declined'] as const);
export const PostTypeValue = enumOf('PostType', ['question', 'answer', 'comment'] as const);
export const ReviewKindValue = enumOf('ReviewKind', ['first_post', 'flagged', 'community_hidden'] as const);
export const ReviewOutcomeValue = enumOf('ReviewOutcome', ['approved', 'hidden', 'deleted', 'edited'] as const);
export const ReviewStatusValue = enumOf('ReviewStatus', ['open', 'handled'] as const);

@ObjectType('Flag', { description: 'A report that a post needs moderation.' })
export class FlagModel {
  @Field(() => ID) id: string;
  @Field(() => FlagReasonValue) reason: FlagReason;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => FlagStateValue) state: FlagState;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  userId: string;
}

@ObjectType('ReviewPost', { description: 'The post a review item is about, as moderators see it.' })
export class ReviewPostModel {
  @Field(() => ID) id: string;
  @Field(() => PostTypeValue) type: PostType;
  @Field(() => String, { nullable: true, description: 'Questions only.' }) title: string | null;
  @Field() bodyMarkdown: string;
  @Field() bodyHtml: string;
  @Field(() => ModerationStateValue) moderationState: ModerationState;
  @Field(() => Int, { nullable: true, description: 'Questions and answers: send as expectedRevision with an edit.' })
  revision: number | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  authorId: string;
}

@ObjectType('ReviewItem', {
  description: 'A post waiting for a moderator: a newcomer’s first post, a flagged post, or one hidden by flags.',
})
export class ReviewItemModel {
  @Field(() => ID) id: string;
  @Field(() => ReviewKindValue) kind: ReviewKind;
  @Field(() => ReviewStatusValue) status: 'open' | 'handled';
  @Field(() => ReviewOutcomeValue, { nullable: true }) outcome: ReviewOutcome | null;
  @Field(() => String, { nullable: true }) handledReason: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) handledAt: Date | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => ReviewPostModel, { nullable: true, description: 'Null when the post no longer exists.' }) post: ReviewPostModel | null;
  questionId: string;
  handledById: string | null;
}

@ObjectType('ReviewItemEdge')
export class ReviewItemEdge {
  @Field() cursor: string;
  @Field(() => ReviewItemModel) node: ReviewItemModel;
}

@ObjectType('ReviewItemConnection')
export class ReviewItemConnection {
  @Field(() => [ReviewItemEdge]) edges: ReviewItemEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int, { description: 'Open items in the whole queue.' }) openCount: number;
}

@ObjectType('Suspension')
export class SuspensionModel {
  @Field(() => ID) userId: string;
  @Field(() => GraphQLISODateTime) suspendedUntil: Date;
}
