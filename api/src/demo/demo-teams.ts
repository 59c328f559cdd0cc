import type { EntityManager } from 'typeorm';
import { recordEvent } from '../escalation/escalation-timeline';
import { dueTimes } from '../escalation/sla';
import { TeamEntity } from '../teams/team.entity';

const WEEKDAYS = [1, 2, 3, 4, 5];

/** German public holidays (nationwide) of 2026 and 2027. */
const GERMAN_HOLIDAYS = [
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-01',
  '2026-05-14',
  '2026-05-25',
  '2026-10-03',
  '2026-12-25',
  '2026-12-26',
  '2027-01-01',
  '2027-03-26',
  '2027-03-29',
  '2027-05-01',
  '2027-05-06',
  '2027-05-17',
  '2027-10-03',
  '2027-12-25',
  '2027-12-26',
];

interface DemoTeam {
  name: string;
  weekly: { day: number; start: string; end: string }[];
  /** first response / resolution in business minutes, for low, normal, high, urgent. */
  sla: [number, number][];
  spaces: string[];
  members: string[];
  unansweredAfterMinutes: number | null;
}

const DEMO_TEAMS: DemoTeam[] = [
  {
    name: 'Customer care',
    weekly: WEEKDAYS.map((day) => ({ day, start: '08:00', end: '18:00' })),
    sla: [
      [960, 4800],
      [240, 1440],
      [60, 480],
      [30, 240],
    ],
    spaces: ['billing-tariffs', 'account-login', 'smart-meter-app', 'ideas'],
    members: ['miriam', 'tobias', 'jonas'],
    unansweredAfterMinutes: 480,
  },
  {
    name: 'Metering experts',
    weekly: WEEKDAYS.map((day) => ({ day, start: '09:00', end: '16:00' })),
    sla: [
      [1440, 7200],
      [480, 2880],
      [120, 960],
      [60, 480],
    ],
    spaces: ['solar-storage'],
    members: ['tobias'],
    unansweredAfterMinutes: null,
  },
];

const PRIORITIES = ['low', 'normal', 'high', 'urgent'];

/** The demo's escalation teams: opening hours in Berlin, German holidays, SLA policies, agents and their spaces. */
export async function seedDemoTeams(
  manager: EntityManager,
  userId: (key: string) => string,
  spaceId: (slug: string) => string | undefined,
): Promise<void> {
  for (const team of DEMO_TEAMS) {
    const [{ id }] = (await manager.query(
      `INSERT INTO teams (name, time_zone, weekly, holidays, unanswered_after_minutes, unanswered_rule_since)
       VALUES ($1, 'Europe/Berlin', $2, $3, $4, CASE WHEN $4::int IS NULL THEN NULL ELSE now() END)
       ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [team.name, JSON.stringify(team.weekly), JSON.stringify(GERMAN_HOLIDAYS), team.unansweredAfterMinutes],
    )) as [{ id: string }];
    for (const [index, [firstResponse, resolution]] of team.sla.entries()) {
      await manager.query(
        `INSERT INTO sla_targets (team_id, priority, first_response_minutes, resolution_minutes) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [id, PRIORITIES[index], firstResponse, resolution],
      );
    }
    for (const key of team.members)
      await manager.query(`INSERT INTO team_members (team_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [id, userId(key)]);
    for (const slug of team.spaces) {
      const space = spaceId(slug);
      if (space)
        await manager.query(`INSERT INTO space_teams (space_id, team_id) VALUES ($1, $2) ON CONFLICT (space_id) DO NOTHING`, [space, id]);
    }
  }
}

/**
 * Two unanswered demo questions their askers escalated a day ago, so the console has a queue to work
 * (one still within its targets, the urgent one already overdue).
 */
export async function seedDemoEscalations(manager: EntityManager): Promise<void> {
  const rows: {
    question_id: string;
    author_id: string;
    team_id: string;
    time_zone: string;
    weekly: TeamEntity['weekly'];
    holidays: string[];
  }[] = await manager.query(
    `SELECT q.id AS question_id, q.author_id, t.id AS team_id, t.time_zone, t.weekly, t.holidays
         FROM questions q JOIN space_teams st ON st.space_id = q.space_id JOIN teams t ON t.id = st.team_id
        WHERE q.answer_count = 0 AND q.status = 'open'
        ORDER BY q.created_at DESC LIMIT 2`,
  );
  const start = new Date(Date.now() - 24 * 3600_000);
  for (const [index, row] of rows.entries()) {
    const priority = index === 0 ? 'normal' : 'urgent';
    const [target] = (await manager.query(
      `SELECT first_response_minutes AS "firstResponseMinutes", resolution_minutes AS "resolutionMinutes" FROM sla_targets WHERE team_id = $1 AND priority = $2`,
      [row.team_id, priority],
    )) as { firstResponseMinutes: number; resolutionMinutes: number }[];
    if (!target) continue;
    const team = Object.assign(new TeamEntity(), { timeZone: row.time_zone, weekly: row.weekly, holidays: row.holidays });
    const due = dueTimes(team, target, start, null);
    const [{ id }] = (await manager.query(
      `INSERT INTO escalations (question_id, team_id, priority, source, created_by_id, reason, first_response_due_at, resolution_due_at, next_due_at, created_at)
       VALUES ($1, $2, $3, 'asker', $4, 'I need the company', $5, $6, $7, $8) RETURNING id`,
      [row.question_id, row.team_id, priority, row.author_id, due.firstResponseDueAt, due.resolutionDueAt, due.nextDueAt, start],
    )) as [{ id: string }];
    await recordEvent(manager, id, row.author_id, 'escalated', { source: 'asker', priority }, start);
  }
}
