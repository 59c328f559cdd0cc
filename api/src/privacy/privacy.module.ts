import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../identity/identity.module';
import { QaEventsModule } from '../qa/qa-events.module';
import { PrivacyListeners } from './privacy.listeners';
import { AnswerRedactionResolver, QuestionRedactionResolver, RedactionResolver } from './privacy.resolver';
import { RedactionService } from './redaction.service';

/** The PII guard: redaction of published posts (the check of new and edited posts is `assertNoPersonalData`, a hook on qa's `post.checking`). */
@Module({
  imports: [IdentityModule, AuditModule, QaEventsModule],
  providers: [PrivacyListeners, RedactionService, RedactionResolver, QuestionRedactionResolver, AnswerRedactionResolver],
})
export class PrivacyModule {}
