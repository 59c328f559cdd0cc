import { UnreadNotificationCountDocument } from '#lib/graphql/generated.ts';
import { readTimeZone, TIME_ZONE_COOKIE } from '#lib/i18n/format.ts';
import { returnPath } from '#lib/paths.ts';
import type { LayoutServerLoad } from './$types';

/**
 * The header's unread count. A GET has it from the viewer look-up (hooks.server.ts); after a form
 * action (which may have marked notifications read) it is asked for again. A hiccup shows none
 * rather than failing every page.
 */
async function unreadNotifications(locals: App.Locals, method: string): Promise<number> {
  if (!locals.viewer) return 0;
  if (method === 'GET' || method === 'HEAD') return locals.unreadNotifications;
  try {
    return (await locals.api.request(UnreadNotificationCountDocument)).unreadNotificationCount;
  } catch {
    return 0;
  }
}

export const load: LayoutServerLoad = async ({ locals, url, cookies, request }) => ({
  viewer: locals.viewer,
  locale: locals.locale,
  // One reference time for relative dates, shared by the server render and hydration.
  now: Date.now(),
  returnTo: returnPath(url),
  // Times are shown in the reader's zone once the browser has told it (see +layout.svelte).
  timeZone: readTimeZone(cookies.get(TIME_ZONE_COOKIE)),
  unreadNotifications: await unreadNotifications(locals, request.method),
});
