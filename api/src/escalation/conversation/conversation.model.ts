import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../platform/graphql/page-info.model';
import type { CallbackState, ConversationEntity, ConversationMessageEntity, MessageKind } from './conversation.entity';

export enum MessageKindValue {
  TEXT = 'text',
  CALLBACK_REQUEST = 'callback_request',
}
registerEnumType(MessageKindValue, { name: 'ConversationMessageKind' });

export enum CallbackStateValue {
  REQUESTED = 'requested',
  SCHEDULED = 'scheduled',
  DONE = 'done',
  CANCELLED = 'cancelled',
}
registerEnumType(CallbackStateValue, { name: 'CallbackState', description: 'requested → scheduled (maybe again) → done or cancelled.' });

@ObjectType('Conversation', { description: 'The private 1:1 channel between the asker and staff; only they see it.' })
export class ConversationModel {
  @Field(() => ID) id: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) lastMessageAt: Date;
  questionId: string;
  askerId: string;
  contactId: string | null;
}

@ObjectType('CallbackRequest', {
  description: 'The asker would like a call back in this window; seen only by those who take part in the conversation.',
})
export class CallbackRequestModel {
  @Field(() => ID, { description: 'The request’s message.' }) messageId: string;
  @Field(() => GraphQLISODateTime) from: Date;
  @Field(() => GraphQLISODateTime) until: Date;
  @Field(() => GraphQLISODateTime) requestedAt: Date;
  @Field() noteHtml: string;
  @Field(() => String, { nullable: true, description: 'Null for requests made before numbers were asked for.' }) phone: string | null;
  @Field(() => CallbackStateValue) state: CallbackState;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When staff will call (the latest time set).' })
  scheduledFor: Date | null;
  @Field(() => String, { nullable: true, description: 'Staff’s note on the latest change, plain text.' }) staffNote: string | null;
}

@ObjectType('ConversationMessage')
export class ConversationMessageModel {
  @Field(() => ID) id: string;
  @Field(() => MessageKindValue) kind: MessageKind;
  @Field() bodyHtml: string;
  @Field(() => CallbackRequestModel, { nullable: true }) callback: CallbackRequestModel | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  authorId: string;
}

@ObjectType()
export class ConversationMessageEdge {
  @Field() cursor: string;
  @Field(() => ConversationMessageModel) node: ConversationMessageModel;
}

@ObjectType()
export class ConversationMessageConnection {
  @Field(() => [ConversationMessageEdge]) edges: ConversationMessageEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int, { description: 'All messages of the conversation.' }) totalCount: number;
}

@ObjectType('ConversationActivity', {
  description: 'A new message in a conversation; only ids, so clients reload through the usual checks.',
})
export class ConversationActivityModel {
  @Field(() => ID) conversationId: string;
  @Field(() => ID) messageId: string;
  @Field(() => ID) authorId: string;
}

export function toConversationModel(c: ConversationEntity): ConversationModel {
  return Object.assign(new ConversationModel(), {
    id: c.id,
    createdAt: c.createdAt,
    lastMessageAt: c.lastMessageAt,
    questionId: c.questionId,
    askerId: c.askerId,
    contactId: c.contactId,
  });
}

export function toCallbackModel(m: ConversationMessageEntity): CallbackRequestModel | null {
  if (m.kind !== 'callback_request' || !m.callbackFrom || !m.callbackUntil) return null;
  return {
    messageId: m.id,
    from: m.callbackFrom,
    until: m.callbackUntil,
    requestedAt: m.createdAt,
    noteHtml: m.bodyHtml,
    phone: m.callbackPhone,
    state: m.callbackState ?? 'requested',
    scheduledFor: m.callbackScheduledFor,
    staffNote: m.callbackStaffNote,
  };
}

export function toMessageModel(m: ConversationMessageEntity): ConversationMessageModel {
  return Object.assign(new ConversationMessageModel(), {
    id: m.id,
    kind: m.kind,
    bodyHtml: m.bodyHtml,
    callback: toCallbackModel(m),
    createdAt: m.createdAt,
    authorId: m.authorId,
  });
}
