import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { StaffModule } from '../staff/staff.module';
import { ReviewGate } from './review-gate';

/** Separate from ReviewModule, which needs the qa services; qa needs only the gate. */
@Module({
  imports: [AuditModule, StaffModule],
  providers: [ReviewGate],
  exports: [ReviewGate],
})
export class ReviewGateModule {}
