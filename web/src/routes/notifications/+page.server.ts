import { fail } from '@sveltejs/kit';
import {
  FollowedDocument,
  MarkNotificationsReadDocument,
  NotificationSettingsDocument,
  NotificationsDocument,
  SetFollowDocument,
  UpdateNotificationSettingsDocument,
  type DigestFrequency,
  type NotificationChannel,
  type NotificationGroup,
} from '#lib/graphql/generated.ts';
import { isApiError } from '#lib/server/api.ts';
import { requireViewer } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

const PAGE = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
  requireViewer({ locals, url });
  const after = url.searchParams.get('after') || null;
  try {
    const [{ notifications }, { notificationSettings }, { followed }] = await Promise.all([
      locals.api.request(NotificationsDocument, { first: PAGE, after }),
      locals.api.request(NotificationSettingsDocument),
      locals.api.request(FollowedDocument),
    ]);
    return {
      settings: notificationSettings,
      followed,
      items: notifications.edges.map((e) => e.node),
      next: notifications.pageInfo.hasNextPage ? notifications.pageInfo.endCursor : null,
      paged: after !== null,
    };
  } catch (error) {
    // A cursor from an old link: start again from the newest.
    if (after && isApiError(error, 'BAD_USER_INPUT')) return { settings: null, followed: null, items: [], next: null, paged: true };
    throw error;
  }
};

export const actions: Actions = {
  markAll: async ({ locals, url }) => {
    requireViewer({ locals, url });
    await locals.api.request(MarkNotificationsReadDocument, { input: { all: true } });
    return { marked: true };
  },
  settings: async ({ locals, url, request }) => {
    requireViewer({ locals, url });
    const form = await request.formData();
    const locale = form.get('locale') === 'DE' ? 'DE' : 'EN';
    const digest = readDigest(form.get('digest'));
    const choices = NOTIFICATION_GROUPS.flatMap((group) => {
      const channel = form.get(`choice-${group}`);
      return isChannel(channel) ? [{ group, channel }] : [];
    });
    await locals.api.request(UpdateNotificationSettingsDocument, {
      input: { email: form.get('email') === 'on', locale, digest, choices },
    });
    return { saved: true };
  },
  /** Stop following (or unmute) a space or tag from the list here. */
  unfollow: async ({ locals, url, request }) => {
    requireViewer({ locals, url });
    const form = await request.formData();
    const target = form.get('target') === 'TAG' ? 'TAG' : 'SPACE';
    try {
      await locals.api.request(SetFollowDocument, { input: { target, slug: String(form.get('slug') ?? ''), level: 'NONE' } });
    } catch (error) {
      // Gone meanwhile (a tag removed): nothing left to stop following.
      if (!isApiError(error, 'NOT_FOUND')) throw error;
    }
    return { unfollowed: true };
  },
  markRead: async ({ locals, url, request }) => {
    requireViewer({ locals, url });
    const ids = String((await request.formData()).get('ids') ?? '')
      .split(',')
      .filter((id) => /^\d{1,18}$/.test(id));
    if (ids.length === 0) return fail(400, { marked: false });
    await locals.api.request(MarkNotificationsReadDocument, { input: { ids } });
    return { marked: true };
  },
};

const NOTIFICATION_GROUPS = [
  'REPLIES',
  'MENTIONS',
  'MY_POSTS',
  'FOLLOWING',
  'MESSAGES',
  'RECOGNITION',
  'STAFF',
] as const satisfies readonly NotificationGroup[];

const isChannel = (value: FormDataEntryValue | null): value is NotificationChannel =>
  value === 'APP_AND_EMAIL' || value === 'APP' || value === 'OFF';

const readDigest = (value: FormDataEntryValue | null): DigestFrequency =>
  value === 'OFF' || value === 'DAILY' || value === 'WEEKLY' ? value : 'WEEKLY';
