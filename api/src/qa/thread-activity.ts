import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ThreadActivityKind {
  ANSWER_ADDED = 'ANSWER_ADDED',
  COMMENT_ADDED = 'COMMENT_ADDED',
}
registerEnumType(ThreadActivityKind, { name: 'ThreadActivityKind' });

/** That something new appeared on a thread; only ids, so readers fetch the content through the usual access checks. */
@ObjectType('ThreadActivity')
export class ThreadActivityModel {
  @Field(() => ID) questionId: string;
  @Field(() => ThreadActivityKind) kind: ThreadActivityKind;
  @Field(() => ID) postId: string;
  @Field(() => ID) authorId: string;
}

export const threadChannel = (questionId: string): string => `thread:${questionId}`;
