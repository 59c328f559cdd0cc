import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { QaEventsModule } from '../qa/qa-events.module';
import { AuditListeners } from './audit.listeners';
import { AuditLogQuery } from './audit-log.query';
import { AuditLogService } from './audit-log.service';
import { AuditResolver } from './audit.resolver';

@Module({
  imports: [IdentityModule, QaEventsModule],
  providers: [AuditLogService, AuditListeners, AuditLogQuery, AuditResolver],
  exports: [AuditLogService],
})
export class AuditModule {}
