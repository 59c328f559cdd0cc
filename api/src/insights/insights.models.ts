import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@InputType()
export class InsightsFilter {
  @Field(() => GraphQLISODateTime, { description: 'Start of the period (inclusive).' }) from: Date;
  @Field(() => GraphQLISODateTime, { description: 'End of the period (exclusive); at most 366 days after `from`.' }) to: Date;
  @Field(() => ID, { nullable: true }) spaceId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Questions of the spaces routed to this team; escalations of this team.' })
  teamId?: string | null;
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

@ObjectType('Insights', { description: 'Staff reporting for a period. Staff only.' })
export class InsightsModel {
  @Field(() => GraphQLISODateTime) from: Date;
  @Field(() => GraphQLISODateTime) to: Date;
  @Field(() => SelfServiceInsightsModel) selfService: SelfServiceInsightsModel;
  @Field(() => PromiseInsightsModel) promises: PromiseInsightsModel;
  @Field(() => FourEyesInsightsModel) fourEyes: FourEyesInsightsModel;
  @Field(() => [InsightsDayModel]) days: InsightsDayModel[];
}
