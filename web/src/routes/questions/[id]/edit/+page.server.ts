import { error, redirect } from '@sveltejs/kit';
import { renderMarkdown } from '@peerdesk/markdown';
import { EditQuestionDocument, QuestionForEditDocument } from '#lib/graphql/generated.ts';
import { questionPath, returnPath, signInPath } from '#lib/paths.ts';
import { readAcknowledgement } from '#lib/personal-data.ts';
import { formFailure, readList, readText, requireViewer } from '#lib/server/forms.ts';
import { attachImage } from '#lib/server/uploads.ts';
import { orNotFound } from '#lib/server/load.ts';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['title', 'body', 'tags'] as const;

export const load: PageServerLoad = async ({ params, locals, url }) => {
  if (!locals.viewer) redirect(303, signInPath(returnPath(url)));
  const { question, tags } = await orNotFound(locals.api.request(QuestionForEditDocument, { id: params.id }));
  if (!question) error(404, 'Not found');
  if (!question.canEdit) error(403, 'Forbidden');
  // The question's own tags stay selectable even when they are not among the most used.
  const known = new Set(tags.map((tag) => tag.slug));
  return { question, tags: [...tags, ...question.tags.filter((tag) => !known.has(tag.slug))] };
};

function readEdit(data: FormData) {
  const text = readText(data, ['title', 'body']);
  return { title: text.title.trim(), body: text.body, tags: readList(data, 'tags') };
}

export const actions: Actions = {
  save: async ({ request, locals, url, params }) => {
    requireViewer({ locals, url }, url.pathname);
    const data = await request.formData();
    const values = readEdit(data);
    let saved: { id: string; slug: string };
    try {
      ({ editQuestion: saved } = await locals.api.request(EditQuestionDocument, {
        input: { id: params.id, ...values, acknowledgePersonalData: readAcknowledgement(data) },
      }));
    } catch (cause) {
      return formFailure(cause, { locale: locals.locale, form: 'edit', values, fields: FIELDS, returnTo: url.pathname });
    }
    redirect(303, questionPath(saved.id, saved.slug));
  },

  preview: async ({ request, locals, fetch, cookies }) => {
    const data = await request.formData();
    const image = await attachImage({ fetch, cookies, locals }, data);
    const values = readEdit(data);
    return { form: 'edit', preview: renderMarkdown(values.body), values, ...image };
  },
};
