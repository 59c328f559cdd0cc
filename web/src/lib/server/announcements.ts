import { SpaceAnnouncementsDocument, type SpaceAnnouncementsQuery } from '#lib/graphql/generated.ts';
import type { ApiClient } from '#lib/server/api.ts';

type Announcements = SpaceAnnouncementsQuery['spaceAnnouncements'];

/**
 * A space's announcements are public and the same for every reader, so the thread and space
 * pages share one answer per space for a few seconds instead of asking the api on every render
 * (signed-in pages are rendered each time). A write through this server forgets them
 * ({@link forgetAnnouncements}), so whoever publishes or ends one sees it at once.
 */
const SHARED_MS = 5_000;
const MAX_SPACES = 500;
const recent = new Map<string, { at: number; announcements: Promise<Announcements> }>();

/** The announcements pinned on a space now; a failure leaves the page without them rather than failing it. */
export function loadAnnouncements(api: ApiClient, spaceId: string, now: number = Date.now()): Promise<Announcements> {
  const known = recent.get(spaceId);
  if (known && now - known.at < SHARED_MS) return known.announcements;
  const announcements = api
    .request(SpaceAnnouncementsDocument, { spaceId })
    .then((r) => r.spaceAnnouncements)
    .catch(() => {
      // Not kept: the next render asks again.
      if (recent.get(spaceId)?.announcements === announcements) recent.delete(spaceId);
      return [];
    });
  recent.delete(spaceId);
  recent.set(spaceId, { at: now, announcements });
  if (recent.size > MAX_SPACES) recent.delete(recent.keys().next().value!);
  return announcements;
}

export function forgetAnnouncements(): void {
  recent.clear();
}
