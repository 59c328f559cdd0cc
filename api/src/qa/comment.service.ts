import { Injectable } from '@nestjs/common';
import { renderMarkdown } from '@peerdesk/markdown';
import { DataSource } from 'typeorm';
import { authorize, type Actor } from '../identity/policy';
import { conflict, fieldError, InputCheck, notFound } from '../platform/errors';
import { AnswerEntity } from './answer.entity';
import { CommentEntity } from './comment.entity';
import type { AddCommentInput } from './dto/qa.inputs';
import { toCommentModel } from './mappers';
import type { CommentModel } from './models/qa.models';
import { checkClientMutationId, idempotentCreate } from '../platform/idempotent-create';
import { parseId } from '../platform/ids';
import { LIMITS, lockedThread } from './qa.rules';
import { QaEvents, type ReviewedPublication } from './qa.events';
import { threadTouched } from './question-state';
import { QuestionEntity } from './question.entity';
import { isVisible } from './visibility';

@Injectable()
export class CommentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: QaEvents,
  ) {}

  /** `reviewed` is given when an approved staff draft is published (four-eyes review). */
  async add(actor: Actor | null, input: AddCommentInput, reviewed?: ReviewedPublication): Promise<CommentModel> {
    authorize(actor, 'comment.create', undefined);
    if (!input.questionId === !input.answerId) throw fieldError('questionId', 'invalid', 'Comment on either a question or an answer.');
    const key = checkClientMutationId(input.clientMutationId);
    return idempotentCreate(key, {
      constraint: 'comments_client_mutation_key',
      find: async (k) => {
        const existing = await this.dataSource.getRepository(CommentEntity).findOneBy({ authorId: actor.id, clientMutationId: k });
        return existing ? toCommentModel(existing) : null;
      },
      create: () => this.create(actor, key, input, reviewed),
    });
  }

  private async create(
    actor: Actor,
    key: string | null,
    input: AddCommentInput,
    reviewed: ReviewedPublication | undefined,
  ): Promise<CommentModel> {
    const check = new InputCheck();
    const body = check.text('body', 'Comment', input.body.replace(/\s+/g, ' '), LIMITS.comment);
    check.assertValid();
    await this.events.emitNow('post.checking', {
      actor,
      postType: 'comment',
      change: 'create',
      submitted: [{ field: 'body', text: input.body }],
      normalized: [{ field: 'body', text: body }],
      acknowledgePersonalData: input.acknowledgePersonalData,
    });
    return this.dataSource.transaction(async (manager) => {
      let questionId: string;
      let answerId: string | null = null;
      if (input.answerId) {
        answerId = parseId(input.answerId, 'Answer');
        const answer = await manager.findOneBy(AnswerEntity, { id: answerId });
        if (!answer || !isVisible(actor, answer)) throw notFound('Answer');
        questionId = answer.questionId;
      } else {
        questionId = parseId(input.questionId, 'Question');
      }
      const question = await manager.findOneBy(QuestionEntity, { id: questionId });
      if (!question || !isVisible(actor, question)) throw notFound('Question');
      if (question.status === 'closed') throw conflict('This question is closed.');
      if (question.lockedAt) throw lockedThread();
      const admission = await this.events.emit(manager, 'post.admitting', {
        actor,
        postType: 'comment',
        spaceId: question.spaceId,
        questionId,
        reviewed: !!reviewed,
      });
      const comment = await manager.save(
        manager.create(CommentEntity, {
          questionId,
          answerId,
          authorId: actor.id,
          bodyMarkdown: body,
          bodyHtml: renderMarkdown(body),
          clientMutationId: key,
          reviewedById: reviewed?.reviewerId ?? null,
        }),
      );
      await threadTouched(manager, questionId);
      await this.events.emit(manager, 'comment.created', {
        actor,
        postId: comment.id,
        questionId,
        answerId,
        spaceId: question.spaceId,
        moderationState: comment.moderationState,
        bypassedReview: admission.some((a) => a.bypassedReview),
      });
      if (reviewed) await reviewed.onPublished(manager, { type: 'comment', id: comment.id });
      return toCommentModel(comment);
    });
  }
}
