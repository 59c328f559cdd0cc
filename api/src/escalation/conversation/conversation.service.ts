import { Injectable } from '@nestjs/common';
import { renderMarkdown } from '@peerdesk/markdown';
import DataLoader from 'dataloader';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import { authorize, can, type Actor, type ConversationRef } from '../../identity/policy';
import { conflict, InputCheck, notFound, unauthenticated } from '../../platform/errors';
import type { RequestContext } from '../../platform/graphql/request-context';
import { LiveEvents } from '../../platform/live/live-events';
import { appendOutbox } from '../../platform/outbox/outbox';
import { decodeCursor, encodeCursor, pageSize, toPage } from '../../platform/pagination';
import { checkClientMutationId, idempotentCreate } from '../../platform/idempotent-create';
import { isId, parseId } from '../../platform/ids';
import { QuestionEntity } from '../../qa/question.entity';
import { Clock } from '../../platform/clock';
import { ConversationEntity, ConversationMessageEntity } from './conversation.entity';
import type { RequestCallbackInput, SendMessageInput } from '../dto/escalation.inputs';
import { EscalationEntity } from '../escalation.entity';
import { CALLBACK, checkPhone, ESCALATION_LIMITS, PHONE_DIGITS } from '../escalation.rules';
import { conversationChannel, QUEUE_CHANNEL, recordEvent } from '../escalation-timeline';
import { recordStaffResponse } from '../first-response';
import { clocksFor } from '../sla-pause';
import {
  toConversationModel,
  toMessageModel,
  type ConversationActivityModel,
  type ConversationMessageConnection,
  type ConversationMessageModel,
  type ConversationModel,
} from './conversation.model';
import type { EscalationQueueChangeModel } from '../models/escalation.model';
import { TeamService } from '../../teams/team.service';

const BY_QUESTION = Symbol('conversationByQuestion');
const MINUTE = 60_000;

export interface Posted {
  conversation: ConversationEntity;
  message: ConversationMessageEntity;
  escalation: EscalationEntity | null;
}

/**
 * The private 1:1 channel between a question's asker and staff. Whoever may not take part gets
 * NOT_FOUND, so a conversation's existence is never revealed.
 */
