import { redirect } from '@sveltejs/kit';
import {
  AcknowledgeAlertDocument,
  AlertDetailDocument,
  AssignAlertDocument,
  EndAnnouncementDocument,
  PublishAnnouncementDocument,
  ResolveAlertDocument,
} from '#lib/graphql/generated.ts';
import { formFailure, readText, type FormValues } from '#lib/server/forms.ts';
import { orNotFound } from '#lib/server/load.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const { alert } = await orNotFound(locals.api.request(AlertDetailDocument, { id: params.id }));
  return { detail: alert };
};

type ActionEvent = Parameters<Actions[string]>[0];

/** Reads the named fields, calls the api and comes back to the actions; api errors become messages at the form `form`. */
async function act<const K extends string>(
  event: ActionEvent,
  form: string,
  names: readonly K[],
  send: (values: Record<K, string>) => Promise<unknown>,
) {
  const { locals, url, request } = event;
  const values = readText(await request.formData(), names);
  try {
    await send(values);
  } catch (cause) {
    return formFailure(cause, { locale: locals.locale, form, values: values as FormValues, fields: names, returnTo: url.pathname });
  }
  redirect(303, `${url.pathname}#actions`);
}

export const actions: Actions = {
  acknowledge: (event) => act(event, 'status', [], () => event.locals.api.request(AcknowledgeAlertDocument, { id: event.params.id })),
  resolve: (event) => act(event, 'status', [], () => event.locals.api.request(ResolveAlertDocument, { id: event.params.id })),
  assign: (event) =>
    act(event, 'assign', ['assigneeId'], ({ assigneeId }) =>
      event.locals.api.request(AssignAlertDocument, { id: event.params.id, assigneeId: assigneeId || null }),
    ),
  announce: (event) =>
    act(event, 'announce', ['body', 'spaceId'], ({ body, spaceId }) =>
      event.locals.api.request(PublishAnnouncementDocument, { input: { spaceId, body, alertId: event.params.id } }),
    ),
  endAnnouncement: (event) =>
    act(event, 'announce', ['announcementId'], ({ announcementId }) =>
      event.locals.api.request(EndAnnouncementDocument, { id: announcementId }),
    ),
};
