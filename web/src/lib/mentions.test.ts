import { describe, expect, it } from 'vitest';
import { insertMention, mentionMarkdown, mentionQuery } from './mentions.ts';

describe('mentions in the composer', () => {
  it('finds the name typed after "@" at the caret, up to two words', () => {
    expect(mentionQuery('Thanks @An', 10)).toEqual({ start: 7, query: 'An' });
    expect(mentionQuery('@Anna Be', 8)).toEqual({ start: 0, query: 'Anna Be' });
    expect(mentionQuery('(@jö', 4)).toEqual({ start: 1, query: 'jö' });
  });

  it('ignores e-mail addresses, a lone "@" and three words', () => {
    expect(mentionQuery('mail me at anna@example', 23)).toBeNull();
    expect(mentionQuery('look @', 6)).toBeNull();
    expect(mentionQuery('@Anna thanks for this', 21)).toBeNull();
  });

  it('writes a profile link that cannot break out of the link text', () => {
    expect(mentionMarkdown({ id: '12', displayName: 'Anna [admin] Berg' })).toBe('[@Anna admin Berg](/users/12)');
  });

  it('replaces what was typed and puts the caret after the mention', () => {
    const at = mentionQuery('Hi @An how are you', 6)!;
    expect(insertMention('Hi @An how are you', at, { id: '7', displayName: 'Anna Berg' })).toEqual({
      text: 'Hi [@Anna Berg](/users/7) how are you',
      caret: 26,
    });
  });
});
