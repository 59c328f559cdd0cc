import type { ApiClient } from '#lib/server/api.ts';
import type { Locale } from '#lib/i18n/locale.ts';
import type { ViewerFieldsFragment } from '#lib/graphql/generated.ts';

declare global {
  namespace App {
    interface Error {
      status: number;
      message: string;
      /** Correlates the page a person sees with the web and api logs. */
      requestId?: string;
    }
    interface Locals {
      api: ApiClient;
      viewer: ViewerFieldsFragment | null;
      /** The signed-in viewer's unread notifications (the header's badge); 0 for visitors. */
      unreadNotifications: number;
      locale: Locale;
      requestId: string;
    }
  }
}

export {};
