import { Injectable } from '@nestjs/common';
import { validateOpeningHours } from '@peerdesk/business-time';
import DataLoader from 'dataloader';
import { DataSource, In, type EntityManager } from 'typeorm';
import { authorize, can, type Actor, type EscalationRef } from '../identity/policy';
import { UserEntity } from '../identity/user.entity';
import { conflict, fieldError, InputCheck, notFound } from '../platform/errors';
import type { RequestContext } from '../platform/graphql/request-context';
import { SpaceEntity } from '../qa/space.entity';
import { isUniqueViolation } from '../platform/idempotent-create';
import { isId, parseId } from '../platform/ids';
import type { SaveTeamInput } from './dto/team.inputs';
import { toTeamModel, type TeamModel } from './models/team.model';
import { PRIORITIES, SlaTargetEntity, SpaceTeamEntity, TeamEntity, TeamMemberEntity, type Priority } from './team.entity';

const TEAMS_BY_ID = Symbol('teamsById');
const VIEWER_TEAMS = Symbol('viewerTeams');
const NAME = { min: 2, max: 80 };
/** A business week is at most 10,080 minutes; a target beyond a year of them is a typo. */
const MAX_TARGET_MINUTES = 525_600;

/** Teams with their calendars and SLA policies; who belongs to which team; which team handles which space. */
@Injectable()
export class TeamService {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<TeamModel[]> {
    const teams = await this.dataSource.getRepository(TeamEntity).find({ order: { name: 'ASC' } });
    const targets = await this.targetsOf(teams.map((t) => t.id));
    return teams.map((t) =>
      toTeamModel(
        t,
        targets.filter((s) => s.teamId === t.id),
      ),
    );
  }

  /** Per request, batched: the queue and the thread page load each team once. */
  load(ctx: RequestContext, id: string): Promise<TeamModel | null> {
    return ctx
      .loader(TEAMS_BY_ID, () => new DataLoader<string, TeamModel | null>((ids) => this.byIds(this.dataSource.manager, ids)))
      .load(id);
  }

  async byIds(manager: EntityManager, ids: readonly string[]): Promise<(TeamModel | null)[]> {
    const teams = await manager.findBy(TeamEntity, { id: In([...ids]) });
    const targets = await this.targetsOf(
      teams.map((t) => t.id),
      manager,
    );
    return ids.map((id) => {
      const team = teams.find((t) => t.id === id);
      return team
        ? toTeamModel(
            team,
            targets.filter((s) => s.teamId === id),
          )
        : null;
    });
  }

  async get(manager: EntityManager, id: string): Promise<TeamModel | null> {
    return (await this.byIds(manager, [id]))[0] ?? null;
  }

  target(team: TeamModel, priority: Priority): SlaTargetEntity {
    const target = team.sla.find((s) => s.priority === priority);
    if (!target) throw conflict(`Team "${team.name}" has no SLA target for ${priority} priority.`);
    return { teamId: team.id, ...target };
  }

  /** Ids of the teams a user belongs to. */
  async teamIdsOf(userId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { team_id: string }[] = await manager.query(`SELECT team_id FROM team_members WHERE user_id = $1`, [userId]);
    return rows.map((r) => r.team_id);
  }

  /** The viewer's teams, once per request. */
  async viewerTeamIds(ctx: RequestContext): Promise<string[]> {
    if (!ctx.actor) return [];
    const actorId = ctx.actor.id;
    return ctx
      .loader(VIEWER_TEAMS, () => new DataLoader<string, string[]>((ids) => Promise.all(ids.map((id) => this.teamIdsOf(id)))))
      .load(actorId);
  }

  async ref(manager: EntityManager, actor: Actor | null, teamId: string): Promise<EscalationRef> {
    return { inTeam: actor ? (await this.teamIdsOf(actor.id, manager)).includes(teamId) : false };
  }

  async members(teamId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await this.dataSource.query(
      `SELECT m.user_id FROM team_members m JOIN users u ON u.id = m.user_id WHERE m.team_id = $1 ORDER BY u.display_name, u.id`,
      [teamId],
    );
    return rows.map((r) => r.user_id);
  }

  async spaceSlugs(teamId: string): Promise<string[]> {
    const rows: { slug: string }[] = await this.dataSource.query(
      `SELECT s.slug FROM space_teams st JOIN spaces s ON s.id = st.space_id WHERE st.team_id = $1 ORDER BY s.position, s.slug`,
      [teamId],
    );
    return rows.map((r) => r.slug);
  }

  /** The team that handles escalations of a space, or null when none is set. */
  async forSpace(manager: EntityManager, spaceId: string): Promise<TeamModel | null> {
    const route = await manager.findOneBy(SpaceTeamEntity, { spaceId });
    return route ? this.get(manager, route.teamId) : null;
  }

