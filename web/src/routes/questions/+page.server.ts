import { listQuery, sortValue, statusValue, toSort, toStatus } from '#lib/browsing.ts';
import { QuestionsPageDocument } from '#lib/graphql/generated.ts';
import { questionsPath } from '#lib/paths.ts';
import { orNotFound } from '#lib/server/load.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

/** All public questions: sort links and a plain GET form for the filters, so it works without JavaScript. */
export const load: PageServerLoad = async ({ url, locals }) => {
  const sort = toSort(url.searchParams.get('sort'));
  const status = toStatus(url.searchParams.get('status'));
  const space = url.searchParams.get('space')?.trim() || null;
  const tag = url.searchParams.get('tag')?.trim().toLowerCase() || null;
  const after = url.searchParams.get('after') || null;
  const { questions, spaces, tags } = await orNotFound(
    locals.api.request(QuestionsPageDocument, {
      first: PAGE_SIZE,
      after,
      sort: sortValue(sort),
      filter: { spaceSlug: space, tag, status: statusValue(status) },
    }),
  );
  const href = (cursor: string | null) => questionsPath({ space, tag, ...listQuery({ sort, status, after: cursor }) });
  return {
    sort,
    status,
    space,
    tag,
    spaces,
    tags,
    questions: questions.edges.map((edge) => edge.node),
    nextHref: questions.pageInfo.hasNextPage && questions.pageInfo.endCursor ? href(questions.pageInfo.endCursor) : null,
    firstHref: after ? href(null) : null,
    isFirstPage: after === null,
  };
};
