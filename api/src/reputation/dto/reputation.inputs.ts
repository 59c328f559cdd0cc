import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class ReputationValueInput {
  @Field() kind: string;
  @Field(() => Int) points: number;
}

@InputType()
export class UpdateReputationSettingsInput {
  @Field(() => Int) dailyVoteCap: number;
  @Field(() => [ReputationValueInput], { description: 'Kinds left out keep their default.' }) values: ReputationValueInput[];
}

@InputType()
export class PinTrustLevelInput {
  @Field(() => ID) userId: string;
  @Field(() => Int, { nullable: true, description: '0–4 to pin; null releases the pin and re-evaluates.' }) level: number | null;
}
