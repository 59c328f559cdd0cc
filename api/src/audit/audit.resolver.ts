import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { UserModel } from '../identity/models/user.model';
import { UserService } from '../identity/user.service';
import { Ctx } from '../platform/graphql/decorators';
import type { RequestContext } from '../platform/graphql/request-context';
import { AuditLogQuery } from './audit-log.query';
import { AuditEntryConnection, AuditEntryModel, AuditLogFilter } from './audit.models';

@Resolver(() => AuditEntryModel)
export class AuditResolver {
  constructor(
    private readonly query: AuditLogQuery,
    private readonly users: UserService,
  ) {}

  @Query(() => AuditEntryConnection, { description: 'Staff: the audit log, newest first.' })
  auditLog(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => AuditLogFilter, nullable: true }) filter: AuditLogFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<AuditEntryConnection> {
    return this.query.search(ctx.actor, filter, first, after);
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Null for actions of the system (e.g. community flags).' })
  actor(@Ctx() ctx: RequestContext, @Parent() entry: AuditEntryModel): Promise<UserModel | null> | null {
    return entry.actorId ? this.users.load(ctx, entry.actorId) : null;
  }
}
