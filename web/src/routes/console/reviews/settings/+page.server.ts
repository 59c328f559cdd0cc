import { error, fail, redirect } from '@sveltejs/kit';
import {
  GrantReviewBypassDocument,
  ReviewSettingsDocument,
  RevokeReviewBypassDocument,
  SetSpaceReviewDocument,
} from '#lib/graphql/generated.ts';
import { createTranslator, fieldErrorMessage } from '#lib/i18n/index.ts';
import { parseUserRef, reviewSettingsPath } from '#lib/paths.ts';
import { isApiError } from '#lib/server/api.ts';
import { formFailure, readText, requireViewer } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireViewer({ locals, url });
  try {
    const settings = await locals.api.request(ReviewSettingsDocument);
    return {
      spaces: settings.spaceReviewSettings,
      grants: settings.reviewBypassGrants,
      bypasses: settings.reviewBypasses.edges.map((edge) => edge.node),
    };
  } catch (cause) {
    if (isApiError(cause, 'FORBIDDEN')) error(403, 'Only admins change review settings.');
    throw cause;
  }
};

export const actions: Actions = {
  space: async ({ request, locals, url }) => {
    requireViewer({ locals, url });
    const { spaceSlug, review } = readText(await request.formData(), ['spaceSlug', 'review']);
    try {
      await locals.api.request(SetSpaceReviewDocument, { input: { spaceSlug, reviewStaffReplies: review === 'on' } });
    } catch (cause) {
      return formFailure(cause, {
        locale: locals.locale,
        form: 'space',
        values: {} as Record<string, string>,
        fields: [],
        returnTo: url.pathname,
      });
    }
    redirect(303, reviewSettingsPath());
  },

  grant: async ({ request, locals, url }) => {
    requireViewer({ locals, url });
    const values: Record<string, string> = readText(await request.formData(), ['user', 'reason']);
    const userId = parseUserRef(values.user ?? '');
    if (!userId) {
      const t = createTranslator(locals.locale);
      return fail(400, {
        form: 'grant',
        message: null,
        fields: { user: fieldErrorMessage(t, 'user', 'invalid') } as Record<string, string>,
        values,
      });
    }
    try {
      await locals.api.request(GrantReviewBypassDocument, { input: { userId, reason: values.reason ?? '' } });
    } catch (cause) {
      return formFailure(cause, { locale: locals.locale, form: 'grant', values, fields: ['userId', 'reason'], returnTo: url.pathname });
    }
    redirect(303, reviewSettingsPath());
  },

  revoke: async ({ request, locals, url }) => {
    requireViewer({ locals, url });
    const { userId } = readText(await request.formData(), ['userId']);
    try {
      await locals.api.request(RevokeReviewBypassDocument, { userId });
    } catch (cause) {
      return formFailure(cause, {
        locale: locals.locale,
        form: 'revoke',
        values: {} as Record<string, string>,
        fields: [],
        returnTo: url.pathname,
      });
    }
    redirect(303, reviewSettingsPath());
  },
};
