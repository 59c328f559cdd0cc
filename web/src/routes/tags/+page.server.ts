import { TagsPageDocument } from '#lib/graphql/generated.ts';
import type { PageServerLoad } from './$types';

/** Every tag with its count of public questions, most used first. */
export const load: PageServerLoad = async ({ locals }) => {
  const { tags } = await locals.api.request(TagsPageDocument, { first: 100 });
  return { tags };
};
