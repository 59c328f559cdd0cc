import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { UserModel } from '../identity/models/user.model';
import { UserService } from '../identity/user.service';
import { Ctx, Public } from '../platform/graphql/decorators';
import type { RequestContext } from '../platform/graphql/request-context';
import { PostHistoryModel, PostRevisionModel } from './models/revision.models';
import { RevisionService } from './revisions.service';

@Resolver(() => PostRevisionModel)
export class RevisionResolver {
  constructor(
    private readonly revisions: RevisionService,
    private readonly users: UserService,
  ) {}

  @Public()
  @Query(() => PostHistoryModel, {
    nullable: true,
    description:
      'The versions of a question (or, with answerId, one of its answers), newest first; null when the viewer may not see the post.',
  })
  postHistory(
    @Ctx() ctx: RequestContext,
    @Args('questionId', { type: () => ID }) questionId: string,
    @Args('answerId', { type: () => ID, nullable: true }) answerId: string | null,
  ): Promise<PostHistoryModel | null> {
    return this.revisions.history(ctx.actor, questionId, answerId ?? null);
  }

  @ResolveField(() => UserModel)
  async editor(@Ctx() ctx: RequestContext, @Parent() revision: PostRevisionModel): Promise<UserModel> {
    return (await this.users.load(ctx, revision.editorId))!;
  }
}
