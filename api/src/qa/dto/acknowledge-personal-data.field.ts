import { Field } from '@nestjs/graphql';

/** The input field of every public post form: the author saw the personal-data hint and posts anyway. */
export const AcknowledgePersonalDataField = (): PropertyDecorator =>
  Field(() => Boolean, {
    nullable: true,
    description: 'The author saw the personal-data hint and posts it anyway (never possible for bank or card numbers).',
  });
