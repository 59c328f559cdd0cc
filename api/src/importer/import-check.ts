import type { DataSource } from 'typeorm';
import { questionStateMismatches } from '../qa/question-state';

/** Read-only checks of what an import of one source left in the database. */

export interface ImportedCounts {
  questions: number;
  answers: number;
  comments: number;
  users: number;
  refs: number;
  events: number;
  revisions: number;
}

/** Rows that belong to a source (by the questions' source_name, the users' imported_from and the refs). */
export async function importedCounts(dataSource: DataSource, source: string): Promise<ImportedCounts> {
  const [row] = (await dataSource.query(
    `SELECT (SELECT count(*) FROM questions WHERE source_name = $1)::int AS questions,
            (SELECT count(*) FROM answers a JOIN questions q ON q.id = a.question_id WHERE q.source_name = $1)::int AS answers,
            (SELECT count(*) FROM comments c JOIN questions q ON q.id = c.question_id WHERE q.source_name = $1)::int AS comments,
            (SELECT count(*) FROM users WHERE imported_from = $1)::int AS users,
            (SELECT count(*) FROM external_refs WHERE source = $1)::int AS refs,
            (SELECT count(*) FROM outbox_events WHERE topic = 'questions.imported'
                AND (payload->'questionIds'->>0)::bigint IN (SELECT id FROM questions WHERE source_name = $1))::int AS events,
            (SELECT count(*) FROM post_revisions r LEFT JOIN answers a ON a.id = r.answer_id
                JOIN questions q ON q.id = COALESCE(r.question_id, a.question_id) WHERE q.source_name = $1)::int AS revisions`,
    [source],
  )) as ImportedCounts[];
  return row!;
}

/**
 * Questions of a source whose derived state disagrees with their rows (qa's one rule,
 * `questionStateMismatches`): answer_count ≠ published answers, a status the rule would not give,
 * or an accepted answer of another question. Empty when all is well.
 */
export async function findInconsistencies(dataSource: DataSource, source: string): Promise<string[]> {
  const rows = await questionStateMismatches(dataSource, 'q.source_name = $1', [source]);
  return rows.map(
    (r) =>
      `question ${r.id}: status ${r.status}, answer_count ${r.answer_count}, answers ${r.n}${r.accepted_of ? `, accepted answer of question ${r.accepted_of}` : ''}`,
  );
}
