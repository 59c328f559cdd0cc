import { redirect } from '@sveltejs/kit';
import { renderMarkdown } from '@peerdesk/markdown';
import { AskFormDocument, AskQuestionDocument, EscalateQuestionPrivatelyDocument } from '#lib/graphql/generated.ts';
import { createTranslator } from '#lib/i18n/index.ts';
import { checkFields, redactFindings, removedSummary, removedValues } from '#lib/personal-data.ts';
import { questionPath, returnPath, signInPath } from '#lib/paths.ts';
import { formFailure, readAskSession, readClientMutationId, readList, readText, requireViewer } from '#lib/server/forms.ts';
import { attachImage } from '#lib/server/uploads.ts';
import { newMutationId } from '#lib/server/load.ts';
import { findSimilar } from '#lib/server/similar.ts';
import { draftText, newAskSession } from '#lib/similar.ts';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['spaceSlug', 'title', 'body', 'tags'] as const;
/** The api's title limit; a longer `?title=` is cut, the person can still edit it. */
const MAX_TITLE = 150;

export const load: PageServerLoad = async ({ locals, url }) => {
  // Asking needs an account: go to sign-in and come back here afterwards.
  if (!locals.viewer) redirect(303, signInPath(returnPath(url)));
  // A title typed elsewhere (the search page's "ask the community"), with suggestions for it.
  const title = (url.searchParams.get('title') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE);
  const [{ spaces, tags }, suggestions] = await Promise.all([
    locals.api.request(AskFormDocument),
    findSimilar(locals, draftText(title, '')),
  ]);
  const requested = url.searchParams.get('space');
  return {
    spaces,
    tags,
    preselectedSpace: spaces.some((space) => space.slug === requested) ? requested : null,
    prefilledTitle: title,
    suggestions,
    clientMutationId: newMutationId(),
    // One id per visit of the ask page, for "found an answer instead of asking" (no personal data).
    askSession: newAskSession(),
  };
};

function readQuestion(data: FormData) {
  const text = readText(data, ['spaceSlug', 'title', 'body']);
  // The visit id travels with the form, so a re-rendered form (error, preview) keeps its visit.
  return {
    ...text,
    title: text.title.trim(),
    tags: readList(data, 'tags'),
    askSession: readAskSession(data),
    acknowledgePersonalData: data.get('acknowledgePersonalData') === 'true' ? 'true' : '',
  };
}

/** The api input of a question form's values. */
function askInput(values: ReturnType<typeof readQuestion>, clientMutationId: string) {
  const { acknowledgePersonalData, ...rest } = values;
  return { ...rest, acknowledgePersonalData: acknowledgePersonalData === 'true', clientMutationId };
}

export const actions: Actions = {
  ask: async ({ request, locals, url }) => {
    requireViewer({ locals, url }, '/ask');
    const data = await request.formData();
    const values = readQuestion(data);
    let created: { id: string; slug: string };
    try {
      ({ askQuestion: created } = await locals.api.request(AskQuestionDocument, {
        input: askInput(values, readClientMutationId(data)),
      }));
    } catch (cause) {
      return formFailure(cause, { locale: locals.locale, form: 'ask', values, fields: FIELDS, returnTo: '/ask' });
    }
    redirect(303, questionPath(created.id, created.slug));
  },

  /**
   * "Continue privately" in the personal-data hint: the question goes out with placeholders instead of the
   * personal data ("[IBAN removed]"), and a private conversation with staff opens with what was removed as
   * its first message.
   */
  askPrivately: async ({ request, locals, url }) => {
    requireViewer({ locals, url }, '/ask');
    const data = await request.formData();
    const values = readQuestion(data);
    const [title, body] = checkFields([
      { name: 'title', text: values.title },
      { name: 'body', text: values.body },
    ]);
    const removed = [...removedValues(title!.text, title!.findings), ...removedValues(body!.text, body!.findings)];
    const publicValues = {
      ...values,
      title: redactFindings(title!.text, title!.findings, locals.locale).text,
      body: redactFindings(body!.text, body!.findings, locals.locale).text,
      acknowledgePersonalData: '',
    };
    let created: { id: string; slug: string };
    try {
      ({ askQuestion: created } = await locals.api.request(AskQuestionDocument, {
        input: askInput(publicValues, readClientMutationId(data)),
      }));
      if (removed.length > 0) {
        const t = createTranslator(locals.locale);
        await locals.api.request(EscalateQuestionPrivatelyDocument, {
          input: { questionId: created.id, privateDetails: [t('pii.privateMessage'), ...removed.map((v) => `- ${v}`)].join('\n') },
        });
      }
    } catch (cause) {
      return formFailure(cause, { locale: locals.locale, form: 'ask', values: publicValues, fields: FIELDS, returnTo: '/ask' });
    }
    redirect(303, questionPath(created.id, created.slug));
  },

  /**
   * "Remove it" in the personal-data hint without JavaScript: the form comes back with a placeholder the
   * person can edit in place of each finding, and says what was removed (the browser does the same).
   */
  removePersonalData: async ({ request, locals }) => {
    const values = readQuestion(await request.formData());
    const [title, body] = checkFields([
      { name: 'title', text: values.title },
      { name: 'body', text: values.body },
    ]);
    const redactedTitle = redactFindings(title!.text, title!.findings, locals.locale);
    const redactedBody = redactFindings(body!.text, body!.findings, locals.locale);
    const removed = removedSummary(createTranslator(locals.locale), [...redactedTitle.removed, ...redactedBody.removed]);
    return { form: 'ask', values: { ...values, title: redactedTitle.text, body: redactedBody.text }, removed };
  },

  /** Without JavaScript: render the preview and the suggestions on the server and return the form as typed. */
  preview: async ({ request, locals, fetch, cookies }) => {
    const data = await request.formData();
    const image = await attachImage({ fetch, cookies, locals }, data);
    const values = readQuestion(data);
    const suggestions = await findSimilar(locals, draftText(values.title, values.body));
    return { form: 'ask', preview: renderMarkdown(values.body), values, suggestions, ...image };
  },
};
