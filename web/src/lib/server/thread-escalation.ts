import type { ThreadEscalationFieldsFragment } from '#lib/graphql/generated.ts';
import { newMutationId } from './load.ts';

/**
 * What a thread page shows about the company stepping in: the public promise (everyone), the
 * escalate form (when the viewer may), and the private conversation (the asker and staff only).
 * The fields come with the thread page's own query.
 */
export function threadEscalation(question: ThreadEscalationFieldsFragment) {
  return {
    promise: question.staffPromise ?? null,
    canEscalate: question.canEscalate,
    /** Set for staff who work on this question's escalation; the api gives it to nobody else. */
    staffCase: question.escalation ?? null,
    /** The asker's and staff's private conversation; the api gives it to nobody else. */
    conversation: question.conversation ?? null,
    escalateMutationId: newMutationId(),
    messageMutationId: newMutationId(),
  };
}
