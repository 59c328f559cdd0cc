import { redirect } from '@sveltejs/kit';
import { AddWatchTermDocument, AlertsDocument, RemoveWatchTermDocument, WatchTermsDocument } from '#lib/graphql/generated.ts';
import { readAlertFilter, STATUS_OF_FILTER } from '#lib/monitoring.ts';
import { formFailure, readText } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

/** Alerts for staff (the console layout turned everyone else away); admins also manage the watched keywords here. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const filter = readAlertFilter(url.searchParams.get('status'));
  const [{ alerts }, watch] = await Promise.all([
    locals.api.request(AlertsDocument, { status: STATUS_OF_FILTER[filter] }),
    locals.viewer?.role === 'ADMIN' ? locals.api.request(WatchTermsDocument, {}) : null,
  ]);
  return { filter, alerts, watchTerms: watch?.watchTerms ?? null };
};

export const actions: Actions = {
  addTerm: async ({ locals, request, url }) => {
    const values = readText(await request.formData(), ['term']);
    try {
      await locals.api.request(AddWatchTermDocument, { term: values.term });
    } catch (cause) {
      return formFailure(cause, { locale: locals.locale, form: 'addTerm', values, fields: ['term'], returnTo: url.pathname });
    }
    redirect(303, `${url.pathname}#watch`);
  },
  removeTerm: async ({ locals, request, url }) => {
    const { id } = readText(await request.formData(), ['id']);
    await locals.api.request(RemoveWatchTermDocument, { id });
    redirect(303, `${url.pathname}#watch`);
  },
};
