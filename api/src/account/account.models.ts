import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../platform/graphql/page-info.model';

export enum ActivitySection {
  QUESTIONS = 'questions',
  ANSWERS = 'answers',
  CONVERSATIONS = 'conversations',
  DRAFTS = 'drafts',
}
registerEnumType(ActivitySection, {
  name: 'ActivitySection',
  description: 'My questions, my answers, my private conversations with staff, and (staff) my drafts.',
});

@ObjectType('ActivityItem', { description: 'One thing of mine in "My activity", newest first.' })
export class ActivityItemModel {
  @Field(() => ID) id: string;
  @Field(() => ID) questionId: string;
  @Field({ description: 'The URL slug of the question.' }) questionSlug: string;
  @Field() questionTitle: string;
  @Field({
    description:
      'questions: open, solved, closed; answers: published, pending, hidden (moderation); conversations: open; drafts: the draft state.',
  })
  state: string;
  @Field(() => GraphQLISODateTime) at: Date;
}

@ObjectType('ActivityEdge')
export class ActivityEdge {
  @Field() cursor: string;
  @Field(() => ActivityItemModel) node: ActivityItemModel;
}

@ObjectType('ActivityConnection')
export class ActivityConnection {
  @Field(() => [ActivityEdge]) edges: ActivityEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@ObjectType('DataExport', { description: 'A JSON archive of everything about the viewer, made by a background job.' })
export class DataExportModel {
  @Field(() => ID) id: string;
  @Field({ description: 'pending (being made), ready (download until expiresAt), failed, expired.' }) status: string;
  @Field(() => Int, { description: 'Percent done.' }) progress: number;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) expiresAt: Date | null;
}

@InputType()
export class DeleteAccountInput {
  @Field() currentPassword: string;
}

@ObjectType('DataExportArchive')
export class DataExportArchiveModel {
  @Field({ description: 'A file name for the download.' }) fileName: string;
  @Field({ description: 'The archive as JSON text.' }) json: string;
}
