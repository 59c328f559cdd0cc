import { error } from '@sveltejs/kit';
import { OutgoingMailDocument } from '#lib/graphql/generated.ts';
import { isApiError } from '#lib/server/api.ts';
import { requireViewer } from '#lib/server/forms.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireViewer({ locals, url });
  try {
    const { outgoingMail } = await locals.api.request(OutgoingMailDocument, { first: 50, after: url.searchParams.get('after') || null });
    return {
      delivering: outgoingMail.delivering,
      mails: outgoingMail.edges.map((e) => e.node),
      next: outgoingMail.pageInfo.hasNextPage ? outgoingMail.pageInfo.endCursor : null,
    };
  } catch (cause) {
    if (isApiError(cause, 'FORBIDDEN')) error(403, 'Only admins read outgoing mail.');
    if (isApiError(cause, 'BAD_USER_INPUT')) error(404, 'Not found');
    throw cause;
  }
};
