import { fail, redirect } from '@sveltejs/kit';
import { SignInDocument, SignUpDocument } from '#lib/graphql/generated.ts';
import { createTranslator } from '#lib/i18n/index.ts';
import { isApiError } from '#lib/server/api.ts';
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
      await locals.api.request(SignUpDocument, { input: { ...values, password, locale: locals.locale === 'de' ? 'DE' : 'EN' } });
      // Sign-up answers alike for free and taken addresses and starts no session; signing in does.
      await locals.api.request(SignInDocument, { input: { email: values.email, password } });
    } catch (cause) {
      if (isApiError(cause, 'BAD_USER_INPUT') && cause.fields.every((field) => field.code === 'invalid_credentials')) {
        const t = createTranslator(locals.locale);
        return fail(400, { form: 'signup', message: t('signup.notSignedIn'), fields: {} as Record<string, string>, values });
      }
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
