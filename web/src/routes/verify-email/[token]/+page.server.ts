import { fail } from '@sveltejs/kit';
import { ConfirmEmailDocument } from '#lib/graphql/generated.ts';
import { isApiError } from '#lib/server/api.ts';
import type { Actions } from './$types';

/** Why a confirmation link did nothing, as the api names it; anything else reads as an invalid link. */
const FAILURES = ['invalid', 'used', 'expired', 'foreign', 'taken', 'stale'] as const;
type Failure = (typeof FAILURES)[number];

// Following the link only shows a button: mail scanners that open links must not use up the token.
export const actions: Actions = {
  default: async ({ locals, params }) => {
    try {
      const { confirmEmail } = await locals.api.request(ConfirmEmailDocument, { token: params.token });
      return { result: confirmEmail };
    } catch (cause) {
      if (!isApiError(cause, 'BAD_USER_INPUT')) throw cause;
      const code = cause.fields.find((f) => f.field === 'token')?.code;
      const reason: Failure = FAILURES.find((f) => f === code) ?? 'invalid';
      return fail(400, { reason });
    }
  },
};
