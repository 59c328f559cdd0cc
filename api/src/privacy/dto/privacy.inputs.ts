import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class TextSpanInput {
  @Field(() => Int, { description: 'UTF-16 offset, inclusive.' }) start: number;
  @Field(() => Int, { description: 'UTF-16 offset, exclusive.' }) end: number;
}

@InputType({ description: 'Exactly one of questionId, answerId and commentId.' })
export class RedactPostInput {
  @Field(() => ID, { nullable: true }) questionId?: string | null;
  @Field(() => ID, { nullable: true }) answerId?: string | null;
  @Field(() => ID, { nullable: true }) commentId?: string | null;
  @Field({ description: '"title" (questions only) or "body".' }) field: string;
  @Field(() => [TextSpanInput], { defaultValue: [], description: 'Spans of the current Markdown text to replace with "[removed]".' })
  spans: TextSpanInput[];
  @Field(() => [String], { defaultValue: [], description: 'Texts to remove wherever they occur (for forms that cannot compute spans).' })
  texts: string[];
  @Field() reason: string;
}
