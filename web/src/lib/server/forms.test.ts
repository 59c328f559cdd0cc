import { isActionFailure, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { formFailure, readAskSession, readList, readText } from './forms.ts';

const context = {
  locale: 'en' as const,
  form: 'ask',
  values: { title: 'Short', body: 'Body text' },
  fields: ['title', 'body'],
  returnTo: '/ask',
};

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('formFailure', () => {
  it('returns 400 with localised messages next to the fields and the values kept', () => {
    const error = new ApiError('BAD_USER_INPUT', 'Invalid', [
      { field: 'title', code: 'too_short', message: 'Title must have 10 characters' },
      { field: 'input.body', code: 'required', message: 'Body required' },
    ]);
    const result = formFailure(error, context);
    expect(isActionFailure(result)).toBe(true);
    expect(result.status).toBe(400);
    expect(result.data).toEqual({
      form: 'ask',
      message: 'Please correct the marked fields.',
      fields: { title: 'Use at least 10 characters.', body: 'This field is required.' },
      values: context.values,
    });
  });

  it('puts errors for fields the form does not show into the form message', () => {
    const error = new ApiError('BAD_USER_INPUT', 'Invalid', [{ field: 'questionId', code: 'unknown', message: 'No such question' }]);
    const result = formFailure(error, { ...context, locale: 'de' });
    expect(result.data.fields).toEqual({});
    expect(result.data.message).toBe('Dieser Wert ist unbekannt.');
    const mixed = formFailure(
      new ApiError('BAD_USER_INPUT', 'Invalid', [
        { field: 'title', code: 'too_long', message: '' },
        { field: 'answerId', code: 'own_post', message: '' },
      ]),
      context,
    );
    expect(mixed.data.message).toBe('Please correct the marked fields. You cannot do that with your own post.');
  });

  it('maps the other expected codes to statuses and form messages', () => {
    expect(formFailure(new ApiError('RATE_LIMITED', 'slow down'), context).status).toBe(429);
    expect(formFailure(new ApiError('FORBIDDEN', 'no'), context).data.message).toBe('You are not allowed to do that.');
    expect(formFailure(new ApiError('NOT_FOUND', 'gone'), context).status).toBe(404);
    expect(formFailure(new ApiError('CONFLICT', 'changed'), context).status).toBe(409);
    expect(formFailure(new ApiError('UNAVAILABLE', 'down'), context).status).toBe(503);
  });

  it('sends an expired session to sign-in, coming back afterwards', () => {
    const error = thrown(() => formFailure(new ApiError('UNAUTHENTICATED', 'sign in'), context));
    expect(isRedirect(error)).toBe(true);
    expect(error).toMatchObject({ status: 303, location: '/signin?redirectTo=%2Fask' });
  });

  it('rethrows what it does not expect', () => {
    const boom = new Error('boom');
    expect(thrown(() => formFailure(boom, context))).toBe(boom);
    const internal = new ApiError('INTERNAL_SERVER_ERROR', 'oops');
    expect(thrown(() => formFailure(internal, context))).toBe(internal);
  });
});

describe('reading submissions', () => {
  it('reads text fields and de-duplicated lists', () => {
    const data = new FormData();
    data.set('title', 'Hello');
    data.append('tags', 'billing');
    data.append('tags', ' billing ');
    data.append('tags', '');
    data.append('tags', 'wifi');
    expect(readText(data, ['title', 'missing'])).toEqual({ title: 'Hello', missing: '' });
    expect(readList(data, 'tags')).toEqual(['billing', 'wifi']);
  });

  it('keeps a well-formed ask session and replaces a missing or mangled one', () => {
    const data = new FormData();
    data.set('askSession', 'a1b2c3d4e5f6a7b8');
    expect(readAskSession(data)).toBe('a1b2c3d4e5f6a7b8');
    data.set('askSession', '<script>');
    const fresh = readAskSession(data);
    expect(fresh).toMatch(/^[0-9a-f]{32}$/);
    expect(readAskSession(new FormData())).not.toBe(fresh);
  });
});
