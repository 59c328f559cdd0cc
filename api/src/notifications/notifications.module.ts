import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { TeamsModule } from '../teams/teams.module';
import { FollowService } from './follows.service';
import { DigestScheduler } from './mail/digest-scheduler';
import { MailResolver } from './mail/mail.resolver';
import { MailService } from './mail/mail.service';
import { PasswordResetService } from './mail/password-reset.service';
import { UnsubscribeController } from './mail/unsubscribe.controller';
import { NotificationService } from './notification.service';
import { NotificationWorker } from './notification-worker';
import { NotificationsResolver } from './notifications.resolver';

/** In-app notifications and watches, fed by the outbox (see notification-topics.ts), and their e-mail. */
@Module({
  imports: [IdentityModule, TeamsModule],
  controllers: [UnsubscribeController],
  providers: [
    NotificationService,
    NotificationWorker,
    NotificationsResolver,
    FollowService,
    MailService,
    MailResolver,
    PasswordResetService,
    DigestScheduler,
  ],
  exports: [NotificationService, NotificationWorker, MailService, DigestScheduler],
})
export class NotificationsModule {}
