import { describe, expect, it } from 'vitest';
import { orderAnswers } from './answers.ts';
import {
  askPath,
  canonicalQuestionRedirect,
  parseUserRef,
  externalHref,
  parseQuestionRef,
  questionPath,
  returnPath,
  safeRedirectPath,
  revisionsPath,
  searchPath,
  signInPath,
} from './paths.ts';

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

  // Each of these is, or normalises to, a protocol-relative, backslash or scheme URL.
  it.each([
    '//x',
    '///x',
    '//x/y',
    '/\\x',
    '\\x',
    '/\\/x',
    '/.//x',
    '/.//evil.example/x',
    '/./\\x',
    '/..//x',
    '/a/..//x',
    '/a/../..//x',
    '/%2f%2fx',
    '/%2F%2Fx',
    '/%2f/x',
    '/%5cx',
    '/%5C%5Cx',
    '/.%2f/x',
    '/%2e//x',
    '/%2e%2e//x',
    '/\t/x',
    '/\n/x',
    '/\r//x',
    '/\u0000//x',
    '\t//x',
    ' //x',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'https://x',
    'http:x',
    'data:text/html,hi',
    'x',
    './/x',
  ])('falls back to / for %j', (hostile) => {
    expect(safeRedirectPath(hostile)).toBe('/');
  });

  it('keeps odd but same-site paths', () => {
    expect(safeRedirectPath('/a/./b/../c')).toBe('/a/c');
    expect(safeRedirectPath('/questions/a%20b/x%2Fy')).toBe('/questions/a%20b/x%2Fy');
    expect(safeRedirectPath('/javascript:alert(1)')).toBe('/javascript:alert(1)');
    expect(safeRedirectPath('/search?q=//x&r=%2f%2fy')).toBe('/search?q=//x&r=%2f%2fy');
  });

  it('never returns a path a browser would read as another host', () => {
    const seen = new Set<string>();
    for (const prefix of ['/', '/.', '/..', '/a/..', '/%2e', '/%2E%2E']) {
      for (const slash of ['/', '\\', '%2f', '%2F', '%5c', '%5C', '\t/', '/./']) {
        const value = `${prefix}${slash}evil.example/x`;
        const result = safeRedirectPath(value);
        seen.add(result);
        expect(new URL(result, 'https://peerdesk.example').host, value).toBe('peerdesk.example');
        expect(result, value).not.toMatch(/^[\\/]{2}|^\/[\\/]|^\/%2f|^\/%5c/i);
      }
    }
    expect(seen.size).toBeGreaterThan(0);
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

describe('searchPath', () => {
  it('puts the text, filters and cursor into the query string', () => {
    expect(searchPath('reset password')).toBe('/search?q=reset+password');
    expect(searchPath('zähler & tarif', { space: 'billing', tags: ['invoice', 'smart-meter'], status: 'solved' }, 'WzEuNSwiNDIiXQ')).toBe(
      '/search?q=z%C3%A4hler+%26+tarif&space=billing&tag=invoice&tag=smart-meter&status=solved&after=WzEuNSwiNDIiXQ',
    );
  });

  it('leaves out empty filters', () => {
    expect(searchPath('meter', { space: null, tags: [], status: null }, null)).toBe('/search?q=meter');
  });

  it('keeps an order other than best match', () => {
    expect(searchPath('meter', { sort: 'newest' }, 'abc')).toBe('/search?q=meter&sort=newest&after=abc');
    expect(searchPath('meter', { sort: 'relevance' })).toBe('/search?q=meter');
  });
});

describe('revisionsPath', () => {
  it('leads to the history of a question or of one of its answers', () => {
    expect(revisionsPath('12')).toBe('/questions/12/revisions');
    expect(revisionsPath('12', '34')).toBe('/questions/12/answers/34/revisions');
  });
});

describe('askPath', () => {
  it('prefills a space and a title', () => {
    expect(askPath()).toBe('/ask');
    expect(askPath({ space: 'billing' })).toBe('/ask?space=billing');
    expect(askPath({ title: '  Passwort vergessen?  ' })).toBe('/ask?title=Passwort+vergessen%3F');
    expect(askPath({ space: 'billing', title: ' ' })).toBe('/ask?space=billing');
  });
});

describe('parseQuestionRef', () => {
  it('reads a bare number', () => {
    expect(parseQuestionRef('123')).toBe('123');
    expect(parseQuestionRef(' #77 ')).toBe('77');
  });

  it('reads question links with or without host, slug, query or hash', () => {
    expect(parseQuestionRef('/questions/123/how-do-i-reset-my-password')).toBe('123');
    expect(parseQuestionRef('/questions/123')).toBe('123');
    expect(parseQuestionRef('/questions/123/')).toBe('123');
    expect(parseQuestionRef('https://community.example/questions/9/slug?x=1#answer-4')).toBe('9');
    expect(parseQuestionRef('http://localhost:3000/questions/9')).toBe('9');
    expect(parseQuestionRef('community.example/questions/45/some-title')).toBe('45');
  });

  it('rejects anything that does not name a question', () => {
    for (const bad of [
      '',
      'abc',
      '0',
      '-5',
      '12.5',
      '1234567890123456789',
      '/questions/abc',
      '/questions/12/slug/extra',
      '/users/12',
      '/spaces/billing',
      'javascript:alert(1)',
      'mailto:x@example.com',
    ]) {
      expect(parseQuestionRef(bad), bad).toBeNull();
    }
  });
});

describe('externalHref', () => {
  it('keeps http(s) links and drops everything else', () => {
    expect(externalHref('https://cardano.stackexchange.com/q/42')).toBe('https://cardano.stackexchange.com/q/42');
    expect(externalHref('http://example.org')).toBe('http://example.org/');
    expect(externalHref('javascript:alert(1)')).toBeNull();
    expect(externalHref('data:text/html,hi')).toBeNull();
    expect(externalHref('/relative')).toBeNull();
    expect(externalHref(null)).toBeNull();
  });
});

describe('parseUserRef', () => {
  it.each([
    ['12', '12'],
    ['#12', '12'],
    ['/users/12', '12'],
    ['http://localhost:3000/users/12?tab=answers', '12'],
  ])('reads %j', (value, id) => {
    expect(parseUserRef(value)).toBe(id);
  });

  it.each(['', 'abc', '/questions/12', '0'])('refuses %j', (value) => {
    expect(parseUserRef(value)).toBeNull();
  });
});
