import { redirect } from '@sveltejs/kit';
import { PUBLIC_IMPRINT_URL } from '$app/env/public';
import type { PageServerLoad } from './$types';

/** A configured imprint lives elsewhere; this page only stands in until the operator sets PUBLIC_IMPRINT_URL. */
export const load: PageServerLoad = () => {
  if (PUBLIC_IMPRINT_URL) redirect(307, PUBLIC_IMPRINT_URL);
};
