import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { authorize, isStaff } from '../../identity/policy';
import { AppConfig } from '../../platform/config';
import { unauthenticated } from '../../platform/errors';
import { Ctx, Public } from '../../platform/graphql/decorators';
import type { RequestContext } from '../../platform/graphql/request-context';
import { LocaleValue } from '../../platform/locale';
import { decodeCursor, encodeCursor, pageSize } from '../../platform/pagination';
import { MailService } from './mail.service';
import { PasswordResetService } from './password-reset.service';
import {
  DigestFrequency,
  NotificationChannel,
  NotificationGroup,
  NotificationSettingsInput,
  NotificationSettingsModel,
  OutgoingMailConnection,
} from './mail.models';
import { channelOf, choose, type KindChoices } from '../notification-choices';

@Resolver()
export class MailResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly resets: PasswordResetService,
  ) {}

  @Public()
  @Mutation(() => Boolean, {
    description: 'Sends a password reset link if the address has an account; the answer is the same either way.',
  })
  async requestPasswordReset(@Ctx() ctx: RequestContext, @Args('email') email: string): Promise<boolean> {
    await this.resets.request(email, ctx.req.ip ?? 'unknown');
    return true;
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Sets a new password with a reset link (once, within an hour); every session of the account ends.',
  })
  async resetPassword(@Args('token') token: string, @Args('password') password: string): Promise<boolean> {
    await this.resets.reset(token, password);
    return true;
  }

  @Query(() => OutgoingMailConnection, { description: 'Admins: outgoing notification mail, newest first.' })
  async outgoingMail(
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<OutgoingMailConnection> {
    authorize(ctx.actor, 'mail.readOutgoing', undefined);
    const size = pageSize(first, 50);
    const cursor = decodeCursor(after, 1);
    const rows: {
      id: string;
      to_address: string;
      subject: string;
      status: string;
      text_body: string;
      created_at: Date;
      sent_at: Date | null;
      attempts: number;
      last_error: string | null;
    }[] = await this.dataSource.query(
      `SELECT id, to_address, subject, status, text_body, created_at, sent_at, attempts, last_error FROM mail_outbox
       WHERE ($1::bigint IS NULL OR id < $1::bigint) ORDER BY id DESC LIMIT $2`,
      [cursor ? String(cursor[0]) : null, size + 1],
    );
    const page = rows.slice(0, size);
    return {
      delivering: !!this.config.smtpUrl,
      edges: page.map((r) => ({
        cursor: encodeCursor([String(r.id)]),
        node: {
          id: String(r.id),
          to: r.to_address,
          subject: r.subject,
          status: r.status,
          textBody: r.text_body,
          createdAt: r.created_at,
          sentAt: r.sent_at,
          attempts: r.attempts,
          lastError: r.last_error,
        },
      })),
      pageInfo: { hasNextPage: rows.length > size, endCursor: page.length ? encodeCursor([String(page.at(-1)!.id)]) : null },
    };
  }

  @Query(() => NotificationSettingsModel, { description: 'The viewer’s notification settings.' })
  async notificationSettings(@Ctx() ctx: RequestContext): Promise<NotificationSettingsModel> {
    if (!ctx.actor) throw unauthenticated();
    const [row]: { email: boolean; locale: LocaleValue; digest: DigestFrequency; app_only_kinds: string[]; off_kinds: string[] }[] =
      await this.dataSource.query(`SELECT email, locale, digest, app_only_kinds, off_kinds FROM notification_settings WHERE user_id = $1`, [
        ctx.actor.id,
      ]);
    const kinds: KindChoices = { appOnly: row?.app_only_kinds ?? [], off: row?.off_kinds ?? [] };
    const groups = Object.values(NotificationGroup).filter((g) => g !== NotificationGroup.STAFF || isStaff(ctx.actor!.role));
    return {
      email: row?.email ?? true,
      locale: row?.locale ?? LocaleValue.EN,
      digest: row?.digest ?? DigestFrequency.WEEKLY,
      choices: groups.map((group) => ({ group, channel: channelOf(kinds, group) as NotificationChannel })),
    };
  }

  @Mutation(() => NotificationSettingsModel, {
    description:
      'E-mail on or off, the language of notification mail, how often the digest comes, and how each group of notifications arrives.',
  })
  async updateNotificationSettings(
    @Ctx() ctx: RequestContext,
    @Args('input') input: NotificationSettingsInput,
  ): Promise<NotificationSettingsModel> {
    const actor = ctx.actor;
    if (!actor) throw unauthenticated();
    await this.dataSource.transaction(async (manager) => {
      const [row]: { app_only_kinds: string[]; off_kinds: string[] }[] = await manager.query(
        `INSERT INTO notification_settings (user_id, email, locale, digest) VALUES ($1, COALESCE($2, true), COALESCE($3, 'en'), COALESCE($4, 'weekly'))
         ON CONFLICT (user_id) DO UPDATE SET email = COALESCE($2, notification_settings.email),
           locale = COALESCE($3, notification_settings.locale), digest = COALESCE($4, notification_settings.digest), updated_at = now()
         RETURNING app_only_kinds, off_kinds`,
        [actor.id, input.email ?? null, input.locale ?? null, input.digest ?? null],
      );
      if (!input.choices?.length) return;
      const kinds = choose({ appOnly: row!.app_only_kinds, off: row!.off_kinds }, input.choices);
      await manager.query(`UPDATE notification_settings SET app_only_kinds = $2, off_kinds = $3 WHERE user_id = $1`, [
        actor.id,
        kinds.appOnly,
        kinds.off,
      ]);
    });
    return this.notificationSettings(ctx);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'The unsubscribe link of a notification mail: e-mail off for its recipient, no sign-in needed.' })
  async unsubscribeFromMail(@Args('token') token: string): Promise<boolean> {
    await this.mail.unsubscribe(token);
    return true;
  }
}
