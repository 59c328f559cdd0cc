import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { AccountDeletionService } from './account-deletion.service';
import { AccountResolver } from './account.resolver';
import { ActivityService } from './activity.service';
import { DataExportService } from './data-export.service';

/** The person's own account across domains: My activity, data export, account deletion. Reads other domains' tables through SQL. */
@Module({
  imports: [IdentityModule],
  providers: [ActivityService, DataExportService, AccountDeletionService, AccountResolver],
})
export class AccountModule {}
