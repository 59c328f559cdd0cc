import type { DataSource } from 'typeorm';
import { ask, seedSpace, setRole, signUp, type TestUser } from '../../test-support/builders';
import type { TestApp } from '../../test-support/test-app';
import { Clock } from '../../platform/clock';

export const BERLIN_HOURS = {
  timeZone: 'Europe/Berlin',
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '18:00' })),
  holidays: ['2026-12-25', '2026-12-26'],
};

export const SLA = [
  { priority: 'LOW', firstResponseMinutes: 960, resolutionMinutes: 4800 },
  { priority: 'NORMAL', firstResponseMinutes: 240, resolutionMinutes: 1440 },
  { priority: 'HIGH', firstResponseMinutes: 60, resolutionMinutes: 480 },
  { priority: 'URGENT', firstResponseMinutes: 30, resolutionMinutes: 240 },
];

export const SAVE_TEAM = `mutation ($input: SaveTeamInput!) { saveTeam(input: $input) { id name timeZone holidays sla { priority firstResponseMinutes resolutionMinutes } } }`;
export const ADD_MEMBER = `mutation ($teamId: ID!, $userId: ID!) { addTeamMember(teamId: $teamId, userId: $userId) { id } }`;
export const ESCALATE = `mutation ($input: EscalateQuestionInput!) { escalateQuestion(input: $input) { id status priority source firstResponseDueAt resolutionDueAt } }`;
export const PROMISE = `query ($id: ID!, $locale: Locale!) { question(id: $id) { staffPromise(locale: $locale) { teamName responded firstResponseMinutes hours openNow awayUntil expectedAt expectedBy } } }`;

export function teamInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'Customer care', ...BERLIN_HOURS, sla: SLA, spaceSlugs: ['billing'], ...overrides };
}

export interface Cast {
  admin: TestUser;
  moderator: TestUser;
  agent: TestUser;
  otherAgent: TestUser;
  asker: TestUser;
  customer: TestUser;
  expert: TestUser;
  teamId: string;
  otherTeamId: string;
}

/** A staff member with a real name and a photo, as staff must have to post publicly. */
async function staff(t: TestApp, name: string, role: string): Promise<TestUser> {
  const user = await signUp(t, name);
  await setRole(t.dataSource, user.id, role);
  await t.dataSource.query(`INSERT INTO staff_photos (user_id, image, content_type, etag) VALUES ($1, '\\x00', 'image/webp', 'test')`, [
    user.id,
  ]);
  return user;
}

/** Two teams (billing is handled by "Customer care"), one user per role the rules distinguish. */
export async function seedCast(t: TestApp): Promise<Cast> {
  await seedSpace(t.dataSource);
  // Four-eyes review of staff replies is another module's concern; here staff answers publish directly.
  await t.dataSource.query(
    `INSERT INTO space_review_settings (space_id, review_staff_replies) SELECT id, false FROM spaces WHERE slug = 'billing'`,
  );
  const admin = await staff(t, 'Katrin Admin', 'admin');
  const moderator = await staff(t, 'Jonas Moderator', 'moderator');
  const agent = await staff(t, 'Miriam Care', 'agent');
  const otherAgent = await staff(t, 'Tobias Metering', 'agent');
  const asker = await signUp(t, 'Asker');
  const customer = await signUp(t, 'Customer');
  const expert = await signUp(t, 'Expert');
  await t.dataSource.query(`UPDATE users SET trust_level = 3 WHERE id = $1`, [expert.id]);
  const care = await t.gql<{ saveTeam: { id: string } }>(SAVE_TEAM, { input: teamInput() }, admin.cookie);
  if (care.errors) throw new Error(JSON.stringify(care.errors));
  const metering = await t.gql<{ saveTeam: { id: string } }>(
    SAVE_TEAM,
    { input: teamInput({ name: 'Metering experts', spaceSlugs: [] }) },
    admin.cookie,
  );
  const teamId = care.data.saveTeam.id;
  const otherTeamId = metering.data.saveTeam.id;
  await t.gql(ADD_MEMBER, { teamId, userId: agent.id }, admin.cookie);
  await t.gql(ADD_MEMBER, { teamId: otherTeamId, userId: otherAgent.id }, admin.cookie);
  return { admin, moderator, agent, otherAgent, asker, customer, expert, teamId, otherTeamId };
}

/** Stands the api's clock at `iso` (tests run inside or outside opening hours on purpose). */
export function setNow(t: TestApp, iso: string | null): void {
  const clock = t.app.get(Clock);
  clock.now = iso ? () => new Date(iso) : () => new Date();
}

export async function askAndEscalate(
  t: TestApp,
  cast: Cast,
  extra: Record<string, unknown> = {},
): Promise<{ questionId: string; escalationId: string }> {
  const questionId = await ask(t, cast.asker);
  const res = await t.gql<{ escalateQuestion: { id: string } }>(ESCALATE, { input: { questionId, ...extra } }, cast.asker.cookie);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return { questionId, escalationId: res.data.escalateQuestion.id };
}

export async function counts(dataSource: DataSource): Promise<Record<string, number>> {
  const [row] = await dataSource.query(
    `SELECT (SELECT count(*) FROM escalations)::int AS escalations, (SELECT count(*) FROM escalation_events)::int AS events,
            (SELECT count(*) FROM escalation_notes)::int AS notes, (SELECT count(*) FROM conversations)::int AS conversations,
            (SELECT count(*) FROM conversation_messages)::int AS messages, (SELECT count(*) FROM answers)::int AS answers,
            (SELECT count(*) FROM teams)::int AS teams, (SELECT count(*) FROM team_members)::int AS members,
            (SELECT count(*) FROM sla_targets)::int AS targets,
            (SELECT string_agg(id || ':' || status || ':' || priority || ':' || coalesce(assignee_id::text, '-') || ':' || team_id, ',' ORDER BY id) FROM escalations) AS state`,
  );
  return row;
}
