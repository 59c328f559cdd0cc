import type { Params } from './scope';
import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@InputType()
export class InsightsFilter {
  @Field(() => GraphQLISODateTime, { description: 'Start of the period (inclusive).' }) from: Date;
  @Field(() => GraphQLISODateTime, { description: 'End of the period (exclusive); at most 366 days after `from`.' }) to: Date;
  @Field(() => ID, { nullable: true }) spaceId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Questions of the spaces routed to this team; escalations of this team.' })
  teamId?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "Questions in this language ('de' or 'en'): narrows self-service, questions per day and hot topics; escalations, four-eyes and people are not split by language.",
  })
  language?: string | null;
}

@ObjectType('InsightsDay', { description: 'One UTC day of the period.' })
export class InsightsDayModel {
  @Field({ description: 'YYYY-MM-DD (UTC).' }) day: string;
  @Field(() => Int) questionsAsked: number;
  @Field(() => Int) escalationsOpened: number;
}

@ObjectType('SelfServiceInsights', { description: 'Questions asked in the period and how they were answered. Minutes are wall-clock.' })
export class SelfServiceInsightsModel {
  @Field(() => Int) questionsAsked: number;
  @Field(() => Int) solved: number;
  @Field(() => Int, { description: 'Solved by an accepted community answer, with no staff answer and no escalation.' })
  solvedWithoutStaff: number;
  @Field(() => Int, { description: 'The first answer came from the community.' }) firstAnsweredByCommunity: number;
  @Field(() => Int, { description: 'The first answer came from staff.' }) firstAnsweredByStaff: number;
  @Field(() => Int) unanswered: number;
  @Field(() => Float, { nullable: true }) medianFirstCommunityAnswerMinutes: number | null;
  @Field(() => Float, { nullable: true }) medianFirstStaffAnswerMinutes: number | null;
  @Field(() => Float, { nullable: true, description: 'From asking to accepting a community answer.' })
  medianAcceptedCommunityAnswerMinutes: number | null;
  @Field(() => Float, { nullable: true, description: 'From asking to accepting a staff answer.' })
  medianAcceptedStaffAnswerMinutes: number | null;
  @Field(() => Int, { description: 'Ask-page sessions that opened a suggested thread.' }) suggestionSessions: number;
  @Field(() => Int, { description: 'Of those, sessions that did not ask afterwards.' }) deflectedSessions: number;
}

@ObjectType('SlaAttainment', { description: 'Escalations opened in the period, per team and priority.' })
export class SlaAttainmentModel {
  @Field(() => ID) teamId: string;
  @Field() teamName: string;
  @Field() priority: string;
  @Field(() => Int) opened: number;
  @Field(() => Int, { description: 'First response decided: given, or its due time passed.' }) firstResponseDecided: number;
  @Field(() => Int) firstResponseMet: number;
  @Field(() => Int) resolutionDecided: number;
  @Field(() => Int) resolutionMet: number;
}

@ObjectType('PromiseInsights', { description: 'Escalations opened in the period. Durations in business minutes of each team’s calendar.' })
export class PromiseInsightsModel {
  @Field(() => Int) escalationsOpened: number;
  @Field(() => Float, { nullable: true }) firstResponseMedian: number | null;
  @Field(() => Float, { nullable: true }) firstResponseP90: number | null;
  @Field(() => Float, { nullable: true }) resolutionMedian: number | null;
  @Field(() => Float, { nullable: true }) resolutionP90: number | null;
  @Field(() => Int) firstResponseBreaches: number;
  @Field(() => Int) resolutionBreaches: number;
  @Field(() => Int, { description: 'Business minutes waited on the customer (finished pauses).' }) pausedMinutes: number;
  @Field(() => Int) escalationsPaused: number;
  @Field(() => [SlaAttainmentModel]) attainment: SlaAttainmentModel[];
}

@ObjectType('FourEyesInsights', { description: 'Review decisions on staff drafts taken in the period.' })
export class FourEyesInsightsModel {
  @Field(() => Int) reviewed: number;
  @Field(() => Int) approved: number;
  @Field(() => Int) changesRequested: number;
  @Field(() => Float, { nullable: true, description: 'Wall-clock minutes from the draft’s last submission to the decision.' })
  medianTurnaroundMinutes: number | null;
}

