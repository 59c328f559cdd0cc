import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { MailResolver } from './mail/mail.resolver';
import { MailService } from './mail/mail.service';
import { PasswordResetService } from './mail/password-reset.service';
import { UnsubscribeController } from './mail/unsubscribe.controller';
import { NotificationService } from './notification.service';
import { NotificationWorker } from './notification-worker';
import { NotificationsResolver } from './notifications.resolver';

/** In-app notifications and watches, fed by the outbox (see notification-topics.ts), and their e-mail. */
@Module({
  imports: [IdentityModule],
  controllers: [UnsubscribeController],
  providers: [NotificationService, NotificationWorker, NotificationsResolver, MailService, MailResolver, PasswordResetService],
  exports: [NotificationService, NotificationWorker, MailService],
})
export class NotificationsModule {}
