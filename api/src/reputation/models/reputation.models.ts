import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { UserModel } from '../../identity/models/user.model';
import { PageInfo } from '../../platform/graphql/page-info.model';

export enum LeaderboardPeriod {
  WEEK = 'week',
  MONTH = 'month',
  ALL_TIME = 'all_time',
}
registerEnumType(LeaderboardPeriod, { name: 'LeaderboardPeriod' });

@ObjectType('Badge', { description: 'A badge a user earned; each at most once.' })
export class BadgeModel {
  @Field({ description: 'Stable key, e.g. "first_answer".' }) key: string;
  @Field({ description: 'bronze, silver or gold.' }) tier: string;
  @Field(() => GraphQLISODateTime) awardedAt: Date;
}

@ObjectType('TrustRequirement', { description: 'What a trust level asks for; every figure must be met.' })
export class TrustRequirementModel {
  @Field(() => Int) level: number;
  @Field() name: string;
  @Field(() => Int) reputation: number;
  @Field(() => Int) daysVisited: number;
  @Field(() => Int) postsRead: number;
  @Field(() => Int) answersAccepted: number;
}

@ObjectType('TrustProgress', { description: 'Your figures and what the next trust level asks for.' })
export class TrustProgressModel {
  @Field(() => Int) reputation: number;
  @Field(() => Int) daysVisited: number;
  @Field(() => Int) postsRead: number;
  @Field(() => Int) answersAccepted: number;
  @Field({ description: 'Staff fixed the level; it does not move by itself.' }) pinned: boolean;
  @Field({ description: 'A recent penalty holds the level down.' }) heldByPenalty: boolean;
  @Field(() => TrustRequirementModel, { nullable: true, description: 'Null at the top level.' }) next: TrustRequirementModel | null;
}

@ObjectType('ReputationEvent', { description: 'One entry of the reputation ledger.' })
export class ReputationEventModel {
  @Field(() => ID) id: string;
  @Field({ description: 'e.g. "answer.upvoted", "penalty.warning".' }) kind: string;
  @Field(() => Int) delta: number;
  @Field() subjectType: string;
  @Field(() => ID) subjectId: string;
  @Field(() => ID, { nullable: true, description: 'The question of the subject, for a link; null for flags.' }) questionId: string | null;
  @Field({ description: 'This entry takes back an earlier one.' }) reversal: boolean;
  @Field(() => String, { nullable: true, description: 'Why it was taken back, e.g. "vote.changed", "vote.ring".' }) reason: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@ObjectType('ReputationEventEdge')
export class ReputationEventEdge {
  @Field() cursor: string;
  @Field(() => ReputationEventModel) node: ReputationEventModel;
}

@ObjectType('ReputationEventConnection')
export class ReputationEventConnection {
  @Field(() => [ReputationEventEdge]) edges: ReputationEventEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@ObjectType('ReputationPoint', { description: 'The reputation total at the end of a day with changes.' })
export class ReputationPointModel {
  @Field({ description: 'YYYY-MM-DD (UTC).' }) day: string;
  @Field(() => Int) total: number;
}

@ObjectType('LeaderboardEntry')
export class LeaderboardEntryModel {
  @Field(() => Int) rank: number;
  @Field(() => UserModel) user: UserModel;
  @Field(() => Int, { description: 'Reputation earned in the space and period.' }) points: number;
}

@ObjectType('ReputationValue')
export class ReputationValueModel {
  @Field() kind: string;
  @Field(() => Int) points: number;
  @Field(() => Int) defaultPoints: number;
  @Field(() => Int) min: number;
  @Field(() => Int) max: number;
}

@ObjectType('ReputationSettings')
export class ReputationSettingsModel {
  @Field(() => Int, { description: 'Most reputation a user gains from votes per UTC day.' }) dailyVoteCap: number;
  @Field(() => [ReputationValueModel]) values: ReputationValueModel[];
}
