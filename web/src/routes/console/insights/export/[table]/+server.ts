import { error, redirect } from '@sveltejs/kit';
import { InsightsDocument } from '#lib/graphql/generated.ts';
import { createTranslator } from '#lib/i18n/index.ts';
import { insightsTables, isInsightsTable, readInsightsFilter, toCsv } from '#lib/insights.ts';
import { signInPath } from '#lib/paths.ts';
import type { RequestHandler } from './$types';

/** One insights table as CSV, for the filter in the query string: a plain link on the page. Staff only (the api decides). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  if (!locals.viewer) redirect(303, signInPath(url.pathname + url.search));
  if (!locals.viewer.isStaff) error(403, 'Only staff read insights.');
  if (!isInsightsTable(params.table)) error(404, 'No such table.');
  const { values, filter } = readInsightsFilter(url.searchParams);
  const { insights } = await locals.api.request(InsightsDocument, { filter });
  const t = createTranslator(locals.locale);
  const table = insightsTables(insights, t)[params.table];
  return new Response(
    toCsv(
      table.columns.map((column) => t(column)),
      table.rows,
    ),
    {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="insights-${table.id}-${values.from}-${values.to}.csv"`,
        'cache-control': 'private, no-store',
      },
    },
  );
};
