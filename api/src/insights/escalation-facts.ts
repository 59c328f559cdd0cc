import { businessMinutesBetween, type OpeningHours, type WeeklyWindow } from '@peerdesk/business-time';
import type { EntityManager } from 'typeorm';
import { hoursOf } from '../teams/opening-hours';
import { escalationDaysOf, followCursor, refreshEscalationDays } from './daily-rollups';

/**
 * What an escalation adds to SLA attainment (alias e: escalations), as the clocks wrote it: each target
 * met, decided whatever the time (met, marked breached, or paused after its due time), or — while its
 * clock runs (neither met nor breached nor paused) — decided once its due time has passed (`*_due_at`,
 * compared with now when read). The same expressions are in migration 1799500000003.
 */
export const ATTAINMENT: [string, string][] = [
  ['priority', 'e.priority'],
  [
    'first_response_met',
    'e.first_responded_at IS NOT NULL AND e.first_responded_at <= e.first_response_due_at AND e.first_response_breached_at IS NULL',
  ],
  [
    'first_response_decided',
    'coalesce(e.first_responded_at IS NOT NULL OR e.first_response_breached_at IS NOT NULL OR e.paused_at > e.first_response_due_at, false)',
  ],
  [
    'first_response_due_at',
    'CASE WHEN e.first_responded_at IS NULL AND e.first_response_breached_at IS NULL AND e.paused_at IS NULL THEN e.first_response_due_at END',
  ],
  ['resolution_met', 'e.resolved_at IS NOT NULL AND e.resolved_at <= e.resolution_due_at AND e.resolution_breached_at IS NULL'],
  [
    'resolution_decided',
    'coalesce(e.resolved_at IS NOT NULL OR e.resolution_breached_at IS NOT NULL OR e.paused_at > e.resolution_due_at, false)',
  ],
  [
    'resolution_due_at',
    'CASE WHEN e.resolved_at IS NULL AND e.resolution_breached_at IS NULL AND e.paused_at IS NULL THEN e.resolution_due_at END',
  ],
  ['paused_minutes', 'e.paused_business_minutes'],
  ['paused', 'e.paused_business_minutes > 0 OR e.paused_at IS NOT NULL'],
];

interface EscalationRow {
  id: string;
  question_id: string;
  team_id: string;
  space_id: string;
  created_at: Date;
  first_responded_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  first_response_paused_minutes: number;
  paused_business_minutes: number;
}

/**
 * Recomputes `insights_escalations` for the escalations of these questions (all for null): business
 * minutes in the team's calendar (`@peerdesk/business-time`, as the SLA clocks count) less the minutes
 * waited on the customer. Rows are written whole, so a repeated refresh changes nothing; the daily
 * roll-up of the days, spaces and teams the escalations were and are in is recomputed with them.
 */
export async function refreshEscalationFacts(manager: EntityManager, questionIds: readonly string[] | null): Promise<number> {
  if (questionIds?.length === 0) return 0;
  const before = questionIds === null ? [] : await escalationDaysOf(manager, questionIds);
  const written = await writeEscalationFacts(manager, questionIds);
  await refreshEscalationDays(manager, questionIds === null ? null : [...before, ...(await escalationDaysOf(manager, questionIds))]);
  return written;
}

async function writeEscalationFacts(manager: EntityManager, questionIds: readonly string[] | null): Promise<number> {
  await manager.query(
    `DELETE FROM insights_escalations f WHERE ($1::bigint[] IS NULL OR f.question_id = ANY($1::bigint[]))
       AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.id = f.escalation_id)`,
    [questionIds],
  );
  const rows: EscalationRow[] = await manager.query(
    `SELECT e.id, e.question_id, e.team_id, q.space_id, e.created_at, e.first_responded_at, e.resolved_at,
            CASE WHEN e.status = 'resolved' THEN coalesce(e.resolved_at, e.created_at) END AS closed_at, e.first_response_paused_minutes, e.paused_business_minutes
     FROM escalations e JOIN questions q ON q.id = e.question_id
     WHERE $1::bigint[] IS NULL OR e.question_id = ANY($1::bigint[])`,
    [questionIds],
  );
  if (rows.length === 0) return 0;
  const teams: { id: string; time_zone: string; weekly: WeeklyWindow[]; holidays: string[] }[] = await manager.query(
    `SELECT id, time_zone, weekly, holidays FROM teams WHERE id = ANY($1::bigint[])`,
    [[...new Set(rows.map((r) => String(r.team_id)))]],
  );
  const calendars = new Map<string, OpeningHours>(
    teams.map((t) => [String(t.id), hoursOf({ timeZone: t.time_zone, weekly: t.weekly, holidays: t.holidays })]),
  );
  const minutes = rows.map((r) => {
    const hours = calendars.get(String(r.team_id))!;
    const since = (end: Date | null, paused: number): number | null =>
      end === null ? null : Math.max(0, Math.round(businessMinutesBetween(hours, r.created_at, end)) - paused);
    return {
      firstResponse: since(r.first_responded_at, r.first_response_paused_minutes),
      resolution: since(r.resolved_at, r.paused_business_minutes),
    };
  });
  await manager.query(
    `INSERT INTO insights_escalations (escalation_id, question_id, team_id, space_id, created_at, first_response_minutes, resolution_minutes, closed_at,
       ${ATTAINMENT.map(([name]) => name).join(', ')})
     SELECT e.id, e.question_id, e.team_id, q.space_id, e.created_at, m.first_response, m.resolution,
       CASE WHEN e.status = 'resolved' THEN coalesce(e.resolved_at, e.created_at) END, ${ATTAINMENT.map(([, value]) => value).join(', ')}
     FROM unnest($1::bigint[], $2::int[], $3::int[]) m(id, first_response, resolution)
     JOIN escalations e ON e.id = m.id JOIN questions q ON q.id = e.question_id
     ON CONFLICT (escalation_id) DO UPDATE SET ${['question_id', 'team_id', 'space_id', 'created_at', 'first_response_minutes', 'resolution_minutes', 'closed_at', ...ATTAINMENT.map(([name]) => name)].map((c) => `${c} = excluded.${c}`).join(', ')}`,
    [rows.map((r) => r.id), minutes.map((m) => m.firstResponse), minutes.map((m) => m.resolution)],
  );
  return rows.length;
}

/** Follows the escalation timeline: every change of an escalation is on it (breaches and pauses have no outbox event of their question). */
export async function rollUpEscalationTimeline(manager: EntityManager): Promise<number> {
  return followCursor<{ id: string; escalation_id: string }>(manager, 'escalation', 'escalation_events', 'escalation_id', async (rows) => {
    const questions: { id: string }[] = await manager.query(
      `SELECT DISTINCT question_id AS id FROM escalations WHERE id = ANY($1::bigint[])`,
      [[...new Set(rows.map((r) => String(r.escalation_id)))]],
    );
    await refreshEscalationFacts(
      manager,
      questions.map((q) => String(q.id)),
    );
  });
}
