import { NOTIFICATION_GROUPS, type NotificationGroupName, type NotificationKindName } from './notification-kinds';

export type Channel = 'app_and_email' | 'app' | 'off';

/** The kinds someone hears of only in the app, and those they do not hear of at all. */
export interface KindChoices {
  appOnly: readonly string[];
  off: readonly string[];
}

/** How a group reaches someone, read from their kind lists (a group is as quiet as its first kind). */
export function channelOf(choices: KindChoices, group: NotificationGroupName): Channel {
  const first: NotificationKindName = NOTIFICATION_GROUPS[group][0];
  return choices.off.includes(first) ? 'off' : choices.appOnly.includes(first) ? 'app' : 'app_and_email';
}

/** The kind lists after choosing a channel for some groups; other groups keep theirs. */
export function choose(choices: KindChoices, chosen: { group: NotificationGroupName; channel: Channel }[]): KindChoices {
  const appOnly = new Set(choices.appOnly);
  const off = new Set(choices.off);
  for (const { group, channel } of chosen)
    for (const kind of NOTIFICATION_GROUPS[group]) {
      appOnly.delete(kind);
      off.delete(kind);
      if (channel === 'app') appOnly.add(kind);
      if (channel === 'off') off.add(kind);
    }
  return { appOnly: [...appOnly].sort(), off: [...off].sort() };
}
