import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import {
  CancelCallbackDocument,
  CompleteCallbackDocument,
  EscalateQuestionDocument,
  OpenConversationDocument,
  RequestCallbackDocument,
  ScheduleCallbackDocument,
  SendConversationMessageDocument,
} from '#lib/graphql/generated.ts';
import { isTimeZone, zonedLocalToIso } from '#lib/escalation.ts';
import { createTranslator, fieldErrorMessage } from '#lib/i18n/index.ts';
import { formFailure, readClientMutationId, readText, requireViewer, type FormFailure } from './forms.ts';

/**
 * Form actions about a question's escalation and its private conversation, shared by the thread
 * page and the agent console (both name them the same, so the conversation panel posts to either).
 */

export const CONVERSATION_ANCHOR = 'conversation';

type Event = Pick<RequestEvent, 'request' | 'locals' | 'url'>;

/** The asker (or an expert, or staff) hands the question to the company. */
export async function escalateAction(event: Event, questionId: string) {
  const { locals, url } = event;
  requireViewer(event, url.pathname);
  const data = await event.request.formData();
  const values = readText(data, ['reason', 'privateDetails']);
  try {
    await locals.api.request(EscalateQuestionDocument, {
      input: {
        questionId,
        reason: values.reason.trim() || null,
        privateDetails: values.privateDetails.trim() || null,
        clientMutationId: readClientMutationId(data),
      },
    });
  } catch (cause) {
    return formFailure(cause, {
      locale: locals.locale,
      form: 'escalate',
      values,
      fields: ['reason', 'privateDetails'],
      returnTo: url.pathname,
    });
  }
  redirect(303, `${url.pathname}#escalation`);
}

/** Staff open the private conversation with the asker; the first message goes with it. */
export async function openConversationAction(event: Event) {
  const { locals, url } = event;
  requireViewer(event, url.pathname);
  const { questionId, ...values } = readText(await event.request.formData(), ['questionId', 'body']);
  try {
    await locals.api.request(OpenConversationDocument, { questionId, body: values.body });
  } catch (cause) {
    return formFailure(cause, { locale: locals.locale, form: 'conversation', values, fields: ['body'], returnTo: url.pathname });
  }
  redirect(303, `${url.pathname}#${CONVERSATION_ANCHOR}`);
}

export async function sendMessageAction(event: Event) {
  const { locals, url } = event;
  requireViewer(event, url.pathname);
  const data = await event.request.formData();
  const values = readText(data, ['body', 'conversationId']);
  try {
    await locals.api.request(SendConversationMessageDocument, {
      input: { conversationId: values.conversationId, body: values.body, clientMutationId: readClientMutationId(data) },
    });
  } catch (cause) {
    return formFailure(cause, {
      locale: locals.locale,
      form: 'conversation',
      values: { body: values.body },
      fields: ['body'],
      returnTo: url.pathname,
    });
  }
  redirect(303, `${url.pathname}#${CONVERSATION_ANCHOR}`);
}

/** The asker asks for a call back; the window is typed in their own time zone (UTC without JavaScript). */
export async function requestCallbackAction(event: Event) {
  const { locals, url } = event;
  requireViewer(event, url.pathname);
  const values = readText(await event.request.formData(), ['conversationId', 'from', 'until', 'phone', 'note', 'timeZone']);
  const timeZone = isTimeZone(values.timeZone) ? values.timeZone : 'UTC';
  const from = zonedLocalToIso(values.from, timeZone);
  const until = zonedLocalToIso(values.until, timeZone);
  const kept = { from: values.from, until: values.until, phone: values.phone, note: values.note };
  if (!from || !until) {
    const t = createTranslator(locals.locale);
    const fields: Record<string, string> = {};
    if (!from) fields.from = fieldErrorMessage(t, 'from', values.from ? 'invalid' : 'required');
    if (!until) fields.until = fieldErrorMessage(t, 'until', values.until ? 'invalid' : 'required');
    return fail(400, { form: 'callback', message: t('form.invalid'), fields, values: kept } satisfies FormFailure<typeof kept>);
  }
  try {
    await locals.api.request(RequestCallbackDocument, {
      input: { conversationId: values.conversationId, from, until, phone: values.phone, note: values.note.trim() || null },
    });
  } catch (cause) {
    return formFailure(cause, {
      locale: locals.locale,
      form: 'callback',
      values: kept,
      fields: ['from', 'until', 'phone', 'note'],
      returnTo: url.pathname,
    });
  }
  redirect(303, `${url.pathname}#${CONVERSATION_ANCHOR}`);
}

/**
 * A change of a call back's state (staff schedule or mark done; the asker or staff cancel). The time
 * is typed in the zone the form names (the viewer's). Failures come back to the call back (form
 * `callback`, with its `messageId`).
 */
export async function callbackStateAction(event: Event, change: 'schedule' | 'complete' | 'cancel') {
  const { locals, url } = event;
  requireViewer(event, url.pathname);
  const values = readText(await event.request.formData(), ['messageId', 'at', 'note', 'timeZone']);
  const kept = { messageId: values.messageId, at: values.at, note: values.note };
  const note = values.note.trim() || null;
  try {
    if (change === 'schedule') {
      const at = zonedLocalToIso(values.at, isTimeZone(values.timeZone) ? values.timeZone : 'UTC');
      if (!at) {
        const t = createTranslator(locals.locale);
        const fields = { at: fieldErrorMessage(t, 'at', values.at ? 'invalid' : 'required') };
        return fail(400, { form: 'callback', message: t('form.invalid'), fields, values: kept } satisfies FormFailure<typeof kept>);
      }
      await locals.api.request(ScheduleCallbackDocument, { input: { messageId: values.messageId, at, note } });
    } else if (change === 'complete') await locals.api.request(CompleteCallbackDocument, { messageId: values.messageId, note });
    else await locals.api.request(CancelCallbackDocument, { messageId: values.messageId, note });
  } catch (cause) {
    return formFailure(cause, { locale: locals.locale, form: 'callback', values: kept, fields: ['at', 'note'], returnTo: url.pathname });
  }
  redirect(303, `${url.pathname}#${CONVERSATION_ANCHOR}`);
}
