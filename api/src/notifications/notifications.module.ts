import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { NotificationService } from './notification.service';
import { NotificationWorker } from './notification-worker';
import { NotificationsResolver } from './notifications.resolver';

/** In-app notifications and watches, fed by the outbox (see notification-topics.ts). */
@Module({
  imports: [IdentityModule],
  providers: [NotificationService, NotificationWorker, NotificationsResolver],
  exports: [NotificationService, NotificationWorker],
})
export class NotificationsModule {}
