import type { EntityManager } from 'typeorm';
import { levelSql, trustStatsSql } from './trust-levels';

/**
 * Rebuilds every user's cached reputation from the ledger and re-evaluates trust levels, in one
 * set-based statement (hash joins over the ledger and activity tables). Returns the users changed.
 */
export async function recomputeReputation(manager: EntityManager): Promise<number> {
  const [, changed]: [unknown, number] = await manager.query(
    `UPDATE users u SET reputation = s.reputation, trust_level = ${levelSql()}
       FROM (${trustStatsSql('true', { reputationFromLedger: true })}) s
      WHERE u.id = s.id AND (u.reputation, u.trust_level) IS DISTINCT FROM (s.reputation, ${levelSql()})`,
  );
  return changed;
}
