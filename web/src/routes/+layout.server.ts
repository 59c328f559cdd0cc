import { returnPath } from '#lib/paths.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => ({
  viewer: locals.viewer,
  locale: locals.locale,
  // One reference time for relative dates, shared by the server render and hydration.
  now: Date.now(),
  returnTo: returnPath(url),
});
