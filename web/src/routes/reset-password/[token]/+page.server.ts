import { fail } from '@sveltejs/kit';
import { ResetPasswordDocument } from '#lib/graphql/generated.ts';
import { isApiError } from '#lib/server/api.ts';
import { formFailure, readText } from '#lib/server/forms.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const { password } = readText(await request.formData(), ['password']);
    try {
      await locals.api.request(ResetPasswordDocument, { token: params.token, password });
    } catch (cause) {
      if (isApiError(cause, 'BAD_USER_INPUT') && cause.fields.some((f) => f.field === 'token')) return fail(400, { invalid: true });
      return formFailure(cause, { locale: locals.locale, form: 'reset', values: {}, fields: ['password'], returnTo: '/forgot-password' });
    }
    return { done: true };
  },
};
