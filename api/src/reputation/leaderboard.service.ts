import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserService } from '../identity/user.service';
import { notFound } from '../platform/errors';
import { pageSize } from '../platform/pagination';
import { LeaderboardPeriod, type LeaderboardEntryModel } from './models/reputation.models';

const PERIOD_DAYS: Record<LeaderboardPeriod, number | null> = {
  [LeaderboardPeriod.WEEK]: 7,
  [LeaderboardPeriod.MONTH]: 30,
  [LeaderboardPeriod.ALL_TIME]: null,
};

/** Who earned the most reputation in a space (or everywhere) over a rolling period, from the ledger. */
@Injectable()
export class LeaderboardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserService,
  ) {}

  async top(spaceSlug: string | null, period: LeaderboardPeriod, first: number | null): Promise<LeaderboardEntryModel[]> {
    const size = pageSize(first, 20);
    let spaceId: string | null = null;
    if (spaceSlug) {
      const spaces: { id: string }[] = await this.dataSource.query(`SELECT id FROM spaces WHERE slug = $1`, [spaceSlug]);
      if (!spaces[0]) throw notFound('Space');
      spaceId = spaces[0].id;
    }
    const rows: { user_id: string; points: number }[] = await this.dataSource.query(
      `SELECT e.user_id, sum(e.delta)::int AS points FROM reputation_events e
        WHERE ($1::bigint IS NULL OR e.space_id = $1)
          AND ($2::int IS NULL OR e.created_at > now() - make_interval(days => $2::int))
        GROUP BY e.user_id HAVING sum(e.delta) > 0
        ORDER BY points DESC, e.user_id LIMIT $3`,
      [spaceId, PERIOD_DAYS[period], size],
    );
    const users = await this.users.byIds(rows.map((r) => r.user_id));
    return rows.flatMap((row, i) => {
      const user = users[i];
      return user ? [{ rank: i + 1, user, points: row.points }] : [];
    });
  }
}
