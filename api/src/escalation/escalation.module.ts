import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { QaEventsModule } from '../qa/qa-events.module';
import { QaModule } from '../qa/qa.module';
import { EscalationListeners } from './escalation.listeners';
import { ReviewGateModule } from '../four-eyes/review-gate.module';
import { FourEyesModule } from '../four-eyes/four-eyes.module';
import { ConversationMessageResolver, ConversationResolver } from './conversation/conversation.resolver';
import { CallbackService } from './conversation/callback.service';
import { ConversationService } from './conversation/conversation.service';
import { EscalationEventResolver, EscalationNoteResolver, EscalationResolver } from './escalation.resolver';
import { EscalationQueries } from './escalation-queries';
import { EscalationService } from './escalation.service';
import { QuestionEscalationResolver } from './question-escalation.resolver';
import { TeamsModule } from '../teams/teams.module';
import { EscalationSweeper } from './unanswered-sweeper';

@Module({
  imports: [IdentityModule, QaModule, QaEventsModule, FourEyesModule, ReviewGateModule, TeamsModule],
  providers: [
    EscalationListeners,
    EscalationService,
    EscalationQueries,
    ConversationService,
    CallbackService,
    EscalationSweeper,
    EscalationResolver,
    EscalationNoteResolver,
    EscalationEventResolver,
    ConversationResolver,
    ConversationMessageResolver,
    QuestionEscalationResolver,
  ],
  exports: [EscalationService, TeamsModule],
})
export class EscalationModule {}
