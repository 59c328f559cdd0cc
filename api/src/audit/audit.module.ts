import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { AuditLogQuery } from './audit-log.query';
import { AuditLogService } from './audit-log.service';
import { AuditResolver } from './audit.resolver';

@Module({
  imports: [IdentityModule],
  providers: [AuditLogService, AuditLogQuery, AuditResolver],
  exports: [AuditLogService],
})
export class AuditModule {}
