import { createHash } from 'node:crypto';
import { renderMarkdown } from '@peerdesk/markdown';
import type { EntityManager, QueryResult } from 'typeorm';
import type { BodyConverter } from '../body-format';
import { cleanText } from '../body-format';
import type { Body, Kind, Tally } from '../import-model';

/**
 * Batched writes of imported records. Every record is looked up in `external_refs` by
 * (source, kind, external id) first — one query per kind and batch, never one per row — so a
 * re-run or a resumed run adds nothing twice. New rows get their ids from the tables' identity
 * sequences up front, so rows, refs and links are written with a handful of set-based statements.
 */

export interface WriterContext {
  source: string;
  spaceId: string;
  converter: BodyConverter;
  /** JSONL: authors are known only from their posts, so unknown author ids become accounts. */
  createMissingUsers: boolean;
}

export type RefKind = 'user' | 'question' | 'answer' | 'comment' | 'tag';

export const MAX_TAGS_PER_QUESTION = 5;
export const PLACEHOLDER_KEY = '(deleted user)';
export const PLACEHOLDER_NAME = 'Deleted user';

export async function sql<T = Record<string, string>>(m: EntityManager, text: string, params: unknown[] = []): Promise<T[]> {
  // Outside a transaction (the pipeline's read-ahead) only SELECTs come here, and they answer plain rows.
  if (!m.queryRunner) return (await m.query(text, params)) as T[];
  const result = (await m.queryRunner!.query(text, params, true)) as QueryResult<T>;
  return result.records ?? [];
}

/** external_refs.external_id holds 64 characters; longer source ids are stored as a hash. */
export function refKey(externalId: string): string {
  return externalId.length <= 64 ? externalId : `sha256:${createHash('sha256').update(externalId).digest('base64url')}`;
}

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** One line of text for titles and names: whitespace folded, NUL removed, cut to the column's length. */
export function line(value: string, max: number): string {
  return cleanText(value).replace(/\s+/g, ' ').trim().slice(0, max).trim();
}

/** A body's stored Markdown and HTML: `renderMarkdown(markdown)`, the one policy. Converted once, then kept on the record. */
export function renderBody(ctx: WriterContext, body: Body): { markdown: string; html: string } {
  if (!body.prepared) {
    const markdown = ctx.converter.toMarkdown(body.text, body.format);
    body.prepared = { markdown, html: renderMarkdown(markdown) };
  }
  return body.prepared;
}

/**
 * Converts the bodies of the records that are not imported yet, outside any transaction, so the
 * CPU work of one batch overlaps the database work of the previous one. Only an optimization:
 * the batch's transaction looks the records up again and converts whatever is left.
 */
export async function prepareBodies(
  m: EntityManager,
  ctx: WriterContext,
  kind: 'question' | 'answer' | 'comment',
  records: { extId: string; body: Body }[],
): Promise<void> {
  const present = await lookupRefs(
    m,
    ctx.source,
    kind,
    records.map((r) => r.extId),
  );
  for (const r of records) if (!present.has(r.extId)) renderBody(ctx, r.body);
}

/** Internal ids of records of one kind by their source ids; those in `known` (just written by this batch) are not looked up. */
export async function lookupRefs(
  m: EntityManager,
  source: string,
  kind: RefKind,
  externalIds: string[],
  known: ReadonlyMap<string, string> = new Map(),
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const wanted: string[] = [];
  for (const id of externalIds) {
    const internal = known.get(id);
    if (internal === undefined) wanted.push(id);
    else found.set(id, internal);
  }
  if (wanted.length === 0) return found;
  const byKey = new Map(unique(wanted).map((id) => [refKey(id), id]));
  const rows = await sql<{ external_id: string; internal_id: string }>(
    m,
    `SELECT external_id, internal_id FROM external_refs WHERE source = $1 AND kind = $2 AND external_id = ANY($3::text[])`,
    [source, kind, [...byKey.keys()]],
  );
  for (const row of rows) found.set(byKey.get(row.external_id)!, row.internal_id);
  return found;
}

export async function insertRefs(m: EntityManager, source: string, kind: RefKind, pairs: [string, string][]): Promise<void> {
  if (pairs.length === 0) return;
  await m.query(
    `INSERT INTO external_refs (source, kind, external_id, internal_id)
     SELECT $1, $2, e, i FROM unnest($3::text[], $4::bigint[]) AS t(e, i) ON CONFLICT DO NOTHING`,
    [source, kind, pairs.map(([e]) => refKey(e)), pairs.map(([, i]) => i)],
  );
}

/** Takes `n` ids from a table's identity sequence, so new rows and their references are known before inserting. */
export async function allocateIds(m: EntityManager, table: string, n: number): Promise<string[]> {
  if (n === 0) return [];
  const rows = await sql<{ id: string }>(
    m,
    `WITH s AS MATERIALIZED (SELECT pg_get_serial_sequence($1, 'id')::regclass AS seq) SELECT nextval(seq)::text AS id FROM s, generate_series(1, $2)`,
    [table, n],
  );
  return rows.map((r) => r.id);
}

/** Inserts rows given as objects keyed by column name, typed by `columns`, in one statement. */
export async function insertRows(
  m: EntityManager,
  table: string,
  columns: Record<string, string>,
  rows: Record<string, unknown>[],
  overrideId = true,
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns)
    .map((c) => `"${c}"`)
    .join(', ');
  const types = Object.entries(columns)
    .map(([c, t]) => `"${c}" ${t}`)
    .join(', ');
  await m.query(
    `INSERT INTO "${table}" (${names}) ${overrideId ? 'OVERRIDING SYSTEM VALUE ' : ''}SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${types})`,
    [JSON.stringify(rows)],
  );
}

/** Drops repeated ids inside one batch (the input listed a record twice). */
export function dedupe<T extends { where: string }>(tally: Tally, kind: Kind, records: T[], key: (r: T) => string): T[] {
  const seen = new Set<string>();
  return records.filter((r) => {
    const k = key(r);
    if (seen.has(k)) {
      tally.skip(kind, 'the same id appears twice in the input', r.where, k);
      return false;
    }
    seen.add(k);
    return true;
  });
}

export async function splitExisting<T extends { extId: string }>(
  m: EntityManager,
  ctx: WriterContext,
  tally: Tally,
  kind: RefKind,
  records: T[],
) {
  const existing = await lookupRefs(
    m,
    ctx.source,
    kind,
    records.map((r) => r.extId),
  );
  tally.present(kind, records.filter((r) => existing.has(r.extId)).length);
  return {
    existing,
    fresh: records.filter((r) => !existing.has(r.extId)),
  };
}
