import { describe, expect, it } from 'vitest';
import { channelOf, choose } from './notification-choices';
import { NOTIFICATION_GROUPS, NotificationKind } from './notification-kinds';

describe('notification choices', () => {
  it('puts every kind in exactly one group', () => {
    const grouped = Object.values(NOTIFICATION_GROUPS).flat();
    expect([...grouped].sort()).toEqual(Object.values(NotificationKind).sort());
  });

  it('changes only the groups chosen, and reads them back', () => {
    const none = { appOnly: [], off: [] };
    const quiet = choose(none, [
      { group: 'recognition', channel: 'off' },
      { group: 'replies', channel: 'app' },
    ]);
    expect(quiet).toEqual({ appOnly: ['answer.new', 'comment.new'], off: ['badge.awarded', 'trust_level.raised'] });
    expect(channelOf(quiet, 'replies')).toBe('app');
    expect(channelOf(quiet, 'recognition')).toBe('off');
    expect(channelOf(quiet, 'mentions')).toBe('app_and_email');
    expect(choose(quiet, [{ group: 'replies', channel: 'app_and_email' }])).toEqual({
      appOnly: [],
      off: ['badge.awarded', 'trust_level.raised'],
    });
  });
});
