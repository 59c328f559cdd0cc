import { Injectable } from '@nestjs/common';
import { renderMarkdown } from '@peerdesk/markdown';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { authorize, can, type Actor } from '../identity/policy';
import { isVisible } from '../qa/visibility';
import { conflict, fieldError, InputCheck, notFound } from '../platform/errors';
import { decodeCursor, encodeCursor, pageSize, toPage } from '../platform/pagination';
import { AnswerService } from '../qa/answer.service';
import { CommentService } from '../qa/comment.service';
import { AnswerEntity } from '../qa/answer.entity';
import { checkClientMutationId, idempotentCreate } from '../platform/idempotent-create';
import { parseId } from '../platform/ids';
import { LIMITS } from '../qa/qa.rules';
import { QuestionEntity } from '../qa/question.entity';
import { StaffFaceService } from '../staff/staff-face.service';
import type { DecideStaffDraftInput, EditStaffDraftInput, RequestDraftChangesInput, SaveStaffDraftInput } from './dto/review.inputs';
import { draftFindings } from './draft-findings';
import type { ReviewedPublication } from '../qa/qa.events';
import { appendOutbox } from '../platform/outbox/outbox';
import { StaffDraftConnection, StaffDraftModel } from './models/review.models';
import { StaffDraftEntity, type DraftKind, type DraftState } from './staff-draft.entity';

/** States in which a draft is still open: it can be edited, approved or withdrawn. */
const OPEN: readonly DraftState[] = ['draft', 'changes_requested'];
const COMMENT_LIMITS = { min: 5, max: 2_000 };

export function toDraftModel(d: StaffDraftEntity): StaffDraftModel {
  return Object.assign(new StaffDraftModel(), {
    id: d.id,
    kind: d.kind,
    state: d.state,
    bodyMarkdown: d.bodyMarkdown,
    bodyHtml: renderMarkdown(d.bodyMarkdown),
    version: d.version,
    findings: d.findings,
    reviewComment: d.reviewComment,
    questionId: d.questionId,
    answerId: d.answerId,
    publishedAnswerId: d.publishedAnswerId,
    publishedCommentId: d.publishedCommentId,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    decidedAt: d.decidedAt,
    authorId: d.authorId,
    reviewerId: d.reviewerId,
  });
}

function bodyLimits(kind: DraftKind) {
  return kind === 'answer' ? LIMITS.answerBody : LIMITS.comment;
}

