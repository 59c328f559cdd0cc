import { Injectable } from '@nestjs/common';
import { renderMarkdown } from '@peerdesk/markdown';
import { DataSource } from 'typeorm';
import { authorize, type Actor } from '../identity/policy';
import { conflict, InputCheck, notFound } from '../platform/errors';
import { decodeCursor, encodeCursor, pageSize, toPage } from '../platform/pagination';
import { AnswerEntity } from './answer.entity';
import type { AnswerQuestionInput, EditAnswerInput } from './dto/qa.inputs';
import { toAnswerModel } from './mappers';
import type { AnswerConnection, AnswerModel, QuestionModel } from './models/qa.models';
import { checkClientMutationId, idempotentCreate } from '../platform/idempotent-create';
import { parseId } from '../platform/ids';
import { LIMITS, lockedThread } from './qa.rules';
import { QuestionEntity } from './question.entity';
import { QaEvents, type ReviewedPublication } from './qa.events';
import { answerPublished, threadTouched } from './question-state';
import { assertRevision } from './question.service';
import { RevisionEntity } from './revision.entity';
import { isVisible, visibleToSql } from './visibility';

/** Thread order: the accepted answer, then staff-verified answers, then the rest. */
const RANK = `CASE WHEN a.id = :accepted THEN 0 WHEN a.verified_at IS NOT NULL THEN 1 ELSE 2 END`;

