import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import type { AlertStatus } from '#lib/graphql/generated.ts';

export const ALERT_FILTERS = ['open', 'acknowledged', 'resolved', 'all'] as const;
export type AlertFilter = (typeof ALERT_FILTERS)[number];

export const STATUS_OF_FILTER: Record<AlertFilter, AlertStatus | null> = {
  open: 'OPEN',
  acknowledged: 'ACKNOWLEDGED',
  resolved: 'RESOLVED',
  all: null,
};

export function readAlertFilter(value: string | null): AlertFilter {
  return ALERT_FILTERS.find((filter) => filter === value) ?? 'all';
}

/** Staff: the alerts, optionally filtered by status. */
export function alertsPath(filter: AlertFilter = 'all'): ResolvedPathname {
  return filter === 'all' ? resolve('/console/alerts') : resolve(`/console/alerts?status=${filter}`);
}

export function alertPath(id: string, hash?: string): ResolvedPathname {
  const params = { id: encodeURIComponent(id) };
  return hash ? resolve(`/console/alerts/[id]#${hash}`, params) : resolve('/console/alerts/[id]', params);
}

/** "12 %" of a share 0–1, whole percent. */
export const percent = (share: number | null | undefined): string => String(Math.round((share ?? 0) * 100));
