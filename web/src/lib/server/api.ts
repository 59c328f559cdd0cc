import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * The one GraphQL client of the web server. Every load and action talks to the api through it:
 * it posts JSON to `${url}/graphql`, forwards the session cookie, the language and the request
 * id, copies a session the api hands out into the web's own cookie, and turns GraphQL errors into
 * a typed {@link ApiError}.
 */

export const SESSION_COOKIE = 'pd_session';

export const API_ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
  /** The operation does not fit the api's schema (for example a field it does not have yet). */
  'GRAPHQL_VALIDATION_FAILED',
  /** The api rejected the request itself (unparsable query, missing CSRF-safe content type, …). */
  'BAD_REQUEST',
  /** The api could not be reached or did not answer with GraphQL. */
  'UNAVAILABLE',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

const HTTP_STATUS: Record<ApiErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
  GRAPHQL_VALIDATION_FAILED: 500,
  BAD_REQUEST: 500,
  UNAVAILABLE: 503,
};

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly fields: FieldError[];

  constructor(code: ApiErrorCode, message: string, fields: FieldError[] = []) {
    super(message);
    this.code = code;
    this.fields = fields;
  }

  /** The HTTP status a page should answer with when this error ends a request. */
  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export function isApiError(value: unknown, code?: ApiErrorCode): value is ApiError {
  return value instanceof ApiError && (code === undefined || value.code === code);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toFieldError(value: unknown): FieldError | null {
  if (!isRecord(value) || typeof value.field !== 'string' || value.field === '') return null;
  return {
    field: value.field,
    code: typeof value.code === 'string' ? value.code : 'invalid',
    message: typeof value.message === 'string' ? value.message : '',
  };
}

function toCode(value: unknown): ApiErrorCode {
  if (value === 'GRAPHQL_PARSE_FAILED') return 'BAD_REQUEST';
  return (API_ERROR_CODES as readonly unknown[]).includes(value) ? (value as ApiErrorCode) : 'INTERNAL_SERVER_ERROR';
}

/**
 * Maps the `errors` array of a GraphQL response to one ApiError: the first error decides the
 * code and message; field details are collected from every error with that code.
 */
export function toApiError(errors: unknown): ApiError {
  const list = Array.isArray(errors) ? errors.filter(isRecord) : [];
  const first = list[0];
  if (!first) return new ApiError('INTERNAL_SERVER_ERROR', 'The api answered without data');

  const extensionsOf = (error: Record<string, unknown>) => (isRecord(error.extensions) ? error.extensions : {});
  const code = toCode(extensionsOf(first).code);
  const message = typeof first.message === 'string' ? first.message : code;
  const fields = list
    .filter((error) => toCode(extensionsOf(error).code) === code)
    .flatMap((error) => {
      const raw = extensionsOf(error).fields;
      return Array.isArray(raw) ? raw.map(toFieldError).filter((f) => f !== null) : [];
    });
  return new ApiError(code, message, fields);
}

/** What the api said about the session cookie in its `Set-Cookie` headers. */
export type SessionUpdate = { value: string; maxAge?: number } | { value: null };

/**
 * Finds `pd_session` among `Set-Cookie` header values. Returns `undefined` when the api did not
 * touch the session, `{ value: null }` when it cleared it, else the new value (kept verbatim).
 */
export function readSessionCookie(setCookies: readonly string[], now: number = Date.now()): SessionUpdate | undefined {
  let update: SessionUpdate | undefined;
  for (const header of setCookies) {
    const [pair = '', ...attributes] = header.split(';');
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = pair
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');

    let maxAge: number | undefined;
    let expired = value === '';
    for (const attribute of attributes) {
      const [rawName = '', ...rest] = attribute.split('=');
      const name = rawName.trim().toLowerCase();
      const attrValue = rest.join('=').trim();
      if (name === 'max-age') {
        const seconds = Number(attrValue);
        if (Number.isFinite(seconds)) {
          maxAge = Math.floor(seconds);
          expired ||= seconds <= 0;
        }
      } else if (name === 'expires' && maxAge === undefined) {
        const at = Date.parse(attrValue);
        if (Number.isFinite(at)) {
          if (at <= now) expired = true;
          else maxAge = Math.floor((at - now) / 1000);
        }
      }
    }
    update = expired ? { value: null } : maxAge === undefined ? { value } : { value, maxAge };
  }
  return update;
}

/** A generated operation: its text plus the result and variable types. */
export type Operation<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & {
  toString(): string;
};

type VariablesArgs<TVariables> = [TVariables] extends [Record<string, never>] ? [variables?: TVariables] : [variables: TVariables];

export interface ApiClientOptions {
  /** Base URL of the api, e.g. http://127.0.0.1:4000 */
  url: string;
  /** The session cookie value the browser sent, if any. */
  session?: string | undefined;
  /** Forwarded as Accept-Language. */
  acceptLanguage?: string | undefined;
  /** Forwarded as X-Request-Id. */
  requestId?: string | undefined;
  /** The visitor's address, forwarded as X-Forwarded-For (the api trusts the web as its proxy, e.g. for rate limits). */
  clientAddress?: string | undefined;
  /** Called when the api set or cleared the session; the web mirrors it into its own cookie. */
  onSession?: (update: SessionUpdate) => void;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface ForwardedResponse {
  status: number;
  contentType: string;
  body: string;
}

export interface ApiClient {
  request<TResult, TVariables>(operation: Operation<TResult, TVariables>, ...args: VariablesArgs<TVariables>): Promise<TResult>;
  /** Passes a browser's GraphQL POST body through unchanged (used by the /graphql route). */
  forward(body: string): Promise<ForwardedResponse>;
  /** Whether the request carries a session cookie. */
  readonly hasSession: boolean;
}

// Kept-alive connections to the api; Node's agent retires an idle one before the api's keep-alive timeout ends.
const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
const NO_BODY = new Set([204, 205, 304]);

/**
 * The part of `fetch` this client uses (a POST with a text body), over node:http. Every page
 * render makes its api calls through here, and undici's fetch cost the web more CPU per call
 * than the rest of the call together (WHATWG streams, header guards, body mixins).
 */
export const httpFetch = ((input: string | URL, init: RequestInit = {}): Promise<Response> =>
  new Promise((resolve, reject) => {
    const url = new URL(input);
    const secure = url.protocol === 'https:';
    const req = (secure ? httpsRequest : httpRequest)(
      url,
      {
        method: init.method ?? 'GET',
        headers: init.headers as Record<string, string>,
        agent: secure ? agents.https : agents.http,
        signal: init.signal ?? undefined,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const headers = new Headers();
          const raw = res.rawHeaders;
          for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
          const status = res.statusCode ?? 502;
          try {
            resolve(new Response(NO_BODY.has(status) ? null : Buffer.concat(chunks), { status, headers }));
          } catch (error) {
            reject(error); // a status a Response cannot carry
          }
        });
      },
    );
    req.on('error', reject);
    req.end(typeof init.body === 'string' ? init.body : undefined);
  })) as typeof fetch;

