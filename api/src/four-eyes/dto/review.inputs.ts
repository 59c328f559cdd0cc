import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DraftKindValue } from '../models/review.models';

@InputType({ description: 'A staff answer (questionId) or comment (questionId, or answerId for a comment on an answer).' })
export class SaveStaffDraftInput {
  @Field(() => DraftKindValue) kind: DraftKindValue;
  @Field(() => ID) questionId: string;
  @Field(() => ID, { nullable: true }) answerId?: string | null;
  @Field() body: string;
  @Field(() => String, { nullable: true }) clientMutationId?: string | null;
}

@InputType()
export class EditStaffDraftInput {
  @Field(() => ID) id: string;
  @Field() body: string;
  @Field(() => Int) expectedVersion: number;
}

@InputType()
export class DecideStaffDraftInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;
}

@InputType()
export class RequestDraftChangesInput {
  @Field(() => ID) id: string;
  @Field(() => Int) expectedVersion: number;
  @Field() comment: string;
}

@InputType()
export class SetSpaceReviewInput {
  @Field() spaceSlug: string;
  @Field() reviewStaffReplies: boolean;
}

@InputType()
export class GrantReviewBypassInput {
  @Field(() => ID) userId: string;
  @Field() reason: string;
}