@Injectable()
export class ConversationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TeamService,
    private readonly clock: Clock,
    private readonly live: LiveEvents,
  ) {}

  async get(ctx: RequestContext, idInput: string): Promise<ConversationModel | null> {
    if (!isId(idInput)) return null;
    const conversation = await this.dataSource.getRepository(ConversationEntity).findOneBy({ id: idInput });
    return conversation && (await this.mayTakePart(this.dataSource.manager, ctx.actor, conversation))
      ? toConversationModel(conversation)
      : null;
  }

  /** The question's conversation when the viewer takes part in it; batched per request. */
  async forQuestion(ctx: RequestContext, questionId: string): Promise<ConversationModel | null> {
    if (!ctx.actor) return null;
    const conversation = await ctx
      .loader(
        BY_QUESTION,
        () =>
          new DataLoader<string, ConversationEntity | null>(async (ids) => {
            const rows = await this.dataSource.getRepository(ConversationEntity).findBy({ questionId: In([...ids]) });
            return ids.map((id) => rows.find((r) => r.questionId === id) ?? null);
          }),
      )
      .load(questionId);
    return conversation && (await this.mayTakePart(this.dataSource.manager, ctx.actor, conversation))
      ? toConversationModel(conversation)
      : null;
  }

  async messages(
    conversationId: string,
    first: number | null | undefined,
    after: string | null | undefined,
    last: number | null = null,
  ): Promise<ConversationMessageConnection> {
    const repository = this.dataSource.getRepository(ConversationMessageEntity);
    const query = repository.createQueryBuilder('m').where('m.conversationId = :conversationId', { conversationId });
    const totalCount = await repository.countBy({ conversationId });
    if (last !== null) {
      // The newest `last`, read backwards and shown in order; there is nothing after them.
      const newest = await query.orderBy('m.id', 'DESC').limit(pageSize(last, 50)).getMany();
      const edges = newest.reverse().map((m) => ({ cursor: encodeCursor([m.id]), node: toMessageModel(m) }));
      return { edges, pageInfo: { hasNextPage: false, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
    }
    const size = pageSize(first, 50);
    const cursor = decodeCursor(after, 1);
    if (cursor) query.andWhere('m.id > :id', { id: cursor[0] });
    const rows = await query
      .orderBy('m.id', 'ASC')
      .limit(size + 1)
      .getMany();
    const page = toPage(rows, size);
    const edges = page.nodes.map((m) => ({ cursor: encodeCursor([m.id]), node: toMessageModel(m) }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
  }

  /** The latest call back request of a question's conversation, for the escalation. */
  async callbackFor(questionId: string): Promise<ConversationMessageEntity | null> {
    return this.dataSource
      .getRepository(ConversationMessageEntity)
      .createQueryBuilder('m')
      .innerJoin(ConversationEntity, 'c', 'c.id = m.conversationId')
      .where(`c.questionId = :questionId AND m.kind = 'callback_request'`, { questionId })
      .orderBy('m.id', 'DESC')
      .getOne();
  }

  /** A call back of the question still requested or scheduled. */
  openCallback(manager: EntityManager, questionId: string): Promise<ConversationMessageEntity | null> {
    return manager
      .getRepository(ConversationMessageEntity)
      .createQueryBuilder('m')
      .innerJoin(ConversationEntity, 'c', 'c.id = m.conversationId')
      .where(`c.questionId = :questionId AND m.kind = 'callback_request' AND m.callbackState IN ('requested', 'scheduled')`, { questionId })
      .getOne();
  }

  /** The number of the viewer's latest call back request, offered again on the next one. */
  async lastCallbackPhone(actorId: string): Promise<string | null> {
    const latest = await this.dataSource.getRepository(ConversationMessageEntity).findOne({
      select: { id: true, callbackPhone: true },
      where: { authorId: actorId, kind: 'callback_request', callbackPhone: Not(IsNull()) },
      order: { id: 'DESC' },
    });
    return latest?.callbackPhone ?? null;
  }

  /** Staff open the conversation from an escalated question (or join the one the asker started) and stay the asker's contact. */
  async open(actor: Actor | null, questionIdInput: string, bodyInput: string): Promise<ConversationModel> {
    if (!actor) throw unauthenticated();
    const questionId = parseId(questionIdInput, 'Question');
    const body = this.checkBody(bodyInput);
    const posted = await this.dataSource.transaction(async (manager) => {
      const question = await manager.findOne(QuestionEntity, { where: { id: questionId }, lock: { mode: 'pessimistic_write' } });
      if (!question) throw notFound('Question');
      const escalation = await this.latestEscalation(manager, questionId);
      if (!escalation || !can(actor, 'escalation.act', await this.teams.ref(manager, actor, escalation.teamId))) throw notFound('Question');
      if (escalation.status === 'resolved') throw conflict('Escalate the question again to talk privately with the asker.');
      if (question.authorId === actor.id) throw conflict('You asked this question yourself.');
      return this.start(manager, question, actor, body, this.clock.now());
    });
    await this.announce(posted);
    return toConversationModel(posted.conversation);
  }

  /**
   * Creates the question's conversation (or reuses it) and posts the author's first message. Staff
   * who open it stay the asker's contact; when the asker starts it, the first staff member to write becomes the contact.
   */
  async start(manager: EntityManager, question: QuestionEntity, author: Actor, body: string, now: Date): Promise<Posted> {
    const contactId = author.id === question.authorId ? null : author.id;
    await manager.query(
      `INSERT INTO conversations (question_id, asker_id, contact_id, created_at, last_message_at) VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (question_id) DO UPDATE SET contact_id = coalesce(conversations.contact_id, EXCLUDED.contact_id)`,
      [question.id, question.authorId, contactId, now],
    );
    const conversation = await manager.findOneByOrFail(ConversationEntity, { questionId: question.id });
    const escalation = await this.latestEscalation(manager, question.id);
    if (escalation) await recordEvent(manager, escalation.id, author.id, 'conversation_opened', {}, now);
    return this.post(manager, conversation, author, { body, kind: 'text', key: null }, now);
  }

  async send(actor: Actor | null, input: SendMessageInput): Promise<ConversationMessageModel> {
    if (!actor) throw unauthenticated();
    const id = parseId(input.conversationId, 'Conversation');
    const key = checkClientMutationId(input.clientMutationId);
    return idempotentCreate(key, {
      constraint: 'conversation_messages_client_mutation_key',
      find: async (k) => {
        const existing = await this.dataSource
          .getRepository(ConversationMessageEntity)
          .findOneBy({ authorId: actor.id, clientMutationId: k });
        return existing ? toMessageModel(existing) : null;
      },
      create: async () => {
        const check = new InputCheck();
        const body = check.text('body', 'Message', input.body, ESCALATION_LIMITS.message);
        const posted = await this.dataSource.transaction(async (manager) => {
          const conversation = await this.lockParticipating(manager, actor, id);
          check.assertValid();
          return this.post(manager, conversation, actor, { body, kind: 'text', key }, this.clock.now());
        });
        await this.announce(posted);
        return toMessageModel(posted.message);
      },
    });
  }

  /** The asker asks to be called back in a time window; the request shows on the escalation. */
  async requestCallback(actor: Actor | null, input: RequestCallbackInput): Promise<ConversationMessageModel> {
    if (!actor) throw unauthenticated();
    const id = parseId(input.conversationId, 'Conversation');
    const check = new InputCheck();
    const note = (input.note ?? '').trim();
    if (note.length > ESCALATION_LIMITS.callbackNote.max)
      check.add('note', 'too_long', `Note must be at most ${ESCALATION_LIMITS.callbackNote.max} characters.`);
    const now = this.clock.now();
    const [from, until] = [new Date(input.from), new Date(input.until)];
    if (Number.isNaN(from.getTime()) || from < new Date(now.getTime() - MINUTE)) check.add('from', 'in_past', 'Choose a time from now on.');
    else if (from.getTime() > now.getTime() + CALLBACK.maxDaysAhead * 1440 * MINUTE)
      check.add('from', 'too_far', `Choose a time within the next ${CALLBACK.maxDaysAhead} days.`);
    if (Number.isNaN(until.getTime()) || until.getTime() - from.getTime() < CALLBACK.minWindowMinutes * MINUTE)
      check.add('until', 'too_short', `The window must be at least ${CALLBACK.minWindowMinutes} minutes long.`);
    const phone = checkPhone(input.phone);
    if ('problem' in phone)
      check.add(
        'phone',
        phone.problem,
        phone.problem === 'required'
          ? 'Phone number is required.'
          : `Enter a phone number of ${PHONE_DIGITS.min}–${PHONE_DIGITS.max} digits; only digits, spaces, +, - and ( ) are allowed.`,
      );
    const posted = await this.dataSource.transaction(async (manager) => {
      const conversation = await this.lockParticipating(manager, actor, id);
      authorize(actor, 'conversation.requestCallback', await this.ref(manager, actor, conversation));
      check.assertValid();
      if (await this.openCallback(manager, conversation.questionId))
        throw conflict('You already asked for a call back; cancel it before asking for another time.');
      const callback = { from, until, phone: 'phone' in phone ? phone.phone : null };
      const result = await this.post(manager, conversation, actor, { body: note, kind: 'callback_request', key: null, callback }, now);
      if (result.escalation)
        await recordEvent(
          manager,
          result.escalation.id,
          actor.id,
          'callback_requested',
          { from: from.toISOString(), until: until.toISOString() },
          now,
        );
      return result;
    });
    await this.announce(posted);
    return toMessageModel(posted.message);
  }

  /** Checks that a subscriber takes part, revealing nothing otherwise. */
  async assertParticipant(actor: Actor | null, idInput: string): Promise<string> {
    const id = parseId(idInput, 'Conversation');
    const conversation = await this.dataSource.getRepository(ConversationEntity).findOneBy({ id });
    if (!conversation || !(await this.mayTakePart(this.dataSource.manager, actor, conversation))) throw notFound('Conversation');
    return id;
  }

  async mayTakePart(manager: EntityManager, actor: Actor | null, conversation: ConversationEntity): Promise<boolean> {
    return actor !== null && can(actor, 'conversation.takePart', await this.ref(manager, actor, conversation));
  }

  async ref(manager: EntityManager, actor: Actor, conversation: ConversationEntity): Promise<ConversationRef> {
    const escalation = await this.latestEscalation(manager, conversation.questionId);
    return {
      askerId: conversation.askerId,
      contactId: conversation.contactId,
      escalation: escalation ? await this.teams.ref(manager, actor, escalation.teamId) : null,
    };
  }

  private async lockParticipating(manager: EntityManager, actor: Actor, id: string): Promise<ConversationEntity> {
    const conversation = await manager.findOne(ConversationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!conversation || !(await this.mayTakePart(manager, actor, conversation))) throw notFound('Conversation');
    return conversation;
  }

  private checkBody(value: string): string {
    const check = new InputCheck();
    const body = check.text('body', 'Message', value, ESCALATION_LIMITS.message);
    check.assertValid();
    return body;
  }

  /**
   * Writes a message. A staff message is the escalation's first response (when it is the first)
   * and makes its author the contact if there is none; the asker's reply to a case waiting on
   * them puts it back with the assignee.
   */
  private async post(
    manager: EntityManager,
    conversation: ConversationEntity,
    author: Actor,
    message: {
      body: string;
      kind: 'text' | 'callback_request';
      key: string | null;
      callback?: { from: Date; until: Date; phone: string | null };
    },
    now: Date,
  ): Promise<Posted> {
    const saved = await manager.save(
      manager.create(ConversationMessageEntity, {
        conversationId: conversation.id,
        authorId: author.id,
        kind: message.kind,
        bodyMarkdown: message.body,
        bodyHtml: message.body ? renderMarkdown(message.body) : '',
        callbackFrom: message.callback?.from ?? null,
        callbackUntil: message.callback?.until ?? null,
        callbackPhone: message.callback?.phone ?? null,
        callbackState: message.callback ? 'requested' : null,
        clientMutationId: message.key,
        createdAt: now,
      }),
    );
    await appendOutbox(manager, 'conversation.message', saved.id, { conversationId: conversation.id });
    const isAsker = author.id === conversation.askerId;
    await manager.update(
      ConversationEntity,
      { id: conversation.id },
      { lastMessageAt: now, ...(!isAsker && conversation.contactId === null ? { contactId: author.id } : {}) },
    );
    const escalation = await this.latestEscalation(manager, conversation.questionId);
    if (!isAsker) await recordStaffResponse(manager, author, conversation.questionId, now);
    if (isAsker && escalation?.status === 'waiting_on_customer') {
      const team = (await this.teams.get(manager, escalation.teamId))!;
      const clocks = clocksFor(team.entity, escalation, 'assigned', now);
      await manager.update(EscalationEntity, { id: escalation.id }, { status: 'assigned', ...clocks.columns });
      await recordEvent(
        manager,
        escalation.id,
        author.id,
        'status_changed',
        { from: 'waiting_on_customer', to: 'assigned', waitedBusinessMinutes: clocks.waitedMinutes },
        now,
      );
    }
    return { conversation: await manager.findOneByOrFail(ConversationEntity, { id: conversation.id }), message: saved, escalation };
  }

  latestEscalation(manager: EntityManager, questionId: string): Promise<EscalationEntity | null> {
    return manager.findOne(EscalationEntity, { where: { questionId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  async announce(posted: Posted): Promise<void> {
    const activity: ConversationActivityModel = {
      conversationId: posted.conversation.id,
      messageId: posted.message.id,
      authorId: posted.message.authorId,
    };
    await this.live.publish(conversationChannel(posted.conversation.id), activity);
    if (posted.escalation) {
      const change: EscalationQueueChangeModel = { escalationId: posted.escalation.id, teamId: posted.escalation.teamId, kind: 'message' };
      await this.live.publish(QUEUE_CHANNEL, change);
    }
  }
}
