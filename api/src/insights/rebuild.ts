import type { DataSource, EntityManager } from 'typeorm';
import { lockRollups, rebuildDailyRollups } from './daily-rollups';
import { refreshEscalationFacts } from './escalation-facts';
import { refreshQuestionFacts } from './question-facts';

/** Every insights roll-up recomputed from the base tables (`pnpm cli insights:rebuild`, and tests that write history straight into the tables). */
export async function rebuildInsights(manager: EntityManager): Promise<{ questions: number; escalations: number }> {
  await lockRollups(manager);
  const questions = await refreshQuestionFacts(manager, null);
  const escalations = await refreshEscalationFacts(manager, null);
  await rebuildDailyRollups(manager);
  // Fresh statistics: the planner otherwise guesses the sizes of tables that were just filled.
  await manager.query(`ANALYZE ${ROLLUP_TABLES.join(', ')}`);
  return { questions, escalations };
}

/** The tables `rebuildInsights` rewrites. */
const ROLLUP_TABLES = [
  'insights_questions',
  'insights_escalations',
  'insights_question_days',
  'insights_topic_days',
  'insights_member_spaces',
  'insights_member_teams',
  'insights_first_posts',
  'insights_ledger_days',
  'insights_escalation_days',
  'insights_reviews',
  'insights_topic_months',
  'insights_ledger_months',
  'insights_question_months',
  'insights_escalation_months',
  'insights_attainment_days',
  'insights_attainment_months',
  'insights_deflection_scope_days',
  'insights_deflection_scope_pairs',
  'insights_deflection_spanning',
];

/**
 * After a rebuild committed (VACUUM cannot run in a transaction): every row was rewritten, so the
 * tables are half dead rows and the covering indexes would visit the heap until autovacuum came by.
 */
export async function vacuumInsights(dataSource: DataSource): Promise<void> {
  await dataSource.query(`VACUUM (ANALYZE) ${ROLLUP_TABLES.join(', ')}`);
}
