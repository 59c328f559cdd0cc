import { error } from '@sveltejs/kit';
import { listQuery, sortValue, toSort } from '#lib/browsing.ts';
import { TagPageDocument } from '#lib/graphql/generated.ts';
import { tagPath } from '#lib/paths.ts';
import { followAction, loadFollow } from '#lib/server/follow.ts';
import { orNotFound } from '#lib/server/load.ts';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 20;

/** One tag's public questions, with the same sorts as /questions. An unknown tag is a 404. */
export const load: PageServerLoad = async ({ params, url, locals }) => {
  const sort = toSort(url.searchParams.get('sort'));
  const after = url.searchParams.get('after') || null;
  const follow = loadFollow(locals.api, 'TAG', params.slug).catch(() => null);
  const { tag, questions } = await orNotFound(
    locals.api.request(TagPageDocument, { slug: params.slug, first: PAGE_SIZE, after, sort: sortValue(sort) }),
  );
  if (!tag) error(404, 'Not found');
  const href = (cursor: string | null) => tagPath(tag.slug, listQuery({ sort, after: cursor }));
  return {
    tag,
    sort,
    questions: questions.edges.map((edge) => edge.node),
    nextHref: questions.pageInfo.hasNextPage && questions.pageInfo.endCursor ? href(questions.pageInfo.endCursor) : null,
    firstHref: after ? href(null) : null,
    isFirstPage: after === null,
    follow: await follow,
  };
};

export const actions: Actions = { follow: followAction('TAG') };
