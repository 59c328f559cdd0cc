import { SpaceAnnouncementsDocument } from '#lib/graphql/generated.ts';
import type { ApiClient } from '#lib/server/api.ts';

/** The announcements pinned on a space now; a failure leaves the page without them rather than failing it. */
export function loadAnnouncements(api: ApiClient, spaceId: string) {
  return api
    .request(SpaceAnnouncementsDocument, { spaceId })
    .then((r) => r.spaceAnnouncements)
    .catch(() => []);
}
