import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HOOK_ORDER, QaEvents } from '../qa/qa.events';
import { AuditLogService } from './audit-log.service';

/** What the audit log keeps of qa's events: acceptances made for the asker, and questions closed as duplicates. */
@Injectable()
export class AuditListeners implements OnModuleInit {
  constructor(
    private readonly events: QaEvents,
    private readonly audit: AuditLogService,
  ) {}

  onModuleInit(): void {
    this.events.hook(
      'answer.accepted',
      'audit',
      async (tx, e) => {
        if (e.actor.id === e.askerId) return;
        await this.audit.record(tx, {
          actorId: e.actor.id,
          action: 'answer.acceptedForAsker',
          subjectType: 'answer',
          subjectId: e.answerId,
          details: { questionId: e.questionId, previousAnswerId: e.previousAnswerId },
        });
      },
      HOOK_ORDER.audit,
    );
    this.events.hook(
      'question.closed',
      'audit',
      (tx, e) =>
        this.audit.record(tx, {
          actorId: e.actor.id,
          action: 'question.closed',
          subjectType: 'question',
          subjectId: e.questionId,
          reason: e.reason,
          details: { duplicateOfId: e.duplicateOfId },
        }),
      HOOK_ORDER.audit,
    );
  }
}
