import { describe, expect, it } from 'vitest';
import { orderAnswers } from './answers.ts';
import { canonicalQuestionRedirect, questionPath, returnPath, safeRedirectPath, signInPath } from './paths.ts';

describe('canonicalQuestionRedirect', () => {
  const question = { id: '42', slug: 'how-do-i-reset-my-password' };

  it('leaves the canonical URL alone', () => {
    expect(canonicalQuestionRedirect({ id: '42', slug: 'how-do-i-reset-my-password' }, question)).toBeNull();
  });

  it('adds a missing slug', () => {
    expect(canonicalQuestionRedirect({ id: '42' }, question)).toBe('/questions/42/how-do-i-reset-my-password');
  });

  it('replaces an old or wrong slug and keeps the query string', () => {
    expect(canonicalQuestionRedirect({ id: '42', slug: 'old-title' }, question, '?utm=mail')).toBe(
      '/questions/42/how-do-i-reset-my-password?utm=mail',
    );
  });

  it('normalises the id to the one the api knows', () => {
    expect(canonicalQuestionRedirect({ id: '042', slug: question.slug }, question)).toBe('/questions/42/how-do-i-reset-my-password');
  });

  it('encodes path segments', () => {
    expect(questionPath('a b', 'x/y', 'answer-1')).toBe('/questions/a%20b/x%2Fy#answer-1');
  });
});

describe('safeRedirectPath', () => {
  it('keeps same-site paths with query and hash', () => {
    expect(safeRedirectPath('/ask')).toBe('/ask');
    expect(safeRedirectPath('/questions/1/x?a=1#answer-2')).toBe('/questions/1/x?a=1#answer-2');
  });

  it('rejects anything that could leave the site', () => {
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', 'ask', '/\t/evil.example', '']) {
      expect(safeRedirectPath(bad), bad).toBe('/');
    }
    expect(safeRedirectPath(null, '/home')).toBe('/home');
  });

  it('builds sign-in links with a return path', () => {
    expect(signInPath('/ask')).toBe('/signin?redirectTo=%2Fask');
    expect(signInPath('/')).toBe('/signin');
    expect(signInPath('https://evil.example')).toBe('/signin');
  });
});

describe('returnPath', () => {
  it('drops SvelteKit action parameters but keeps real ones', () => {
    expect(returnPath(new URL('http://x/questions/1/a?/vote'))).toBe('/questions/1/a');
    expect(returnPath(new URL('http://x/spaces/s?status=open&/comment'))).toBe('/spaces/s?status=open');
  });
});

describe('orderAnswers', () => {
  it('puts the accepted answer first and keeps the rest in order', () => {
    const answers = [
      { id: 'a', isAccepted: false },
      { id: 'b', isAccepted: false },
      { id: 'c', isAccepted: true },
    ];
    expect(orderAnswers(answers).map((a) => a.id)).toEqual(['c', 'a', 'b']);
  });
});
