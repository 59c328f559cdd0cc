import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { API_URL } from '$app/env/private';
import { createTranslator, fieldErrorMessage, type Locale } from '#lib/i18n/index.ts';
import { altFromFileName, IMAGE_FIELDS, imageMarkdown, insertImage } from '#lib/uploads.ts';
import { SESSION_COOKIE } from './api.ts';

/** The api's upload answer: the image's path, or errors in the GraphQL error shape. */
interface UploadAnswer {
  url?: string;
  errors?: { message?: string; extensions?: { code?: string; fields?: { field: string; code: string; message: string }[] } }[];
}

export type UploadResult = { ok: true; url: string } | { ok: false; status: number; message: string };

/** Passes an image on to the api with the visitor's session; the api checks, re-encodes and stores it. */
export async function uploadImage(event: { fetch: typeof fetch; cookies: Cookies; locale: Locale }, file: File): Promise<UploadResult> {
  const t = createTranslator(event.locale);
  if (file.size === 0) return { ok: false, status: 400, message: t('err.image.required') };
  const upload = new FormData();
  upload.set(IMAGE_FIELDS.file, file, file.name || 'image');
  const response = await event.fetch(`${API_URL}/uploads`, {
    method: 'POST',
    body: upload,
    headers: { cookie: `${SESSION_COOKIE}=${event.cookies.get(SESSION_COOKIE) ?? ''}`, 'x-peerdesk-upload': '1' },
  });
  const answer = (await response.json().catch(() => ({}))) as UploadAnswer;
  if (response.status === 201 && answer.url) return { ok: true, url: answer.url };
  const error = answer.errors?.[0];
  const field = error?.extensions?.fields?.[0];
  const code = error?.extensions?.code;
  const message = field
    ? fieldErrorMessage(t, 'image', field.code, field.message)
    : code === 'UNAUTHENTICATED'
      ? t('err.image.signIn')
      : code === 'FORBIDDEN'
        ? t('form.forbidden')
        : code === 'RATE_LIMITED'
          ? t('form.rateLimited')
          : t('err.image.invalid');
  return { ok: false, status: response.status >= 400 ? response.status : 502, message };
}

/**
 * The editor's "Insert image" without JavaScript (it submits to the page's preview action): uploads
 * the chosen file and puts its Markdown, with the description typed next to it, at the end of the
 * text field, so the form comes back with the image in its text and preview. Answers the message to
 * show at the text field when the image was refused.
 */
export async function attachImage(
  event: Pick<RequestEvent, 'fetch' | 'cookies' | 'locals'>,
  data: FormData,
  field = 'body',
): Promise<{ message?: null; fields?: Record<string, string> }> {
  if (data.get(IMAGE_FIELDS.insert) !== '1') return {};
  const file = data.get(IMAGE_FIELDS.file);
  const locale = event.locals.locale;
  const result = await uploadImage({ fetch: event.fetch, cookies: event.cookies, locale }, file instanceof File ? file : new File([], ''));
  if (!result.ok) return { message: null, fields: { [field]: result.message } };
  const typed = data.get(IMAGE_FIELDS.alt);
  const alt =
    typeof typed === 'string' && typed.trim()
      ? typed
      : altFromFileName(file instanceof File ? file.name : '', createTranslator(locale)('upload.defaultAlt'));
  const text = data.get(field);
  data.set(field, insertImage(typeof text === 'string' ? text : '', imageMarkdown(alt, result.url)).text);
  return {};
}

/** Passes an image response of the api through: its content type, caching and safety headers are kept. */
export async function relayImage(event: { fetch: typeof fetch; request: Request }, target: string): Promise<Response | null> {
  const ifNoneMatch = event.request.headers.get('if-none-match');
  const response = await event.fetch(target, { headers: ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {} });
  if (response.status === 404) return null;
  if (response.status !== 200 && response.status !== 304) return new Response('Image unavailable', { status: 502 });
  const headers = new Headers({ 'x-content-type-options': 'nosniff' });
  for (const name of [
    'content-type',
    'cache-control',
    'etag',
    'content-security-policy',
    'content-disposition',
    'cross-origin-resource-policy',
  ]) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(response.status === 304 ? null : response.body, { status: response.status, headers });
}
