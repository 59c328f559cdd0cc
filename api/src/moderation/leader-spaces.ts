import type { DataSource, EntityManager } from 'typeorm';

/** Net reputation a leader must have earned in a space to moderate it: their standing there, not elsewhere. */
export const LEADER_SPACE_REPUTATION = 100;

/** The spaces a community leader moderates, from the ledger's record of where their reputation was earned. */
export async function leaderSpaceIds(db: DataSource | EntityManager, userId: string): Promise<string[]> {
  const rows: { space_id: string }[] = await db.query(
    `SELECT space_id FROM reputation_events WHERE user_id = $1 AND space_id IS NOT NULL
      GROUP BY space_id HAVING sum(delta) >= $2`,
    [userId, LEADER_SPACE_REPUTATION],
  );
  return rows.map((row) => row.space_id);
}
