import { Controller, HttpCode, HttpException, Param, Post } from '@nestjs/common';
import { DomainError } from '../../platform/errors';
import { Public } from '../../platform/graphql/decorators';
import { MailService } from './mail.service';

/**
 * One-click unsubscribe (RFC 8058): mail programs POST `List-Unsubscribe=One-Click` to the link in
 * the List-Unsubscribe header, without cookies or an Origin. The web server relays that POST here.
 */
@Controller('mail')
export class UnsubscribeController {
  constructor(private readonly mail: MailService) {}

  @Public()
  @Post('unsubscribe/:token')
  @HttpCode(200)
  async oneClick(@Param('token') token: string): Promise<{ unsubscribed: true }> {
    try {
      await this.mail.unsubscribe(token);
    } catch (error) {
      if (error instanceof DomainError) throw new HttpException({ code: error.code, message: error.message }, 400);
      throw error;
    }
    return { unsubscribed: true };
  }
}
