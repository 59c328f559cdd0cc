import { error } from '@sveltejs/kit';
import { requireViewer } from '#lib/server/forms.ts';
import type { LayoutServerLoad } from './$types';

/** The console is for staff: others sign in first, or are told it is not for them. */
export const load: LayoutServerLoad = ({ locals, url }) => {
  const viewer = requireViewer({ locals, url });
  if (!viewer.isStaff) error(403, 'Only staff use the console.');
  return {};
};
