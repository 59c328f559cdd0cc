import { EscalationQueueDocument, OpenAlertsBannerDocument } from '#lib/graphql/generated.ts';
import { queueFilterQuery, readQueueFilter } from '#lib/escalation.ts';
import { consolePath } from '#lib/paths.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { values, filter } = readQueueFilter(url.searchParams);
  const after = url.searchParams.get('after') || null;
  // Together: a refusal of one must not leave the other's rejection unhandled (that stops the process).
  const [{ escalationQueue, teams }, { alerts: openAlerts }] = await Promise.all([
    locals.api.request(EscalationQueueDocument, { filter, first: 50, after }),
    locals.api.request(OpenAlertsBannerDocument, {}),
  ]);
  const { pageInfo } = escalationQueue;
  return {
    values,
    teams,
    escalations: escalationQueue.edges.map((edge) => edge.node),
    moreHref: pageInfo.hasNextPage && pageInfo.endCursor ? consolePath({ ...queueFilterQuery(values), after: pageInfo.endCursor }) : null,
    filtered: Object.values(filter).some((value) => value !== null),
    openAlerts,
  };
};
