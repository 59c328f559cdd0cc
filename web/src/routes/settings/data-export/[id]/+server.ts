import { error } from '@sveltejs/kit';
import { DataExportArchiveDocument } from '#lib/graphql/generated.ts';
import { isApiError } from '#lib/server/api.ts';
import { requireViewer } from '#lib/server/forms.ts';
import type { RequestHandler } from './$types';

/** The archive as a file; the api answers only its owner, and only until it expires. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
  requireViewer({ locals, url });
  try {
    const { dataExportArchive } = await locals.api.request(DataExportArchiveDocument, { id: params.id });
    return new Response(dataExportArchive.json, {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${dataExportArchive.fileName}"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (cause) {
    if (isApiError(cause, 'NOT_FOUND')) error(404, 'Not found');
    throw cause;
  }
};
