import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HOOK_ORDER, QaEvents, type ReplyCreated } from '../qa/qa.events';
import { recordStaffResponse } from './first-response';

/** A public staff answer or comment on an escalated question is the escalation's first response (in the same transaction). */
@Injectable()
export class EscalationListeners implements OnModuleInit {
  constructor(private readonly events: QaEvents) {}

  onModuleInit(): void {
    const responded = async (tx: Parameters<typeof recordStaffResponse>[0], e: ReplyCreated) => {
      if (e.moderationState === 'published') await recordStaffResponse(tx, e.actor, e.questionId);
    };
    this.events.hook('answer.created', 'escalation', responded, HOOK_ORDER.firstResponse);
    this.events.hook('comment.created', 'escalation', responded, HOOK_ORDER.firstResponse);
  }
}
