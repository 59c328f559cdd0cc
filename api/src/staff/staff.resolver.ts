import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { describeOpeningHours, isOpen } from '@peerdesk/business-time';
import { LocaleValue } from '../platform/locale';
import { DataSource } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { UserModel } from '../identity/models/user.model';
import { authorize, can } from '../identity/policy';
import { InputCheck } from '../platform/errors';
import { Ctx, Public } from '../platform/graphql/decorators';
import type { RequestContext } from '../platform/graphql/request-context';
import { isRealDisplayName } from './display-name';
import { UpdateStaffNameInput } from './dto/staff.inputs';
import { PublicTeamModel, StaffFaceModel, TeamBadgeModel } from './models/staff.models';
import { StaffFaceService } from './staff-face.service';
import { TeamFacesService } from './team-faces.service';
import { UserService } from '../identity/user.service';

const NAME_LIMITS = { min: 2, max: 40 };

@Resolver(() => UserModel)
export class StaffFaceResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly faces: StaffFaceService,
    private readonly teams: TeamFacesService,
    private readonly audit: AuditLogService,
  ) {}

  @ResolveField(() => [TeamBadgeModel], { description: 'The teams of a staff member (empty for members).' })
  staffTeams(@Ctx() ctx: RequestContext, @Parent() user: UserModel): Promise<TeamBadgeModel[]> | TeamBadgeModel[] {
    return user.isStaff ? this.teams.badges(ctx, user.id) : [];
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Version of the staff photo (served at /staff/photos/{id}?v={photoVersion}); null without a photo.',
  })
  photoVersion(@Ctx() ctx: RequestContext, @Parent() user: UserModel): Promise<string | null> | null {
    return user.isStaff ? this.faces.photoVersion(ctx, user.id) : null;
  }

  @Query(() => StaffFaceModel, { description: 'The signed-in staff member’s public face.' })
  async myStaffFace(@Ctx() ctx: RequestContext): Promise<StaffFaceModel> {
    authorize(ctx.actor, 'staff.editFace', undefined);
    return this.toModel(ctx, await this.faces.face(ctx.actor.id));
  }

  @Mutation(() => StaffFaceModel, { description: 'Staff post under a real name; e-mail-like names and placeholders are refused.' })
  async updateStaffName(@Ctx() ctx: RequestContext, @Args('input') input: UpdateStaffNameInput): Promise<StaffFaceModel> {
    authorize(ctx.actor, 'staff.editFace', undefined);
    const actor = ctx.actor;
    const check = new InputCheck();
    const name = check.text('displayName', 'Display name', input.displayName.replace(/\s+/g, ' '), NAME_LIMITS);
    if (check.valid && !isRealDisplayName(name))
      check.add('displayName', 'not_a_name', 'Use your real name (e.g. "Miriam Çelik"), not an address, a role or a placeholder.');
    check.assertValid();
    const face = await this.dataSource.transaction(async (manager) => {
      const before = await this.faces.faceOf(manager, actor.id);
      await manager.query(`UPDATE users SET display_name = $2, updated_at = now() WHERE id = $1`, [actor.id, name]);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'staff.name_changed',
        subjectType: 'user',
        subjectId: actor.id,
        details: { from: before.displayName, to: name },
      });
      return this.faces.faceOf(manager, actor.id);
    });
    return this.toModel(ctx, face);
  }

  private toModel(ctx: RequestContext, face: Awaited<ReturnType<StaffFaceService['face']>>): StaffFaceModel {
    return Object.assign(new StaffFaceModel(), {
      displayName: face.displayName,
      hasRealName: face.hasRealName,
      photoVersion: face.photoVersion,
      canSpeakPublicly: can(ctx.actor, 'staff.speakPublicly', face),
    });
  }
}

/** The public "who answers here" page: teams, their opening hours and the faces of their staff. */
@Resolver(() => PublicTeamModel)
export class PublicTeamResolver {
  constructor(
    private readonly teams: TeamFacesService,
    private readonly users: UserService,
  ) {}

  @Public()
  @Query(() => [PublicTeamModel], { description: 'Who answers here: staff teams with opening hours and members.' })
  async whoAnswersHere(): Promise<PublicTeamModel[]> {
    return (await this.teams.teams()).map((team) => Object.assign(new PublicTeamModel(), team));
  }

  @ResolveField(() => String, { description: 'The weekly hours in one line, e.g. "Mon–Fri 08:00–18:00 (Europe/Berlin)".' })
  hoursDescription(
    @Parent() team: PublicTeamModel,
    @Args('locale', { type: () => LocaleValue, defaultValue: LocaleValue.EN }) locale: LocaleValue,
  ): string {
    return describeOpeningHours(team.hours, locale);
  }

  @ResolveField(() => Boolean)
  openNow(@Parent() team: PublicTeamModel): boolean {
    return isOpen(team.hours, new Date());
  }

  @ResolveField(() => [UserModel], { description: 'Staff members of the team.' })
  async members(@Ctx() ctx: RequestContext, @Parent() team: PublicTeamModel): Promise<UserModel[]> {
    const users = await Promise.all(team.memberIds.map((id) => this.users.load(ctx, id)));
    return users.filter((u): u is UserModel => u !== null && u.isStaff);
  }
}
