import { Injectable } from '@nestjs/common';
import { checkPublicPost } from '@peerdesk/guardrails';
import { renderMarkdown } from '@peerdesk/markdown';
import { DataSource, type EntityManager } from 'typeorm';
import { authorize, can, type Actor } from '../identity/policy';
import { UserEntity } from '../identity/user.entity';
import { conflict, fieldError, InputCheck, notFound, unauthenticated } from '../platform/errors';
import { afterCommit } from '../platform/live/after-commit';
import { LiveEvents } from '../platform/live/live-events';
import { appendOutbox } from '../platform/outbox/outbox';
import { isVisible } from '../qa/visibility';
import { AnswerService } from '../qa/answer.service';
import { checkClientMutationId, idempotentCreate } from '../platform/idempotent-create';
import { isId, parseId } from '../platform/ids';
import { LIMITS } from '../qa/qa.rules';
import { QuestionEntity } from '../qa/question.entity';
import { DraftKindValue } from '../four-eyes/models/review.models';
import { ReviewGate } from '../four-eyes/review-gate';
import { StaffDraftService } from '../four-eyes/staff-draft.service';
import { Clock } from '../platform/clock';
import { ConversationEntity } from './conversation/conversation.entity';
import { ConversationService } from './conversation/conversation.service';
import type { EscalateQuestionInput, ResolveEscalationInput } from './dto/escalation.inputs';
import { EscalationEntity, EscalationNoteEntity, type EscalationSource, type EscalationStatus } from './escalation.entity';
import { QUEUE_CHANNEL, recordEvent, type TimelineDetails } from './escalation-timeline';
import { toEscalationModel, type EscalationModel, type EscalationQueueChangeModel } from './models/escalation.model';
import type { TeamModel } from '../teams/models/team.model';
import { ESCALATION_LIMITS } from './escalation.rules';
import { clocksFor, clockTime, type ClockColumns } from './sla-pause';
import { dueTimes, pausedMinutesOf } from './sla';
import type { Priority } from '../teams/team.entity';
import { TeamService } from '../teams/team.service';

interface OpenFields {
  question: QuestionEntity;
  team: TeamModel;
  priority: Priority;
  source: EscalationSource;
  createdById: string | null;
  reason: string | null;
  clientMutationId: string | null;
  details: TimelineDetails;
}

/**
 * Escalation commands: opened by the asker, an expert for them, staff or a rule; worked by staff of
 * their team on an SLA clock. Reads (one escalation, a question's, the queue) are `EscalationQueries`.
 */
