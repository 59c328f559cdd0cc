import type { EntityManager } from 'typeorm';
import type { CommentRecord, Tally } from '../import-model';
import { type WriterContext, sql, refKey, renderBody, insertRefs, allocateIds, insertRows, dedupe, splitExisting } from './context';
import { resolveOwners } from './users';

export async function writeComments(m: EntityManager, ctx: WriterContext, tally: Tally, input: CommentRecord[]): Promise<void> {
  const records = dedupe(tally, 'comment', input, (r) => r.extId);
  const { fresh: candidates } = await splitExisting(m, ctx, tally, 'comment', records);
  if (candidates.length === 0) return;
  const keys = new Map(candidates.map((r) => [refKey(r.postExtId), r.postExtId]));
  const targets = await sql<{ kind: 'question' | 'answer'; external_id: string; internal_id: string; question_id: string }>(
    m,
    `SELECT r.kind, r.external_id, r.internal_id, COALESCE(a.question_id, r.internal_id)::text AS question_id
       FROM external_refs r LEFT JOIN answers a ON r.kind = 'answer' AND a.id = r.internal_id
      WHERE r.source = $1 AND r.kind IN ('question', 'answer') AND r.external_id = ANY($2::text[])`,
    [ctx.source, [...keys.keys()]],
  );
  const target = new Map(targets.map((t) => [`${t.kind}:${keys.get(t.external_id)}`, t]));
  const rows: { extId: string; question_id: string; answer_id: string | null; markdown: string; html: string; record: CommentRecord }[] =
    [];
  for (const r of candidates) {
    const found =
      r.on === 'question'
        ? target.get(`question:${r.postExtId}`)
        : r.on === 'answer'
          ? target.get(`answer:${r.postExtId}`)
          : (target.get(`question:${r.postExtId}`) ?? target.get(`answer:${r.postExtId}`));
    if (!found) {
      tally.skip(
        'comment',
        `its ${r.on === 'post' ? 'post' : r.on} is not in the import (missing or skipped)`,
        r.where,
        `${r.on} ${r.postExtId}`,
      );
      continue;
    }
    const { markdown, html } = renderBody(ctx, r.body);
    if (!markdown) {
      tally.skip('comment', 'empty text', r.where);
      continue;
    }
    rows.push({
      extId: r.extId,
      question_id: found.question_id,
      answer_id: found.kind === 'answer' ? found.internal_id : null,
      markdown,
      html,
      record: r,
    });
  }
  if (rows.length === 0) return;
  const authors = await resolveOwners(
    m,
    ctx,
    tally,
    rows.map((r) => r.record),
    'comment',
  );
  const ids = await allocateIds(m, 'comments', rows.length);
  await insertRows(
    m,
    'comments',
    {
      id: 'bigint',
      question_id: 'bigint',
      answer_id: 'bigint',
      author_id: 'bigint',
      body_markdown: 'text',
      body_html: 'text',
      created_at: 'timestamptz',
    },
    rows.map((r, i) => ({
      id: ids[i],
      question_id: r.question_id,
      answer_id: r.answer_id,
      author_id: authors[i],
      body_markdown: r.markdown,
      body_html: r.html,
      created_at: r.record.createdAt.toISOString(),
    })),
  );
  await insertRefs(
    m,
    ctx.source,
    'comment',
    rows.map((r, i) => [r.extId, ids[i]!]),
  );
  tally.imported('comment', rows.length);
  tally.touch(rows.map((r) => r.question_id));
}
