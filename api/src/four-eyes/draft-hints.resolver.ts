import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { UserModel } from '../identity/models/user.model';
import { can } from '../identity/policy';
import { UserService } from '../identity/user.service';
import { Ctx } from '../platform/graphql/decorators';
import type { RequestContext } from '../platform/graphql/request-context';
import { DraftHintService } from './draft-hints.service';
import { DismissDraftHintInput } from './dto/draft-hint.inputs';
import { DraftHintDismissalModel } from './models/draft-hint.models';
import { StaffDraftModel } from './models/review.models';

/** Reviewers dismiss a guardrail hint on a draft with a reason; the draft lists what was dismissed. */
@Resolver(() => StaffDraftModel)
export class DraftHintsResolver {
  constructor(private readonly hints: DraftHintService) {}

  @Mutation(() => StaffDraftModel, {
    description:
      'A reviewer (not the author) dismisses every finding of one rule on an open draft, with a reason kept in the audit log. Repeating it changes nothing.',
  })
  dismissDraftHint(@Ctx() ctx: RequestContext, @Args('input') input: DismissDraftHintInput): Promise<StaffDraftModel> {
    return this.hints.dismiss(ctx.actor, input);
  }

  @ResolveField(() => [DraftHintDismissalModel], {
    description: 'Hints a reviewer dismissed, one per rule; findings of these rules are shown as dismissed.',
  })
  hintDismissals(@Ctx() ctx: RequestContext, @Parent() draft: StaffDraftModel): Promise<DraftHintDismissalModel[]> {
    return this.hints.dismissals(ctx, draft.id);
  }

  @ResolveField(() => Boolean, { description: 'You may dismiss this open draft’s hints (a reviewer, not its author).' })
  canDismissHints(@Ctx() ctx: RequestContext, @Parent() draft: StaffDraftModel): boolean {
    return (draft.state === 'draft' || draft.state === 'changes_requested') && can(ctx.actor, 'draft.dismissHint', draft);
  }
}

@Resolver(() => DraftHintDismissalModel)
export class DraftHintDismissalResolver {
  constructor(private readonly users: UserService) {}

  @ResolveField(() => UserModel, { nullable: true, description: 'Null when the account was deleted.' })
  dismissedBy(@Ctx() ctx: RequestContext, @Parent() dismissal: DraftHintDismissalModel): Promise<UserModel | null> | null {
    return dismissal.dismissedById ? this.users.load(ctx, dismissal.dismissedById) : null;
  }
}
