import { loadHistory } from '#lib/server/revisions.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => loadHistory(locals.api, params.id, params.answerId);
