import type { RequestEvent } from '@sveltejs/kit';
import type { Handle, HandleServerError } from '@sveltejs/kit/hooks';
import { API_URL, PUBLIC_URL } from '$app/env/private';
import { SignedInViewerDocument } from '#lib/graphql/generated.ts';
import { LOCALE_COOKIE, negotiateLocale } from '#lib/i18n/locale.ts';
import { forgetAnnouncements } from '#lib/server/announcements.ts';
import { createApiClient, isApiError, SESSION_COOKIE } from '#lib/server/api.ts';
import { REQUEST_ID } from '#lib/server/page-cache.ts';
import { applySecurityHeaders } from '#lib/server/security-headers.ts';
import { sessionCookieOptions } from '#lib/server/session.ts';

/** The visitor's address as adapter-node sees it (ADDRESS_HEADER/XFF_DEPTH behind a proxy). */
function clientAddressOf(event: RequestEvent): string | undefined {
  try {
    return event.getClientAddress();
  } catch {
    return undefined;
  }
}

/** Routes that pass requests through and need no viewer. */
const NO_VIEWER_ROUTES = new Set(['/graphql', '/lang/[code]', '/team/photos/[userId]', '/uploads', '/uploads/[file]']);

export const handle: Handle = async ({ event, resolve }) => {
  const incomingId = event.request.headers.get('x-request-id');
  const requestId = incomingId && REQUEST_ID.test(incomingId) ? incomingId : crypto.randomUUID();
  const browserLanguages = event.request.headers.get('accept-language') ?? '';
  const chosen = event.cookies.get(LOCALE_COOKIE);
  const locale = negotiateLocale(chosen, browserLanguages);

  event.locals.requestId = requestId;
  event.locals.locale = locale;
  event.locals.viewer = null;
  event.locals.api = createApiClient({
    url: API_URL,
    session: event.cookies.get(SESSION_COOKIE),
    // The chosen UI language first, so api messages match the page; the browser's list after it.
    acceptLanguage: chosen === locale ? [locale, browserLanguages].filter(Boolean).join(', ') : browserLanguages,
    requestId,
    clientAddress: clientAddressOf(event),
    onSession(update) {
      if (update.value === null) {
        event.cookies.delete(SESSION_COOKIE, sessionCookieOptions(PUBLIC_URL));
      } else {
        event.cookies.set(SESSION_COOKIE, update.value, sessionCookieOptions(PUBLIC_URL, update.maxAge));
      }
    },
  });

  event.locals.unreadNotifications = 0;
  if (event.locals.api.hasSession && !NO_VIEWER_ROUTES.has(event.route.id ?? '')) {
    try {
      // The viewer and the header's unread count in one api request (one session look-up, one GraphQL run).
      const { me, unreadNotificationCount } = await event.locals.api.request(SignedInViewerDocument);
      event.locals.viewer = me;
      event.locals.unreadNotifications = unreadNotificationCount;
    } catch (error) {
      // The api no longer knows this session (expired or signed out elsewhere): the count, which needs
      // one, is refused. Forget the cookie.
      if (isApiError(error, 'UNAUTHENTICATED')) event.cookies.delete(SESSION_COOKIE, sessionCookieOptions(PUBLIC_URL));
      // Pages still render for a signed-out visitor when the api hiccups; the load that
      // needs the api reports the outage itself.
      else console.error(JSON.stringify({ level: 'warn', requestId, msg: 'session lookup failed', error: String(error) }));
    }
  }

  // A signed-in person's form post or GraphQL call may publish or end an announcement: the page it
  // answers with, and every page after it, asks the api again.
  const mayWrite = event.locals.api.hasSession && event.request.method !== 'GET' && event.request.method !== 'HEAD';
  if (mayWrite) forgetAnnouncements();
  const response = await resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%peerdesk.lang%', locale),
  });
  if (mayWrite) forgetAnnouncements();
  response.headers.set('x-request-id', requestId);
  // Every response: pages, error pages, form-action results, redirects, the /graphql relay, photos.
  applySecurityHeaders(response.headers, PUBLIC_URL);
  if (!response.headers.has('vary')) response.headers.set('vary', 'Cookie, Accept-Language');
  return response;
};

export const handleError: HandleServerError = ({ kind, error, event }) => {
  const requestId = event.locals.requestId;
  const log = (entry: Record<string, unknown>) =>
    console.error(JSON.stringify({ level: 'error', requestId, path: event.url.pathname, ...entry }));

  if (kind === 'unknown') {
    if (isApiError(error)) {
      // The api failed or is down: answer with its status; the page shows a localised text.
      log({ code: error.code, msg: error.message });
      return { status: error.status, message: error.code, requestId };
    }
    log({ msg: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
    return { requestId };
  }
  if (kind !== 'validation' && error.status >= 500) log({ msg: error.message });
  return { requestId };
};
