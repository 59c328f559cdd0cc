import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { describeOpeningHours, isOpen } from '@peerdesk/business-time';
import { UserModel, ViewerModel } from '../identity/models/user.model';
import { authorize, can } from '../identity/policy';
import { UserService } from '../identity/user.service';
import { Ctx } from '../platform/graphql/decorators';
import type { RequestContext } from '../platform/graphql/request-context';
import { Clock } from '../platform/clock';
import { SaveTeamInput } from './dto/team.inputs';
import { LocaleValue } from '../platform/locale';
import { TeamModel } from './models/team.model';
import { hoursOf } from './opening-hours';
import { TeamService } from './team.service';

@Resolver(() => TeamModel)
export class TeamResolver {
  constructor(
    private readonly teamService: TeamService,
    private readonly users: UserService,
    private readonly clock: Clock,
  ) {}

  @Query(() => [TeamModel], { description: 'Staff: every team, by name.' })
  teams(@Ctx() ctx: RequestContext): Promise<TeamModel[]> {
    authorize(ctx.actor, 'console.use', undefined);
    return this.teamService.list();
  }

  @Mutation(() => TeamModel, { description: 'Admins: creates or updates a team with its opening hours, SLA policy and spaces.' })
  saveTeam(@Ctx() ctx: RequestContext, @Args('input') input: SaveTeamInput): Promise<TeamModel> {
    return this.teamService.save(ctx.actor, input);
  }

  @Mutation(() => TeamModel, { description: 'Admins: adds a staff member to a team.' })
  addTeamMember(
    @Ctx() ctx: RequestContext,
    @Args('teamId', { type: () => ID }) teamId: string,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<TeamModel> {
    return this.teamService.addMember(ctx.actor, teamId, userId);
  }

  @Mutation(() => TeamModel)
  removeTeamMember(
    @Ctx() ctx: RequestContext,
    @Args('teamId', { type: () => ID }) teamId: string,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<TeamModel> {
    return this.teamService.removeMember(ctx.actor, teamId, userId);
  }

  @ResolveField(() => [UserModel])
  async members(@Ctx() ctx: RequestContext, @Parent() team: TeamModel): Promise<UserModel[]> {
    const ids = await this.teamService.members(team.id);
    return (await Promise.all(ids.map((id) => this.users.load(ctx, id)))).filter((u): u is UserModel => u !== null);
  }

  @ResolveField(() => [String], { description: 'Slugs of the spaces this team handles by default.' })
  spaceSlugs(@Parent() team: TeamModel): Promise<string[]> {
    return this.teamService.spaceSlugs(team.id);
  }

  @ResolveField(() => String, { description: 'The weekly hours in one line, e.g. "Mon–Fri 08:00–18:00 (Europe/Berlin)".' })
  hoursDescription(
    @Parent() team: TeamModel,
    @Args('locale', { type: () => LocaleValue, defaultValue: LocaleValue.EN }) locale: LocaleValue,
  ): string {
    return describeOpeningHours(hoursOf(team.entity), locale);
  }

  @ResolveField(() => Boolean)
  openNow(@Parent() team: TeamModel): boolean {
    return isOpen(hoursOf(team.entity), this.clock.now());
  }
}

@Resolver(() => ViewerModel)
export class ViewerTeamsResolver {
  @ResolveField(() => Boolean, { description: 'The viewer creates and edits teams, their hours, SLA policies and members.' })
  canManageTeams(@Ctx() ctx: RequestContext): boolean {
    return can(ctx.actor, 'team.manage', undefined);
  }
}
