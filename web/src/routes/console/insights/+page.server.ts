import { InsightsDocument } from '#lib/graphql/generated.ts';
import { readInsightsFilter } from '#lib/insights.ts';
import type { PageServerLoad } from './$types';

/** Staff reporting; the console layout already turned away everyone but staff, the api asks the policy again. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const { values, filter } = readInsightsFilter(url.searchParams);
  const { insights, teams, spaces } = await locals.api.request(InsightsDocument, { filter });
  return { values, insights, teams, spaces };
};
