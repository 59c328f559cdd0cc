import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';

@ObjectType('DraftHintDismissal', {
  description: 'A reviewer set aside a guardrail hint (every finding of that rule) on a draft, with a reason kept in the audit log.',
})
export class DraftHintDismissalModel {
  @Field({ description: 'The rule of the dismissed findings, e.g. impersonal.' }) rule: string;
  @Field() reason: string;
  @Field(() => GraphQLISODateTime) dismissedAt: Date;
  draftId: string;
  dismissedById: string | null;
}
