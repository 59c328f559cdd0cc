import { parseUploadFile } from '@peerdesk/markdown';
import { error } from '@sveltejs/kit';
import { API_URL } from '$app/env/private';
import { relayImage } from '#lib/server/uploads.ts';
import type { RequestHandler } from './$types';

/** Images in posts, passed through from the api (the browser only talks to the web origin). */
export const GET: RequestHandler = async ({ params, request, fetch }) => {
  if (!parseUploadFile(params.file)) error(404, 'Not found');
  const response = await relayImage({ fetch, request }, `${API_URL}/uploads/${params.file}`);
  if (!response) error(404, 'Not found');
  return response;
};
