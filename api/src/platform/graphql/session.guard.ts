import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { unauthenticated } from '../errors';
import { IS_PUBLIC } from './decorators';
import type { RequestContext } from './request-context';

/** Deny by default: root fields need a session unless marked @Public(). Field resolvers inherit their parent's access. */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const parentType = gql.getInfo<{ parentType: { name: string } }>().parentType.name;
    if (parentType !== 'Query' && parentType !== 'Mutation' && parentType !== 'Subscription') return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    if (gql.getContext<RequestContext>().actor === null) throw unauthenticated();
    return true;
  }
}