/** Four-eyes review of staff replies: write, edit, approve (publishes), request changes, withdraw. */
@Injectable()
export class StaffDraftService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly answers: AnswerService,
    private readonly comments: CommentService,
    private readonly faces: StaffFaceService,
    private readonly audit: AuditLogService,
  ) {}

  async get(actor: Actor | null, idInput: string): Promise<StaffDraftModel> {
    const draft = await this.load(this.dataSource.manager, actor, idInput);
    return toDraftModel(draft);
  }

  /** Drafts waiting for review, oldest first. */
  async queue(actor: Actor | null, first: number | null | undefined, after: string | null | undefined): Promise<StaffDraftConnection> {
    authorize(actor, 'draft.review', undefined);
    const size = pageSize(first, 20);
    const query = this.dataSource.getRepository(StaffDraftEntity).createQueryBuilder('d').where(`d.state IN (:...open)`, { open: OPEN });
    const cursor = decodeCursor(after, 2);
    if (cursor) query.andWhere(`(d.createdAt, d.id) > (:at, :id)`, { at: cursor[0], id: cursor[1] });
    const [rows, totalCount] = await Promise.all([
      query
        .orderBy('d.createdAt', 'ASC')
        .addOrderBy('d.id', 'ASC')
        .limit(size + 1)
        .getMany(),
      this.dataSource.getRepository(StaffDraftEntity).createQueryBuilder('d').where(`d.state IN (:...open)`, { open: OPEN }).getCount(),
    ]);
    const page = toPage(rows, size);
    const edges = page.nodes.map((d) => ({ cursor: encodeCursor([d.createdAt.toISOString(), d.id]), node: toDraftModel(d) }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
  }

  /** The viewer's own drafts on a thread (the author follows their state there); nobody else's. */
  async mineOnQuestion(actor: Actor | null, questionId: string): Promise<StaffDraftModel[]> {
    if (!actor) return [];
    const rows = await this.dataSource.getRepository(StaffDraftEntity).find({
      where: { questionId, authorId: actor.id },
      order: { createdAt: 'ASC' },
    });
    return rows.filter((d) => d.state !== 'approved').map(toDraftModel);
  }

  async save(actor: Actor | null, input: SaveStaffDraftInput): Promise<StaffDraftModel> {
    authorize(actor, 'draft.write', undefined);
    authorize(actor, 'staff.speakPublicly', await this.faces.face(actor.id));
    const key = checkClientMutationId(input.clientMutationId);
    return idempotentCreate(key, {
      constraint: 'staff_drafts_client_mutation_key',
      find: async (k) => {
        const existing = await this.dataSource.getRepository(StaffDraftEntity).findOneBy({ authorId: actor.id, clientMutationId: k });
        return existing ? toDraftModel(existing) : null;
      },
      create: () => this.create(actor, key, input),
    });
  }

  private async create(actor: Actor, key: string | null, input: SaveStaffDraftInput): Promise<StaffDraftModel> {
    const kind = input.kind as DraftKind;
    const questionId = parseId(input.questionId, 'Question');
    if (kind === 'answer' && input.answerId)
      throw fieldError('answerId', 'invalid', 'An answer is written to the question, not to an answer.');
    const check = new InputCheck();
    const body = check.text('body', kind === 'answer' ? 'Answer' : 'Comment', input.body, bodyLimits(kind));
    check.assertValid();
    return this.dataSource.transaction(async (manager) => {
      const question = await manager.findOneBy(QuestionEntity, { id: questionId });
      if (!question || !isVisible(actor, question)) throw notFound('Question');
      if (question.status === 'closed' || question.lockedAt) throw conflict('This question takes no new replies.');
      let answerId: string | null = null;
      if (input.answerId) {
        answerId = parseId(input.answerId, 'Answer');
        const answer = await manager.findOneBy(AnswerEntity, { id: answerId });
        if (!answer || answer.questionId !== questionId || !isVisible(actor, answer)) throw notFound('Answer');
      }
      const draft = await manager.save(
        manager.create(StaffDraftEntity, {
          authorId: actor.id,
          questionId,
          answerId,
          kind,
          bodyMarkdown: body,
          findings: await draftFindings(manager, body, null, actor.id),
          clientMutationId: key,
        }),
      );
      await appendOutbox(manager, 'draft.submitted', draft.id, { questionId: draft.questionId, version: draft.version });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'draft.created',
        subjectType: 'staff_draft',
        subjectId: draft.id,
        details: { questionId, kind, findings: draft.findings.map((f) => f.rule) },
      });
      return toDraftModel(draft);
    });
  }

  /** The author revises, or a reviewer improves the wording; both from the version they saw. */
  async edit(actor: Actor | null, input: EditStaffDraftInput): Promise<StaffDraftModel> {
    return this.dataSource.transaction(async (manager) => {
      const draft = await this.load(manager, actor, input.id, true);
      authorize(actor, 'draft.edit', draft);
      this.assertOpen(draft, input.expectedVersion);
      const check = new InputCheck();
      const body = check.text('body', draft.kind === 'answer' ? 'Answer' : 'Comment', input.body, bodyLimits(draft.kind));
      check.assertValid();
      const byAuthor = draft.authorId === actor.id;
      const findings = await draftFindings(manager, body, draft.id, draft.authorId);
      await manager.update(
        StaffDraftEntity,
        { id: draft.id },
        {
          bodyMarkdown: body,
          findings,
          version: draft.version + 1,
          lastEditorId: actor.id,
          // The author's revision answers a request for changes: it goes back into the queue.
          ...(byAuthor ? { state: 'draft' as const } : {}),
        },
      );
      if (byAuthor && draft.state === 'changes_requested')
        await appendOutbox(manager, 'draft.submitted', draft.id, { questionId: draft.questionId, version: draft.version + 1 });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'draft.edited',
        subjectType: 'staff_draft',
        subjectId: draft.id,
        details: { version: draft.version + 1, byAuthor, findings: findings.map((f) => f.rule) },
      });
      return toDraftModel(await manager.findOneByOrFail(StaffDraftEntity, { id: draft.id }));
    });
  }

  /** A second staff member approves: the reply is published under the author's name, marked as reviewed. */
  async approve(actor: Actor | null, input: DecideStaffDraftInput): Promise<StaffDraftModel> {
    const draft = await this.load(this.dataSource.manager, actor, input.id);
    authorize(actor, 'draft.approve', draft);
    this.assertOpen(draft, input.expectedVersion);
    const author = await this.authorActor(draft.authorId);
    const reviewed: ReviewedPublication = {
      reviewerId: actor.id,
      onPublished: async (manager, post) => {
        // The state and version are checked again under the row lock: a concurrent edit or decision wins, this one undoes.
        const updated = await manager
          .createQueryBuilder()
          .update(StaffDraftEntity)
          .set({
            state: 'approved',
            version: () => 'version + 1',
            reviewerId: actor.id,
            decidedAt: () => 'now()',
            publishedAnswerId: post.type === 'answer' ? post.id : null,
            publishedCommentId: post.type === 'comment' ? post.id : null,
          })
          .where('id = :id AND version = :version AND state IN (:...open)', { id: draft.id, version: input.expectedVersion, open: OPEN })
          .execute();
        if (!updated.affected) throw conflict('The draft changed while you were approving it. Reload it and check again.');
        await this.audit.record(manager, {
          actorId: actor.id,
          action: 'draft.approved',
          subjectType: 'staff_draft',
          subjectId: draft.id,
          details: { authorId: draft.authorId, reviewerId: actor.id, questionId: draft.questionId, [`${post.type}Id`]: post.id },
        });
      },
    };
    // The reviewer saw the draft's findings, personal data included; bank and card numbers stay refused.
    if (draft.kind === 'answer')
      await this.answers.answer(
        author,
        { questionId: draft.questionId, body: draft.bodyMarkdown, acknowledgePersonalData: true },
        reviewed,
      );
    else
      await this.comments.add(
        author,
        draft.answerId
          ? { answerId: draft.answerId, body: draft.bodyMarkdown, acknowledgePersonalData: true }
          : { questionId: draft.questionId, body: draft.bodyMarkdown, acknowledgePersonalData: true },
        reviewed,
      );
    return toDraftModel(await this.dataSource.getRepository(StaffDraftEntity).findOneByOrFail({ id: draft.id }));
  }

  async requestChanges(actor: Actor | null, input: RequestDraftChangesInput): Promise<StaffDraftModel> {
    const check = new InputCheck();
    const comment = check.text('comment', 'Your comment', input.comment, COMMENT_LIMITS);
    check.assertValid();
    return this.decide(actor, input, 'draft.approve', 'draft.changes_requested', async (manager, draft, reviewer) => {
      await manager.update(
        StaffDraftEntity,
        { id: draft.id },
        { state: 'changes_requested', reviewComment: comment, reviewerId: reviewer.id, version: draft.version + 1 },
      );
      await appendOutbox(manager, 'draft.changes_requested', draft.id, { questionId: draft.questionId, version: draft.version + 1 });
      return { comment };
    });
  }

  async withdraw(actor: Actor | null, input: DecideStaffDraftInput): Promise<StaffDraftModel> {
    return this.decide(actor, input, 'draft.withdraw', 'draft.withdrawn', async (manager, draft) => {
      await manager.update(StaffDraftEntity, { id: draft.id }, { state: 'withdrawn', decidedAt: new Date(), version: draft.version + 1 });
      return {};
    });
  }

  private async decide(
    actor: Actor | null,
    input: DecideStaffDraftInput,
    rule: 'draft.approve' | 'draft.withdraw',
    action: string,
    change: (manager: EntityManager, draft: StaffDraftEntity, actor: Actor) => Promise<Record<string, unknown>>,
  ): Promise<StaffDraftModel> {
    return this.dataSource.transaction(async (manager) => {
      const draft = await this.load(manager, actor, input.id, true);
      authorize(actor, rule, draft);
      this.assertOpen(draft, input.expectedVersion);
      const details = await change(manager, draft, actor);
      await this.audit.record(manager, {
        actorId: actor.id,
        action,
        subjectType: 'staff_draft',
        subjectId: draft.id,
        reason: typeof details.comment === 'string' ? details.comment : null,
        details: { questionId: draft.questionId, authorId: draft.authorId },
      });
      return toDraftModel(await manager.findOneByOrFail(StaffDraftEntity, { id: draft.id }));
    });
  }

  /** Loads a draft the actor may see; anyone else learns nothing about it (NOT_FOUND). */
  private async load(manager: EntityManager, actor: Actor | null, idInput: string, lock = false): Promise<StaffDraftEntity> {
    const id = parseId(idInput, 'Draft');
    const draft = await manager.findOne(StaffDraftEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!draft || !can(actor, 'draft.see', draft)) throw notFound('Draft');
    return draft;
  }

  private assertOpen(draft: StaffDraftEntity, expectedVersion: number): void {
    if (!OPEN.includes(draft.state)) throw conflict(`This draft is already ${draft.state === 'approved' ? 'published' : 'withdrawn'}.`);
    if (draft.version !== expectedVersion)
      throw conflict('Someone changed this draft meanwhile. Reload it; your text is still in the form.');
  }

  private async authorActor(userId: string): Promise<Actor> {
    const rows: { id: string; role: Actor['role']; trust_level: number; suspended_until: Date | null }[] = await this.dataSource.query(
      `SELECT id, role, trust_level, suspended_until FROM users WHERE id = $1`,
      [userId],
    );
    const row = rows[0];
    if (!row) throw notFound('Draft');
    return { id: row.id, role: row.role, trustLevel: row.trust_level, suspendedUntil: row.suspended_until };
  }
}
