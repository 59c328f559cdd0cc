import { error } from '@sveltejs/kit';
import { SpacePageDocument, type QuestionStatus } from '#lib/graphql/generated.ts';
import { spacePath } from '#lib/paths.ts';
import { loadAnnouncements } from '#lib/server/announcements.ts';
import { followAction, loadFollow } from '#lib/server/follow.ts';
import { orNotFound } from '#lib/server/load.ts';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 20;
const STATUS_BY_FILTER = { open: 'OPEN', answered: 'ANSWERED', solved: 'SOLVED' } as const satisfies Record<string, QuestionStatus>;
type Filter = 'all' | keyof typeof STATUS_BY_FILTER;

function toFilter(value: string | null): Filter {
  return value !== null && Object.hasOwn(STATUS_BY_FILTER, value) ? (value as Filter) : 'all';
}

export const load: PageServerLoad = async ({ params, url, locals }) => {
  const filter = toFilter(url.searchParams.get('status'));
  const after = url.searchParams.get('after') || null;
  const follow = loadFollow(locals.api, 'SPACE', params.slug).catch(() => null);
  const { space, questions } = await orNotFound(
    locals.api.request(SpacePageDocument, {
      slug: params.slug,
      first: PAGE_SIZE,
      after,
      status: filter === 'all' ? null : STATUS_BY_FILTER[filter],
    }),
  );
  if (!space) error(404, 'Not found');
  const announcements = loadAnnouncements(locals.api, space.id);

  const query = (extra: Record<string, string>) => spacePath(space.slug, { ...(filter === 'all' ? {} : { status: filter }), ...extra });

  return {
    space,
    // The layout writes it as the page's one meta description.
    metaDescription: space.description || undefined,
    filter,
    questions: questions.edges.map((edge) => edge.node),
    olderHref: questions.pageInfo.hasNextPage && questions.pageInfo.endCursor ? query({ after: questions.pageInfo.endCursor }) : null,
    newestHref: after ? query({}) : null,
    isFirstPage: after === null,
    follow: await follow,
    announcements: await announcements,
  };
};

export const actions: Actions = { follow: followAction('SPACE') };
