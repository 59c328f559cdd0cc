import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../identity/user.entity';
import { QuestionEntity } from '../../qa/question.entity';

/** The private 1:1 channel between a question's asker and staff. Never indexed, never public. */
@Entity('conversations')
export class ConversationEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  /** One conversation per question. */
  @Index('conversations_question_key', { unique: true })
  @ForeignKey(() => QuestionEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'question_id', type: 'bigint' })
  questionId: string;

  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'asker_id', type: 'bigint' })
  askerId: string;

  /** The staff member who stays the asker's contact; null until staff first reply when the asker opened it. */
  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL' })
  @Column({ name: 'contact_id', type: 'bigint', nullable: true })
  contactId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'last_message_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  lastMessageAt: Date;
}

export const MESSAGE_KINDS = ['text', 'callback_request'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** A call-back is asked for, then scheduled by staff (maybe again), and ends done or cancelled. */
export const CALLBACK_STATES = ['requested', 'scheduled', 'done', 'cancelled'] as const;
export type CallbackState = (typeof CALLBACK_STATES)[number];

@Entity('conversation_messages')
@Check('conversation_messages_kind_check', `"kind" IN ('text', 'callback_request')`)
@Check(
  'conversation_messages_callback_check',
  `"kind" <> 'callback_request' OR ("callback_from" IS NOT NULL AND "callback_until" > "callback_from")`,
)
@Check(
  'conversation_messages_callback_state_check',
  `("kind" = 'callback_request') = ("callback_state" IS NOT NULL) AND ("callback_state" IS NULL OR "callback_state" IN ('requested', 'scheduled', 'done', 'cancelled')) AND ("callback_state" <> 'scheduled' OR "callback_scheduled_for" IS NOT NULL)`,
)
@Index('conversation_messages_conversation_idx', ['conversationId', 'id'])
@Index('conversation_messages_author_idx', ['authorId', 'createdAt'])
@Index('conversation_messages_client_mutation_key', ['authorId', 'clientMutationId'], {
  unique: true,
  where: '"client_mutation_id" IS NOT NULL',
})
export class ConversationMessageEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @ForeignKey(() => ConversationEntity, { onDelete: 'CASCADE' })
  @Column({ name: 'conversation_id', type: 'bigint' })
  conversationId: string;

  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT' })
  @Column({ name: 'author_id', type: 'bigint' })
  authorId: string;

  @Column({ type: 'varchar', length: 20, default: 'text' })
  kind: MessageKind;

  @Column({ name: 'body_markdown', type: 'text' })
  bodyMarkdown: string;

  @Column({ name: 'body_html', type: 'text' })
  bodyHtml: string;

  /** A call back request's preferred window. */
  @Column({ name: 'callback_from', type: 'timestamptz', nullable: true })
  callbackFrom: Date | null;

  @Column({ name: 'callback_until', type: 'timestamptz', nullable: true })
  callbackUntil: Date | null;

  /** Where to call; private like the whole conversation (never in notifications or mail). */
  @Column({ name: 'callback_phone', type: 'varchar', length: 32, nullable: true })
  callbackPhone: string | null;

  @Column({ name: 'callback_state', type: 'varchar', length: 16, nullable: true })
  callbackState: CallbackState | null;

  /** The time staff will call (inside the window, or proposed outside it with a note). */
  @Column({ name: 'callback_scheduled_for', type: 'timestamptz', nullable: true })
  callbackScheduledFor: Date | null;

  /** Staff's note to the asker on the latest change (a proposed time, how the call went). */
  @Column({ name: 'callback_staff_note', type: 'varchar', length: 500, nullable: true })
  callbackStaffNote: string | null;

  @Column({ name: 'client_mutation_id', type: 'varchar', length: 64, nullable: true })
  clientMutationId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
