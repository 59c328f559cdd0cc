import { ThreadEscalationDocument, type Locale } from '#lib/graphql/generated.ts';
import { isApiError } from './api.ts';
import { newMutationId } from './load.ts';

async function load(locals: App.Locals, questionId: string) {
  const locale = locals.locale.toUpperCase() as Locale;
  let question;
  try {
    ({ question } = await locals.api.request(ThreadEscalationDocument, { id: questionId, locale }));
  } catch (cause) {
    // The thread's own query reports an unknown or malformed id.
    const badId = isApiError(cause, 'BAD_USER_INPUT') && cause.fields.every((field) => field.field === 'id');
    if (isApiError(cause, 'NOT_FOUND') || badId) question = null;
    else throw cause;
  }
  return {
    promise: question?.staffPromise ?? null,
    canEscalate: question?.canEscalate ?? false,
    /** Set for staff who work on this question's escalation; the api gives it to nobody else. */
    staffCase: question?.escalation ?? null,
    /** The asker's and staff's private conversation; the api gives it to nobody else. */
    conversation: question?.conversation ?? null,
    escalateMutationId: newMutationId(),
    messageMutationId: newMutationId(),
  };
}

/**
 * What a thread page shows about the company stepping in: the public promise (everyone), the
 * escalate form (when the viewer may), and the private conversation (the asker and staff only).
 * Started next to the thread's own query and awaited after it.
 */
export function loadThreadEscalation(locals: App.Locals, questionId: string): ReturnType<typeof load> {
  const pending = load(locals, questionId);
  // When the thread's query fails first, the page never awaits this; keep that from being an unhandled rejection.
  pending.catch(() => undefined);
  return pending;
}
