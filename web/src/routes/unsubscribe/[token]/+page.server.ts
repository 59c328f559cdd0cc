import { fail } from '@sveltejs/kit';
import { UnsubscribeFromMailDocument } from '#lib/graphql/generated.ts';
import { isApiError } from '#lib/server/api.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * The link in every notification mail. The button posts to this same address: in production the
 * web server relays that POST to the api (so one-click POSTs from mail programs work too, see
 * `unsubscribe-relay.ts`) and comes back with ?done=1 or ?invalid=1; under `vite dev` the action below does it.
 */
export const load: PageServerLoad = ({ url }) => ({
  done: url.searchParams.has('done'),
  invalid: url.searchParams.has('invalid'),
});

export const actions: Actions = {
  default: async ({ locals, params }) => {
    try {
      await locals.api.request(UnsubscribeFromMailDocument, { token: params.token });
      return { done: true };
    } catch (cause) {
      if (isApiError(cause, 'BAD_USER_INPUT')) return fail(400, { invalid: true });
      throw cause;
    }
  },
};
