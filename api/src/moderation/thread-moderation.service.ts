import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { ReputationService } from '../reputation/reputation.service';
import { authorize, type Actor } from '../identity/policy';
import { conflict, fieldError, notFound } from '../platform/errors';
import { appendOutbox } from '../platform/outbox/outbox';
import { AnswerEntity } from '../qa/answer.entity';
import { toAnswerModel, toQuestionModel } from '../qa/mappers';
import type { AnswerModel, QuestionModel } from '../qa/models/qa.models';
import { parseId } from '../platform/ids';
import { statusOf } from '../qa/question-state';
import { QuestionEntity } from '../qa/question.entity';
import type { ModerateQuestionInput } from './dto/moderation.inputs';

const MAX_REASON = 300;

/** Closing, reopening and locking threads, and staff verification of answers; each is audited. */
@Injectable()
export class ThreadModerationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
    private readonly reputation: ReputationService,
  ) {}

  async closeAsOffTopic(actor: Actor | null, input: ModerateQuestionInput): Promise<QuestionModel> {
    authorize(actor, 'question.closeAsOffTopic', undefined);
    const reason = requiredReason(input.reason, 'Say why it is off-topic; the reason is shown on the thread.');
    return this.change(actor, input.questionId, 'question.closed', reason, async (manager, question) => {
      if (question.status === 'closed') throw conflict('This question is already closed.');
      await manager.update(
        QuestionEntity,
        { id: question.id },
        { status: 'closed', closedReason: 'off_topic', closedNote: reason, lastActivityAt: new Date() },
      );
      return { reason: 'off_topic' };
    });
  }

  /** Back to solved, answered or open, as the thread's answers say. */
  async reopen(actor: Actor | null, input: ModerateQuestionInput): Promise<QuestionModel> {
    authorize(actor, 'question.reopen', undefined);
    const reason = optionalReason(input.reason);
    return this.change(actor, input.questionId, 'question.reopened', reason, async (manager, question) => {
      if (question.status !== 'closed') throw conflict('This question is not closed.');
      const status = statusOf({ ...question, closed: false });
      await manager.update(
        QuestionEntity,
        { id: question.id },
        { status, closedReason: null, closedNote: null, duplicateOfId: null, lastActivityAt: new Date() },
      );
      return { previousReason: question.closedReason, duplicateOfId: question.duplicateOfId };
    });
  }

  async lock(actor: Actor | null, input: ModerateQuestionInput): Promise<QuestionModel> {
    authorize(actor, 'question.lock', undefined);
    const reason = requiredReason(input.reason, 'Say why the thread is locked; the reason is shown on it.');
    return this.change(actor, input.questionId, 'question.locked', reason, async (manager, question) => {
      if (question.lockedAt) throw conflict('This question is already locked.');
      await manager.update(QuestionEntity, { id: question.id }, { lockedAt: new Date(), lockedReason: reason });
      return {};
    });
  }

  async unlock(actor: Actor | null, input: ModerateQuestionInput): Promise<QuestionModel> {
    authorize(actor, 'question.lock', undefined);
    const reason = optionalReason(input.reason);
    return this.change(actor, input.questionId, 'question.unlocked', reason, async (manager, question) => {
      if (!question.lockedAt) throw conflict('This question is not locked.');
      await manager.update(QuestionEntity, { id: question.id }, { lockedAt: null, lockedReason: null });
      return { lockedReason: question.lockedReason };
    });
  }

  /** Staff seal an answer "verified by {company}"; independent of the asker's acceptance. */
  async verify(actor: Actor | null, answerIdInput: string, verified: boolean): Promise<AnswerModel> {
    authorize(actor, 'answer.verify', undefined);
    const id = parseId(answerIdInput, 'Answer');
    return this.dataSource.transaction(async (manager) => {
      const answer = await manager.findOne(AnswerEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!answer || answer.moderationState !== 'published') throw notFound('Answer');
      const question = await manager.findOneByOrFail(QuestionEntity, { id: answer.questionId });
      if ((answer.verifiedAt !== null) !== verified) {
        await manager.update(
          AnswerEntity,
          { id },
          verified ? { verifiedById: actor.id, verifiedAt: new Date() } : { verifiedById: null, verifiedAt: null },
        );
        await this.audit.record(manager, {
          actorId: actor.id,
          action: verified ? 'answer.verified' : 'answer.unverified',
          subjectType: 'answer',
          subjectId: id,
          details: { questionId: answer.questionId, previouslyVerifiedById: answer.verifiedById ?? undefined },
        });
        await appendOutbox(manager, 'answer.verified', id, { questionId: answer.questionId, verified });
        if (verified && !(await this.wasVerifiedBefore(manager, id))) {
          await this.reputation.record(manager, {
            userId: answer.authorId,
            kind: 'answer.verified',
            subjectType: 'answer',
            subjectId: id,
            actorId: actor.id,
          });
        }
      }
      return toAnswerModel(await manager.findOneByOrFail(AnswerEntity, { id }), question);
    });
  }

  /** The seal's reputation is earned once per answer, however often it is removed and given again. */
  private async wasVerifiedBefore(manager: EntityManager, answerId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM audit_log WHERE action = 'answer.verified' AND subject_type = 'answer' AND subject_id = $1 LIMIT 2`,
      [answerId],
    );
    return rows.length > 1;
  }

  private change(
    actor: Actor,
    questionIdInput: string,
    action: string,
    reason: string | null,
    apply: (manager: EntityManager, question: QuestionEntity) => Promise<Record<string, unknown>>,
  ): Promise<QuestionModel> {
    const id = parseId(questionIdInput, 'Question');
    return this.dataSource.transaction(async (manager) => {
      const question = await manager.findOne(QuestionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!question || question.moderationState === 'deleted') throw notFound('Question');
      const details = await apply(manager, question);
      await this.audit.record(manager, { actorId: actor.id, action, subjectType: 'question', subjectId: id, reason, details });
      await appendOutbox(manager, 'post.moderated', id, { postType: 'question', questionId: id });
      return toQuestionModel(await manager.findOneByOrFail(QuestionEntity, { id }));
    });
  }
}

function requiredReason(reason: string | null | undefined, message: string): string {
  const text = reason?.trim() ?? '';
  if (text.length < 3) throw fieldError('reason', 'required', message);
  if (text.length > MAX_REASON) throw fieldError('reason', 'too_long', `The reason must be at most ${MAX_REASON} characters.`);
  return text;
}

function optionalReason(reason: string | null | undefined): string | null {
  const text = reason?.trim() ?? '';
  if (text.length > MAX_REASON) throw fieldError('reason', 'too_long', `The reason must be at most ${MAX_REASON} characters.`);
  return text || null;
}
