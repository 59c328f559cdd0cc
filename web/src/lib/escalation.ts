import type { EscalationPriority, EscalationQueueFilter, EscalationStatus } from '#lib/graphql/generated.ts';
import type { Translate } from '#lib/i18n/index.ts';

export const PRIORITIES: readonly EscalationPriority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
/** Statuses an open escalation can have (resolved ones leave the queue). */
export const OPEN_STATUSES: readonly EscalationStatus[] = ['NEW', 'ASSIGNED', 'WAITING_ON_CUSTOMER'];
/** What an agent may set by hand; new comes back by unassigning, resolved by resolving. */
export const SETTABLE_STATUSES: readonly EscalationStatus[] = ['ASSIGNED', 'WAITING_ON_CUSTOMER'];

/** A length of business time, short: "3 h 20 min", "45 min", "2 h". */
export function formatDuration(t: Translate, minutes: number): string {
  const total = Math.abs(Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return t('escalation.duration.m', { minutes: rest });
  return rest === 0 ? t('escalation.duration.h', { hours }) : t('escalation.duration.hm', { hours, minutes: rest });
}

/** A promised target: "4 business hours" when it is whole hours, else "90 business minutes". */
export function formatTarget(t: Translate, minutes: number): string {
  return minutes % 60 === 0 && minutes > 0
    ? t('escalation.duration.businessHours', { count: minutes / 60 })
    : t('escalation.duration.businessMinutes', { count: minutes });
}

/** What is left of the next due time: "1 h 5 min left", or "overdue by 20 min". */
export function formatRemaining(t: Translate, minutes: number): string {
  const duration = formatDuration(t, minutes);
  return minutes < 0 ? t('escalation.remaining.overdue', { duration }) : t('escalation.remaining.left', { duration });
}

/** The queue's filters as they appear in the console's URL. */
export interface QueueFilterValues {
  team: string;
  priority: string;
  status: string;
  mine: boolean;
  breached: boolean;
}

/** Reads the queue filters from the URL; unknown values are ignored rather than sent to the api. */
export function readQueueFilter(params: URLSearchParams): { values: QueueFilterValues; filter: EscalationQueueFilter } {
  const priority = (params.get('priority') ?? '').toUpperCase();
  const status = (params.get('status') ?? '').toUpperCase();
  const values: QueueFilterValues = {
    team: params.get('team')?.trim() ?? '',
    priority: (PRIORITIES as readonly string[]).includes(priority) ? priority : '',
    status: (OPEN_STATUSES as readonly string[]).includes(status) ? status : '',
    mine: params.get('mine') === '1',
    breached: params.get('breached') === '1',
  };
  return {
    values,
    filter: {
      teamId: /^\d{1,18}$|^[0-9a-f-]{36}$/i.test(values.team) ? values.team : null,
      priority: (values.priority || null) as EscalationPriority | null,
      status: (values.status || null) as EscalationStatus | null,
      mine: values.mine || null,
      breached: values.breached || null,
    },
  };
}

/** The URL query of a filter set (for links that keep the filters, such as "more"). */
export function queueFilterQuery(values: QueueFilterValues): Record<string, string> {
  return {
    team: values.team,
    priority: values.priority.toLowerCase(),
    status: values.status.toLowerCase(),
    mine: values.mine ? '1' : '',
    breached: values.breached ? '1' : '',
  };
}

/** The offset of `timeZone` from UTC at `instant`, in minutes (Berlin in summer: 120). */
function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * A wall-clock time from a `datetime-local` field ("2026-11-24T09:30") in `timeZone`, as an ISO
 * instant; `null` when the text or the zone is not valid. In a DST gap the later offset wins.
 */
export function zonedLocalToIso(local: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(wall)) return null;
  try {
    const first = wall - zoneOffsetMinutes(wall, timeZone) * 60_000;
    const second = wall - zoneOffsetMinutes(first, timeZone) * 60_000;
    return new Date(second).toISOString();
  } catch {
    return null;
  }
}

/** An instant as the `datetime-local` text ("2026-11-24T09:30") of its wall-clock time in `timeZone`. */
export function isoToZonedLocal(iso: string, timeZone: string): string {
  const instant = new Date(iso).getTime();
  return new Date(instant + zoneOffsetMinutes(instant, timeZone) * 60_000).toISOString().slice(0, 16);
}

/** Whether the browser-reported time zone is one Intl knows. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value !== '';
  } catch {
    return false;
  }
}
