import { error, fail, redirect } from '@sveltejs/kit';
import {
  ApproveStaffDraftDocument,
  DismissDraftHintDocument,
  EditStaffDraftDocument,
  RequestStaffDraftChangesDocument,
  StaffDraftReviewDocument,
} from '#lib/graphql/generated.ts';
import { questionPath, staffDraftPath, staffReviewsPath } from '#lib/paths.ts';
import type { Locale } from '#lib/i18n/locale.ts';
import { isApiError } from '#lib/server/api.ts';
import { formFailure, readText, requireViewer } from '#lib/server/forms.ts';
import { orNotFound } from '#lib/server/load.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireViewer({ locals, url });
  try {
    const { staffDraft } = await orNotFound(locals.api.request(StaffDraftReviewDocument, { id: params.id }));
    return { draft: staffDraft, saved: url.searchParams.get('saved') === '1', dismissed: url.searchParams.get('dismissed') === '1' };
  } catch (cause) {
    if (isApiError(cause, 'FORBIDDEN')) error(403, 'Only staff review reply drafts.');
    throw cause;
  }
};

/** A stale version is answered with the api's message and the text as typed, so nothing is lost. */
function failure(cause: unknown, locale: Locale, form: string, values: Record<string, string>, returnTo: string) {
  if (isApiError(cause, 'CONFLICT') && cause.fields.length === 0)
    return fail(409, { form, message: cause.message, fields: {} as Record<string, string>, values });
  return formFailure(cause, { locale, form, values, fields: Object.keys(values), returnTo });
}

export const actions: Actions = {
  edit: async ({ request, locals, url, params }) => {
    requireViewer({ locals, url });
    const { body, version } = readText(await request.formData(), ['body', 'version']);
    try {
      await locals.api.request(EditStaffDraftDocument, { input: { id: params.id, body, expectedVersion: Number(version) } });
    } catch (cause) {
      return failure(cause, locals.locale, 'edit', { body }, url.pathname);
    }
    redirect(303, staffDraftPath(params.id, { saved: '1' }));
  },

  /** A reviewer sets a hint aside with a reason (kept in the audit log); a plain form post, so it works without JavaScript. */
  dismissHint: async ({ request, locals, url, params }) => {
    requireViewer({ locals, url });
    const { rule, reason } = readText(await request.formData(), ['rule', 'reason']);
    try {
      await locals.api.request(DismissDraftHintDocument, { input: { draftId: params.id, rule, reason } });
    } catch (cause) {
      return failure(cause, locals.locale, 'dismiss', { rule, reason }, url.pathname);
    }
    redirect(303, staffDraftPath(params.id, { dismissed: '1' }));
  },

  approve: async ({ request, locals, url, params }) => {
    requireViewer({ locals, url });
    const { version } = readText(await request.formData(), ['version']);
    let published: { questionId: string; slug: string; anchor: string };
    try {
      const { approveStaffDraft: draft } = await locals.api.request(ApproveStaffDraftDocument, {
        input: { id: params.id, expectedVersion: Number(version) },
      });
      published = {
        questionId: draft.question!.id,
        slug: draft.question!.slug,
        anchor: draft.publishedAnswerId ? `answer-${draft.publishedAnswerId}` : `comment-${draft.publishedCommentId}`,
      };
    } catch (cause) {
      return failure(cause, locals.locale, 'decide', {}, url.pathname);
    }
    redirect(303, questionPath(published.questionId, published.slug, published.anchor));
  },

  requestChanges: async ({ request, locals, url, params }) => {
    requireViewer({ locals, url });
    const { comment, version } = readText(await request.formData(), ['comment', 'version']);
    try {
      await locals.api.request(RequestStaffDraftChangesDocument, { input: { id: params.id, comment, expectedVersion: Number(version) } });
    } catch (cause) {
      return failure(cause, locals.locale, 'changes', { comment }, url.pathname);
    }
    redirect(303, staffReviewsPath({ done: 'changes' }));
  },
};
