import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../identity/identity.module';
import { QaModule } from '../qa/qa.module';
import { StaffModule } from '../staff/staff.module';
import {
  AnswerReviewResolver,
  CommentReviewResolver,
  QuestionDraftsResolver,
  ReviewBypassResolver,
  ReviewSettingsResolver,
  StaffDraftResolver,
} from './four-eyes.resolver';
import { DraftHintDismissalResolver, DraftHintsResolver } from './draft-hints.resolver';
import { DraftHintService } from './draft-hints.service';
import { ReviewGateModule } from './review-gate.module';
import { ReviewSettingsService } from './review-settings.service';
import { StaffDraftService } from './staff-draft.service';

/** Four-eyes review of staff replies: drafts, the review queue, per-space settings and the bypass list. */
@Module({
  imports: [IdentityModule, AuditModule, QaModule, StaffModule, ReviewGateModule],
  providers: [
    StaffDraftService,
    ReviewSettingsService,
    StaffDraftResolver,
    QuestionDraftsResolver,
    AnswerReviewResolver,
    CommentReviewResolver,
    ReviewSettingsResolver,
    ReviewBypassResolver,
    DraftHintService,
    DraftHintsResolver,
    DraftHintDismissalResolver,
  ],
  exports: [StaffDraftService],
})
export class FourEyesModule {}
