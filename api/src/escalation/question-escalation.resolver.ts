import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { can } from '../identity/policy';
import { AppConfig } from '../platform/config';
import { Ctx } from '../platform/graphql/decorators';
import type { RequestContext } from '../platform/graphql/request-context';
import { QuestionModel } from '../qa/models/qa.models';
import { ConversationService } from './conversation/conversation.service';
import { EscalationQueries } from './escalation-queries';
import { ConversationModel } from './conversation/conversation.model';
import { EscalationModel, EscalationResolutionModel, StaffPromiseModel, toEscalationModel } from './models/escalation.model';
import { LocaleValue } from '../platform/locale';
import { staffPromise } from './staff-promise';
import { TeamService } from '../teams/team.service';

/** What a thread shows about staff: the public promise to everyone, the case to its staff, the private conversation to its participants. */
@Resolver(() => QuestionModel)
export class QuestionEscalationResolver {
  constructor(
    private readonly escalations: EscalationQueries,
    private readonly teams: TeamService,
    private readonly conversations: ConversationService,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  @ResolveField(() => EscalationResolutionModel, {
    nullable: true,
    description:
      'Public: the latest resolution of an escalation of this question whose summary is published (directly or after review), so clients mark that answer as the resolution.',
  })
  async resolution(@Parent() question: QuestionModel): Promise<EscalationResolutionModel | null> {
    const rows: { answer_id: string; team_name: string; resolved_at: Date }[] = await this.dataSource.query(
      `SELECT a.id AS answer_id, t.name AS team_name, e.resolved_at
         FROM escalations e
         JOIN teams t ON t.id = e.team_id
         LEFT JOIN staff_drafts d ON d.client_mutation_id = 'resolution-summary-' || e.id AND d.state = 'approved'
         JOIN answers a ON a.id = COALESCE(e.summary_answer_id, d.published_answer_id) AND a.moderation_state = 'published'
        WHERE e.question_id = $1 AND e.status = 'resolved'
        ORDER BY e.resolved_at DESC
        LIMIT 1`,
      [question.id],
    );
    const row = rows[0];
    if (!row) return null;
    return Object.assign(new EscalationResolutionModel(), {
      answerId: String(row.answer_id),
      company: this.config.companyName,
      teamName: row.team_name,
      resolvedAt: row.resolved_at,
    });
  }

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
