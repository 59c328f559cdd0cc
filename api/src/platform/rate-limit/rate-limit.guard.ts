import {
  applyDecorators,
  Injectable,
  IntrinsicException,
  SetMetadata,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AppConfig } from '../config';
import type { RequestContext } from '../graphql/request-context';
import { RateLimitService } from './rate-limit.service';

/** Nobody reads this answer; the error only stops the work (intrinsic: not logged as a crash). */
class ClientGone extends IntrinsicException {
  readonly extensions = { code: 'CANCELLED' };
  constructor() {
    super('The client closed the request.');
  }
}

const PER_CLIENT_LIMIT = 'peerdesk:per-client-limit';

/**
 * Counts every call of a root field per client (the signed-in person, else the address) in one
 * minute window shared by all fields of the same `bucket`; over the configured limit
 * (`SEARCH_RATE_LIMIT` per minute) the call answers RATE_LIMITED. For fields whose database work
 * is expensive, such as search: an anonymous client cannot keep the database busy.
 *
 * The call also stops here when the HTTP client has gone while it waited, so an abandoned request
 * starts no further expensive work.
 */
export const SearchRateLimit = (bucket: string): MethodDecorator =>
  applyDecorators(SetMetadata(PER_CLIENT_LIMIT, bucket), UseGuards(PerClientLimitGuard));

@Injectable()
export class PerClientLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly rateLimits: RateLimitService,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const bucket = this.reflector.get<string | undefined>(PER_CLIENT_LIMIT, context.getHandler());
    const ctx = GqlExecutionContext.create(context).getContext<RequestContext>();
    if (bucket && this.config.searchRateLimit > 0) {
      const client = ctx.actor ? `user:${ctx.actor.id}` : `ip:${ctx.req.ip ?? 'unknown'}`;
      await this.rateLimits.hit({ key: `${bucket}:${client}`, max: this.config.searchRateLimit, windowSeconds: 60 });
    }
    if (ctx.clientGone) throw new ClientGone();
    return true;
  }
}
