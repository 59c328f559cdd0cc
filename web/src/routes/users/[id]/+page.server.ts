import { error } from '@sveltejs/kit';
import { UserProfileDocument } from '#lib/graphql/generated.ts';
import { userPath } from '#lib/paths.ts';
import { orNotFound } from '#lib/server/load.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  const after = url.searchParams.get('after') || null;
  const { user } = await orNotFound(locals.api.request(UserProfileDocument, { id: params.id, first: 20, after }));
  if (!user) error(404, 'Not found');
  const { pageInfo, edges } = user.questions;
  return {
    user,
    questions: edges.map((edge) => edge.node),
    olderHref: pageInfo.hasNextPage && pageInfo.endCursor ? userPath(user.id, { after: pageInfo.endCursor }) : null,
    newestHref: after ? userPath(user.id) : null,
  };
};
