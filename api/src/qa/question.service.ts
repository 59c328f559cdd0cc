import { Injectable } from '@nestjs/common';
import { renderMarkdown } from '@peerdesk/markdown';
import { DataSource, In, type EntityManager } from 'typeorm';
import { authorize, type Actor } from '../identity/policy';
import { conflict, fieldError, InputCheck, notFound } from '../platform/errors';
import { decodeCursor, encodeCursor, pageSize, toPage } from '../platform/pagination';
import { AnswerEntity } from './answer.entity';
import type { AskQuestionInput, EditQuestionInput, QuestionFilter } from './dto/qa.inputs';
import { toQuestionModel } from './mappers';
import { QuestionSort, type QuestionConnection, type QuestionModel } from './models/qa.models';
import { QaEvents } from './qa.events';
import { checkClientMutationId, idempotentCreate } from '../platform/idempotent-create';
import { isId, parseId } from '../platform/ids';
import { LIMITS, lockedThread, normalizeTags } from './qa.rules';
import { answerAccepted } from './question-state';
import { QuestionEntity } from './question.entity';
import { RevisionEntity } from './revision.entity';
import { SpaceEntity } from './space.entity';
import { QuestionTagEntity, TagEntity } from './tag.entity';
import { isVisible } from './visibility';

/** The sort key of each order; the cursor holds its value and the id (ties broken by id, descending). */
const SORT_COLUMN: Record<QuestionSort, 'createdAt' | 'lastActivityAt' | 'solvedAt' | 'score'> = {
  [QuestionSort.NEWEST]: 'createdAt',
  [QuestionSort.ACTIVE]: 'lastActivityAt',
  [QuestionSort.RECENTLY_SOLVED]: 'solvedAt',
  [QuestionSort.VOTES]: 'score',
  [QuestionSort.UNANSWERED]: 'createdAt',
};

function sortKey(value: Date | number | null): string | number {
  return value instanceof Date ? value.toISOString() : (value ?? 0);
}

