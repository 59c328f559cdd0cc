import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { StaffModule } from '../staff/staff.module';
import { QaEventsModule } from '../qa/qa-events.module';
import { ReviewGate } from './review-gate';
import { ReviewGateListeners } from './review-gate.listeners';

/** The gate alone (escalation asks it whether a reply needs a draft); it listens to qa's `post.admitting`. */
@Module({
  imports: [AuditModule, StaffModule, QaEventsModule],
  providers: [ReviewGate, ReviewGateListeners],
  exports: [ReviewGate],
})
export class ReviewGateModule {}
