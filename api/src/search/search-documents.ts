import { markdownExcerpt } from '@peerdesk/markdown';
import type { DataSource, EntityManager } from 'typeorm';
import type { SearchDocument } from './search-index';
import { stripMarkers } from './search-index';

/** Enough of a thread to find it by; longer texts only make the index bigger and ranking slower. */
const MAX_TEXT = 6_000;
/** A catch-all original collects hundreds of duplicates; the first ones already carry most of its vocabulary. */
const MAX_DUPLICATE_TITLES = 50;

/** Plain text of Markdown for indexing: no markup, no match markers, whitespace folded. */
export function indexText(markdown: string, maxLength = MAX_TEXT): string {
  return stripMarkers(markdownExcerpt(markdown, maxLength));
}

interface Row {
  id: string;
  space_id: string;
  status: SearchDocument['status'];
  title: string;
  body_markdown: string;
  score: number;
  answer_count: number;
  created_at: Date;
  last_activity_at: Date;
  accepted_answer_id: string | null;
  duplicate_of_id: string | null;
  tags: string[];
  duplicate_titles: string[];
}

/**
 * Builds the search documents of the given questions from the database, in two queries. Only public
 * content goes in: published questions, their tags and published answers — nothing private or under
 * moderation ever reaches an index (such questions come back as `missing` and are removed).
 */
export async function loadSearchDocuments(
  db: DataSource | EntityManager,
  questionIds: string[],
): Promise<{ documents: SearchDocument[]; missing: string[] }> {
  if (questionIds.length === 0) return { documents: [], missing: [] };
  const rows: Row[] = await db.query(
    `SELECT q.id, q.space_id, q.status, q.title, q.body_markdown, q.score, q.answer_count, q.created_at, q.last_activity_at, q.accepted_answer_id, q.duplicate_of_id::text,
            coalesce(array_agg(t.slug ORDER BY t.slug) FILTER (WHERE t.slug IS NOT NULL), '{}') AS tags,
            ARRAY(SELECT dq.title FROM questions dq WHERE dq.duplicate_of_id = q.id AND dq.moderation_state = 'published'
                   ORDER BY dq.id LIMIT ${MAX_DUPLICATE_TITLES}) AS duplicate_titles
       FROM questions q
       LEFT JOIN question_tags qt ON qt.question_id = q.id
       LEFT JOIN tags t ON t.id = qt.tag_id
      WHERE q.id = ANY($1) AND q.moderation_state = 'published'
      GROUP BY q.id`,
    [questionIds],
  );
  const answers: { id: string; question_id: string; body_markdown: string; verified: boolean }[] = await db.query(
    `SELECT a.id, a.question_id, a.body_markdown, a.verified_at IS NOT NULL AS verified FROM answers a
       JOIN questions q ON q.id = a.question_id
      WHERE a.question_id = ANY($1) AND a.moderation_state = 'published'
      ORDER BY (a.id = q.accepted_answer_id) DESC, a.score DESC, a.id`,
    [questionIds],
  );
  const byQuestion = new Map<string, typeof answers>();
  for (const answer of answers) {
    const list = byQuestion.get(answer.question_id) ?? [];
    list.push(answer);
    byQuestion.set(answer.question_id, list);
  }
  const documents = rows.map((row): SearchDocument => {
    const threadAnswers = byQuestion.get(row.id) ?? [];
    const accepted = threadAnswers.find((a) => a.id === row.accepted_answer_id);
    return {
      questionId: row.id,
      spaceId: row.space_id,
      status: row.status,
      tags: row.tags,
      title: stripMarkers(row.title),
      bodyText: indexText(row.body_markdown),
      answersText: indexText(threadAnswers.map((a) => a.body_markdown).join('\n\n')),
      acceptedExcerpt: accepted ? indexText(accepted.body_markdown, 280) : null,
      duplicateTitles: row.duplicate_titles.map(stripMarkers).join('\n'),
      duplicateOfId: row.duplicate_of_id,
      score: row.score,
      answerCount: row.answer_count,
      verified: threadAnswers.some((a) => a.verified),
      createdAt: row.created_at,
      lastActivityAt: row.last_activity_at,
    };
  });
  const found = new Set(rows.map((r) => r.id));
  return { documents, missing: questionIds.filter((id) => !found.has(id)) };
}
