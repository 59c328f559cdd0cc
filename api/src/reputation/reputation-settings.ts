import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InputCheck } from '../platform/errors';
import {
  CONFIGURABLE_KINDS,
  DEFAULT_DAILY_VOTE_CAP,
  KIND_RULES,
  MAX_DAILY_VOTE_CAP,
  REPUTATION_KINDS,
  isReputationKind,
  type ReputationKind,
} from './reputation-kinds';

export interface ReputationValues {
  points: Record<ReputationKind, number>;
  dailyVoteCap: number;
}

export const DEFAULT_VALUES: ReputationValues = {
  points: Object.fromEntries(REPUTATION_KINDS.map((kind) => [kind, KIND_RULES[kind].points])) as Record<ReputationKind, number>,
  dailyVoteCap: DEFAULT_DAILY_VOTE_CAP,
};

/** Checks admin input: known kinds, integers within each kind's range, a cap within bounds. */
export function validateValues(input: { dailyVoteCap: number; values: { kind: string; points: number }[] }): ReputationValues {
  const check = new InputCheck();
  if (!Number.isInteger(input.dailyVoteCap) || input.dailyVoteCap < 0 || input.dailyVoteCap > MAX_DAILY_VOTE_CAP) {
    check.add('dailyVoteCap', 'out_of_range', `The daily cap must be a whole number from 0 to ${MAX_DAILY_VOTE_CAP}.`);
  }
  const points = { ...DEFAULT_VALUES.points };
  const seen = new Set<string>();
  input.values.forEach((entry, i) => {
    if (!isReputationKind(entry.kind) || !CONFIGURABLE_KINDS.includes(entry.kind))
      return void check.add(`values.${i}.kind`, 'unknown', `Unknown reputation kind "${entry.kind}".`);
    if (seen.has(entry.kind)) return void check.add(`values.${i}.kind`, 'duplicate', `"${entry.kind}" is given twice.`);
    seen.add(entry.kind);
    const [min, max] = KIND_RULES[entry.kind].range;
    if (!Number.isInteger(entry.points) || entry.points < min || entry.points > max) {
      return void check.add(
        `values.${i}.points`,
        'out_of_range',
        `Points for "${entry.kind}" must be a whole number from ${min} to ${max}.`,
      );
    }
    points[entry.kind] = entry.points;
  });
  check.assertValid();
  return { points, dailyVoteCap: input.dailyVoteCap };
}

/** Reads and writes the admin-chosen values; read inside the caller's transaction so a change applies at once everywhere. */
@Injectable()
export class ReputationSettings {
  async current(manager: EntityManager): Promise<ReputationValues> {
    const rows: { points: Record<string, number>; daily_vote_cap: number }[] = await manager.query(
      `SELECT points, daily_vote_cap FROM reputation_settings WHERE id = 1`,
    );
    const row = rows[0];
    if (!row) return DEFAULT_VALUES;
    const points = { ...DEFAULT_VALUES.points };
    for (const [kind, value] of Object.entries(row.points)) if (isReputationKind(kind)) points[kind] = value;
    return { points, dailyVoteCap: row.daily_vote_cap };
  }

  async save(manager: EntityManager, values: ReputationValues, adminId: string): Promise<void> {
    await manager.query(
      `INSERT INTO reputation_settings (id, points, daily_vote_cap, updated_by_id) VALUES (1, $1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET points = EXCLUDED.points, daily_vote_cap = EXCLUDED.daily_vote_cap,
         updated_by_id = EXCLUDED.updated_by_id, updated_at = now()`,
      [values.points, values.dailyVoteCap, adminId],
    );
  }
}
