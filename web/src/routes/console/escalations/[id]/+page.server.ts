import { error, redirect } from '@sveltejs/kit';
import {
  AddEscalationNoteDocument,
  AssignEscalationDocument,
  ClaimEscalationDocument,
  EscalationDetailDocument,
  ForwardEscalationDocument,
  ResolveEscalationDocument,
  SetEscalationPriorityDocument,
  SetEscalationStatusDocument,
  type EscalationPriority,
  type EscalationStatus,
  type Locale,
} from '#lib/graphql/generated.ts';
import { callbackStateAction, openConversationAction, sendMessageAction } from '#lib/server/escalation-actions.ts';
import { formFailure, readText, type FormValues } from '#lib/server/forms.ts';
import { newMutationId, orNotFound } from '#lib/server/load.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const locale = locals.locale.toUpperCase() as Locale;
  const { escalation, teams } = await orNotFound(locals.api.request(EscalationDetailDocument, { id: params.id, locale }));
  if (!escalation) error(404, 'Not found');
  return { escalation, teams, messageMutationId: newMutationId() };
};

type ActionEvent = Parameters<Actions[string]>[0];

/**
 * One console action: reads the named fields, calls the api, and comes back to the section it
 * changed; api errors become messages at that form (`form` names it).
 */
async function act<const K extends string>(
  event: ActionEvent,
  form: string,
  names: readonly K[],
  send: (values: Record<K, string>) => Promise<unknown>,
  anchor = 'actions',
) {
  const { locals, url, request } = event;
  const values = readText(await request.formData(), names);
  try {
    await send(values);
  } catch (cause) {
    return formFailure(cause, { locale: locals.locale, form, values: values as FormValues, fields: names, returnTo: url.pathname });
  }
  redirect(303, `${url.pathname}#${anchor}`);
}

export const actions: Actions = {
  claim: (event) => act(event, 'claim', [], () => event.locals.api.request(ClaimEscalationDocument, { id: event.params.id })),
  assign: (event) =>
    act(event, 'assign', ['assigneeId'], ({ assigneeId }) =>
      event.locals.api.request(AssignEscalationDocument, { id: event.params.id, assigneeId: assigneeId || null }),
    ),
  priority: (event) =>
    act(event, 'priority', ['priority'], ({ priority }) =>
      event.locals.api.request(SetEscalationPriorityDocument, { id: event.params.id, priority: priority as EscalationPriority }),
    ),
  forward: (event) =>
    act(event, 'forward', ['teamId'], ({ teamId }) => event.locals.api.request(ForwardEscalationDocument, { id: event.params.id, teamId })),
  status: (event) =>
    act(event, 'status', ['status'], ({ status }) =>
      event.locals.api.request(SetEscalationStatusDocument, { id: event.params.id, status: status as EscalationStatus }),
    ),
  note: (event) =>
    act(event, 'note', ['body'], ({ body }) => event.locals.api.request(AddEscalationNoteDocument, { id: event.params.id, body }), 'notes'),
  resolve: (event) =>
    act(event, 'resolve', ['summary'], ({ summary }) =>
      event.locals.api.request(ResolveEscalationDocument, { input: { id: event.params.id, summary: summary.trim() || null } }),
    ),
  openConversation: (event) => openConversationAction(event),
  sendMessage: (event) => sendMessageAction(event),
  scheduleCallback: (event) => callbackStateAction(event, 'schedule'),
  completeCallback: (event) => callbackStateAction(event, 'complete'),
  cancelCallback: (event) => callbackStateAction(event, 'cancel'),
};
