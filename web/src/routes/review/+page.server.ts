import { error, fail, redirect } from '@sveltejs/kit';
import {
  ModerationQueueDocument,
  ResolveReviewItemDocument,
  type ReviewAction,
  SuspendUserDocument,
  WarnUserDocument,
} from '#lib/graphql/generated.ts';
import { reviewQueuePath } from '#lib/paths.ts';
import { isApiError } from '#lib/server/api.ts';
import { formFailure, readText, requireViewer } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireViewer({ locals, url });
  const after = url.searchParams.get('after') || null;
  try {
    const { moderationQueue } = await locals.api.request(ModerationQueueDocument, { first: 20, after });
    const { pageInfo } = moderationQueue;
    return {
      items: moderationQueue.edges.map((edge) => edge.node),
      openCount: moderationQueue.openCount,
      moreHref: pageInfo.hasNextPage && pageInfo.endCursor ? reviewQueuePath(pageInfo.endCursor) : null,
      done: url.searchParams.get('done'),
    };
  } catch (cause) {
    if (isApiError(cause, 'FORBIDDEN')) error(403, 'Only staff and community leaders can review posts.');
    throw cause;
  }
};

const ACTIONS: Record<string, ReviewAction> = { approve: 'APPROVE', hide: 'HIDE', delete: 'DELETE', spam: 'DELETE', edit: 'EDIT' };

/** A conflict names who handled the item first; that is the message to show, not a generic one. */
function failure(cause: unknown, context: Parameters<typeof formFailure>[1]) {
  if (isApiError(cause, 'CONFLICT') && cause.fields.length === 0) {
    return fail(409, { form: context.form, message: cause.message, fields: {}, values: context.values });
  }
  return formFailure(cause, context);
}

export const actions: Actions = {
  resolve: async ({ request, locals, url }) => {
    requireViewer({ locals, url });
    const data = await request.formData();
    const { itemId, decision, reason, title, body, revision } = readText(data, [
      'itemId',
      'decision',
      'reason',
      'title',
      'body',
      'revision',
    ]);
    const action = ACTIONS[decision];
    const context = {
      locale: locals.locale,
      form: `item:${itemId}`,
      values: { reason, title, body },
      fields: ['reason', 'title', 'body'],
      returnTo: url.pathname,
    };
    if (!action) return fail(400, { form: context.form, message: null, fields: {}, values: context.values });
    let outcome: string;
    try {
      const { resolveReviewItem } = await locals.api.request(ResolveReviewItemDocument, {
        input: {
          itemId,
          action,
          reason: reason || null,
          asSpam: decision === 'spam',
          ...(action === 'EDIT' ? { title: title || null, body, expectedRevision: revision ? Number(revision) : null } : {}),
        },
      });
      outcome = (resolveReviewItem.outcome ?? 'APPROVED').toLowerCase();
    } catch (cause) {
      return failure(cause, context);
    }
    redirect(303, `${reviewQueuePath()}?done=${outcome}`);
  },

  penalize: async ({ request, locals, url }) => {
    requireViewer({ locals, url });
    const { itemId, userId, penalty, reason, days } = readText(await request.formData(), ['itemId', 'userId', 'penalty', 'reason', 'days']);
    const context = {
      locale: locals.locale,
      form: `penalty:${itemId}`,
      values: { reason, days },
      fields: ['reason', 'days'],
      returnTo: url.pathname,
    };
    try {
      if (penalty === 'suspend') {
        await locals.api.request(SuspendUserDocument, { input: { userId, reason, days: Number(days) || 0, reviewItemId: itemId } });
      } else {
        await locals.api.request(WarnUserDocument, { input: { userId, reason, reviewItemId: itemId } });
      }
    } catch (cause) {
      return failure(cause, context);
    }
    redirect(303, `${reviewQueuePath()}?done=${penalty === 'suspend' ? 'suspended' : 'warned'}#item-${itemId}`);
  },
};