@Injectable()
export class EscalationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TeamService,
    private readonly conversations: ConversationService,
    private readonly answers: AnswerService,
    private readonly reviewGate: ReviewGate,
    private readonly drafts: StaffDraftService,
    private readonly clock: Clock,
    private readonly live: LiveEvents,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  async escalate(actor: Actor | null, input: EscalateQuestionInput): Promise<EscalationModel> {
    if (!actor) throw unauthenticated();
    const questionId = parseId(input.questionId, 'Question');
    const key = checkClientMutationId(input.clientMutationId);
    return idempotentCreate(key, {
      constraint: 'escalations_client_mutation_key',
      find: async (k) => {
        const existing = await this.dataSource.getRepository(EscalationEntity).findOneBy({ createdById: actor.id, clientMutationId: k });
        return existing ? toEscalationModel(existing, this.now()) : null;
      },
      create: () => this.create(actor, questionId, key, input),
    });
  }

  private async create(actor: Actor, questionId: string, key: string | null, input: EscalateQuestionInput): Promise<EscalationModel> {
    const check = new InputCheck();
    const reason = input.reason?.trim() ? check.text('reason', 'Reason', input.reason, ESCALATION_LIMITS.reason) : null;
    const details =
      input.privateDetails != null
        ? check.text('privateDetails', 'Private details', input.privateDetails, ESCALATION_LIMITS.message)
        : null;
    const created = await this.dataSource.transaction(async (manager) => {
      const question = await manager.findOne(QuestionEntity, { where: { id: questionId }, lock: { mode: 'pessimistic_write' } });
      if (!question || !isVisible(actor, question)) throw notFound('Question');
      authorize(actor, 'question.escalate', question);
      const source: EscalationSource =
        question.authorId === actor.id ? 'asker' : can(actor, 'console.use', undefined) ? 'staff' : 'power_user';
      if (input.priority && source !== 'staff') check.add('priority', 'staff_only', 'Only staff set the priority of an escalation.');
      if (details !== null && source !== 'asker')
        check.add('privateDetails', 'asker_only', 'Only the person who asked shares private details with staff.');
      check.assertValid();
      if (await this.openFor(manager, question.id)) throw conflict('This question is already escalated; our team is on it.');
      const team = await this.teams.forSpace(manager, question.spaceId);
      if (!team) throw conflict('No team handles this space yet.');
      const escalation = await this.open(manager, {
        question,
        team,
        priority: (input.priority as Priority | null | undefined) ?? 'normal',
        source,
        createdById: actor.id,
        reason,
        clientMutationId: key,
        details: {},
      });
      if (!escalation) throw conflict('This question is already escalated; our team is on it.');
      if (details !== null) await this.conversations.start(manager, question, actor, details, this.now());
      return escalation;
    });
    await this.publish(created, 'escalated');
    return toEscalationModel(created, this.now());
  }

  /**
   * Escalates a question because a rule fired ("unanswered" after N business hours, "flagged"); a no-op
   * when it already has an open escalation or its space has no team. Runs in the caller's transaction.
   */
  async escalateByRule(manager: EntityManager, questionId: string, rule: 'unanswered' | 'flagged', detail: string): Promise<void> {
    const question = await manager.findOneBy(QuestionEntity, { id: questionId });
    if (!question || (await this.openFor(manager, questionId))) return;
    const team = await this.teams.forSpace(manager, question.spaceId);
    if (!team) return;
    const escalation = await this.open(manager, {
      question,
      team,
      priority: rule === 'flagged' ? 'high' : 'normal',
      source: 'rule',
      createdById: null,
      reason: detail.slice(0, ESCALATION_LIMITS.reason.max),
      clientMutationId: null,
      details: { rule },
    });
    if (escalation) await afterCommit(manager, () => this.publish(escalation, 'escalated'));
  }

  claim(actor: Actor | null, id: string): Promise<EscalationModel> {
    return this.act(actor, id, 'claimed', async (manager, e, who) => {
      if (e.assigneeId === who.id) return null;
      await manager.update(EscalationEntity, { id: e.id }, { assigneeId: who.id, status: e.status === 'new' ? 'assigned' : e.status });
      await appendOutbox(manager, 'escalation.assigned', e.id, { assigneeId: who.id, questionId: e.questionId });
      return { from: e.assigneeId };
    });
  }

  assign(actor: Actor | null, id: string, assigneeIdInput: string | null): Promise<EscalationModel> {
    return this.act(actor, id, assigneeIdInput ? 'assigned' : 'unassigned', async (manager, e): Promise<TimelineDetails | null> => {
      if (!assigneeIdInput) {
        if (e.assigneeId === null) return null;
        const clocks = await this.statusClocks(manager, e, 'new');
        await manager.update(EscalationEntity, { id: e.id }, { assigneeId: null, status: 'new', ...clocks.columns });
        return { from: e.assigneeId, ...clocks.details };
      }
      const user = isId(assigneeIdInput) ? await manager.findOneBy(UserEntity, { id: assigneeIdInput }) : null;
      if (!user) throw fieldError('assigneeId', 'unknown', 'There is no such user.');
      const assignee: Actor = { id: user.id, role: user.role, trustLevel: user.trustLevel };
      if (!can(assignee, 'escalation.act', await this.teams.ref(manager, assignee, e.teamId)))
        throw fieldError('assigneeId', 'not_staff', 'Assign the escalation to staff of its team.');
      if (e.assigneeId === user.id) return null;
      await manager.update(EscalationEntity, { id: e.id }, { assigneeId: user.id, status: e.status === 'new' ? 'assigned' : e.status });
      await appendOutbox(manager, 'escalation.assigned', e.id, { assigneeId: user.id, questionId: e.questionId });
      return { assigneeId: user.id, assignee: user.displayName };
    });
  }

  setPriority(actor: Actor | null, id: string, priority: Priority): Promise<EscalationModel> {
    return this.act(actor, id, 'priority_changed', async (manager, e) => {
      if (e.priority === priority) return null;
      const team = (await this.teams.get(manager, e.teamId))!;
      const due = dueTimes(team.entity, this.teams.target(team, priority), e.createdAt, e.firstRespondedAt, pausedMinutesOf(e));
      await manager.update(EscalationEntity, { id: e.id }, { priority, ...due, ...this.unbreached(e, due, clockTime(e, this.now())) });
      if (!e.firstRespondedAt)
        await appendOutbox(manager, 'escalation.promise_changed', e.id, { questionId: e.questionId, reason: 'priority' });
      return { from: e.priority, to: priority };
    });
  }

  /** Hands the escalation to another team: its calendar and SLA apply, and it waits there unassigned. */
  forward(actor: Actor | null, id: string, teamIdInput: string): Promise<EscalationModel> {
    return this.act(actor, id, 'forwarded', async (manager, e) => {
      const team = isId(teamIdInput) ? await this.teams.get(manager, teamIdInput) : null;
      if (!team) throw fieldError('teamId', 'unknown', 'There is no such team.');
      if (team.id === e.teamId) throw fieldError('teamId', 'same', 'The escalation is already with this team.');
      const from = (await this.teams.get(manager, e.teamId))!;
      // A wait on the customer ends here and counts in the calendar of the team it happened with.
      const clocks = await this.statusClocks(manager, e, 'new');
      const waited = { ...e, ...clocks.columns };
      const due = dueTimes(team.entity, this.teams.target(team, e.priority), e.createdAt, e.firstRespondedAt, pausedMinutesOf(waited));
      await manager.update(
        EscalationEntity,
        { id: e.id },
        { teamId: team.id, assigneeId: null, status: 'new', ...clocks.columns, ...due, ...this.unbreached(waited, due, this.now()) },
      );
      if (!e.firstRespondedAt)
        await appendOutbox(manager, 'escalation.promise_changed', e.id, { questionId: e.questionId, reason: 'team' });
      return { from: from.name, to: team.name, toTeamId: team.id, ...clocks.details };
    });
  }

  setStatus(actor: Actor | null, id: string, status: EscalationStatus): Promise<EscalationModel> {
    return this.act(actor, id, 'status_changed', async (manager, e) => {
      if (status === 'resolved') throw fieldError('status', 'use_resolve', 'Resolve the escalation with resolveEscalation.');
      if (status === 'new') throw fieldError('status', 'use_unassign', 'An escalation is new again when it is unassigned.');
      if (e.assigneeId === null) throw fieldError('status', 'no_assignee', 'Claim or assign the escalation first.');
      if (e.status === status) return null;
      const clocks = await this.statusClocks(manager, e, status);
      await manager.update(EscalationEntity, { id: e.id }, { status, ...clocks.columns });
      return { from: e.status, to: status, ...clocks.details };
    });
  }

  async addNote(actor: Actor | null, id: string, bodyInput: string): Promise<EscalationModel> {
    const check = new InputCheck();
    const body = check.text('body', 'Note', bodyInput, ESCALATION_LIMITS.note);
    return this.act(actor, id, null, async (manager, e, who) => {
      check.assertValid();
      await manager.insert(EscalationNoteEntity, {
        escalationId: e.id,
        authorId: who.id,
        bodyMarkdown: body,
        bodyHtml: renderMarkdown(body),
        createdAt: this.now(),
      });
      return null;
    });
  }

  /**
   * Resolves an escalation. When there was a private conversation, a public summary (no personal
   * data) is required, so the next customer with the same problem finds the outcome. It goes to the
   * thread as the resolver's answer through the same gates as every staff answer: where the space
   * wants four-eyes review, it becomes a draft that a second staff member publishes, and the
   * escalation is resolved meanwhile (the customer's case is done; the public write-up follows).
   */
  async resolve(actor: Actor | null, input: ResolveEscalationInput): Promise<EscalationModel> {
    if (!actor) throw unauthenticated();
    const id = parseId(input.id, 'Escalation');
    const current = await this.dataSource.getRepository(EscalationEntity).findOneBy({ id });
    if (!current || !can(actor, 'escalation.act', await this.teams.ref(this.dataSource.manager, actor, current.teamId)))
      throw notFound('Escalation');
    if (current.status === 'resolved') throw conflict('This escalation is already resolved.');
    await this.assertNoOpenCallback(this.dataSource.manager, current.questionId);
    const hadConversation = await this.dataSource.getRepository(ConversationEntity).existsBy({ questionId: current.questionId });
    const check = new InputCheck();
    const summary =
      input.summary?.trim() || hadConversation ? check.text('summary', 'Resolution summary', input.summary, LIMITS.answerBody) : null;
    if (summary && check.valid) {
      const kinds = [...new Set(checkPublicPost(summary).findings.map((f) => f.kind.replace('_', ' ')))];
      if (kinds.length > 0)
        check.add('summary', 'personal_data', `The summary is public; leave out personal data (found: ${kinds.join(', ')}).`);
    }
    check.assertValid();
    const clientMutationId = `resolution-summary-${id}`;
    const question = await this.dataSource.getRepository(QuestionEntity).findOneByOrFail({ id: current.questionId });
    const viaReview = summary !== null && (await this.reviewGate.needsDraft(this.dataSource.manager, actor, question.spaceId));
    const answer =
      summary && !viaReview ? await this.answers.answer(actor, { questionId: question.id, body: summary, clientMutationId }) : null;
    const draft =
      summary && viaReview
        ? await this.drafts.save(actor, { kind: DraftKindValue.ANSWER, questionId: question.id, body: summary, clientMutationId })
        : null;
    return this.act(actor, id, 'resolved', async (manager, e) => {
      await this.assertNoOpenCallback(manager, e.questionId);
      const now = this.now();
      const clocks = await this.statusClocks(manager, e, 'resolved');
      const resolutionDueAt = clocks.columns.resolutionDueAt ?? e.resolutionDueAt;
      await manager.update(
        EscalationEntity,
        { id: e.id },
        {
          status: 'resolved',
          resolvedAt: now,
          summaryAnswerId: answer?.id ?? null,
          ...clocks.columns,
          resolutionBreachedAt: e.resolutionBreachedAt ?? (now > resolutionDueAt ? now : null),
        },
      );
      await appendOutbox(manager, 'escalation.resolved', e.id, { questionId: e.questionId });
      return { summaryAnswerId: answer?.id ?? null, summaryDraftId: draft?.id ?? null, ...clocks.details };
    });
  }

  /** The customer waits for a call: it is done or cancelled before the case is resolved. */
  private async assertNoOpenCallback(manager: EntityManager, questionId: string): Promise<void> {
    if (await this.conversations.openCallback(manager, questionId))
      throw fieldError('callback', 'callback_open', 'A call back is still open: mark it done or cancel it before resolving.');
  }

  /** Clears breach marks that no longer hold after the due times moved later; `at` is where the SLA clocks stand. */
  private unbreached(
    e: Pick<EscalationEntity, 'firstResponseBreachedAt' | 'firstRespondedAt' | 'resolutionBreachedAt'>,
    due: { firstResponseDueAt: Date; resolutionDueAt: Date },
    at: Date,
  ) {
    return {
      firstResponseBreachedAt:
        e.firstResponseBreachedAt && (e.firstRespondedAt ?? at) > due.firstResponseDueAt ? e.firstResponseBreachedAt : null,
      resolutionBreachedAt: e.resolutionBreachedAt && at > due.resolutionDueAt ? e.resolutionBreachedAt : null,
    };
  }

  /**
   * The SLA clock columns for moving the escalation to `status` (waiting on the customer pauses
   * them), with the breaches found at the start of a pause recorded on the timeline.
   */
  private async statusClocks(
    manager: EntityManager,
    e: EscalationEntity,
    status: EscalationStatus,
  ): Promise<{ columns: ClockColumns; details: TimelineDetails }> {
    if ((status === 'waiting_on_customer') === (e.pausedAt !== null)) return { columns: {}, details: {} };
    const now = this.now();
    const team = (await this.teams.get(manager, e.teamId))!;
    const change = clocksFor(team.entity, e, status, now);
    for (const kind of change.breaches) await recordEvent(manager, e.id, null, kind, {}, now);
    return { columns: change.columns, details: change.waitedMinutes === null ? {} : { waitedBusinessMinutes: change.waitedMinutes } };
  }

  /**
   * One staff action on an open escalation: locks it, checks the actor may work it (else NOT_FOUND,
   * revealing nothing), applies the change, records it on the timeline and tells the console.
   * `change` returns the timeline details, or null when nothing changed.
   */
  private async act(
    actor: Actor | null,
    idInput: string,
    kind: string | null,
    change: (manager: EntityManager, e: EscalationEntity, actor: Actor) => Promise<TimelineDetails | null>,
  ): Promise<EscalationModel> {
    if (!actor) throw unauthenticated();
    const id = parseId(idInput, 'Escalation');
    let changed = false;
    const updated = await this.dataSource.transaction(async (manager) => {
      const e = await manager.findOne(EscalationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!e || !can(actor, 'escalation.act', await this.teams.ref(manager, actor, e.teamId))) throw notFound('Escalation');
      if (e.status === 'resolved') throw conflict('This escalation is resolved.');
      const details = await change(manager, e, actor);
      if (details !== null) {
        changed = true;
        if (kind) await recordEvent(manager, e.id, actor.id, kind, details, this.now());
      }
      return manager.findOneByOrFail(EscalationEntity, { id });
    });
    if (changed) await this.publish(updated, kind ?? 'note_added');
    return toEscalationModel(updated, this.now());
  }

  /** Inserts the escalation with its SLA due times; null when the question already has an open one. */
  private async open(manager: EntityManager, fields: OpenFields): Promise<EscalationEntity | null> {
    const now = this.now();
    const due = dueTimes(fields.team.entity, this.teams.target(fields.team, fields.priority), now, null);
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO escalations (question_id, team_id, priority, source, created_by_id, reason, client_mutation_id,
                                first_response_due_at, resolution_due_at, next_due_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (question_id) WHERE status <> 'resolved' DO NOTHING RETURNING id`,
      [
        fields.question.id,
        fields.team.id,
        fields.priority,
        fields.source,
        fields.createdById,
        fields.reason,
        fields.clientMutationId,
        due.firstResponseDueAt,
        due.resolutionDueAt,
        due.nextDueAt,
        now,
      ],
    );
    const id = rows[0]?.id;
    if (!id) return null;
    await recordEvent(
      manager,
      id,
      fields.createdById,
      'escalated',
      { source: fields.source, priority: fields.priority, team: fields.team.name, ...fields.details },
      now,
    );
    await appendOutbox(manager, 'escalation.created', id, { questionId: fields.question.id });
    return manager.findOneByOrFail(EscalationEntity, { id });
  }

  private openFor(manager: EntityManager, questionId: string): Promise<boolean> {
    return manager
      .getRepository(EscalationEntity)
      .createQueryBuilder('e')
      .where(`e.questionId = :questionId AND e.status <> 'resolved'`, { questionId })
      .getExists();
  }

  async publish(e: Pick<EscalationEntity, 'id' | 'teamId'>, kind: string): Promise<void> {
    const change: EscalationQueueChangeModel = { escalationId: e.id, teamId: e.teamId, kind };
    await this.live.publish(QUEUE_CHANNEL, change);
  }
}
