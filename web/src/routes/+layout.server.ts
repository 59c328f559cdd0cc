import { readTimeZone, TIME_ZONE_COOKIE } from '#lib/i18n/format.ts';
import { returnPath } from '#lib/paths.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url, cookies }) => ({
  viewer: locals.viewer,
  locale: locals.locale,
  // One reference time for relative dates, shared by the server render and hydration.
  now: Date.now(),
  returnTo: returnPath(url),
  // Times are shown in the reader's zone once the browser has told it (see +layout.svelte).
  timeZone: readTimeZone(cookies.get(TIME_ZONE_COOKIE)),
});
