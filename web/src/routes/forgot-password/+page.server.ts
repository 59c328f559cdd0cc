import { RequestPasswordResetDocument } from '#lib/graphql/generated.ts';
import { formFailure, readText } from '#lib/server/forms.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const { email } = readText(await request.formData(), ['email']);
    const values = { email: email.trim() };
    try {
      await locals.api.request(RequestPasswordResetDocument, { email: values.email });
    } catch (cause) {
      return formFailure(cause, { locale: locals.locale, form: 'forgot', values, fields: ['email'], returnTo: '/forgot-password' });
    }
    // The same answer whether or not the address has an account.
    return { sent: true };
  },
};
