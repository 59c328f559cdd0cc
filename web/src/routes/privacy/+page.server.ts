import { redirect } from '@sveltejs/kit';
import { PUBLIC_PRIVACY_URL } from '$app/env/public';
import type { PageServerLoad } from './$types';

/** A configured privacy lives elsewhere; this page only stands in until the operator sets PUBLIC_PRIVACY_URL. */
export const load: PageServerLoad = () => {
  if (PUBLIC_PRIVACY_URL) redirect(307, PUBLIC_PRIVACY_URL);
};
