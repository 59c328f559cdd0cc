import { describe, expect, it } from 'vitest';
import { linkSpamScore, NEWCOMER_MAX_LINKS } from './link-spam';

const NEWCOMER = 0;

describe('linkSpamScore', () => {
  it.each([
    ['a URL', 'Have a look at https://evil.example/x for the fix'],
    ['a www address', 'Have a look at www.evil.example/x for the fix'],
    ['a Markdown link', 'Have a look at [the fix](https://evil.example/x) please'],
    ['a protocol-relative Markdown link', 'Have a look at [the fix](//evil.example/x) please'],
    ['a protocol-relative URL in the text', 'Have a look at //evil.example/x for the fix'],
    ['a URL with three slashes', 'Have a look at ///evil.example/x for the fix'],
    ['a protocol-relative URL in angle brackets', 'Have a look at <//evil.example/x> for the fix'],
    ['a protocol-relative reference definition', 'Have a look at [the fix] please\n\n[the fix]: //evil.example/x'],
  ])('counts %s as one link', (_name, body) => {
    expect(linkSpamScore(body, NEWCOMER).links).toBe(1);
  });

  it('holds a newcomer to the limit with protocol-relative links too', () => {
    const body = `Three places: //a.example/x, //b.example/y and //c.example/z.`;
    expect(linkSpamScore(body, NEWCOMER).links).toBeGreaterThan(NEWCOMER_MAX_LINKS);
  });

  it('sees a post of nothing but protocol-relative links as link-only', () => {
    expect(linkSpamScore('//evil.example/buy-now', NEWCOMER)).toMatchObject({ links: 1, linkOnly: true });
  });

  it('does not count one link twice or comments and paths as links', () => {
    expect(linkSpamScore('See https://a.example/b//c.example and [x](https://d.example//e.example)', NEWCOMER).links).toBe(2);
    expect(linkSpamScore('In code: `x = 1 // set x` and the path /var//log and a/b//c', NEWCOMER).links).toBe(0);
  });
});
