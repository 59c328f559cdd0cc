import { Injectable } from '@nestjs/common';
import type { OpeningHours, WeeklyWindow } from '@peerdesk/business-time';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../platform/graphql/request-context';
import { TeamBadgeModel } from './models/staff.models';

const TEAMS_BY_USER = Symbol('staffTeamsByUser');

export interface PublicTeam {
  id: string;
  name: string;
  /** First-response target for normal priority, in business minutes; null without an SLA. */
  firstResponseMinutes: number | null;
  hours: OpeningHours;
  memberIds: string[];
}

/** The teams staff belong to (escalation teams), as the public sees them: name, opening hours, faces. */
@Injectable()
export class TeamFacesService {
  constructor(private readonly dataSource: DataSource) {}

  /** Team badges of these users, batched per request. */
  badges(ctx: RequestContext, userId: string): Promise<TeamBadgeModel[]> {
    return ctx.loader(TEAMS_BY_USER, () => new DataLoader<string, TeamBadgeModel[]>((ids) => this.badgesOf(ids))).load(userId);
  }

  private async badgesOf(userIds: readonly string[]): Promise<TeamBadgeModel[][]> {
    const rows: { user_id: string; id: string; name: string }[] = await this.dataSource.query(
      `SELECT tm.user_id, t.id, t.name FROM team_members tm JOIN teams t ON t.id = tm.team_id
        WHERE tm.user_id = ANY($1::bigint[]) ORDER BY t.name`,
      [userIds],
    );
    return userIds.map((id) =>
      rows.filter((r) => r.user_id === id).map((r) => Object.assign(new TeamBadgeModel(), { id: r.id, name: r.name })),
    );
  }

  /** Every team with its members (those with a photo first). */
  async teams(): Promise<PublicTeam[]> {
    const rows: {
      id: string;
      name: string;
      time_zone: string;
      weekly: WeeklyWindow[];
      holidays: string[];
      first_response_minutes: number | null;
      member_ids: string[] | null;
    }[] = await this.dataSource.query(
      `SELECT t.id, t.name, t.time_zone, t.weekly, t.holidays,
                (SELECT s.first_response_minutes FROM sla_targets s WHERE s.team_id = t.id AND s.priority = 'normal') AS first_response_minutes,
                array_agg(u.id ORDER BY (p.user_id IS NULL), u.display_name) FILTER (WHERE u.id IS NOT NULL) AS member_ids
           FROM teams t
           LEFT JOIN team_members tm ON tm.team_id = t.id
           LEFT JOIN users u ON u.id = tm.user_id
           LEFT JOIN staff_photos p ON p.user_id = u.id
          GROUP BY t.id ORDER BY t.name`,
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      firstResponseMinutes: r.first_response_minutes,
      hours: { timeZone: r.time_zone, weekly: r.weekly, holidays: r.holidays },
      memberIds: r.member_ids ?? [],
    }));
  }
}