@Injectable()
export class QuestionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: QaEvents,
  ) {}

  /** Null when it does not exist or the viewer may not see it (not published, and not theirs or staff). */
  async get(id: string, viewer: Actor | null = null): Promise<QuestionModel | null> {
    if (!isId(id)) return null;
    const question = await this.dataSource.getRepository(QuestionEntity).findOneBy({ id });
    return question && isVisible(viewer, question) ? toQuestionModel(question) : null;
  }

  /** How many questions and answers a user has written (for their profile). */
  async activity(userId: string): Promise<{ questions: number; answers: number }> {
    const [row]: { questions: number; answers: number }[] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM questions WHERE author_id = $1 AND moderation_state = 'published')::int AS questions,
              (SELECT count(*) FROM answers WHERE author_id = $1 AND moderation_state = 'published')::int AS answers`,
      [userId],
    );
    return row!;
  }

  async list(
    first: number | null | undefined,
    after: string | null | undefined,
    filter: QuestionFilter | null | undefined,
    sort: QuestionSort,
  ): Promise<QuestionConnection> {
    const size = pageSize(first, 20);
    const column = SORT_COLUMN[sort];
    const query = this.dataSource.getRepository(QuestionEntity).createQueryBuilder('q').where(`q.moderationState = 'published'`);
    if (filter?.spaceSlug) {
      const space = await this.dataSource.getRepository(SpaceEntity).findOneBy({ slug: filter.spaceSlug });
      if (!space) throw fieldError('spaceSlug', 'unknown', `There is no space "${filter.spaceSlug}".`);
      query.andWhere('q.spaceId = :spaceId', { spaceId: space.id });
    }
    if (filter?.tag) {
      query.andWhere('q.id IN (SELECT qt.question_id FROM question_tags qt JOIN tags t ON t.id = qt.tag_id WHERE t.slug = :tag)', {
        tag: filter.tag,
      });
    }
    if (filter?.authorId) query.andWhere('q.authorId = :authorId', { authorId: parseId(filter.authorId, 'User') });
    if (sort === QuestionSort.RECENTLY_SOLVED) query.andWhere(`q.status = 'solved'`);
    else if (filter?.status) query.andWhere('q.status = :status', { status: filter.status });
    if (sort === QuestionSort.UNANSWERED) query.andWhere(`q.status = 'open' AND q.answerCount = 0`);
    const cursor = decodeCursor(after, 2);
    if (cursor) {
      const valid =
        column === 'score' ? Number.isInteger(cursor[0]) : typeof cursor[0] === 'string' && !Number.isNaN(Date.parse(cursor[0]));
      if (!valid || typeof cursor[1] !== 'string' || !isId(cursor[1]))
        throw fieldError('after', 'invalid', 'The cursor is not valid; start again from the first page.');
      query.andWhere(`(q.${column}, q.id) < (:at, :id)`, { at: cursor[0], id: cursor[1] });
    }
    const rows = await query
      .orderBy(`q.${column}`, 'DESC')
      .addOrderBy('q.id', 'DESC')
      .limit(size + 1)
      .getMany();
    const page = toPage(rows, size);
    const edges = page.nodes.map((q) => ({ cursor: encodeCursor([sortKey(q[column]), q.id]), node: toQuestionModel(q) }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  async ask(actor: Actor | null, input: AskQuestionInput): Promise<QuestionModel> {
    authorize(actor, 'question.ask', undefined);
    const key = checkClientMutationId(input.clientMutationId);
    return idempotentCreate(key, {
      constraint: 'questions_client_mutation_key',
      find: async (k) => {
        const existing = await this.dataSource.getRepository(QuestionEntity).findOneBy({ authorId: actor.id, clientMutationId: k });
        return existing ? toQuestionModel(existing) : null;
      },
      create: () => this.create(actor, key, input),
    });
  }

  private async create(actor: Actor, key: string | null, input: AskQuestionInput): Promise<QuestionModel> {
    const check = new InputCheck();
    const title = check.text('title', 'Title', input.title.replace(/\s+/g, ' '), LIMITS.title);
    const body = check.text('body', 'Question', input.body, LIMITS.questionBody);
    const space = await this.dataSource.getRepository(SpaceEntity).findOneBy({ slug: input.spaceSlug.trim() });
    if (!space) check.add('spaceSlug', 'unknown', 'Choose one of the spaces.');
    const tags = await this.resolveTags(check, input.tags);
    check.assertValid();
    await this.events.emitNow('post.checking', {
      actor,
      postType: 'question',
      change: 'create',
      submitted: [
        { field: 'title', text: input.title },
        { field: 'body', text: input.body },
      ],
      normalized: [
        { field: 'title', text: title },
        { field: 'body', text: body },
      ],
      acknowledgePersonalData: input.acknowledgePersonalData,
    });

    return this.dataSource.transaction(async (manager) => {
      const admission = await this.events.emit(manager, 'post.admitting', {
        actor,
        postType: 'question',
        spaceId: space!.id,
        questionId: null,
        reviewed: false,
      });
      const held = admission.some((a) => a.hold);
      const question = await manager.save(
        manager.create(QuestionEntity, {
          spaceId: space!.id,
          authorId: actor.id,
          title,
          bodyMarkdown: body,
          bodyHtml: renderMarkdown(body),
          clientMutationId: key,
          moderationState: held ? 'pending_review' : 'published',
        }),
      );
      await this.replaceTags(manager, question.id, tags);
      await manager.insert(RevisionEntity, {
        questionId: question.id,
        editorId: actor.id,
        title,
        bodyMarkdown: body,
        tags: tags.map((t) => t.slug),
      });
      await this.events.emit(manager, 'question.created', {
        actor,
        postId: question.id,
        questionId: question.id,
        spaceId: space!.id,
        moderationState: question.moderationState,
        askSession: input.askSession ? input.askSession.slice(0, 64) : null,
      });
      return toQuestionModel(await manager.findOneByOrFail(QuestionEntity, { id: question.id }));
    });
  }

  async edit(actor: Actor | null, input: EditQuestionInput): Promise<QuestionModel> {
    const id = parseId(input.id, 'Question');
    const check = new InputCheck();
    const title = check.text('title', 'Title', input.title.replace(/\s+/g, ' '), LIMITS.title);
    const body = check.text('body', 'Question', input.body, LIMITS.questionBody);
    const tags = await this.resolveTags(check, input.tags);
    return this.dataSource.transaction(async (manager) => {
      const question = await manager.findOne(QuestionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!question || !isVisible(actor, question)) throw notFound('Question');
      authorize(actor, 'post.edit', question);
      check.assertValid();
      await this.events.emit(manager, 'post.checking', {
        actor,
        postType: 'question',
        change: 'edit',
        submitted: [
          { field: 'title', text: input.title },
          { field: 'body', text: input.body },
        ],
        normalized: [
          { field: 'title', text: title },
          { field: 'body', text: body },
        ],
        acknowledgePersonalData: input.acknowledgePersonalData,
      });
      assertRevision(question, input.expectedRevision);
      const now = new Date();
      await manager.update(
        QuestionEntity,
        { id },
        { title, bodyMarkdown: body, bodyHtml: renderMarkdown(body), editedAt: now, lastActivityAt: now, revision: question.revision + 1 },
      );
      await this.replaceTags(manager, id, tags);
      await manager.insert(RevisionEntity, {
        questionId: id,
        editorId: actor.id,
        title,
        bodyMarkdown: body,
        tags: tags.map((t) => t.slug),
      });
      await this.events.emit(manager, 'question.edited', { actor, questionId: id });
      return toQuestionModel(await manager.findOneByOrFail(QuestionEntity, { id }));
    });
  }

  /** The asker (or a moderator) marks one answer as the solution; accepting another moves the mark. */
  async accept(actor: Actor | null, answerIdInput: string): Promise<QuestionModel> {
    const answerId = parseId(answerIdInput, 'Answer');
    return this.dataSource.transaction(async (manager) => {
      const answer = await manager.findOneBy(AnswerEntity, { id: answerId });
      if (!answer) throw notFound('Answer');
      const question = await manager.findOne(QuestionEntity, { where: { id: answer.questionId }, lock: { mode: 'pessimistic_write' } });
      if (!question) throw notFound('Answer');
      authorize(actor, 'answer.accept', { questionAuthorId: question.authorId });
      if (answer.moderationState !== 'published') throw notFound('Answer');
      if (question.status === 'closed') throw conflict('This question is closed.');
      if (question.lockedAt) throw lockedThread();
      if (question.acceptedAnswerId === answer.id) return toQuestionModel(question);
      await answerAccepted(manager, question.id, answer.id);
      await this.events.emit(manager, 'answer.accepted', {
        actor,
        askerId: question.authorId,
        questionId: question.id,
        answerId: answer.id,
        answerAuthorId: answer.authorId,
        previousAnswerId: question.acceptedAnswerId,
      });
      return toQuestionModel(await manager.findOneByOrFail(QuestionEntity, { id: question.id }));
    });
  }

  /** Experts and staff close a question as a duplicate; it then points to the original (never to another duplicate). */
  async closeAsDuplicate(actor: Actor | null, questionIdInput: string, duplicateOfIdInput: string): Promise<QuestionModel> {
    const id = parseId(questionIdInput, 'Question');
    if (!isId(duplicateOfIdInput)) throw fieldError('duplicateOfId', 'invalid', 'Give the number or address of the original question.');
    const targetId = duplicateOfIdInput;
    authorize(actor, 'question.closeAsDuplicate', undefined);
    if (id === targetId) throw fieldError('duplicateOfId', 'same', 'A question cannot be a duplicate of itself.');
    return this.dataSource.transaction(async (manager) => {
      const question = await manager.findOne(QuestionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!question) throw notFound('Question');
      const target = await manager.findOneBy(QuestionEntity, { id: targetId });
      if (!target) throw fieldError('duplicateOfId', 'unknown', 'The original question does not exist.');
      if (question.status === 'closed') throw conflict('This question is already closed.');
      const original = target.duplicateOfId ?? target.id;
      if (original === id) throw fieldError('duplicateOfId', 'cycle', 'That question is itself a duplicate of this one.');
      await manager.update(
        QuestionEntity,
        { id },
        { status: 'closed', closedReason: 'duplicate', duplicateOfId: original, lastActivityAt: new Date() },
      );
      await this.events.emit(manager, 'question.closed', { actor, questionId: id, reason: 'duplicate', duplicateOfId: original });
      return toQuestionModel(await manager.findOneByOrFail(QuestionEntity, { id }));
    });
  }

  private async resolveTags(check: InputCheck, input: string[]): Promise<TagEntity[]> {
    const slugs = normalizeTags(input);
    if (slugs.length > LIMITS.tagsPerQuestion) {
      check.add('tags', 'too_many', `Use at most ${LIMITS.tagsPerQuestion} tags.`);
      return [];
    }
    if (slugs.length === 0) return [];
    const found = await this.dataSource.getRepository(TagEntity).findBy({ slug: In(slugs) });
    const unknown = slugs.filter((s) => !found.some((t) => t.slug === s));
    if (unknown.length > 0) check.add('tags', 'unknown', `Unknown tag${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`);
    return slugs.map((s) => found.find((t) => t.slug === s)).filter((t): t is TagEntity => t !== undefined);
  }

  private async replaceTags(manager: EntityManager, questionId: string, tags: TagEntity[]): Promise<void> {
    await manager.delete(QuestionTagEntity, { questionId });
    if (tags.length > 0)
      await manager.insert(
        QuestionTagEntity,
        tags.map((t) => ({ questionId, tagId: t.id })),
      );
  }
}

/** Optimistic lock for edits: a stale revision means someone else edited meanwhile; nothing is written. */
export function assertRevision(post: { revision: number }, expected: number | null | undefined): void {
  if (expected !== null && expected !== undefined && expected !== post.revision) {
    throw conflict(
      `Someone else edited this post meanwhile (now revision ${post.revision}, you started from ${expected}). Reload it and apply your changes again.`,
    );
  }
}
