// A locked thread offers nothing it would refuse: no comment form, no "sign in to comment" or
// "sign in to vote", and the api's refusal reads as "locked", not "reload the page".
import { describe, expect, it } from 'vitest';
import { ApiError } from '#lib/server/api.ts';
import { formFailure } from '#lib/server/forms.ts';
import { renderWithI18n } from '#lib/testing/render.ts';
import CommentThread from './CommentThread.svelte';
import VoteControl from './VoteControl.svelte';

const comments = {
  comments: [],
  field: 'questionId' as const,
  targetId: '5',
  returnTo: '/questions/5/x',
  clientMutationId: 'c-1',
  failure: null,
};
const vote = { field: 'questionId' as const, targetId: '5', score: 3, viewerVote: 0, canVote: false, returnTo: '/questions/5/x' };

describe('a locked thread', () => {
  it('gives the asker no "Add a comment"', () => {
    expect(renderWithI18n(CommentThread, { ...comments, signedIn: true }).text).toContain('Add a comment');
    expect(renderWithI18n(CommentThread, { ...comments, signedIn: true, closed: true }).text).not.toContain('Add a comment');
  });

  it('sends no visitor to sign in to comment or vote', () => {
    expect(renderWithI18n(CommentThread, { ...comments, signedIn: false }).text).toContain('Sign in to comment');
    expect(renderWithI18n(CommentThread, { ...comments, signedIn: false, closed: true }).text).not.toContain('Sign in');
    expect(renderWithI18n(VoteControl, { ...vote, signedIn: false }).html).toContain('Sign in to vote');
    const locked = renderWithI18n(VoteControl, { ...vote, signedIn: false, locked: true }).html;
    expect(locked).not.toContain('Sign in to vote');
    expect(locked).toContain('This thread is locked');
  });

  it('reads the api refusal as "locked", in the page language', () => {
    const error = new ApiError('CONFLICT', 'This thread is locked by a moderator: it takes no new answers or comments.', [
      { field: 'questionId', code: 'locked', message: 'This thread is locked by a moderator: it takes no new answers or comments.' },
    ]);
    const values = { body: 'Any news?' };
    const en = formFailure(error, { locale: 'en', form: 'comment:q:5', values, fields: ['body'], returnTo: '/' });
    expect(en.status).toBe(409);
    expect(en.data.message).toBe('This thread is locked: it takes no new answers, comments or votes.');
    const de = formFailure(error, { locale: 'de', form: 'comment:q:5', values, fields: ['body'], returnTo: '/' });
    expect(de.data.message).toBe('Dieses Thema ist gesperrt: Es nimmt keine neuen Antworten, Kommentare oder Stimmen an.');
    expect(de.data.message).not.toMatch(/neu laden|reload/);
  });
});