export function createApiClient(options: ApiClientOptions): ApiClient {
  const endpoint = `${options.url.replace(/\/+$/, '')}/graphql`;
  const doFetch = options.fetch ?? httpFetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  let session = options.session || undefined;

  async function post(body: string): Promise<Response> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
    };
    if (session) headers.cookie = `${SESSION_COOKIE}=${session}`;
    if (options.acceptLanguage) headers['accept-language'] = options.acceptLanguage;
    if (options.requestId) headers['x-request-id'] = options.requestId;
    if (options.clientAddress) headers['x-forwarded-for'] = options.clientAddress;

    let response: Response;
    try {
      response = await doFetch(endpoint, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new ApiError('UNAVAILABLE', `The api at ${endpoint} cannot be reached: ${reason}`);
    }

    const update = readSessionCookie(response.headers.getSetCookie());
    if (update) {
      session = update.value ?? undefined;
      options.onSession?.(update);
    }
    return response;
  }

  async function execute<TResult>(query: string, variables?: unknown): Promise<TResult> {
    const response = await post(JSON.stringify({ query, variables: variables ?? {} }));
    let payload: unknown;
    try {
      payload = await response.json();
    } catch {
      throw new ApiError(
        response.status >= 500 || response.status === 404 ? 'UNAVAILABLE' : 'BAD_REQUEST',
        `The api answered HTTP ${response.status} without GraphQL`,
      );
    }
    if (!isRecord(payload)) {
      throw new ApiError('INTERNAL_SERVER_ERROR', 'The api answered with an unexpected shape');
    }
    if (Array.isArray(payload.errors) && payload.errors.length > 0) {
      throw toApiError(payload.errors);
    }
    if (!isRecord(payload.data)) {
      throw new ApiError('INTERNAL_SERVER_ERROR', `The api answered HTTP ${response.status} without data`);
    }
    return payload.data as TResult;
  }

  return {
    request(operation, ...args) {
      return execute(operation.toString(), args[0]);
    },
    async forward(body) {
      const response = await post(body);
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? 'application/json',
        body: await response.text(),
      };
    },
    get hasSession() {
      return session !== undefined;
    },
  };
}
