import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { from, switchMap, type Observable } from 'rxjs';
import type { RequestContext } from '../platform/graphql/request-context';
import { ActivityTracker } from './activity-tracker';

/** Notes a visit for every signed-in GraphQL request (once per user, address and day). */
@Injectable()
export class VisitInterceptor implements NestInterceptor {
  constructor(private readonly activity: ActivityTracker) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const ctx = GqlExecutionContext.create(context).getContext<RequestContext>();
    if (!ctx?.actor || !ctx.req) return next.handle();
    return from(this.activity.visited(ctx.actor, ctx.req.ip)).pipe(switchMap(() => next.handle()));
  }
}
