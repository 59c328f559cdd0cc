import { error } from '@sveltejs/kit';
import { ReviewQueueDocument } from '#lib/graphql/generated.ts';
import { staffReviewsPath } from '#lib/paths.ts';
import { isApiError } from '#lib/server/api.ts';
import { requireViewer } from '#lib/server/forms.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireViewer({ locals, url });
  const after = url.searchParams.get('after') || null;
  try {
    const { reviewQueue } = await locals.api.request(ReviewQueueDocument, { first: 20, after });
    const { pageInfo } = reviewQueue;
    return {
      drafts: reviewQueue.edges.map((edge) => edge.node),
      totalCount: reviewQueue.totalCount,
      moreHref: pageInfo.hasNextPage && pageInfo.endCursor ? staffReviewsPath({ after: pageInfo.endCursor }) : null,
      done: url.searchParams.get('done'),
    };
  } catch (cause) {
    if (isApiError(cause, 'FORBIDDEN')) error(403, 'Only staff review reply drafts.');
    throw cause;
  }
};
