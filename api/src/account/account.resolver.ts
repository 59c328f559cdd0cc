import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SESSION_COOKIE } from '../identity/session.service';
import { Ctx } from '../platform/graphql/decorators';
import type { RequestContext } from '../platform/graphql/request-context';
import { AccountDeletionService } from './account-deletion.service';
import { ActivityConnection, ActivitySection, DataExportArchiveModel, DataExportModel, DeleteAccountInput } from './account.models';
import { ActivityService } from './activity.service';
import { DataExportService } from './data-export.service';

@Resolver()
export class AccountResolver {
  constructor(
    private readonly activity: ActivityService,
    private readonly exports: DataExportService,
    private readonly deletion: AccountDeletionService,
  ) {}

  @Query(() => ActivityConnection, { description: 'My activity: one section, newest first, keyset-paged.' })
  myActivity(
    @Ctx() ctx: RequestContext,
    @Args('section', { type: () => ActivitySection }) section: ActivitySection,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<ActivityConnection> {
    return this.activity.list(ctx.actor, section, first, after);
  }

  @Query(() => [DataExportModel], { description: 'The viewer’s data exports, newest first.' })
  dataExports(@Ctx() ctx: RequestContext): Promise<DataExportModel[]> {
    return this.exports.list(ctx.actor);
  }

  @Query(() => DataExportArchiveModel, { description: 'A ready archive of the viewer’s data (only its owner; until it expires).' })
  dataExportArchive(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<DataExportArchiveModel> {
    return this.exports.archive(ctx.actor, id);
  }

  @Mutation(() => DataExportModel, { description: 'Asks for a JSON archive of everything about the viewer; made in the background.' })
  requestDataExport(@Ctx() ctx: RequestContext): Promise<DataExportModel> {
    return this.exports.request(ctx.actor);
  }

  @Mutation(() => Boolean, {
    description: 'Deletes the viewer’s account (needs the current password): personal data erased, public posts kept as by "deleted user".',
  })
  async deleteAccount(@Ctx() ctx: RequestContext, @Args('input') input: DeleteAccountInput): Promise<boolean> {
    await this.deletion.delete(ctx.actor, input.currentPassword);
    ctx.res.clearCookie(SESSION_COOKIE, { path: '/' });
    return true;
  }
}
