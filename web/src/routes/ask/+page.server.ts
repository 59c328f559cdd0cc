import { redirect } from '@sveltejs/kit';
import { renderMarkdown } from '@peerdesk/markdown';
import { AskFormDocument, AskQuestionDocument } from '#lib/graphql/generated.ts';
import { questionPath, returnPath, signInPath } from '#lib/paths.ts';
import { formFailure, readClientMutationId, readList, readText, requireViewer } from '#lib/server/forms.ts';
import { newMutationId } from '#lib/server/load.ts';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['spaceSlug', 'title', 'body', 'tags'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
  // Asking needs an account: go to sign-in and come back here afterwards.
  if (!locals.viewer) redirect(303, signInPath(returnPath(url)));
  const { spaces, tags } = await locals.api.request(AskFormDocument);
  const requested = url.searchParams.get('space');
  return {
    spaces,
    tags,
    preselectedSpace: spaces.some((space) => space.slug === requested) ? requested : null,
    clientMutationId: newMutationId(),
  };
};

function readQuestion(data: FormData) {
  const text = readText(data, ['spaceSlug', 'title', 'body']);
  return { ...text, title: text.title.trim(), tags: readList(data, 'tags') };
}

export const actions: Actions = {
  ask: async ({ request, locals, url }) => {
    requireViewer({ locals, url }, '/ask');
    const data = await request.formData();
    const values = readQuestion(data);
    let created: { id: string; slug: string };
    try {
      ({ askQuestion: created } = await locals.api.request(AskQuestionDocument, {
        input: { ...values, clientMutationId: readClientMutationId(data) },
      }));
    } catch (cause) {
      return formFailure(cause, { locale: locals.locale, form: 'ask', values, fields: FIELDS, returnTo: '/ask' });
    }
    redirect(303, questionPath(created.id, created.slug));
  },

  /** Without JavaScript: render the preview on the server and return the form as typed. */
  preview: async ({ request }) => {
    const values = readQuestion(await request.formData());
    return { form: 'ask', preview: renderMarkdown(values.body), values };
  },
};
