import { describe, expect, it } from 'vitest';
import { groupNotifications, isLocalPath, type InboxItem } from './notifications.ts';

const item = (id: string, kind: string, questionId: string | null, extra: Partial<InboxItem> = {}): InboxItem => ({
  id,
  kind,
  createdAt: '2026-12-01T10:00:00Z',
  read: false,
  questionId,
  questionTitle: questionId ? `Question ${questionId}` : null,
  actorName: `Person ${id}`,
  reason: null,
  path: `/questions/${questionId}#answer-${id}`,
  ...extra,
});

describe('groupNotifications', () => {
  it('groups by kind and thread in the order of the newest, counting unread apart', () => {
    const groups = groupNotifications([
      item('5', 'ANSWER_NEW', '1'),
      item('4', 'COMMENT_NEW', '1'),
      item('3', 'ANSWER_NEW', '1', { read: true }),
      item('2', 'ANSWER_NEW', '2'),
      item('1', 'ANSWER_NEW', '1', { actorName: 'Person 5' }),
    ]);
    expect(groups.map((g) => [g.key, g.items.length, g.unread])).toEqual([
      ['ANSWER_NEW:1', 3, 2],
      ['COMMENT_NEW:1', 1, 1],
      ['ANSWER_NEW:2', 1, 1],
    ]);
    expect(groups[0]!.items[0]!.id).toBe('5');
    expect(groups[0]!.actorNames).toEqual(['Person 5', 'Person 3']);
  });

  it('keeps hidden posts and drafts apart, each with its own reason', () => {
    const groups = groupNotifications([
      item('2', 'POST_HIDDEN', '1', { reason: 'Spam' }),
      item('1', 'POST_HIDDEN', '1', { reason: 'Off topic' }),
    ]);
    expect(groups.map((g) => g.reason)).toEqual(['Spam', 'Off topic']);
  });
});

describe('isLocalPath', () => {
  it('accepts paths of this site only', () => {
    expect(isLocalPath('/questions/1#answer-2')).toBe(true);
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil.example', '', null]) expect(isLocalPath(bad)).toBe(false);
  });
});
