import { redirect, type RequestEvent } from '@sveltejs/kit';
import { FollowDocument, SetFollowDocument, type FollowTarget } from '#lib/graphql/generated.ts';
import type { ApiClient } from './api.ts';
import { formFailure, readWatchLevel, requireViewer } from './forms.ts';

/** The viewer's follow of a space or tag, for its page. */
export const loadFollow = (api: ApiClient, target: FollowTarget, slug: string) =>
  api.request(FollowDocument, { target, slug }).then((result) => result.follow);

/** The `follow` form action of a space or tag page: follow, mute or stop, then back to the page. */
export function followAction(target: FollowTarget) {
  return async ({ request, locals, url, params }: RequestEvent<{ slug: string }>) => {
    requireViewer({ locals, url }, url.pathname);
    const level = readWatchLevel((await request.formData()).get('level'));
    try {
      await locals.api.request(SetFollowDocument, { input: { target, slug: params.slug, level } });
    } catch (cause) {
      return formFailure(cause, { locale: locals.locale, form: 'follow', values: {}, fields: [], returnTo: url.pathname });
    }
    redirect(303, `${url.pathname}${url.search}#follow`);
  };
}