@Injectable()
export class AnswerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: QaEvents,
  ) {}

  /** Accepted answer first, then verified ones, then by score, then oldest first; keyset-paginated; only what the viewer may see. */
  async forQuestion(
    viewer: Actor | null,
    question: QuestionModel,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<AnswerConnection> {
    const size = pageSize(first, 50);
    const visible = visibleToSql(viewer, 'a');
    const query = this.dataSource
      .getRepository(AnswerEntity)
      .createQueryBuilder('a')
      .addSelect(RANK, 'rank')
      .where('a.questionId = :questionId', { questionId: question.id, accepted: question.acceptedAnswerId ?? '0' })
      .andWhere(visible.where, visible.params);
    const cursor = decodeCursor(after, 4);
    if (cursor) {
      query.andWhere(`(${RANK}, -a.score, a.createdAt, a.id) > (:rank, :negScore, :at, :id)`, {
        rank: cursor[0],
        negScore: cursor[1],
        at: cursor[2],
        id: cursor[3],
      });
    }
    const rows = await query
      .orderBy('rank', 'ASC')
      .addOrderBy('a.score', 'DESC')
      .addOrderBy('a.createdAt', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(size + 1)
      .getMany();
    const page = toPage(rows, size);
    const edges = page.nodes.map((a) => {
      const node = toAnswerModel(a, question);
      const rank = node.isAccepted ? 0 : node.verifiedAt ? 1 : 2;
      return { cursor: encodeCursor([rank, -a.score, a.createdAt.toISOString(), a.id]), node };
    });
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: question.answerCount,
    };
  }

  async get(id: string): Promise<AnswerModel | null> {
    const rows = await this.dataSource
      .getRepository(AnswerEntity)
      .createQueryBuilder('a')
      .innerJoinAndMapOne('a.question', QuestionEntity, 'q', 'q.id = a.questionId')
      .where('a.id = :id', { id })
      .getMany();
    const row = rows[0] as (AnswerEntity & { question: QuestionEntity }) | undefined;
    return row ? toAnswerModel(row, row.question) : null;
  }

  /** `reviewed` is given when an approved staff draft is published (four-eyes review). */
  async answer(actor: Actor | null, input: AnswerQuestionInput, reviewed?: ReviewedPublication): Promise<AnswerModel> {
    authorize(actor, 'answer.create', undefined);
    const questionId = parseId(input.questionId, 'Question');
    const key = checkClientMutationId(input.clientMutationId);
    return idempotentCreate(key, {
      constraint: 'answers_client_mutation_key',
      find: async (k) => {
        const existing = await this.dataSource.getRepository(AnswerEntity).findOneBy({ authorId: actor.id, clientMutationId: k });
        return existing ? this.get(existing.id) : null;
      },
      create: () => this.create(actor, questionId, key, input, reviewed),
    });
  }

  private async create(
    actor: Actor,
    questionId: string,
    key: string | null,
    input: AnswerQuestionInput,
    reviewed: ReviewedPublication | undefined,
  ): Promise<AnswerModel> {
    const check = new InputCheck();
    const body = check.text('body', 'Answer', input.body, LIMITS.answerBody);
    check.assertValid();
    await this.events.emitNow('post.checking', {
      actor,
      postType: 'answer',
      change: 'create',
      submitted: [{ field: 'body', text: input.body }],
      normalized: [{ field: 'body', text: body }],
      acknowledgePersonalData: input.acknowledgePersonalData,
    });
    return this.dataSource.transaction(async (manager) => {
      const question = await manager.findOne(QuestionEntity, { where: { id: questionId }, lock: { mode: 'pessimistic_write' } });
      if (!question) throw notFound('Question');
      if (!isVisible(actor, question)) throw notFound('Question');
      if (question.status === 'closed') throw conflict('This question is closed and takes no new answers.');
      if (question.lockedAt) throw lockedThread();
      const admission = await this.events.emit(manager, 'post.admitting', {
        actor,
        postType: 'answer',
        spaceId: question.spaceId,
        questionId,
        reviewed: !!reviewed,
      });
      const held = admission.some((a) => a.hold);
      const answer = await manager.save(
        manager.create(AnswerEntity, {
          questionId,
          authorId: actor.id,
          bodyMarkdown: body,
          bodyHtml: renderMarkdown(body),
          clientMutationId: key,
          moderationState: held ? 'pending_review' : 'published',
          reviewedById: reviewed?.reviewerId ?? null,
        }),
      );
      if (!held) await answerPublished(manager, questionId);
      await manager.insert(RevisionEntity, { answerId: answer.id, editorId: actor.id, bodyMarkdown: body });
      await this.events.emit(manager, 'answer.created', {
        actor,
        postId: answer.id,
        questionId,
        spaceId: question.spaceId,
        moderationState: answer.moderationState,
        bypassedReview: admission.some((a) => a.bypassedReview),
      });
      if (reviewed) await reviewed.onPublished(manager, { type: 'answer', id: answer.id });
      return toAnswerModel(await manager.findOneByOrFail(AnswerEntity, { id: answer.id }), question);
    });
  }

  async edit(actor: Actor | null, input: EditAnswerInput): Promise<AnswerModel> {
    const id = parseId(input.id, 'Answer');
    const check = new InputCheck();
    const body = check.text('body', 'Answer', input.body, LIMITS.answerBody);
    return this.dataSource.transaction(async (manager) => {
      const answer = await manager.findOne(AnswerEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!answer || !isVisible(actor, answer)) throw notFound('Answer');
      authorize(actor, 'post.edit', answer);
      check.assertValid();
      await this.events.emit(manager, 'post.checking', {
        actor,
        postType: 'answer',
        change: 'edit',
        submitted: [{ field: 'body', text: input.body }],
        normalized: [{ field: 'body', text: body }],
        acknowledgePersonalData: input.acknowledgePersonalData,
      });
      assertRevision(answer, input.expectedRevision);
      await manager.update(
        AnswerEntity,
        { id },
        { bodyMarkdown: body, bodyHtml: renderMarkdown(body), editedAt: new Date(), revision: answer.revision + 1 },
      );
      await threadTouched(manager, answer.questionId);
      await manager.insert(RevisionEntity, { answerId: id, editorId: actor.id, bodyMarkdown: body });
      await this.events.emit(manager, 'answer.edited', { actor, answerId: id, questionId: answer.questionId });
      const question = await manager.findOneByOrFail(QuestionEntity, { id: answer.questionId });
      return toAnswerModel(await manager.findOneByOrFail(AnswerEntity, { id }), question);
    });
  }
}
