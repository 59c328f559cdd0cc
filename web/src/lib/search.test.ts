import { describe, expect, it } from 'vitest';
import {
  apiSearchSort,
  hasFilters,
  markedHtml,
  NO_FILTERS,
  readSearch,
  searchProblems,
  statusSlug,
  toFilterInput,
  toggleSpace,
  toggleStatus,
  toggleTag,
} from './search.ts';

const read = (query: string) => readSearch(new URLSearchParams(query));

describe('readSearch', () => {
  it('reads text, filters and cursor from the URL', () => {
    expect(read('q=%20meter%20&space=billing&tag=invoice&tag=smart-meter&status=SOLVED&sort=Newest&after=abc')).toEqual({
      q: 'meter',
      filters: { space: 'billing', tags: ['invoice', 'smart-meter'], status: 'solved' },
      sort: 'newest',
      after: 'abc',
    });
  });

  it('reads the sort, best match first unless a known other order is asked for', () => {
    expect(read('q=x&sort=votes').sort).toBe('votes');
    expect(read('q=x&sort=oldest').sort).toBe('relevance');
    expect(apiSearchSort('votes')).toBe('VOTES');
  });

  it('ignores unknown statuses, blank and repeated tags, and caps the tags', () => {
    expect(read('q=x&status=pending&tag=&tag=a&tag=a&tag=b&tag=c&tag=d&tag=e&tag=f').filters).toEqual({
      space: null,
      tags: ['a', 'b', 'c', 'd', 'e'],
      status: null,
    });
    expect(read('')).toEqual({ q: '', filters: NO_FILTERS, sort: 'relevance', after: null });
  });
});

describe('filters', () => {
  const none = NO_FILTERS;

  it('toggles one space and one status', () => {
    expect(toggleSpace(none, 'billing').space).toBe('billing');
    expect(toggleSpace({ ...none, space: 'billing' }, 'billing').space).toBeNull();
    expect(toggleSpace({ ...none, space: 'billing' }, 'meters').space).toBe('meters');
    expect(toggleStatus(none, 'solved').status).toBe('solved');
    expect(toggleStatus({ ...none, status: 'solved' }, 'solved').status).toBeNull();
  });

  it('adds and removes tags, keeping the others', () => {
    const one = toggleTag(none, 'invoice');
    const two = toggleTag(one, 'wifi');
    expect(two.tags).toEqual(['invoice', 'wifi']);
    expect(toggleTag(two, 'invoice').tags).toEqual(['wifi']);
    expect(none.tags).toEqual([]);
  });

  it('builds the api filter only for what is chosen', () => {
    expect(hasFilters(none)).toBe(false);
    expect(toFilterInput(none)).toBeNull();
    expect(toFilterInput({ space: 'billing', tags: [], status: null })).toEqual({ spaceSlugs: ['billing'] });
    expect(toFilterInput({ space: null, tags: ['invoice'], status: 'answered' })).toEqual({ tags: ['invoice'], statuses: ['ANSWERED'] });
  });

  it('maps facet statuses to URL slugs', () => {
    expect(statusSlug('SOLVED')).toBe('solved');
    expect(statusSlug('ARCHIVED')).toBeNull();
  });
});

describe('searchProblems', () => {
  it('explains what the api refused, once per kind', () => {
    expect(searchProblems([{ field: 'query', code: 'too_long' }])).toEqual(['search.error.tooLong']);
    expect(
      searchProblems([
        { field: 'filter.spaceSlugs', code: 'unknown' },
        { field: 'filter.tags', code: 'unknown' },
        { field: 'filter.tags', code: 'unknown' },
      ]),
    ).toEqual(['search.error.unknownSpace', 'search.error.unknownTag']);
    expect(searchProblems([{ field: 'after', code: 'invalid' }])).toEqual(['search.error.staleCursor']);
    expect(searchProblems([{ field: 'first', code: 'invalid' }])).toEqual(['search.error.invalid']);
    expect(searchProblems([])).toEqual(['search.error.invalid']);
  });
});

describe('markedHtml', () => {
  it('keeps the marks and the escaping, and neutralises any other tag', () => {
    expect(markedHtml('<mark>Passwort</mark>-Reset &amp; &lt;b&gt;')).toBe('<mark>Passwort</mark>-Reset &amp; &lt;b&gt;');
    expect(markedHtml('a <img src=x onerror=alert(1)> <mark >x</mark> </script>')).toBe(
      'a &lt;img src=x onerror=alert(1)> &lt;mark >x</mark> &lt;/script>',
    );
  });
});
