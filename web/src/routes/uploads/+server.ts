import { error, json } from '@sveltejs/kit';
import { createTranslator } from '#lib/i18n/index.ts';
import { uploadImage } from '#lib/server/uploads.ts';
import { IMAGE_FIELDS } from '#lib/uploads.ts';
import type { RequestHandler } from './$types';

/**
 * The editor's upload with JavaScript (drop, paste, choose a file): one image, passed on to the api.
 * Answers `{ url }` or `{ message }` in the visitor's language. SvelteKit refuses cross-site form posts;
 * the upload header is a second proof that the editor sent it.
 */
export const POST: RequestHandler = async ({ request, fetch, cookies, locals }) => {
  if (request.headers.get('x-peerdesk-upload') !== '1') error(403, 'Upload through the editor.');
  const file = (await request.formData()).get(IMAGE_FIELDS.file);
  if (!(file instanceof File)) return json({ message: createTranslator(locals.locale)('err.image.required') }, { status: 400 });
  const result = await uploadImage({ fetch, cookies, locale: locals.locale }, file);
  return result.ok ? json({ url: result.url }, { status: 201 }) : json({ message: result.message }, { status: result.status });
};
