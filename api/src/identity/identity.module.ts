import { Module } from '@nestjs/common';
import { RateLimitService } from '../platform/rate-limit/rate-limit.service';
import { AccountService } from './account.service';
import { AuthService } from './auth.service';
import { EmailAddressService } from './email-address.service';
import { IdentityResolver } from './identity.resolver';
import { SessionService } from './session.service';
import { UserService } from './user.service';

@Module({
  providers: [AccountService, AuthService, EmailAddressService, SessionService, UserService, RateLimitService, IdentityResolver],
  exports: [AccountService, SessionService, UserService, RateLimitService],
})
export class IdentityModule {}
