import type { SaveTeamInput, TeamFieldsFragment } from '#lib/graphql/generated.ts';
import { PRIORITIES } from '#lib/escalation.ts';
import type { FieldError } from '#lib/server/api.ts';

/** Two windows per weekday cover split shifts; day 0 is Sunday, as in the api. */
export const DAYS = [1, 2, 3, 4, 5, 6, 0] as const;
export const SLOTS = [0, 1] as const;

export const windowField = (part: 'start' | 'end', day: number, slot: number) => `${part}-${day}-${slot}`;
export const slaField = (priority: string, target: 'firstResponseMinutes' | 'resolutionMinutes') => `sla-${priority}-${target}`;

/** The form's values for a team as it is (or empty for a new one). */
export function teamFormValues(team: TeamFieldsFragment | null): Record<string, string> {
  const values: Record<string, string> = {
    id: team?.id ?? '',
    name: team?.name ?? '',
    timeZone: team?.timeZone ?? 'Europe/Berlin',
    holidays: team?.holidays.join('\n') ?? '',
    spaceSlugs: team?.spaceSlugs.join(', ') ?? '',
    unansweredAfterMinutes: team?.unansweredAfterMinutes?.toString() ?? '',
    dueWarningMinutes: team?.dueWarningMinutes.toString() ?? '30',
  };
  for (const day of DAYS) {
    const windows = team?.weekly.filter((w) => w.day === day) ?? [];
    for (const slot of SLOTS) {
      values[windowField('start', day, slot)] = windows[slot]?.start ?? '';
      values[windowField('end', day, slot)] = windows[slot]?.end ?? '';
    }
  }
  for (const priority of PRIORITIES) {
    const target = team?.sla.find((t) => t.priority === priority);
    values[slaField(priority, 'firstResponseMinutes')] = target?.firstResponseMinutes.toString() ?? '';
    values[slaField(priority, 'resolutionMinutes')] = target?.resolutionMinutes.toString() ?? '';
  }
  return values;
}

const whole = (value: string | undefined): number => (value && /^\s*\d+\s*$/.test(value) ? Number(value) : 0);

/**
 * The api input from the submitted form, and a map from the api's field paths (`weekly.2.start`,
 * `sla.1.resolutionMinutes`) back to the form's field names, so errors land at the right input.
 */
export function readTeamForm(values: Record<string, string>): { input: SaveTeamInput; fieldOf: (apiField: string) => string } {
  const weekly: SaveTeamInput['weekly'] = [];
  const windowNames: [string, string][] = [];
  for (const day of DAYS) {
    for (const slot of SLOTS) {
      const start = values[windowField('start', day, slot)]?.trim() ?? '';
      const end = values[windowField('end', day, slot)]?.trim() ?? '';
      if (!start && !end) continue;
      weekly.push({ day, start, end });
      windowNames.push([windowField('start', day, slot), windowField('end', day, slot)]);
    }
  }
  const sla = PRIORITIES.map((priority) => ({
    priority,
    firstResponseMinutes: whole(values[slaField(priority, 'firstResponseMinutes')]),
    resolutionMinutes: whole(values[slaField(priority, 'resolutionMinutes')]),
  }));
  const unanswered = values.unansweredAfterMinutes?.trim() ?? '';
  const input: SaveTeamInput = {
    id: values.id || null,
    name: values.name ?? '',
    timeZone: values.timeZone ?? '',
    weekly,
    sla,
    holidays: (values.holidays ?? '').split(/[\s,]+/).filter(Boolean),
    spaceSlugs: (values.spaceSlugs ?? '').split(/[\s,]+/).filter(Boolean),
    unansweredAfterMinutes: unanswered === '' ? null : whole(unanswered) || -1,
    dueWarningMinutes: /^\s*\d+\s*$/.test(values.dueWarningMinutes ?? '') ? Number(values.dueWarningMinutes) : -1,
  };
  const fieldOf = (apiField: string): string => {
    const path = apiField.replace(/^input\./, '').split('.');
    if (path[0] === 'weekly' && path[1] !== undefined) {
      const names = windowNames[Number(path[1])];
      if (names) return path[2] === 'end' ? names[1] : names[0];
    }
    if (path[0] === 'sla' && path[1] !== undefined && (path[2] === 'firstResponseMinutes' || path[2] === 'resolutionMinutes')) {
      const priority = PRIORITIES[Number(path[1])];
      if (priority) return slaField(priority, path[2]);
    }
    if (path[0] === 'holidays') return 'holidays';
    return path[0] ?? apiField;
  };
  return { input, fieldOf };
}

/** The api's field errors renamed to the form's fields. */
export function renameFields(fields: readonly FieldError[], fieldOf: (apiField: string) => string): FieldError[] {
  return fields.map((error) => ({ ...error, field: fieldOf(error.field) }));
}

/** Every SLA input of the form: a priority and one of its two targets. */
export const PRIORITIES_FIELDS = PRIORITIES.flatMap((priority) =>
  (['firstResponseMinutes', 'resolutionMinutes'] as const).map((target) => [priority, target] as const),
);