@ObjectType('InsightsContributor', { description: 'A member’s answers rewarded in the period (reputation ledger, reversals excluded).' })
export class InsightsContributorModel {
  @Field(() => ID) userId: string;
  @Field() displayName: string;
  @Field(() => Int) answersAccepted: number;
  @Field(() => Int) answersVerified: number;
  @Field(() => Int, { description: 'Distinct answers upvoted in the period.' }) helpfulAnswers: number;
}

@ObjectType('TrustMovement', {
  description:
    'Trust-level changes the data dates: penalties that hold a level down, and staff pins. Promotions by the rules are not dated (levels are updated in place).',
})
export class TrustMovementModel {
  @Field(() => Int, { description: 'Members warned (held at trust level 1 at most).' }) warned: number;
  @Field(() => Int, { description: 'Members suspended (held at trust level 0).' }) suspended: number;
  @Field(() => Int, { description: 'Trust levels pinned by staff.' }) pinned: number;
  @Field(() => Int, { description: 'Pins released by staff.' }) released: number;
}

@ObjectType('PowerUserInsights', { description: 'Who carried the community in the period.' })
export class PowerUserInsightsModel {
  @Field(() => [InsightsContributorModel], { description: 'The top 10 members by accepted, then verified, then helpful answers.' })
  contributors: InsightsContributorModel[];
  @Field(() => Int, { description: 'Members whose first post (question or answer) was in the period.' }) newcomers: number;
  @Field(() => Int, { description: 'Of those, members who posted on at least 3 distinct UTC days of the period.' }) regulars: number;
  @Field(() => TrustMovementModel) trustMovement: TrustMovementModel;
}

@ObjectType('TopicRise', { description: 'Questions of a tag or space in the period and in the equally long period before.' })
export class TopicRiseModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => Int) questions: number;
  @Field(() => Int) previousQuestions: number;
}

@ObjectType('UnansweredByAge', { description: 'Open questions without an answer now, by how long ago they were asked.' })
export class UnansweredByAgeModel {
  @Field(() => Int) underOneDay: number;
  @Field(() => Int) oneToThreeDays: number;
  @Field(() => Int) threeToSevenDays: number;
  @Field(() => Int) overSevenDays: number;
}

@ObjectType('HotTopicInsights', { description: 'Where volume rises, and what waits for an answer.' })
export class HotTopicInsightsModel {
  @Field(() => [TopicRiseModel], { description: 'Top 10 tags by rise, with at least the minimum volume in the period.' })
  tags: TopicRiseModel[];
  @Field(() => [TopicRiseModel], { description: 'Top 10 spaces by rise, with at least the minimum volume in the period.' })
  spaces: TopicRiseModel[];
  @Field(() => Int, { description: 'The fewest questions in the period for a tag or space to be listed.' }) minimumVolume: number;
  @Field(() => UnansweredByAgeModel) unansweredByAge: UnansweredByAgeModel;
}

@ObjectType('BacklogDay', { description: 'Escalations open at the end of one UTC day of the period (or now, for today).' })
export class BacklogDayModel {
  @Field({ description: 'YYYY-MM-DD (UTC).' }) day: string;
  @Field(() => Int) open: number;
}

@ObjectType('Insights', { description: 'Staff reporting for a period. Staff only.' })
export class InsightsModel {
  @Field(() => GraphQLISODateTime) from: Date;
  @Field(() => GraphQLISODateTime) to: Date;
  @Field(() => SelfServiceInsightsModel) selfService: SelfServiceInsightsModel;
  @Field(() => PromiseInsightsModel) promises: PromiseInsightsModel;
  @Field(() => FourEyesInsightsModel) fourEyes: FourEyesInsightsModel;
  @Field(() => [InsightsDayModel]) days: InsightsDayModel[];
  @Field(() => PowerUserInsightsModel) powerUsers: PowerUserInsightsModel;
  @Field(() => HotTopicInsightsModel) hotTopics: HotTopicInsightsModel;
  @Field(() => [BacklogDayModel], { description: 'Open escalations at the end of each day of the period.' }) backlog: BacklogDayModel[];
}

/** What the `insights` query resolves to: the period and its checked parameters; each section is a field resolver. */
export interface InsightsPeriod {
  from: Date;
  to: Date;
  params: Params;
}
