import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { EscalationStatusValue } from '../models/escalation.model';
import { EscalationPriorityValue } from '../../teams/models/team.model';

@InputType()
export class EscalateQuestionInput {
  @Field(() => ID) questionId: string;
  @Field(() => EscalationPriorityValue, { nullable: true, description: 'Staff only; others escalate with normal priority.' })
  priority?: EscalationPriorityValue | null;
  @Field(() => String, { nullable: true, description: 'Why the company is needed; seen by staff only.' }) reason?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The asker only: details for staff that must not be public; opens the private conversation with them as its first message.',
  })
  privateDetails?: string | null;
  @Field(() => String, { nullable: true }) clientMutationId?: string | null;
}

@InputType({ description: 'Filters of the agent queue; all optional.' })
export class EscalationQueueFilter {
  @Field(() => ID, { nullable: true }) teamId?: string | null;
  @Field(() => EscalationPriorityValue, { nullable: true }) priority?: EscalationPriorityValue | null;
  @Field(() => EscalationStatusValue, { nullable: true, description: 'Without it, every open escalation.' })
  status?: EscalationStatusValue | null;
  @Field(() => Boolean, { nullable: true, description: 'Only those assigned to the viewer.' }) mine?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Only those past a due time.' }) breached?: boolean | null;
}

@InputType()
export class ResolveEscalationInput {
  @Field(() => ID) id: string;
  @Field(() => String, {
    nullable: true,
    description: 'Public resolution summary, posted to the thread as a staff answer; required when there was a private conversation.',
  })
  summary?: string | null;
}

@InputType()
export class SendMessageInput {
  @Field(() => ID) conversationId: string;
  @Field() body: string;
  @Field(() => String, { nullable: true }) clientMutationId?: string | null;
}

@InputType()
export class RequestCallbackInput {
  @Field(() => ID) conversationId: string;
  @Field(() => GraphQLISODateTime) from: Date;
  @Field(() => GraphQLISODateTime) until: Date;
  @Field({ description: 'Where to call: international or national form, 6–20 digits; seen only by staff of the case.' }) phone: string;
  @Field(() => String, { nullable: true, description: 'What the call is about.' }) note?: string | null;
}

@InputType()
export class ScheduleCallbackInput {
  @Field(() => ID, { description: 'The call back request’s message.' }) messageId: string;
  @Field(() => GraphQLISODateTime, { description: 'Inside the asker’s window, or another time proposed with a note.' }) at: Date;
  @Field(() => String, { nullable: true, description: 'For the asker, plain text; required when proposing a time outside the window.' })
  note?: string | null;
}
