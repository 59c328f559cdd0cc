import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../identity/identity.module';
import { AnswerRedactionResolver, QuestionRedactionResolver, RedactionResolver } from './guard.resolver';
import { RedactionService } from './redaction.service';

/** The PII guard: redaction of published posts (the check on new posts is `assertNoPersonalData`, called by qa). */
@Module({
  imports: [IdentityModule, AuditModule],
  providers: [RedactionService, RedactionResolver, QuestionRedactionResolver, AnswerRedactionResolver],
})
export class GuardModule {}
