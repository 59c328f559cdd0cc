import { Injectable } from '@nestjs/common';
import { renderMarkdown } from '@peerdesk/markdown';
import { DataSource } from 'typeorm';
import { authorize, type Actor } from '../identity/policy';
import { conflict, fieldError, InputCheck, notFound } from '../platform/errors';
import { appendOutbox } from '../platform/outbox/outbox';
import { AnswerEntity } from './answer.entity';
import { CommentEntity } from './comment.entity';
import type { AddCommentInput } from './dto/qa.inputs';
import { toCommentModel } from './mappers';
import type { CommentModel } from './models/qa.models';
import { checkClientMutationId, isUniqueViolation, LIMITS, parseId } from './qa.rules';
import { QuestionEntity } from './question.entity';

@Injectable()
export class CommentService {
  constructor(private readonly dataSource: DataSource) {}

  async add(actor: Actor | null, input: AddCommentInput): Promise<CommentModel> {
    authorize(actor, 'comment.create', undefined);
    if (!input.questionId === !input.answerId) throw fieldError('questionId', 'invalid', 'Comment on either a question or an answer.');
    const key = checkClientMutationId(input.clientMutationId);
    const repeat = async () => {
      const existing = key
        ? await this.dataSource.getRepository(CommentEntity).findOneBy({ authorId: actor.id, clientMutationId: key })
        : null;
      return existing ? toCommentModel(existing) : null;
    };
    const repeated = await repeat();
    if (repeated) return repeated;

    const check = new InputCheck();
    const body = check.text('body', 'Comment', input.body.replace(/\s+/g, ' '), LIMITS.comment);
    check.assertValid();
    try {
      return await this.dataSource.transaction(async (manager) => {
        let questionId: string;
        let answerId: string | null = null;
        if (input.answerId) {
          answerId = parseId(input.answerId, 'Answer');
          const answer = await manager.findOneBy(AnswerEntity, { id: answerId });
          if (!answer) throw notFound('Answer');
          questionId = answer.questionId;
        } else {
          questionId = parseId(input.questionId, 'Question');
        }
        const question = await manager.findOneBy(QuestionEntity, { id: questionId });
        if (!question) throw notFound('Question');
        if (question.status === 'closed') throw conflict('This question is closed.');
        const comment = await manager.save(
          manager.create(CommentEntity, {
            questionId,
            answerId,
            authorId: actor.id,
            bodyMarkdown: body,
            bodyHtml: renderMarkdown(body),
            clientMutationId: key,
          }),
        );
        await manager.query(`UPDATE questions SET last_activity_at = now() WHERE id = $1`, [questionId]);
        await appendOutbox(manager, 'comment.created', comment.id, { questionId, answerId });
        return toCommentModel(comment);
      });
    } catch (error) {
      if (key && isUniqueViolation(error, 'comments_client_mutation_key')) return (await repeat())!;
      throw error;
    }
  }
}
