import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { authorize, can } from '../identity/policy';
import { Clock } from '../platform/clock';
import type { RequestContext } from '../platform/graphql/request-context';
import { isId, parseId } from '../platform/ids';
import { decodeCursor, encodeCursor, pageSize, toPage } from '../platform/pagination';
import { TeamService } from '../teams/team.service';
import type { EscalationQueueFilter } from './dto/escalation.inputs';
import { EscalationEntity } from './escalation.entity';
import { toEscalationModel, type EscalationConnection, type EscalationModel } from './models/escalation.model';

const OPEN_BY_QUESTION = Symbol('openEscalationByQuestion');

/** Escalation reads: one escalation, a question's, and the agent queue; only what the viewer's teams may work. */
@Injectable()
export class EscalationQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TeamService,
    private readonly clock: Clock,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  async get(ctx: RequestContext, idInput: string): Promise<EscalationModel | null> {
    if (!isId(idInput)) return null;
    const escalation = await this.dataSource.getRepository(EscalationEntity).findOneBy({ id: idInput });
    if (!escalation || !(await this.canAct(ctx, escalation.teamId))) return null;
    return toEscalationModel(escalation, this.now());
  }

  async canAct(ctx: RequestContext, teamId: string): Promise<boolean> {
    if (!ctx.actor) return false;
    return can(ctx.actor, 'escalation.act', { inTeam: (await this.teams.viewerTeamIds(ctx)).includes(teamId) });
  }

  /** The question's open escalation (or latest one), batched per request. */
  forQuestion(ctx: RequestContext, questionId: string): Promise<EscalationEntity | null> {
    return ctx
      .loader(
        OPEN_BY_QUESTION,
        () =>
          new DataLoader<string, EscalationEntity | null>(async (ids) => {
            const rows = await this.dataSource
              .getRepository(EscalationEntity)
              .createQueryBuilder('e')
              .distinctOn(['e.questionId'])
              .where({ questionId: In([...ids]) })
              .orderBy('e.questionId')
              .addOrderBy('e.createdAt', 'DESC')
              .getMany();
            return ids.map((id) => rows.find((r) => r.questionId === id) ?? null);
          }),
      )
      .load(questionId);
  }

  async queue(
    ctx: RequestContext,
    filter: EscalationQueueFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<EscalationConnection> {
    authorize(ctx.actor, 'console.use', undefined);
    const actor = ctx.actor;
    const size = pageSize(first, 50);
    const mine = await this.teams.viewerTeamIds(ctx);
    const allTeams: { id: string }[] = await this.dataSource.query(`SELECT id FROM teams`);
    const visible = allTeams.map((t) => t.id).filter((id) => can(actor, 'escalation.act', { inTeam: mine.includes(id) }));
    const now = this.now();
    const query = this.dataSource.getRepository(EscalationEntity).createQueryBuilder('e').where('e.teamId = ANY(:visible)', { visible });
    if (filter?.status) query.andWhere('e.status = :status', { status: filter.status });
    else query.andWhere(`e.status <> 'resolved'`);
    if (filter?.teamId) query.andWhere('e.teamId = :teamId', { teamId: parseId(filter.teamId, 'Team') });
    if (filter?.priority) query.andWhere('e.priority = :priority', { priority: filter.priority });
    if (filter?.mine) query.andWhere('e.assigneeId = :me', { me: actor.id });
    if (filter?.breached)
      query.andWhere(
        '(e.firstResponseBreachedAt IS NOT NULL OR e.resolutionBreachedAt IS NOT NULL OR e.nextDueAt < coalesce(e.pausedAt, :now))',
        { now },
      );
    const cursor = decodeCursor(after, 2);
    if (cursor) query.andWhere('(e.nextDueAt, e.id) > (:at, :id)', { at: cursor[0], id: cursor[1] });
    const rows = await query
      .orderBy('e.nextDueAt', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(size + 1)
      .getMany();
    const page = toPage(rows, size);
    const edges = page.nodes.map((e) => ({ cursor: encodeCursor([e.nextDueAt.toISOString(), e.id]), node: toEscalationModel(e, now) }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
