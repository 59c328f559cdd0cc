import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { UserModel } from '../identity/models/user.model';
import { authorize, can } from '../identity/policy';
import { UserService } from '../identity/user.service';
import { Ctx } from '../platform/graphql/decorators';
import type { RequestContext } from '../platform/graphql/request-context';
import { LiveEvents, perEvent } from '../platform/live/live-events';
import { currentActor } from '../platform/live/subscriptions';
import { QuestionModel } from '../qa/models/qa.models';
import { toQuestionModel } from '../qa/mappers';
import { QuestionEntity } from '../qa/question.entity';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { ConversationService } from './conversation/conversation.service';
import { EscalateQuestionInput, EscalationQueueFilter, ResolveEscalationInput } from './dto/escalation.inputs';
import { EscalationEventEntity, EscalationNoteEntity } from './escalation.entity';
import { QUEUE_CHANNEL } from './escalation-timeline';
import { EscalationQueries } from './escalation-queries';
import { EscalationService } from './escalation.service';
import { CallbackRequestModel, ConversationModel, toCallbackModel } from './conversation/conversation.model';
import {
  EscalationConnection,
  EscalationEventModel,
  EscalationModel,
  EscalationNoteModel,
  EscalationQueueChangeModel,
  EscalationStatusValue,
} from './models/escalation.model';
import { EscalationPriorityValue, TeamModel } from '../teams/models/team.model';
import { remainingBusinessMinutes } from './sla';
import { clockTime } from './sla-pause';
import type { Priority } from '../teams/team.entity';
import { TeamService } from '../teams/team.service';

/** Timeline and notes of one escalation are short; the newest this many are shown. */
const HISTORY_LIMIT = 200;
const QUESTIONS_BY_ID = Symbol('escalationQuestions');

