import { fail, redirect } from '@sveltejs/kit';
import { SignInDocument } from '#lib/graphql/generated.ts';
import { createTranslator } from '#lib/i18n/index.ts';
import { safeRedirectPath } from '#lib/paths.ts';
import { isApiError } from '#lib/server/api.ts';
import { formFailure, readText } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const redirectTo = safeRedirectPath(url.searchParams.get('redirectTo'));
  if (locals.viewer) redirect(303, redirectTo);
  return { redirectTo, required: url.searchParams.has('redirectTo') };
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const data = await request.formData();
    const { email, password, redirectTo } = readText(data, ['email', 'password', 'redirectTo']);
    const values = { email: email.trim() };
    try {
      // The api answers with Set-Cookie: pd_session=…; the api client mirrors it into our cookie.
      await locals.api.request(SignInDocument, { input: { email: values.email, password } });
    } catch (cause) {
      // One generic answer for a wrong password and an unknown address alike (the api words it so, too).
      const wrongCredentials =
        isApiError(cause, 'UNAUTHENTICATED') ||
        (isApiError(cause, 'BAD_USER_INPUT') && cause.fields.every((field) => field.code === 'invalid_credentials'));
      if (wrongCredentials) {
        const t = createTranslator(locals.locale);
        return fail(400, { form: 'signin', message: t('form.credentials'), fields: {} as Record<string, string>, values });
      }
      return formFailure(cause, { locale: locals.locale, form: 'signin', values, fields: ['email', 'password'], returnTo: '/signin' });
    }
    redirect(303, safeRedirectPath(redirectTo));
  },
};
