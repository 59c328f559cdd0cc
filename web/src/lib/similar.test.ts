import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { draftText, isAskSession, MAX_DRAFT_LENGTH, newAskSession } from './similar.ts';
import { recordSuggestionOpened, Suggestions } from './suggestions.svelte.ts';

describe('draftText', () => {
  it('joins title and body, trimmed', () => {
    expect(draftText('  Passwort vergessen ', '\n Ich komme nicht rein. ')).toBe('Passwort vergessen\nIch komme nicht rein.');
    expect(draftText('Only a title', '   ')).toBe('Only a title');
    expect(draftText('', '')).toBe('');
  });

  it('stays within the api limit', () => {
    expect(draftText('t', 'x'.repeat(MAX_DRAFT_LENGTH + 100))).toHaveLength(MAX_DRAFT_LENGTH);
  });
});

describe('ask sessions', () => {
  it('are random ids the api accepts', () => {
    const a = newAskSession();
    expect(isAskSession(a)).toBe(true);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newAskSession()).not.toBe(a);
  });

  it('rejects anything else', () => {
    for (const bad of [null, undefined, 42, '', 'short', 'x'.repeat(65), 'with space1', 'semi;colon12']) {
      expect(isAskSession(bad), String(bad)).toBe(false);
    }
  });
});

const item = (id: string) => ({
  acceptedExcerpt: null,
  question: { id, slug: `q-${id}`, title: `Question ${id}`, status: 'OPEN' as const, answerCount: 0 },
});

function graphqlAnswer(ids: string[]): Response {
  return new Response(JSON.stringify({ data: { similarQuestions: ids.map(item) } }), { headers: { 'content-type': 'application/json' } });
}

describe('Suggestions', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts with what the server found and does not fetch it again', () => {
    const fetch = vi.fn();
    const suggestions = new Suggestions({ text: 'meter', items: [item('1')] }, { fetch });
    suggestions.update('meter');
    vi.advanceTimersByTime(1000);
    expect(fetch).not.toHaveBeenCalled();
    expect(suggestions.items.map((i) => i.question.id)).toEqual(['1']);
  });

  it('waits for a pause in typing, then fetches once for the latest draft', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => graphqlAnswer(['7', '8']));
    const suggestions = new Suggestions({ text: '', items: [] }, { fetch: fetch as unknown as typeof globalThis.fetch, delayMs: 300 });
    suggestions.update('Pas');
    vi.advanceTimersByTime(100);
    suggestions.update('Passw');
    vi.advanceTimersByTime(100);
    suggestions.update('Passwort');
    vi.advanceTimersByTime(299);
    expect(fetch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    const body = JSON.parse(String(init?.body));
    expect(body.query).toContain('similarQuestions');
    expect(body.variables).toEqual({ text: 'Passwort', first: 5 });
    await vi.waitFor(() => expect(suggestions.items.map((i) => i.question.id)).toEqual(['7', '8']));
    expect(suggestions.loading).toBe(false);
  });

  it('clears for drafts too short to search and keeps the last list when a fetch fails', async () => {
    const fetch = vi.fn(async () => new Response('Bad gateway', { status: 502 }));
    const suggestions = new Suggestions({ text: 'meter', items: [item('1')] }, { fetch, delayMs: 10 });
    suggestions.update('meter reading');
    await vi.advanceTimersByTimeAsync(10);
    await vi.waitFor(() => expect(suggestions.loading).toBe(false));
    expect(suggestions.items.map((i) => i.question.id)).toEqual(['1']);
    suggestions.update('me');
    expect(suggestions.items).toEqual([]);
  });

  it('cancels a request that a newer draft overtook', async () => {
    const signals: AbortSignal[] = [];
    const fetch = vi.fn(
      (_url: string | URL | Request, init?: RequestInit) =>
        new Promise<Response>((resolve, reject) => {
          signals.push(init!.signal!);
          init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          setTimeout(() => resolve(graphqlAnswer(['9'])), 50);
        }),
    );
    const suggestions = new Suggestions({ text: '', items: [] }, { fetch: fetch as unknown as typeof globalThis.fetch, delayMs: 10 });
    suggestions.update('first draft');
    await vi.advanceTimersByTimeAsync(10);
    suggestions.update('second draft');
    expect(signals[0]?.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(suggestions.items.map((i) => i.question.id)).toEqual(['9']));
  });
});

describe('recordSuggestionOpened', () => {
  it('posts the visit and question with keepalive and never throws', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => {
      throw new TypeError('offline');
    });
    recordSuggestionOpened('abcdef0123456789', '42', fetch as unknown as typeof globalThis.fetch);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    const init = fetch.mock.calls[0]![1]!;
    expect(init.keepalive).toBe(true);
    expect(JSON.parse(String(init.body)).variables).toEqual({ input: { askSession: 'abcdef0123456789', questionId: '42' } });
  });
});
