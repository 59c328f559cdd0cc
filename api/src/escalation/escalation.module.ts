import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { QaEventsModule } from '../qa/qa-events.module';
import { QaModule } from '../qa/qa.module';
import { EscalationListeners } from './escalation.listeners';
import { ReviewGateModule } from '../four-eyes/review-gate.module';
import { FourEyesModule } from '../four-eyes/four-eyes.module';
import { Clock } from './clock';
import { ConversationMessageResolver, ConversationResolver } from './conversation.resolver';
import { ConversationService } from './conversation.service';
import { EscalationEventResolver, EscalationNoteResolver, EscalationResolver } from './escalation.resolver';
import { EscalationService } from './escalation.service';
import { QuestionEscalationResolver } from './question-escalation.resolver';
import { TeamResolver, ViewerTeamsResolver } from './team.resolver';
import { TeamService } from './team.service';
import { EscalationSweeper } from './unanswered-sweeper';

@Module({
  imports: [IdentityModule, QaModule, QaEventsModule, FourEyesModule, ReviewGateModule],
  providers: [
    Clock,
    EscalationListeners,
    TeamService,
    EscalationService,
    ConversationService,
    EscalationSweeper,
    TeamResolver,
    ViewerTeamsResolver,
    EscalationResolver,
    EscalationNoteResolver,
    EscalationEventResolver,
    ConversationResolver,
    ConversationMessageResolver,
    QuestionEscalationResolver,
  ],
  exports: [EscalationService, TeamService],
})
export class EscalationModule {}
