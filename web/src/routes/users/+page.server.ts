import { UsersPageDocument } from '#lib/graphql/generated.ts';
import { usersPath } from '#lib/paths.ts';
import { orNotFound } from '#lib/server/load.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 30;

/** The user directory: people by reputation, a name filter (plain GET form), keyset pages. */
export const load: PageServerLoad = async ({ url, locals }) => {
  const name = url.searchParams.get('name')?.trim().slice(0, 80) || null;
  const after = url.searchParams.get('after') || null;
  const { users } = await orNotFound(locals.api.request(UsersPageDocument, { first: PAGE_SIZE, after, name }));
  return {
    name,
    people: users.edges.map((edge) => edge.node),
    nextHref: users.pageInfo.hasNextPage && users.pageInfo.endCursor ? usersPath({ name, after: users.pageInfo.endCursor }) : null,
    firstHref: after ? usersPath({ name }) : null,
    isFirstPage: after === null,
  };
};
