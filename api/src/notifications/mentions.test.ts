import { describe, expect, it } from 'vitest';
import { MAX_MENTIONS, mentionedUserIds } from './mentions';

describe('mentionedUserIds', () => {
  it('reads the links the composer writes, relative or absolute, each person once', () => {
    expect(
      mentionedUserIds(
        'Thanks [@Anna Berg](/users/12)! And [@Ben](https://community.example.com/users/7?tab=answers), [@Anna Berg](/users/12)',
      ),
    ).toEqual(['12', '7']);
  });

  it('ignores plain links to profiles, other links, code and malformed ids', () => {
    expect(
      mentionedUserIds('See [Anna](/users/12), [@docs](/questions/3), `[@Code](/users/4)`, [@X](/users/abc)\n```\n[@Block](/users/5)\n```'),
    ).toEqual([]);
  });

  it('tells at most a handful of people per post', () => {
    const many = Array.from({ length: 30 }, (_, i) => `[@P${i}](/users/${i + 1})`).join(' ');
    expect(mentionedUserIds(many)).toHaveLength(MAX_MENTIONS);
  });
});
