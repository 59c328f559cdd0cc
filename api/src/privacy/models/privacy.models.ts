import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('TextSpan')
export class TextSpanModel {
  @Field(() => Int) start: number;
  @Field(() => Int) end: number;
}

@ObjectType('PostRedaction', { description: 'Personal data a moderator removed from a published post. Staff only.' })
export class PostRedactionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) questionId: string;
  @Field({ description: 'question, answer or comment' }) postType: string;
  @Field(() => ID) postId: string;
  @Field() field: string;
  @Field({ description: 'The text before the redaction.' }) originalText: string;
  @Field() redactedText: string;
  @Field(() => [TextSpanModel]) spans: TextSpanModel[];
  @Field() reason: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  moderatorId: string;
}
