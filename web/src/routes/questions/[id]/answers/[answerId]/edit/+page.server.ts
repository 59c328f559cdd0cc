import { error, redirect } from '@sveltejs/kit';
import { renderMarkdown } from '@peerdesk/markdown';
import { AnswerForEditDocument, EditAnswerDocument } from '#lib/graphql/generated.ts';
import { questionPath, returnPath, signInPath } from '#lib/paths.ts';
import { formFailure, readText, requireViewer } from '#lib/server/forms.ts';
import { attachImage } from '#lib/server/uploads.ts';
import { orNotFound } from '#lib/server/load.ts';
import type { Actions, PageServerLoad } from './$types';
import { readAcknowledgement } from '#lib/personal-data.ts';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  if (!locals.viewer) redirect(303, signInPath(returnPath(url)));
  // The contract has no `answer(id)` query: the answer is found on its question.
  const { question } = await orNotFound(locals.api.request(AnswerForEditDocument, { questionId: params.id }));
  const answer = question?.answers.edges.map((edge) => edge.node).find((node) => node.id === params.answerId);
  if (!question || !answer) error(404, 'Not found');
  if (!answer.canEdit) error(403, 'Forbidden');
  return { question: { id: question.id, slug: question.slug, title: question.title }, answer };
};

export const actions: Actions = {
  save: async ({ request, locals, url, params }) => {
    requireViewer({ locals, url }, url.pathname);
    const data = await request.formData();
    const { body } = readText(data, ['body']);
    try {
      await locals.api.request(EditAnswerDocument, {
        input: { id: params.answerId, body, acknowledgePersonalData: readAcknowledgement(data) },
      });
    } catch (cause) {
      return formFailure(cause, { locale: locals.locale, form: 'edit', values: { body }, fields: ['body'], returnTo: url.pathname });
    }
    redirect(303, `${questionPath(params.id, '')}#answer-${params.answerId}`);
  },

  preview: async ({ request, locals, fetch, cookies }) => {
    const data = await request.formData();
    const image = await attachImage({ fetch, cookies, locals }, data);
    const { body } = readText(data, ['body']);
    return { form: 'edit', preview: renderMarkdown(body), values: { body }, ...image };
  },
};
