import { error } from '@sveltejs/kit';
import { UserProfileDocument, UserReputationDocument } from '#lib/graphql/generated.ts';
import { userPath } from '#lib/paths.ts';
import { orNotFound } from '#lib/server/load.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  const after = url.searchParams.get('after') || null;
  const historyAfter = url.searchParams.get('historyAfter') || null;
  const [{ user }, reputation] = await Promise.all([
    orNotFound(locals.api.request(UserProfileDocument, { id: params.id, first: 20, after })),
    orNotFound(locals.api.request(UserReputationDocument, { id: params.id, historyAfter })),
  ]);
  if (!user || !reputation.user) error(404, 'Not found');
  const { pageInfo, edges } = user.questions;
  const history = reputation.user.reputationHistory;
  return {
    user,
    reputation: reputation.user,
    questions: edges.map((edge) => edge.node),
    olderHref: pageInfo.hasNextPage && pageInfo.endCursor ? userPath(user.id, { after: pageInfo.endCursor }) : null,
    newestHref: after ? userPath(user.id) : null,
    history: history && {
      events: history.edges.map((edge) => edge.node),
      olderHref:
        history.pageInfo.hasNextPage && history.pageInfo.endCursor ? userPath(user.id, { historyAfter: history.pageInfo.endCursor }) : null,
      newestHref: historyAfter ? userPath(user.id) : null,
    },
  };
};