@Resolver(() => EscalationModel)
export class EscalationResolver {
  constructor(
    private readonly escalations: EscalationService,
    private readonly queries: EscalationQueries,
    private readonly teams: TeamService,
    private readonly conversations: ConversationService,
    private readonly users: UserService,
    private readonly live: LiveEvents,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => EscalationConnection, {
    description: 'Staff: open escalations of the viewer’s teams (all for moderators and admins), the soonest due first.',
  })
  escalationQueue(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => EscalationQueueFilter, nullable: true }) filter: EscalationQueueFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<EscalationConnection> {
    return this.queries.queue(ctx, filter, first, after);
  }

  @Query(() => EscalationModel, { nullable: true, description: 'Null when it does not exist or the viewer may not work on it.' })
  escalation(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<EscalationModel | null> {
    return this.queries.get(ctx, id);
  }

  @Mutation(() => EscalationModel, { description: 'The asker, an expert on their behalf, or staff hand the question to the company.' })
  escalateQuestion(@Ctx() ctx: RequestContext, @Args('input') input: EscalateQuestionInput): Promise<EscalationModel> {
    return this.escalations.escalate(ctx.actor, input);
  }

  @Mutation(() => EscalationModel)
  claimEscalation(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<EscalationModel> {
    return this.escalations.claim(ctx.actor, id);
  }

  @Mutation(() => EscalationModel, { description: 'Assigns to a staff member of the escalation’s team; without assigneeId, unassigns.' })
  assignEscalation(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('assigneeId', { type: () => ID, nullable: true }) assigneeId: string | null,
  ): Promise<EscalationModel> {
    return this.escalations.assign(ctx.actor, id, assigneeId);
  }

  @Mutation(() => EscalationModel, { description: 'Due times are recomputed from the escalation’s start.' })
  setEscalationPriority(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('priority', { type: () => EscalationPriorityValue }) priority: EscalationPriorityValue,
  ): Promise<EscalationModel> {
    return this.escalations.setPriority(ctx.actor, id, priority as Priority);
  }

  @Mutation(() => EscalationModel, { description: 'Hands the escalation to another team; its calendar and SLA apply from then on.' })
  forwardEscalation(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('teamId', { type: () => ID }) teamId: string,
  ): Promise<EscalationModel> {
    return this.escalations.forward(ctx.actor, id, teamId);
  }

  @Mutation(() => EscalationModel, { description: 'assigned or waiting_on_customer; resolve with resolveEscalation.' })
  setEscalationStatus(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('status', { type: () => EscalationStatusValue }) status: EscalationStatusValue,
  ): Promise<EscalationModel> {
    return this.escalations.setStatus(ctx.actor, id, status);
  }

  @Mutation(() => EscalationModel)
  resolveEscalation(@Ctx() ctx: RequestContext, @Args('input') input: ResolveEscalationInput): Promise<EscalationModel> {
    return this.escalations.resolve(ctx.actor, input);
  }

  @Mutation(() => EscalationModel, { description: 'An internal note, seen by staff only.' })
  addEscalationNote(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('body') body: string,
  ): Promise<EscalationModel> {
    return this.escalations.addNote(ctx.actor, id, body);
  }

  @Subscription(() => EscalationQueueChangeModel, {
    description: 'Staff: an escalation of one of the viewer’s teams was created or changed.',
    resolve: (change: EscalationQueueChangeModel) => change,
  })
  async escalationQueueChanged(@Ctx() ctx: RequestContext): Promise<AsyncIterableIterator<EscalationQueueChangeModel>> {
    authorize(ctx.actor, 'console.use', undefined);
    const source = this.live.subscribe<EscalationQueueChangeModel>(QUEUE_CHANNEL);
    // Session, role and teams are read again for every change: access that ended stops deliveries.
    return perEvent(source, async (change) => {
      const actor = await currentActor(ctx);
      authorize(actor, 'console.use', undefined);
      return can(actor, 'escalation.act', { inTeam: (await this.teams.teamIdsOf(actor.id)).includes(change.teamId) });
    });
  }

  @ResolveField(() => QuestionModel)
  async question(@Ctx() ctx: RequestContext, @Parent() e: EscalationModel): Promise<QuestionModel> {
    const loader = ctx.loader(
      QUESTIONS_BY_ID,
      () =>
        new DataLoader<string, QuestionModel>(async (ids) => {
          const rows = await this.dataSource.getRepository(QuestionEntity).findBy({ id: In([...ids]) });
          return ids.map((id) => toQuestionModel(rows.find((q) => q.id === id)!));
        }),
    );
    return loader.load(e.entity.questionId);
  }

  @ResolveField(() => TeamModel)
  async team(@Ctx() ctx: RequestContext, @Parent() e: EscalationModel): Promise<TeamModel> {
    return (await this.teams.load(ctx, e.entity.teamId))!;
  }

  @ResolveField(() => UserModel, { nullable: true })
  assignee(@Ctx() ctx: RequestContext, @Parent() e: EscalationModel): Promise<UserModel | null> | null {
    return e.entity.assigneeId ? this.users.load(ctx, e.entity.assigneeId) : null;
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Null when a rule escalated.' })
  createdBy(@Ctx() ctx: RequestContext, @Parent() e: EscalationModel): Promise<UserModel | null> | null {
    return e.entity.createdById ? this.users.load(ctx, e.entity.createdById) : null;
  }

  @ResolveField(() => Int, {
    description: 'Business minutes of the team’s calendar until the next due time; negative when overdue. Stands still while slaPaused.',
  })
  async remainingBusinessMinutes(@Ctx() ctx: RequestContext, @Parent() e: EscalationModel): Promise<number> {
    const team = (await this.teams.load(ctx, e.entity.teamId))!;
    return remainingBusinessMinutes(team.entity, e.nextDueAt, clockTime(e.entity, this.queries.now()));
  }

  @ResolveField(() => Boolean, { description: 'Resolving needs a public summary, because there was a private conversation.' })
  async summaryRequired(@Ctx() ctx: RequestContext, @Parent() e: EscalationModel): Promise<boolean> {
    return (await this.conversations.forQuestion(ctx, e.entity.questionId)) !== null;
  }

  @ResolveField(() => ConversationModel, { nullable: true })
  conversation(@Ctx() ctx: RequestContext, @Parent() e: EscalationModel): Promise<ConversationModel | null> {
    return this.conversations.forQuestion(ctx, e.entity.questionId);
  }

  @ResolveField(() => CallbackRequestModel, { nullable: true, description: 'The asker’s latest call back request.' })
  async callbackRequest(@Parent() e: EscalationModel): Promise<CallbackRequestModel | null> {
    const message = await this.conversations.callbackFor(e.entity.questionId);
    return message ? toCallbackModel(message) : null;
  }

  @ResolveField(() => [EscalationNoteModel], { description: 'Internal notes, oldest first (the newest 200).' })
  async notes(@Parent() e: EscalationModel): Promise<EscalationNoteModel[]> {
    const rows = await this.dataSource
      .getRepository(EscalationNoteEntity)
      .find({ where: { escalationId: e.id }, order: { id: 'DESC' }, take: HISTORY_LIMIT });
    return rows.reverse().map((n) => ({ id: n.id, bodyHtml: n.bodyHtml, createdAt: n.createdAt, authorId: n.authorId }));
  }

  @ResolveField(() => [EscalationEventModel], { description: 'Every change, oldest first (the newest 200).' })
  async timeline(@Parent() e: EscalationModel): Promise<EscalationEventModel[]> {
    const rows = await this.dataSource
      .getRepository(EscalationEventEntity)
      .find({ where: { escalationId: e.id }, order: { id: 'DESC' }, take: HISTORY_LIMIT });
    return rows
      .reverse()
      .map((ev) => ({ id: ev.id, kind: ev.kind, details: JSON.stringify(ev.details), createdAt: ev.createdAt, actorId: ev.actorId }));
  }
}

@Resolver(() => EscalationNoteModel)
export class EscalationNoteResolver {
  constructor(private readonly users: UserService) {}

  @ResolveField(() => UserModel)
  async author(@Ctx() ctx: RequestContext, @Parent() note: EscalationNoteModel): Promise<UserModel> {
    return (await this.users.load(ctx, note.authorId))!;
  }
}

@Resolver(() => EscalationEventModel)
export class EscalationEventResolver {
  constructor(private readonly users: UserService) {}

  @ResolveField(() => UserModel, { nullable: true, description: 'Null for the system (rules, SLA clock).' })
  actor(@Ctx() ctx: RequestContext, @Parent() event: EscalationEventModel): Promise<UserModel | null> | null {
    return event.actorId ? this.users.load(ctx, event.actorId) : null;
  }
}
