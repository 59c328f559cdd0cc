import { redirect } from '@sveltejs/kit';
import { MarkNotificationsReadDocument } from '#lib/graphql/generated.ts';
import { isLocalPath } from '#lib/notifications.ts';
import { signInPath } from '#lib/paths.ts';
import type { RequestHandler } from './$types';

/**
 * Opening a notification (a plain link, so it works without JavaScript): its group is marked read
 * and the reader lands where it leads — a path of this site only, never another origin.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
  if (!locals.viewer) redirect(303, signInPath(url.pathname + url.search));
  const to = url.searchParams.get('to');
  const ids = (url.searchParams.get('ids') ?? '')
    .split(',')
    .filter((id) => /^\d{1,18}$/.test(id))
    .slice(0, 100);
  if (ids.length > 0) await locals.api.request(MarkNotificationsReadDocument, { input: { ids } });
  redirect(303, isLocalPath(to) ? to : '/notifications');
};
