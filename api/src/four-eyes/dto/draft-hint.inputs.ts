import { Field, ID, InputType } from '@nestjs/graphql';

@InputType({ description: 'Dismisses every finding of one rule on a draft, e.g. a greeting hint the reviewer judged wrong.' })
export class DismissDraftHintInput {
  @Field(() => ID) draftId: string;
  @Field({ description: 'A rule among the draft’s findings (ReplyFinding.rule).' }) rule: string;
  @Field({ description: '3–300 characters, kept in the audit log and shown on the draft.' }) reason: string;
}
