import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { RequestContext } from './request-context';

export const IS_PUBLIC = 'peerdesk:public';

/** Marks a query or mutation that anonymous visitors may call; everything else needs a session. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext =>
  GqlExecutionContext.create(context).getContext<RequestContext>(),
);
