import { HomePageDocument } from '#lib/graphql/generated.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const { newest, solved, spaces } = await locals.api.request(HomePageDocument, { newest: 10, solved: 5 });
  return {
    newest: newest.edges.map((edge) => edge.node),
    solved: solved.edges.map((edge) => edge.node),
    spaces,
  };
};
