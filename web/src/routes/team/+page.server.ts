import { WhoAnswersHereDocument } from '#lib/graphql/generated.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const { whoAnswersHere } = await locals.api.request(WhoAnswersHereDocument, { locale: locals.locale === 'de' ? 'DE' : 'EN' });
  return { teams: whoAnswersHere };
};
