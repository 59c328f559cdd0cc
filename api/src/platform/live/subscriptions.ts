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
import type { Actor } from '../../identity/policy';
import { SESSION_COOKIE, sessionKey, type SessionService } from '../../identity/session.service';
import { unauthenticated } from '../errors';
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

/** Close code for a socket whose session ended (graphql-ws's "Unauthorized"). */
export const SESSION_ENDED_CLOSE = 4401;

/** How each subscription re-reads its session: the context of an operation → a fresh look-up of its cookie's session. */
const sessionOf = new WeakMap<RequestContext, () => Promise<Actor | null>>();

/**
 * The actor of a subscription now, for checks on every event: the socket's session is read again,
 * and when a session it started with has ended (sign-out, expiry) this throws UNAUTHENTICATED,
 * which ends the subscription. For HTTP requests, simply the request's actor.
 */
export async function currentActor(ctx: RequestContext): Promise<Actor | null> {
  const reread = sessionOf.get(ctx);
  if (!reread) return ctx.actor;
  const actor = await reread();
  if (ctx.actor && !actor) throw unauthenticated();
  return actor;
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
  // Open sockets by the session they carry, so a sign-out (on any api process) closes them.
  const socketsBySession = new Map<string, Set<WsContext>>();
  const sessionKeyOf = (ctx: WsContext): string | undefined => {
    const token = cookieValue(ctx.extra.request.headers.cookie, SESSION_COOKIE);
    return token ? sessionKey(token) : undefined;
  };
  options.sessions.onEnded((key) => {
    for (const ctx of socketsBySession.get(key) ?? []) ctx.extra.socket.close(SESSION_ENDED_CLOSE, 'Session ended');
  });
  const config = {
    path: '/graphql',
    onConnect: (ctx: WsContext) => {
      const origin = ctx.extra.request.headers.origin;
      if (origin !== undefined && origin !== options.publicOrigin) return false;
      const key = sessionKeyOf(ctx);
      if (key) socketsBySession.set(key, (socketsBySession.get(key) ?? new Set()).add(ctx));
      return true;
    },
    onClose: (ctx: WsContext) => {
      const key = sessionKeyOf(ctx);
      const sockets = key ? socketsBySession.get(key) : undefined;
      sockets?.delete(ctx);
      if (key && sockets?.size === 0) socketsBySession.delete(key);
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
      const token = cookieValue(ws.extra.request.headers.cookie, SESSION_COOKIE);
      const context = subscriptionContext(ws.extra.request, await options.sessions.resolve(token));
      sessionOf.set(context, () => options.sessions.resolve(token));
      return context;
    },
  };
}

export const isSubscriptionContext = (value: unknown): value is WsContext =>
  typeof value === 'object' && value !== null && 'extra' in value && 'subscriptions' in value;
