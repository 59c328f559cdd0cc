import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum DiffChangeValue {
  SAME = 'same',
  ADDED = 'added',
  REMOVED = 'removed',
}
registerEnumType(DiffChangeValue, { name: 'DiffChange' });

@ObjectType('DiffSegment', { description: 'A run of words that stayed, were added or were removed.' })
export class DiffSegmentModel {
  @Field(() => DiffChangeValue) change: DiffChangeValue;
  @Field() text: string;
}

@ObjectType('PostRevision', { description: 'One version of a question or an answer, compared with the version before it.' })
export class PostRevisionModel {
  @Field(() => Int, { description: 'The first version is 1.' }) number: number;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => [DiffSegmentModel], { nullable: true, description: 'Questions only: the title against the version before.' })
  titleDiff: DiffSegmentModel[] | null;
  @Field(() => [DiffSegmentModel], { description: 'The Markdown source against the version before (all SAME for the first one shown).' })
  bodyDiff: DiffSegmentModel[];
  @Field(() => [String], { nullable: true, description: 'Questions only: the tags of this version.' }) tags: string[] | null;
  @Field(() => [String]) tagsAdded: string[];
  @Field(() => [String]) tagsRemoved: string[];
  editorId: string;
}

@ObjectType('PostHistory', { description: 'The versions of a question or an answer, newest first.' })
export class PostHistoryModel {
  @Field(() => ID) questionId: string;
  @Field(() => ID, { nullable: true, description: 'Set for an answer’s history.' }) answerId: string | null;
  @Field({ description: 'The question’s current title, for headings and links.' }) questionTitle: string;
  @Field({ description: 'The question’s URL slug.' }) questionSlug: string;
  @Field(() => [PostRevisionModel]) revisions: PostRevisionModel[];
  @Field(() => Int, {
    description: 'Versions from before personal data was removed from the post: shown to staff only, so the removed text never reappears.',
  })
  withheldCount: number;
  @Field(() => Int, { description: 'Older versions left out because the history is long.' }) omittedCount: number;
}
