import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { can } from '../identity/policy';
import { Ctx } from '../platform/graphql/decorators';
import type { RequestContext } from '../platform/graphql/request-context';
import { QuestionModel } from '../qa/models/qa.models';
import { ConversationService } from './conversation.service';
import { EscalationService } from './escalation.service';
import { ConversationModel } from './models/conversation.model';
import { EscalationModel, StaffPromiseModel, toEscalationModel } from './models/escalation.model';
import { LocaleValue } from '../platform/locale';
import { staffPromise } from './staff-promise';
import { TeamService } from './team.service';

/** What a thread shows about staff: the public promise to everyone, the case to its staff, the private conversation to its participants. */
@Resolver(() => QuestionModel)
export class QuestionEscalationResolver {
  constructor(
    private readonly escalations: EscalationService,
    private readonly teams: TeamService,
    private readonly conversations: ConversationService,
  ) {}

  @ResolveField(() => StaffPromiseModel, {
    nullable: true,
    description:
      'Public: set while the question has an open escalation; never on a solved or locked thread (nothing more is promised there).',
  })
  async staffPromise(
    @Ctx() ctx: RequestContext,
    @Parent() question: QuestionModel,
    @Args('locale', { type: () => LocaleValue, defaultValue: LocaleValue.EN }) locale: LocaleValue,
  ): Promise<StaffPromiseModel | null> {
    if (question.status === 'solved' || question.lockedAt !== null) return null;
    const escalation = await this.escalations.forQuestion(ctx, question.id);
    if (!escalation || escalation.status === 'resolved') return null;
    const team = await this.teams.load(ctx, escalation.teamId);
    return team ? staffPromise(escalation, team, this.escalations.now(), locale) : null;
  }

  @ResolveField(() => EscalationModel, { nullable: true, description: 'The latest escalation, for staff who may work on it.' })
  async escalation(@Ctx() ctx: RequestContext, @Parent() question: QuestionModel): Promise<EscalationModel | null> {
    const escalation = await this.escalations.forQuestion(ctx, question.id);
    return escalation && (await this.escalations.canAct(ctx, escalation.teamId))
      ? toEscalationModel(escalation, this.escalations.now())
      : null;
  }

  @ResolveField(() => Boolean, { description: 'The viewer may hand this question to the company now.' })
  async canEscalate(@Ctx() ctx: RequestContext, @Parent() question: QuestionModel): Promise<boolean> {
    if (!can(ctx.actor, 'question.escalate', question)) return false;
    const escalation = await this.escalations.forQuestion(ctx, question.id);
    return !escalation || escalation.status === 'resolved';
  }

  @ResolveField(() => ConversationModel, { nullable: true, description: 'The private conversation, for the asker and staff only.' })
  conversation(@Ctx() ctx: RequestContext, @Parent() question: QuestionModel): Promise<ConversationModel | null> {
    return this.conversations.forQuestion(ctx, question.id);
  }
}
