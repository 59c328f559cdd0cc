import { redirect } from '@sveltejs/kit';
import { PUBLIC_URL } from '$app/env/private';
import { SignOutDocument } from '#lib/graphql/generated.ts';
import { isApiError, SESSION_COOKIE } from '#lib/server/api.ts';
import { sessionCookieOptions } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  if (!locals.viewer) redirect(303, '/');
  return {};
};

export const actions: Actions = {
  default: async ({ locals, cookies }) => {
    if (locals.api.hasSession) {
      try {
        await locals.api.request(SignOutDocument);
      } catch (cause) {
        // Signing out must always work for the person: the cookie goes either way.
        if (!isApiError(cause)) throw cause;
        console.error(JSON.stringify({ level: 'warn', requestId: locals.requestId, msg: 'signOut failed', code: cause.code }));
      }
    }
    cookies.delete(SESSION_COOKIE, sessionCookieOptions(PUBLIC_URL));
    redirect(303, '/');
  },
};
