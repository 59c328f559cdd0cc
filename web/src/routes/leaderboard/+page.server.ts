import { LeaderboardDocument, type LeaderboardPeriod } from '#lib/graphql/generated.ts';
import { orNotFound } from '#lib/server/load.ts';
import type { PageServerLoad } from './$types';

const PERIODS: LeaderboardPeriod[] = ['WEEK', 'MONTH', 'ALL_TIME'];
const isPeriod = (value: string | null): value is LeaderboardPeriod => PERIODS.includes(value as LeaderboardPeriod);

/** A plain GET form picks the space and period, so the page works without JavaScript. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const requested = url.searchParams.get('period');
  const period: LeaderboardPeriod = isPeriod(requested) ? requested : 'WEEK';
  const space = url.searchParams.get('space') || null;
  const result = await orNotFound(locals.api.request(LeaderboardDocument, { spaceSlug: space, period }));
  return { entries: result.leaderboard, spaces: result.spaces, space, period, periods: PERIODS };
};
