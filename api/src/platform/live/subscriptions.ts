import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import {
  GraphQLError,
  OperationTypeNode,
  specifiedRules,
  validate,
  type ASTVisitor,
  type GraphQLFormattedError,
  type ValidationContext,
} from 'graphql';
import type { Context } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import type { Extra } from 'graphql-ws/use/ws';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { SESSION_COOKIE, type SessionService } from '../../identity/session.service';
import { depthLimit } from '../graphql/query-limits';
import { RequestContext } from '../graphql/request-context';

type WsContext = Context<Record<string, unknown> | undefined, Extra>;

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** A subscription's context: the upgrade request stands in for the HTTP request; nothing may answer with cookies. */
function subscriptionContext(request: IncomingMessage, actor: RequestContext['actor']): RequestContext {
  const req = Object.assign(request, { ip: request.socket.remoteAddress, cookies: {} }) as unknown as Request;
  const res = new Proxy({} as Response, {
    get() {
      throw new Error('A subscription has no HTTP response to write to.');
    },
  });
  return new RequestContext(req, res, actor, randomUUID());
}

export interface SubscriptionTransportOptions {
  sessions: SessionService;
  /** The one browser origin allowed to open a socket (the web app's PUBLIC_URL). */
  publicOrigin: string;
  maxDepth: number;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

/**
 * GraphQL over WebSocket (graphql-ws protocol) at /graphql. The session cookie of the upgrade
 * request authenticates, and is re-read for every operation, so a sign-out ends access. Browsers
 * from other origins are refused (cross-site WebSocket hijacking); clients without an Origin
 * header (servers, tests) are not browsers and carry their own cookie.
 */
/** Queries and mutations go over HTTP, where cookies, CSRF prevention and the cost limit apply. */
const subscriptionsOnly = (context: ValidationContext): ASTVisitor => ({
  OperationDefinition(node) {
    if (node.operation !== OperationTypeNode.SUBSCRIPTION) {
      context.reportError(
        new GraphQLError('Only subscriptions run over WebSocket; send queries and mutations over HTTP.', {
          nodes: [node],
          extensions: { code: 'BAD_REQUEST' },
        }),
      );
    }
  },
});

export function subscriptionTransport(options: SubscriptionTransportOptions): {
  config: GraphQLWsSubscriptionsConfig;
  context: (ws: WsContext) => Promise<RequestContext>;
} {
  const config = {
    path: '/graphql',
    onConnect: (ctx: WsContext) => {
      const origin = ctx.extra.request.headers.origin;
      return origin === undefined || origin === options.publicOrigin;
    },
    validate: (schema: Parameters<typeof validate>[0], document: Parameters<typeof validate>[1]) =>
      validate(schema, document, [...specifiedRules, depthLimit(options.maxDepth), subscriptionsOnly]),
    onNext: (_ctx: WsContext, _id: string, _payload: unknown, _args: unknown, result: { errors?: readonly GraphQLError[] }) =>
      result.errors ? { ...result, errors: result.errors.map((error) => options.formatError(error.toJSON(), error)) } : result,
    onError: (_ctx: WsContext, _id: string, _payload: unknown, errors: readonly GraphQLError[]) =>
      errors.map((error) => options.formatError(error.toJSON(), error)),
  };
  return {
    config: config as GraphQLWsSubscriptionsConfig,
    context: async (ws: WsContext) => {
      const actor = await options.sessions.resolve(cookieValue(ws.extra.request.headers.cookie, SESSION_COOKIE));
      return subscriptionContext(ws.extra.request, actor);
    },
  };
}

export const isSubscriptionContext = (value: unknown): value is WsContext =>
  typeof value === 'object' && value !== null && 'extra' in value && 'subscriptions' in value;
