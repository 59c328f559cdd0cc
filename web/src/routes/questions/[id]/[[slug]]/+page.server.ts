import { error, fail, redirect } from '@sveltejs/kit';
import { renderMarkdown } from '@peerdesk/markdown';
import { PUBLIC_URL } from '$app/env/private';
import { orderAnswers } from '#lib/answers.ts';
import {
  AcceptAnswerDocument,
  AddCommentDocument,
  AnswerQuestionDocument,
  CloseAsDuplicateDocument,
  CloseAsOffTopicDocument,
  FlagPostDocument,
  LockQuestionDocument,
  ReopenQuestionDocument,
  UnlockQuestionDocument,
  UnverifyAnswerDocument,
  VerifyAnswerDocument,
  type FlagReason,
  type Locale,
  QuestionPageDocument,
  SetAffectedDocument,
  VoteDocument,
  WatchThreadDocument,
} from '#lib/graphql/generated.ts';
import { createTranslator, fieldErrorMessage } from '#lib/i18n/index.ts';
import { canonicalQuestionRedirect, parseQuestionRef, questionPath, userPath } from '#lib/paths.ts';
import { formFailure, readClientMutationId, readText, readWatchLevel, requireViewer, type FormFailure } from '#lib/server/forms.ts';
import { attachImage } from '#lib/server/uploads.ts';
import { newMutationId, orNotFound } from '#lib/server/load.ts';
import { readAcknowledgement } from '#lib/personal-data.ts';
import { redactFromForm, redactionsFor } from '#lib/server/redaction.ts';
import { STAFF_DRAFTS_ANCHOR, submitStaffDraft, withdrawStaffDraft } from '#lib/server/staff-drafts.ts';
import { threadEscalation } from '#lib/server/thread-escalation.ts';
import { loadAnnouncements } from '#lib/server/announcements.ts';
import { jsonLdScript, qaPageJsonLd } from '#lib/seo/json-ld.ts';
import {
  callbackStateAction,
  escalateAction,
  openConversationAction,
  requestCallbackAction,
  sendMessageAction,
} from '#lib/server/escalation-actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url, request }) => {
  const redactions = redactionsFor(locals.api, params.id, locals.viewer?.isStaff ?? false);
  const locale = locals.locale.toUpperCase() as Locale;
  const page = await orNotFound(locals.api.request(QuestionPageDocument, { id: params.id, locale }));
  if (!page.question) error(404, 'Not found');
  const { canEscalate, staffPromise, escalation, conversation, ...thread } = page.question;
  // The answers travel once, in page order (`answers` below).
  const question = { ...withoutUnusedSource(thread), answers: { totalCount: thread.answers.totalCount } };
  const announcements = loadAnnouncements(locals.api, question.space.id);

  // One URL per question: /questions/<id>/<current slug>. Only for GET, so a form's answer
  // (validation messages) is never lost to a redirect.
  if (request.method === 'GET') {
    const canonical = canonicalQuestionRedirect({ id: params.id, slug: params.slug }, question, url.search);
    if (canonical) redirect(301, canonical);
  }

  const answers = orderAnswers(thread.answers.edges.map((edge) => withoutUnusedSource(edge.node)));
  // One idempotency key per rendered create form (the answer box and each comment box).
  const commentMutationIds: Record<string, string> = { [`q:${question.id}`]: newMutationId() };
  for (const answer of answers) commentMutationIds[`a:${answer.id}`] = newMutationId();

  const canonicalUrl = PUBLIC_URL + questionPath(question.id, question.slug);
  // Only a published thread is for search engines: one held for review, hidden or deleted (seen by
  // its author or staff) gets `noindex` and no description, canonical link, cards or structured data.
  const indexable = question.moderationState === 'PUBLISHED';
  return {
    question,
    answers,
    announcements: await announcements,
    answerMutationId: newMutationId(),
    commentMutationIds,
    canonicalUrl,
    indexable,
    metaDescription: indexable ? question.excerpt : undefined,
    jsonLd: indexable
      ? jsonLdScript(
          qaPageJsonLd({
            url: canonicalUrl,
            title: question.title,
            bodyHtml: question.bodyHtml,
            score: question.score,
            createdAt: question.createdAt,
            language: question.language,
            author: { name: question.author.displayName, url: PUBLIC_URL + userPath(question.author.id) },
            answers: answers.map((answer) => ({
              url: PUBLIC_URL + questionPath(question.id, question.slug, `answer-${answer.id}`),
              bodyHtml: answer.bodyHtml,
              score: answer.score,
              createdAt: answer.createdAt,
              isAccepted: answer.isAccepted,
              published: answer.moderationState === 'PUBLISHED',
              author: { name: answer.author.displayName, url: PUBLIC_URL + userPath(answer.author.id) },
            })),
          }),
        )
      : null,
    escalation: threadEscalation({ canEscalate, staffPromise, escalation, conversation }),
    redactions: await redactions,
    watch: page.threadWatch,
  };
};

