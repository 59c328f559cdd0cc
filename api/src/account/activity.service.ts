import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { authorize, type Actor } from '../identity/policy';
import { decodeCursor, encodeCursor, pageSize } from '../platform/pagination';
import { slugify } from '../qa/qa.rules';
import { ActivitySection, type ActivityConnection } from './account.models';

/** One keyset-paged list per section, newest first; `$1` the viewer, `$2` the cursor id, `$3` the page size + 1. */
const SECTIONS: Record<ActivitySection, string> = {
  [ActivitySection.QUESTIONS]: `SELECT q.id, q.id AS question_id, q.title, CASE WHEN q.moderation_state <> 'published' THEN q.moderation_state ELSE q.status END AS state, q.created_at AS at
    FROM questions q WHERE q.author_id = $1 AND ($2::bigint IS NULL OR q.id < $2) ORDER BY q.id DESC LIMIT $3`,
  [ActivitySection.ANSWERS]: `SELECT a.id, a.question_id, q.title, a.moderation_state AS state, a.created_at AS at
    FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.author_id = $1 AND ($2::bigint IS NULL OR a.id < $2) ORDER BY a.id DESC LIMIT $3`,
  [ActivitySection.CONVERSATIONS]: `SELECT c.id, c.question_id, q.title, 'open' AS state, c.last_message_at AS at
    FROM conversations c JOIN questions q ON q.id = c.question_id WHERE c.asker_id = $1 AND ($2::bigint IS NULL OR c.id < $2) ORDER BY c.id DESC LIMIT $3`,
  [ActivitySection.DRAFTS]: `SELECT d.id, d.question_id, q.title, d.state AS state, d.updated_at AS at
    FROM staff_drafts d JOIN questions q ON q.id = d.question_id WHERE d.author_id = $1 AND ($2::bigint IS NULL OR d.id < $2) ORDER BY d.id DESC LIMIT $3`,
};

/** "My activity": the viewer's own questions, answers, private conversations and drafts. */
@Injectable()
export class ActivityService {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    actor: Actor | null,
    section: ActivitySection,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<ActivityConnection> {
    authorize(actor, 'account.manage', { userId: actor?.id ?? '' });
    const size = pageSize(first, 20);
    const cursor = decodeCursor(after, 1);
    const rows: { id: string; question_id: string; title: string; state: string; at: Date }[] = await this.dataSource.query(
      SECTIONS[section],
      [actor.id, cursor ? String(cursor[0]) : null, size + 1],
    );
    const page = rows.slice(0, size);
    return {
      edges: page.map((r) => ({
        cursor: encodeCursor([String(r.id)]),
        node: {
          id: String(r.id),
          questionId: String(r.question_id),
          questionSlug: slugify(r.title),
          questionTitle: r.title,
          state: r.state,
          at: r.at,
        },
      })),
      pageInfo: { hasNextPage: rows.length > size, endCursor: page.length ? encodeCursor([String(page.at(-1)!.id)]) : null },
    };
  }
}
