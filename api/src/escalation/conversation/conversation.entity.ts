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

@Entity('conversation_messages')
@Check('conversation_messages_kind_check', `"kind" IN ('text', 'callback_request')`)
@Check(
  'conversation_messages_callback_check',
  `"kind" <> 'callback_request' OR ("callback_from" IS NOT NULL AND "callback_until" > "callback_from")`,
)
@Index('conversation_messages_conversation_idx', ['conversationId', 'id'])
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

  @Column({ name: 'client_mutation_id', type: 'varchar', length: 64, nullable: true })
  clientMutationId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
