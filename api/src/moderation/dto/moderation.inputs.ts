import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { FLAG_REASONS, type FlagReason } from '../flag.entity';

export const FlagReasonValue = Object.fromEntries(FLAG_REASONS.map((r) => [r.toUpperCase(), r])) as {
  [K in FlagReason as Uppercase<K>]: K;
};
registerEnumType(FlagReasonValue, { name: 'FlagReason' });

export enum ReviewActionValue {
  APPROVE = 'approve',
  HIDE = 'hide',
  DELETE = 'delete',
  EDIT = 'edit',
}
registerEnumType(ReviewActionValue, {
  name: 'ReviewAction',
  description: 'approve publishes the post and declines its flags; hide and delete uphold the flags; edit fixes and publishes it.',
});

@InputType({ description: 'Exactly one of questionId, answerId and commentId.' })
export class FlagPostInput {
  @Field(() => ID, { nullable: true }) questionId?: string | null;
  @Field(() => ID, { nullable: true }) answerId?: string | null;
  @Field(() => ID, { nullable: true }) commentId?: string | null;
  @Field(() => FlagReasonValue) reason: FlagReason;
  @Field(() => String, { nullable: true, description: 'Up to 500 characters for the moderators.' }) note?: string | null;
}

@InputType()
export class ResolveReviewItemInput {
  @Field(() => ID) itemId: string;
  @Field(() => ReviewActionValue) action: ReviewActionValue;
  @Field(() => String, { nullable: true, description: 'Why; kept in the audit log.' }) reason?: string | null;
  @Field(() => Boolean, { defaultValue: false, description: 'With delete: the post was spam (the author loses reputation).' })
  asSpam: boolean;
  @Field(() => String, { nullable: true, description: 'With edit: the new title (questions).' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'With edit: the new body.' }) body?: string | null;
  @Field(() => Int, { nullable: true, description: 'With edit: the revision shown to the moderator.' }) expectedRevision?: number | null;
}

@InputType()
export class WarnUserInput {
  @Field(() => ID) userId: string;
  @Field() reason: string;
  @Field(() => ID, { nullable: true, description: 'The review item that prompted the warning.' }) reviewItemId?: string | null;
}

@InputType()
export class SuspendUserInput {
  @Field(() => ID) userId: string;
  @Field(() => Int, { description: '1–365 days.' }) days: number;
  @Field() reason: string;
  @Field(() => ID, { nullable: true }) reviewItemId?: string | null;
}

@InputType()
export class ModerateQuestionInput {
  @Field(() => ID) questionId: string;
  @Field(() => String, { nullable: true, description: 'Shown on the thread; required to close or lock.' }) reason?: string | null;
}
