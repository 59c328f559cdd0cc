import { redirect } from '@sveltejs/kit';
import { SignUpDocument } from '#lib/graphql/generated.ts';
import { safeRedirectPath } from '#lib/paths.ts';
import { formFailure, readText } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const redirectTo = safeRedirectPath(url.searchParams.get('redirectTo'));
  if (locals.viewer) redirect(303, redirectTo);
  return { redirectTo };
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const data = await request.formData();
    const { email, displayName, password, redirectTo } = readText(data, ['email', 'displayName', 'password', 'redirectTo']);
    const values = { email: email.trim(), displayName: displayName.trim() };
    try {
      await locals.api.request(SignUpDocument, { input: { ...values, password } });
    } catch (cause) {
      return formFailure(cause, {
        locale: locals.locale,
        form: 'signup',
        values,
        fields: ['email', 'displayName', 'password'],
        returnTo: '/signup',
      });
    }
    redirect(303, safeRedirectPath(redirectTo));
  },
};
