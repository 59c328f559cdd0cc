import { SaveStaffDraftDocument, WithdrawStaffDraftDocument, type StaffDraftKind } from '#lib/graphql/generated.ts';
import type { ApiClient } from './api.ts';

/** The thread's anchor for the viewer's drafts (shown with their review state). */
export const STAFF_DRAFTS_ANCHOR = 'staff-drafts';

/** A staff answer or comment composed on the thread goes to four-eyes review as a draft. */
export async function submitStaffDraft(
  api: ApiClient,
  input: { kind: StaffDraftKind; questionId: string; answerId?: string | null; body: string; clientMutationId: string },
): Promise<string> {
  await api.request(SaveStaffDraftDocument, { input });
  return STAFF_DRAFTS_ANCHOR;
}

export async function withdrawStaffDraft(api: ApiClient, id: string, expectedVersion: number): Promise<void> {
  await api.request(WithdrawStaffDraftDocument, { input: { id, expectedVersion } });
}
