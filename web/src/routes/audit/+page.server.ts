import { error } from '@sveltejs/kit';
import { AuditLogDocument } from '#lib/graphql/generated.ts';
import { auditLogPath } from '#lib/paths.ts';
import { isApiError } from '#lib/server/api.ts';
import { requireViewer } from '#lib/server/forms.ts';
import type { PageServerLoad } from './$types';

const FILTERS = ['text', 'action', 'subjectType', 'subjectId', 'from', 'to'] as const;

/** A date field (yyyy-mm-dd) as the start of that day in UTC; the `to` day is included. */
function day(value: string, inclusiveEnd: boolean): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return null;
  if (inclusiveEnd) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

export const load: PageServerLoad = async ({ locals, url }) => {
  requireViewer({ locals, url });
  const values = Object.fromEntries(FILTERS.map((name) => [name, url.searchParams.get(name)?.trim() ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const after = url.searchParams.get('after') || null;
  try {
    const { auditLog } = await locals.api.request(AuditLogDocument, {
      first: 50,
      after,
      filter: {
        text: values.text || null,
        action: values.action || null,
        subjectType: values.subjectType || null,
        subjectId: values.subjectId || null,
        from: day(values.from, false),
        to: day(values.to, true),
      },
    });
    const { pageInfo } = auditLog;
    return {
      values,
      entries: auditLog.edges.map((edge) => edge.node),
      olderHref: pageInfo.hasNextPage && pageInfo.endCursor ? auditLogPath({ ...values, after: pageInfo.endCursor }) : null,
      filtered: Object.values(values).some(Boolean),
    };
  } catch (cause) {
    if (isApiError(cause, 'FORBIDDEN')) error(403, 'Only staff can read the audit log.');
    throw cause;
  }
};
