import { error, fail, redirect } from '@sveltejs/kit';
import { API_URL } from '$app/env/private';
import { MyStaffFaceDocument, UpdateStaffNameDocument } from '#lib/graphql/generated.ts';
import { createTranslator, fieldErrorMessage } from '#lib/i18n/index.ts';
import { staffProfilePath } from '#lib/paths.ts';
import { isApiError, SESSION_COOKIE } from '#lib/server/api.ts';
import { formFailure, readText, requireViewer } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireViewer({ locals, url });
  try {
    const { myStaffFace } = await locals.api.request(MyStaffFaceDocument);
    return { face: myStaffFace, saved: url.searchParams.get('saved') === '1' };
  } catch (cause) {
    if (isApiError(cause, 'FORBIDDEN')) error(403, 'Only staff have a staff profile.');
    throw cause;
  }
};

/** The api's photo endpoint answers errors in the GraphQL error shape. */
interface UploadAnswer {
  errors?: { extensions?: { fields?: { field: string; code: string; message: string }[] }; message?: string }[];
}

export const actions: Actions = {
  name: async ({ request, locals, url }) => {
    requireViewer({ locals, url });
    const { displayName } = readText(await request.formData(), ['displayName']);
    try {
      await locals.api.request(UpdateStaffNameDocument, { input: { displayName } });
    } catch (cause) {
      return formFailure(cause, {
        locale: locals.locale,
        form: 'name',
        values: { displayName },
        fields: ['displayName'],
        returnTo: url.pathname,
      });
    }
    redirect(303, staffProfilePath({ saved: '1' }));
  },

  /** Passes the file on to the api's multipart endpoint with the session; the api checks and re-encodes it. */
  photo: async ({ request, locals, url, cookies, fetch }) => {
    requireViewer({ locals, url });
    const data = await request.formData();
    const file = data.get('photo');
    const t = createTranslator(locals.locale);
    const problem = (code: string, apiMessage?: string) =>
      fail(400, {
        form: 'photo',
        message: null,
        fields: { photo: fieldErrorMessage(t, 'photo', code, apiMessage) } as Record<string, string>,
        values: {} as Record<string, string>,
      });
    if (!(file instanceof File) || file.size === 0) return problem('required');
    const upload = new FormData();
    upload.set('photo', file, 'photo');
    const response = await fetch(`${API_URL}/staff/photo`, {
      method: 'POST',
      body: upload,
      headers: { cookie: `${SESSION_COOKIE}=${cookies.get(SESSION_COOKIE) ?? ''}`, 'x-peerdesk-upload': '1' },
    });
    if (response.status === 401) redirect(303, staffProfilePath());
    if (!response.ok) {
      const answer = (await response.json().catch(() => ({}))) as UploadAnswer;
      const fieldError = answer.errors?.[0]?.extensions?.fields?.[0];
      if (response.status === 403) error(403, 'Only staff have a staff profile.');
      return problem(fieldError?.code ?? 'invalid', fieldError?.message ?? answer.errors?.[0]?.message);
    }
    redirect(303, staffProfilePath({ saved: '1' }));
  },
};
