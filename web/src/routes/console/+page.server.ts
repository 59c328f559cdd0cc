import { EscalationQueueDocument, OpenAlertsBannerDocument } from '#lib/graphql/generated.ts';
import { queueFilterQuery, readQueueFilter } from '#lib/escalation.ts';
import { consolePath } from '#lib/paths.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { values, filter } = readQueueFilter(url.searchParams);
  const after = url.searchParams.get('after') || null;
  const openAlerts = locals.api.request(OpenAlertsBannerDocument, {}).then((r) => r.alerts);
  const { escalationQueue, teams } = await locals.api.request(EscalationQueueDocument, { filter, first: 50, after });
  const { pageInfo } = escalationQueue;
  return {
    values,
    teams,
    escalations: escalationQueue.edges.map((edge) => edge.node),
    moreHref: pageInfo.hasNextPage && pageInfo.endCursor ? consolePath({ ...queueFilterQuery(values), after: pageInfo.endCursor }) : null,
    filtered: Object.values(filter).some((value) => value !== null),
    openAlerts: await openAlerts,
  };
};
