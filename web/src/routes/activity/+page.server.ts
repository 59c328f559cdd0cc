import { MyActivityDocument, type ActivitySection } from '#lib/graphql/generated.ts';
import { requireViewer } from '#lib/server/forms.ts';
import type { PageServerLoad } from './$types';

const SECTIONS = ['QUESTIONS', 'ANSWERS', 'CONVERSATIONS', 'DRAFTS'] as const satisfies readonly ActivitySection[];

/** My activity: one section at a time (tabs as links), keyset-paged with `after`. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const viewer = requireViewer({ locals, url });
  const sections = SECTIONS.filter((s) => s !== 'DRAFTS' || viewer.isStaff);
  const asked = url.searchParams.get('section')?.toUpperCase();
  const section = sections.find((s) => s === asked) ?? 'QUESTIONS';
  const after = url.searchParams.get('after') || null;
  const { myActivity } = await locals.api.request(MyActivityDocument, { section, first: 20, after });
  return {
    sections,
    section,
    items: myActivity.edges.map((e) => e.node),
    next: myActivity.pageInfo.hasNextPage ? myActivity.pageInfo.endCursor : null,
    paged: after !== null,
  };
};
