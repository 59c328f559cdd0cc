import { redirect } from '@sveltejs/kit';
import { ResendEmailConfirmationDocument } from '#lib/graphql/generated.ts';
import { safeRedirectPath } from '#lib/paths.ts';
import { isApiError } from '#lib/server/api.ts';
import { readText, requireViewer } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

/** Nothing to show without a token: the address is managed in the settings. */
export const load: PageServerLoad = () => redirect(303, '/settings#email');

/** The banner's "send the link again": back to the page it was on, saying what happened. */
export const actions: Actions = {
  resend: async ({ request, locals, url }) => {
    requireViewer({ locals, url });
    const back = new URL(safeRedirectPath(readText(await request.formData(), ['returnTo']).returnTo), url);
    try {
      await locals.api.request(ResendEmailConfirmationDocument);
      back.searchParams.set('emailResent', '1');
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      back.searchParams.set('emailResent', cause.code === 'RATE_LIMITED' ? 'limited' : 'failed');
    }
    redirect(303, back.pathname + back.search);
  },
};
