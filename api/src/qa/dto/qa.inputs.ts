import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { QuestionStatusValue } from '../models/qa.models';
import { AcknowledgePersonalDataField } from './acknowledge-personal-data.field';

@InputType()
export class AskQuestionInput {
  @Field() spaceSlug: string;
  @Field() title: string;
  @Field() body: string;
  @Field(() => [String], { defaultValue: [] }) tags: string[];
  @Field(() => String, { nullable: true, description: 'A random key per rendered form: a repeated submit returns the first result.' })
  clientMutationId?: string | null;
  @Field(() => String, { nullable: true, description: 'The ask page visit, to tell deflected visits from asked ones.' })
  askSession?: string | null;
  @AcknowledgePersonalDataField() acknowledgePersonalData?: boolean | null;
}

@InputType()
export class AnswerQuestionInput {
  @Field(() => ID) questionId: string;
  @Field() body: string;
  @Field(() => String, { nullable: true }) clientMutationId?: string | null;
  @AcknowledgePersonalDataField() acknowledgePersonalData?: boolean | null;
}

@InputType({ description: 'Exactly one of questionId and answerId.' })
export class AddCommentInput {
  @Field(() => ID, { nullable: true }) questionId?: string | null;
  @Field(() => ID, { nullable: true }) answerId?: string | null;
  @Field() body: string;
  @Field(() => String, { nullable: true }) clientMutationId?: string | null;
  @AcknowledgePersonalDataField() acknowledgePersonalData?: boolean | null;
}

@InputType({ description: 'Exactly one of questionId and answerId; value 1, -1, or 0 to withdraw.' })
export class VoteInput {
  @Field(() => ID, { nullable: true }) questionId?: string | null;
  @Field(() => ID, { nullable: true }) answerId?: string | null;
  @Field(() => Int) value: number;
}

@InputType()
export class EditQuestionInput {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() body: string;
  @Field(() => [String]) tags: string[];
  @Field(() => Int, { nullable: true, description: 'The revision the edit started from; a newer one gives CONFLICT.' })
  expectedRevision?: number | null;
  @AcknowledgePersonalDataField() acknowledgePersonalData?: boolean | null;
}

@InputType()
export class EditAnswerInput {
  @Field(() => ID) id: string;
  @Field() body: string;
  @Field(() => Int, { nullable: true, description: 'The revision the edit started from; a newer one gives CONFLICT.' })
  expectedRevision?: number | null;
  @AcknowledgePersonalDataField() acknowledgePersonalData?: boolean | null;
}

@InputType()
export class QuestionFilter {
  @Field(() => String, { nullable: true }) spaceSlug?: string | null;
  @Field(() => String, { nullable: true }) tag?: string | null;
  @Field(() => QuestionStatusValue, { nullable: true }) status?: QuestionStatusValue | null;
  @Field(() => ID, { nullable: true }) authorId?: string | null;
}
