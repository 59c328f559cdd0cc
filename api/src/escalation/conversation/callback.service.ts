import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { authorize, type Actor } from '../../identity/policy';
import { conflict, fieldError, InputCheck, notFound, unauthenticated } from '../../platform/errors';
import { parseId } from '../../platform/ids';
import { appendOutbox } from '../../platform/outbox/outbox';
import { Clock } from '../../platform/clock';
import type { ScheduleCallbackInput } from '../dto/escalation.inputs';
import { ESCALATION_LIMITS } from '../escalation.rules';
import { recordEvent } from '../escalation-timeline';
import { ConversationEntity, ConversationMessageEntity, type CallbackState } from './conversation.entity';
import { toMessageModel, type ConversationMessageModel } from './conversation.model';
import { ConversationService, type Posted } from './conversation.service';

const MINUTE = 60_000;

/** What one change sets; `event` is the timeline kind. */
interface CallbackChange {
  state: CallbackState;
  scheduledFor?: Date;
  note: string | null;
  event: 'callback_scheduled' | 'callback_rescheduled' | 'callback_done' | 'callback_cancelled';
}

/**
 * A call back request's life after the asker made it: staff schedule it (inside the asker's window,
 * or propose another time with a note), then mark it done; the asker or staff may cancel it. Each
 * change is one transaction with its timeline entry and outbox event (the asker is told); repeating
 * a change that already holds changes nothing.
 */
@Injectable()
export class CallbackService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conversations: ConversationService,
    private readonly clock: Clock,
  ) {}

  schedule(actor: Actor | null, input: ScheduleCallbackInput): Promise<ConversationMessageModel> {
    const check = new InputCheck();
    const note = this.note(check, input.note);
    const at = new Date(input.at);
    return this.change(actor, input.messageId, 'staff', (m, now) => {
      if (Number.isNaN(at.getTime()) || at.getTime() < now.getTime() - MINUTE) check.add('at', 'in_past', 'Choose a time from now on.');
      else if ((at < m.callbackFrom! || at > m.callbackUntil!) && !note)
        check.add('at', 'outside_window', 'Choose a time inside the asker’s window, or propose another time with a note.');
      check.assertValid();
      this.assertOpen(m);
      if (m.callbackState === 'scheduled' && m.callbackScheduledFor?.getTime() === at.getTime() && m.callbackStaffNote === note)
        return null;
      const event = m.callbackState === 'scheduled' ? 'callback_rescheduled' : 'callback_scheduled';
      return { state: 'scheduled', scheduledFor: at, note, event };
    });
  }

  complete(actor: Actor | null, messageId: string, noteInput: string | null | undefined): Promise<ConversationMessageModel> {
    const check = new InputCheck();
    const note = this.note(check, noteInput);
    return this.change(actor, messageId, 'staff', (m) => {
      check.assertValid();
      if (m.callbackState === 'done') return null;
      this.assertOpen(m);
      return { state: 'done', note, event: 'callback_done' };
    });
  }

  /** The asker or staff call it off. */
  cancel(actor: Actor | null, messageId: string, noteInput: string | null | undefined): Promise<ConversationMessageModel> {
    const check = new InputCheck();
    const note = this.note(check, noteInput);
    return this.change(actor, messageId, 'participant', (m) => {
      check.assertValid();
      if (m.callbackState === 'cancelled') return null;
      this.assertOpen(m);
      return { state: 'cancelled', note, event: 'callback_cancelled' };
    });
  }

  private note(check: InputCheck, value: string | null | undefined): string | null {
    const note = (value ?? '').trim();
    if (note.length > ESCALATION_LIMITS.callbackNote.max)
      check.add('note', 'too_long', `Note must be at most ${ESCALATION_LIMITS.callbackNote.max} characters.`);
    return note || null;
  }

  private assertOpen(m: ConversationMessageEntity): void {
    if (m.callbackState === 'done' || m.callbackState === 'cancelled') throw conflict(`This call back is already ${m.callbackState}.`);
  }

  /**
   * Locks the request, checks the actor (NOT_FOUND unless they take part; staff actions need
   * `escalation.act` on the question's escalation), applies the change, records and announces it.
   */
  private async change(
    actor: Actor | null,
    idInput: string,
    who: 'staff' | 'participant',
    decide: (m: ConversationMessageEntity, now: Date) => CallbackChange | null,
  ): Promise<ConversationMessageModel> {
    if (!actor) throw unauthenticated();
    const id = parseId(idInput, 'CallbackRequest');
    const now = this.clock.now();
    let posted: Posted | null = null;
    const message = await this.dataSource.transaction(async (manager) => {
      const m = await manager.findOne(ConversationMessageEntity, {
        where: { id, kind: 'callback_request' },
        lock: { mode: 'pessimistic_write' },
      });
      const conversation = m && (await manager.findOneBy(ConversationEntity, { id: m.conversationId }));
      if (!m || !conversation || !(await this.conversations.mayTakePart(manager, actor, conversation))) throw notFound('CallbackRequest');
      const ref = await this.conversations.ref(manager, actor, conversation);
      if (who === 'staff') {
        if (!ref.escalation) throw fieldError('messageId', 'no_escalation', 'Only an escalated question’s call back is worked by staff.');
        authorize(actor, 'escalation.act', ref.escalation);
      }
      const change = decide(m, now);
      if (!change) return m;
      await this.write(manager, m, conversation, actor, change, now);
      const updated = await manager.findOneByOrFail(ConversationMessageEntity, { id });
      posted = { conversation, message: updated, escalation: await this.conversations.latestEscalation(manager, conversation.questionId) };
      return updated;
    });
    if (posted) await this.conversations.announce(posted);
    return toMessageModel(message);
  }

  private async write(
    manager: EntityManager,
    m: ConversationMessageEntity,
    conversation: ConversationEntity,
    actor: Actor,
    change: CallbackChange,
    now: Date,
  ): Promise<void> {
    await manager.update(
      ConversationMessageEntity,
      { id: m.id },
      {
        callbackState: change.state,
        callbackStaffNote: change.note,
        ...(change.scheduledFor ? { callbackScheduledFor: change.scheduledFor } : {}),
      },
    );
    const escalation = await this.conversations.latestEscalation(manager, conversation.questionId);
    if (escalation) {
      const at = change.scheduledFor ?? m.callbackScheduledFor;
      await recordEvent(manager, escalation.id, actor.id, change.event, { messageId: m.id, at: at?.toISOString() ?? null }, now);
    }
    if (change.state === 'scheduled')
      await appendOutbox(manager, 'callback.scheduled', m.id, {
        conversationId: conversation.id,
        actorId: actor.id,
        rescheduled: change.event === 'callback_rescheduled',
      });
    else
      await appendOutbox(manager, 'callback.closed', m.id, {
        conversationId: conversation.id,
        actorId: actor.id,
        outcome: change.state === 'done' ? 'done' : 'cancelled',
      });
  }
}