  async save(actor: Actor | null, input: SaveTeamInput): Promise<TeamModel> {
    authorize(actor, 'team.manage', undefined);
    const id = input.id ? parseId(input.id, 'Team') : null;
    const check = new InputCheck();
    const name = check.text('name', 'Name', input.name.replace(/\s+/g, ' '), NAME);
    const timeZone = input.timeZone.trim();
    const hours = {
      timeZone,
      weekly: input.weekly.map((w) => ({ day: w.day, start: w.start.trim(), end: w.end.trim() })),
      holidays: input.holidays.map((h) => h.trim()),
    };
    for (const problem of validateOpeningHours(hours)) check.add(problem.field, problem.code, problem.message);
    const unanswered = input.unansweredAfterMinutes ?? null;
    if (unanswered !== null && (unanswered <= 0 || unanswered > MAX_TARGET_MINUTES))
      check.add(
        'unansweredAfterMinutes',
        'not_positive',
        'Escalate unanswered questions after a positive number of business minutes, or never.',
      );
    const dueWarning = input.dueWarningMinutes ?? 30;
    if (!Number.isInteger(dueWarning) || dueWarning < 0 || dueWarning > 1440)
      check.add('dueWarningMinutes', 'out_of_range', 'Warn between 0 and 1,440 business minutes (a day) before a target is due.');
    input.sla.forEach((target, index) => {
      for (const field of ['firstResponseMinutes', 'resolutionMinutes'] as const) {
        const value = target[field];
        if (!Number.isInteger(value) || value <= 0 || value > MAX_TARGET_MINUTES)
          check.add(`sla.${index}.${field}`, 'not_positive', 'An SLA target is a positive number of business minutes (at most a year).');
      }
      if (target.firstResponseMinutes > target.resolutionMinutes)
        check.add(`sla.${index}.resolutionMinutes`, 'before_first_response', 'Resolution cannot be due before the first response.');
    });
    const priorities = input.sla.map((t) => t.priority as Priority);
    if (PRIORITIES.some((p) => priorities.filter((q) => q === p).length !== 1))
      check.add('sla', 'one_per_priority', 'Give exactly one target for each priority: low, normal, high, urgent.');
    const slugs = [...new Set(input.spaceSlugs.map((s) => s.trim()).filter(Boolean))];
    const spaces = slugs.length > 0 ? await this.dataSource.getRepository(SpaceEntity).findBy({ slug: In(slugs) }) : [];
    const unknown = slugs.filter((s) => !spaces.some((space) => space.slug === s));
    if (unknown.length > 0) check.add('spaceSlugs', 'unknown', `Unknown space: ${unknown.join(', ')}.`);
    check.assertValid();

    try {
      return await this.dataSource.transaction(async (manager) => {
        let team: TeamEntity;
        if (id) {
          const existing = await manager.findOne(TeamEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
          if (!existing) throw notFound('Team');
          const since = unanswered === null ? null : (existing.unansweredRuleSince ?? new Date());
          await manager.update(
            TeamEntity,
            { id },
            { name, ...hours, unansweredAfterMinutes: unanswered, unansweredRuleSince: since, dueWarningMinutes: dueWarning },
          );
          team = await manager.findOneByOrFail(TeamEntity, { id });
        } else {
          team = await manager.save(
            manager.create(TeamEntity, {
              name,
              ...hours,
              unansweredAfterMinutes: unanswered,
              unansweredRuleSince: unanswered === null ? null : new Date(),
              dueWarningMinutes: dueWarning,
            }),
          );
        }
        await manager.delete(SlaTargetEntity, { teamId: team.id });
        await manager.insert(
          SlaTargetEntity,
          input.sla.map((t) => ({
            teamId: team.id,
            priority: t.priority as Priority,
            firstResponseMinutes: t.firstResponseMinutes,
            resolutionMinutes: t.resolutionMinutes,
          })),
        );
        await manager.delete(SpaceTeamEntity, { teamId: team.id });
        for (const space of spaces) await manager.upsert(SpaceTeamEntity, { spaceId: space.id, teamId: team.id }, ['spaceId']);
        return (await this.get(manager, team.id))!;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'teams_name_key')) throw fieldError('name', 'taken', 'Another team has this name.');
      throw error;
    }
  }

  /** Adds a staff member to a team; members are agents, moderators or admins. */
  async addMember(actor: Actor | null, teamIdInput: string, userIdInput: string): Promise<TeamModel> {
    authorize(actor, 'team.manage', undefined);
    const teamId = parseId(teamIdInput, 'Team');
    return this.dataSource.transaction(async (manager) => {
      const team = await this.get(manager, teamId);
      if (!team) throw notFound('Team');
      const user = isId(userIdInput) ? await manager.findOneBy(UserEntity, { id: userIdInput }) : null;
      if (!user) throw fieldError('userId', 'unknown', 'There is no such user.');
      if (!can({ id: user.id, role: user.role, trustLevel: user.trustLevel }, 'console.use', undefined))
        throw fieldError('userId', 'not_staff', 'Only staff (agents, moderators, admins) can be team members.');
      await manager.query(`INSERT INTO team_members (team_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [teamId, user.id]);
      return team;
    });
  }

  async removeMember(actor: Actor | null, teamIdInput: string, userIdInput: string): Promise<TeamModel> {
    authorize(actor, 'team.manage', undefined);
    const teamId = parseId(teamIdInput, 'Team');
    const team = await this.get(this.dataSource.manager, teamId);
    if (!team) throw notFound('Team');
    await this.dataSource.getRepository(TeamMemberEntity).delete({ teamId, userId: parseId(userIdInput, 'User') });
    return team;
  }

  private targetsOf(teamIds: string[], manager: EntityManager = this.dataSource.manager): Promise<SlaTargetEntity[]> {
    if (teamIds.length === 0) return Promise.resolve([]);
    return manager.find(SlaTargetEntity, { where: { teamId: In(teamIds) } });
  }
}