/**
 * The page needs a post's Markdown only for the redact form; for everyone else it would double the
 * page data (the edit pages load it themselves).
 */
function withoutUnusedSource<T extends { canRedact: boolean; bodyMarkdown: string }>(post: T): T {
  return post.canRedact ? post : { ...post, bodyMarkdown: '' };
}

type Target = { field: 'questionId' | 'answerId'; id: string };

/** The api input naming exactly one of question and answer. */
function targetInput(target: Target): { questionId: string } | { answerId: string } {
  return target.field === 'answerId' ? { answerId: target.id } : { questionId: target.id };
}

function readTarget(data: FormData): Target | null {
  const answerId = data.get('answerId');
  if (typeof answerId === 'string' && answerId) return { field: 'answerId', id: answerId };
  const questionId = data.get('questionId');
  if (typeof questionId === 'string' && questionId) return { field: 'questionId', id: questionId };
  return null;
}

export const actions: Actions = {
  escalate: (event) => escalateAction(event, event.params.id),
  openConversation: (event) => openConversationAction(event),
  sendMessage: (event) => sendMessageAction(event),
  requestCallback: (event) => requestCallbackAction(event),
  scheduleCallback: (event) => callbackStateAction(event, 'schedule'),
  completeCallback: (event) => callbackStateAction(event, 'complete'),
  cancelCallback: (event) => callbackStateAction(event, 'cancel'),

  vote: async ({ request, locals, url, params }) => {
    requireViewer({ locals, url }, url.pathname);
    const data = await request.formData();
    const target = readTarget(data) ?? { field: 'questionId', id: params.id };
    const value = Number(data.get('value'));
    const anchor = target.field === 'answerId' ? `answer-${target.id}` : 'question';
    try {
      await locals.api.request(VoteDocument, {
        input: { ...targetInput(target), value: value === 1 || value === -1 ? value : 0 },
      });
    } catch (cause) {
      return formFailure(cause, { locale: locals.locale, form: 'vote', values: {}, fields: [], returnTo: url.pathname });
    }
    redirect(303, `${url.pathname}#${anchor}`);
  },

  accept: async ({ request, locals, url }) => {
    requireViewer({ locals, url }, url.pathname);
    const { answerId } = readText(await request.formData(), ['answerId']);
    try {
      await locals.api.request(AcceptAnswerDocument, { answerId });
    } catch (cause) {
      return formFailure(cause, {
        locale: locals.locale,
        form: `accept:${answerId}`,
        values: {},
        fields: [],
        returnTo: url.pathname,
      });
    }
    redirect(303, `${url.pathname}#answer-${answerId}`);
  },

  comment: async ({ request, locals, url, params }) => {
    requireViewer({ locals, url }, url.pathname);
    const data = await request.formData();
    const target = readTarget(data) ?? { field: 'questionId', id: params.id };
    const { body } = readText(data, ['body']);
    const form = `comment:${target.field === 'answerId' ? 'a' : 'q'}:${target.id}`;
    let anchor: string;
    try {
      if (data.get('viaDraft') === '1') {
        anchor = await submitStaffDraft(locals.api, {
          kind: 'COMMENT',
          questionId: params.id,
          answerId: target.field === 'answerId' ? target.id : null,
          body,
          clientMutationId: readClientMutationId(data),
        });
      } else {
        const { addComment } = await locals.api.request(AddCommentDocument, {
          input: {
            ...targetInput(target),
            body,
            clientMutationId: readClientMutationId(data),
            acknowledgePersonalData: readAcknowledgement(data),
          },
        });
        anchor = `comment-${addComment.id}`;
      }
    } catch (cause) {
      return formFailure(cause, { locale: locals.locale, form, values: { body }, fields: ['body'], returnTo: url.pathname });
    }
    redirect(303, `${url.pathname}#${anchor}`);
  },

  answer: async ({ request, locals, url, params }) => {
    requireViewer({ locals, url }, url.pathname);
    const data = await request.formData();
    const { body } = readText(data, ['body']);
    let anchor: string;
    try {
      if (data.get('viaDraft') === '1') {
        anchor = await submitStaffDraft(locals.api, {
          kind: 'ANSWER',
          questionId: params.id,
          body,
          clientMutationId: readClientMutationId(data),
        });
      } else {
        const { answerQuestion } = await locals.api.request(AnswerQuestionDocument, {
          input: {
            questionId: params.id,
            body,
            clientMutationId: readClientMutationId(data),
            acknowledgePersonalData: readAcknowledgement(data),
          },
        });
        anchor = `answer-${answerQuestion.id}`;
      }
    } catch (cause) {
      return formFailure(cause, { locale: locals.locale, form: 'answer', values: { body }, fields: ['body'], returnTo: url.pathname });
    }
    redirect(303, `${url.pathname}#${anchor}`);
  },

  /** Watch, mute or stop watching this thread (`level`: watching, muted or none). */
  watch: async ({ request, locals, url, params }) => {
    requireViewer({ locals, url }, url.pathname);
    const level = readWatchLevel((await request.formData()).get('level'));
    try {
      await locals.api.request(WatchThreadDocument, { input: { questionId: params.id, level } });
    } catch (cause) {
      return formFailure(cause, { locale: locals.locale, form: 'watch', values: {}, fields: [], returnTo: url.pathname });
    }
    redirect(303, `${url.pathname}#watch`);
  },

  /** "I have this problem too", or take it back (`affected`: 1 or 0). */
  affected: async ({ request, locals, url, params }) => {
    requireViewer({ locals, url }, url.pathname);
    const affected = (await request.formData()).get('affected') === '1';
    try {
      await locals.api.request(SetAffectedDocument, { input: { questionId: params.id, affected } });
    } catch (cause) {
      return formFailure(cause, { locale: locals.locale, form: 'watch', values: {}, fields: [], returnTo: url.pathname });
    }
    redirect(303, `${url.pathname}#watch`);
  },

  /** Moderators: replace personal data in the question or an answer with "[removed]". */
  redact: async ({ request, locals, url }) => {
    requireViewer({ locals, url }, url.pathname);
    const data = await request.formData();
    let anchor: string;
    try {
      ({ anchor } = await redactFromForm(locals.api, data));
    } catch (cause) {
      const form = `redact:${String(data.get('postType'))}:${String(data.get('postId'))}`;
      return formFailure(cause, { locale: locals.locale, form, values: {}, fields: [], returnTo: url.pathname });
    }
    redirect(303, `${url.pathname}#${anchor}`);
  },

  /** Staff: take back one of their own drafts before it was reviewed. */
  withdrawDraft: async ({ request, locals, url }) => {
    requireViewer({ locals, url }, url.pathname);
    const { draftId, version } = readText(await request.formData(), ['draftId', 'version']);
    try {
      await withdrawStaffDraft(locals.api, draftId, Number(version));
    } catch (cause) {
      return formFailure(cause, { locale: locals.locale, form: 'drafts', values: {}, fields: [], returnTo: url.pathname });
    }
    redirect(303, `${url.pathname}#${STAFF_DRAFTS_ANCHOR}`);
  },

  /** Experts and staff: close this question as a duplicate of another, named by its link or number. */
  closeDuplicate: async ({ request, locals, url, params }) => {
    requireViewer({ locals, url }, url.pathname);
    const { duplicateOfId: typed } = readText(await request.formData(), ['duplicateOfId']);
    const values = { duplicateOfId: typed.trim() };
    const context = { locale: locals.locale, form: 'duplicate', values, fields: ['duplicateOfId'], returnTo: url.pathname };
    const duplicateOfId = parseQuestionRef(values.duplicateOfId);
    if (!duplicateOfId) {
      const t = createTranslator(locals.locale);
      const code = values.duplicateOfId ? 'invalid' : 'required';
      return fail(400, {
        form: context.form,
        message: null,
        fields: { duplicateOfId: fieldErrorMessage(t, 'duplicateOfId', code) },
        values,
      } satisfies FormFailure<typeof values>);
    }
    let closed: { id: string; slug: string };
    try {
      ({ closeAsDuplicate: closed } = await locals.api.request(CloseAsDuplicateDocument, { questionId: params.id, duplicateOfId }));
    } catch (cause) {
      return formFailure(cause, context);
    }
    redirect(303, questionPath(closed.id, closed.slug));
  },

  /** Report a post; the page then thanks the viewer at that post. */
  flag: async ({ request, locals, url }) => {
    requireViewer({ locals, url }, url.pathname);
    const data = await request.formData();
    const target = readTarget(data);
    const { reason, note } = readText(data, ['reason', 'note']);
    if (!target) return fail(400, { form: 'moderation:flag', message: null, fields: {}, values: {} });
    const key = `${target.field === 'answerId' ? 'a' : 'q'}:${target.id}`;
    try {
      await locals.api.request(FlagPostDocument, {
        input: { ...targetInput(target), reason: reason.toUpperCase() as FlagReason, note: note || null },
      });
    } catch (cause) {
      return formFailure(cause, { locale: locals.locale, form: `moderation:${key}`, values: { note }, fields: [], returnTo: url.pathname });
    }
    redirect(303, `${url.pathname}?flagged=${key}#${target.field === 'answerId' ? `answer-${target.id}` : 'question'}`);
  },

  verify: ({ request, locals, url }) =>
    answerModeration(request, locals, url, (answerId) => locals.api.request(VerifyAnswerDocument, { answerId })),
  unverify: ({ request, locals, url }) =>
    answerModeration(request, locals, url, (answerId) => locals.api.request(UnverifyAnswerDocument, { answerId })),
  lock: ({ request, locals, url, params }) =>
    threadModeration(request, locals, url, (reason) =>
      locals.api.request(LockQuestionDocument, { input: { questionId: params.id, reason } }),
    ),
  unlock: ({ request, locals, url, params }) =>
    threadModeration(request, locals, url, (reason) =>
      locals.api.request(UnlockQuestionDocument, { input: { questionId: params.id, reason } }),
    ),
  closeOffTopic: ({ request, locals, url, params }) =>
    threadModeration(request, locals, url, (reason) =>
      locals.api.request(CloseAsOffTopicDocument, { input: { questionId: params.id, reason } }),
    ),
  reopen: ({ request, locals, url, params }) =>
    threadModeration(request, locals, url, (reason) =>
      locals.api.request(ReopenQuestionDocument, { input: { questionId: params.id, reason } }),
    ),

  /** Without JavaScript: render the answer's preview on the server and return the form. */
  previewAnswer: async ({ request, locals, fetch, cookies }) => {
    const data = await request.formData();
    const image = await attachImage({ fetch, cookies, locals }, data);
    const { body } = readText(data, ['body']);
    return { form: 'answer', preview: renderMarkdown(body), values: { body }, ...image };
  },
};

type ActionEvent = Parameters<Actions[string]>[0];

/** Staff verification of one answer (or its removal), back at that answer. */
async function answerModeration(request: Request, locals: ActionEvent['locals'], url: URL, send: (answerId: string) => Promise<unknown>) {
  requireViewer({ locals, url }, url.pathname);
  const { answerId } = readText(await request.formData(), ['answerId']);
  try {
    await send(answerId);
  } catch (cause) {
    return formFailure(cause, { locale: locals.locale, form: `moderation:a:${answerId}`, values: {}, fields: [], returnTo: url.pathname });
  }
  redirect(303, `${url.pathname}#answer-${answerId}`);
}

/** Lock, unlock, close as off-topic or reopen this thread, with the reason typed in the form. */
async function threadModeration(
  request: Request,
  locals: ActionEvent['locals'],
  url: URL,
  send: (reason: string | null) => Promise<unknown>,
) {
  requireViewer({ locals, url }, url.pathname);
  const { reason } = readText(await request.formData(), ['reason']);
  try {
    await send(reason || null);
  } catch (cause) {
    return formFailure(cause, { locale: locals.locale, form: 'moderation:thread', values: { reason }, fields: [], returnTo: url.pathname });
  }
  redirect(303, url.pathname);
}
