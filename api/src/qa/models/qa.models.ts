import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../platform/graphql/page-info.model';
import type { ModerationState } from '../moderation-state';
import { ModerationStateValue } from './moderation-state.model';
import type { QuestionStatus } from '../question.entity';

export enum QuestionStatusValue {
  OPEN = 'open',
  ANSWERED = 'answered',
  SOLVED = 'solved',
  CLOSED = 'closed',
}
registerEnumType(QuestionStatusValue, { name: 'QuestionStatus' });

export enum QuestionSort {
  NEWEST = 'newest',
  ACTIVE = 'active',
  RECENTLY_SOLVED = 'recently_solved',
  /** Highest score first. */
  VOTES = 'votes',
  /** Open questions without any published answer, newest first. */
  UNANSWERED = 'unanswered',
}
registerEnumType(QuestionSort, { name: 'QuestionSort' });

@ObjectType('Space', { description: 'A product area; every question lives in one space.' })
export class SpaceModel {
  @Field(() => ID) id: string;
  @Field() slug: string;
  @Field() name: string;
  @Field() description: string;
}

@ObjectType('Tag')
export class TagModel {
  @Field(() => ID) id: string;
  @Field() slug: string;
}

@ObjectType('Comment', { description: 'A short clarification on a question or an answer.' })
export class CommentModel {
  @Field(() => ID) id: string;
  @Field() bodyHtml: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => ModerationStateValue) moderationState: ModerationState;
  authorId: string;
  questionId: string;
  answerId: string | null;
  reviewedById: string | null;
}

@ObjectType('Answer')
export class AnswerModel {
  @Field(() => ID) id: string;
  @Field() bodyMarkdown: string;
  @Field() bodyHtml: string;
  @Field(() => Int) score: number;
  @Field() isAccepted: boolean;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Set when the answer was edited after posting.' })
  editedAt: Date | null;
  @Field(() => ModerationStateValue) moderationState: ModerationState;
  @Field(() => Int, { description: 'Send it back as expectedRevision when editing; a newer one means someone else edited meanwhile.' })
  revision: number;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When staff verified the answer (see verifiedBy).' })
  verifiedAt: Date | null;
  verifiedById: string | null;
  reviewedById: string | null;
  questionId: string;
  authorId: string;
  /** The asker of the question, for the accept permission. */
  questionAuthorId: string;
  /** A locked thread takes no votes or new comments. */
  questionLocked: boolean;
}

@ObjectType('Question', { description: 'The root of a thread.' })
export class QuestionModel {
  @Field(() => ID) id: string;
  @Field({ description: 'URL slug made from the title.' }) slug: string;
  @Field() title: string;
  @Field() bodyMarkdown: string;
  @Field() bodyHtml: string;
  @Field(() => QuestionStatusValue) status: QuestionStatus;
  @Field(() => Int) score: number;
  @Field(() => Int) answerCount: number;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) editedAt: Date | null;
  @Field(() => GraphQLISODateTime) lastActivityAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) solvedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why a closed question was closed, e.g. "duplicate".' }) closedReason: string | null;
  @Field(() => Int) viewCount: number;
  @Field(() => QuestionSourceModel, { nullable: true }) source: QuestionSourceModel | null;
  @Field(() => ModerationStateValue) moderationState: ModerationState;
  @Field(() => Int, { description: 'Send it back as expectedRevision when editing.' }) revision: number;
  @Field(() => String, { nullable: true, description: 'The closer’s note on why the question was closed.' }) closedNote: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Set while the question is locked.' }) lockedAt: Date | null;
  @Field(() => String, { nullable: true }) lockedReason: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The language the question is written in ("de" or "en"); null when its text does not tell.',
  })
  language: string | null;
  duplicateOfId: string | null;
  authorId: string;
  spaceId: string;
  acceptedAnswerId: string | null;
}

@ObjectType('QuestionSource', { description: 'Where an imported thread comes from; shown with its licence.' })
export class QuestionSourceModel {
  @Field() name: string;
  @Field(() => String, { nullable: true }) url: string | null;
  @Field(() => String, { nullable: true }) license: string | null;
}

@ObjectType('QuestionEdge')
export class QuestionEdge {
  @Field() cursor: string;
  @Field(() => QuestionModel) node: QuestionModel;
}

@ObjectType('QuestionConnection')
export class QuestionConnection {
  @Field(() => [QuestionEdge]) edges: QuestionEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@ObjectType('AnswerEdge')
export class AnswerEdge {
  @Field() cursor: string;
  @Field(() => AnswerModel) node: AnswerModel;
}

@ObjectType('AnswerConnection')
export class AnswerConnection {
  @Field(() => [AnswerEdge]) edges: AnswerEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ObjectType('VotePayload')
export class VotePayload {
  @Field(() => Int) score: number;
  @Field(() => Int, { description: '-1, 0 or 1.' }) viewerVote: number;
}
