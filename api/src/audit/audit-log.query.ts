import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { authorize, type Actor } from '../identity/policy';
import { fieldError } from '../platform/errors';
import { decodeCursor, encodeCursor, pageSize, toPage } from '../platform/pagination';
import { isId } from '../platform/ids';
import type { AuditEntryConnection, AuditEntryModel, AuditLogFilter } from './audit.models';

interface Row {
  id: string;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  reason: string | null;
  details: Record<string, unknown>;
  created_at: Date;
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Staff search the audit log: newest first, filtered, keyset-paginated. */
@Injectable()
export class AuditLogQuery {
  constructor(private readonly dataSource: DataSource) {}

  async search(
    actor: Actor | null,
    filter: AuditLogFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<AuditEntryConnection> {
    authorize(actor, 'audit.read', undefined);
    const size = pageSize(first, 50);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter?.actorId) {
      if (!isId(filter.actorId)) throw fieldError('actorId', 'invalid', 'Not a user id.');
      add((p) => `l.actor_id = ${p}`, filter.actorId);
    }
    if (filter?.action?.trim()) add((p) => `l.action = ${p}`, filter.action.trim());
    if (filter?.subjectType?.trim()) add((p) => `l.subject_type = ${p}`, filter.subjectType.trim());
    if (filter?.subjectId?.trim()) add((p) => `l.subject_id = ${p}`, filter.subjectId.trim());
    if (filter?.from) add((p) => `l.created_at >= ${p}`, filter.from);
    if (filter?.to) add((p) => `l.created_at < ${p}`, filter.to);
    const text = filter?.text?.trim();
    if (text) {
      if (text.length > 200) throw fieldError('text', 'too_long', 'Search for at most 200 characters.');
      for (const word of text.split(/\s+/).slice(0, 8)) {
        add(
          (p) => `(l.reason ILIKE ${p} OR l.action ILIKE ${p} OR l.details::text ILIKE ${p} OR u.display_name ILIKE ${p})`,
          `%${escapeLike(word)}%`,
        );
      }
    }
    const cursor = decodeCursor(after, 2);
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      where.push(`(l.created_at, l.id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
    }
    const rows: Row[] = await this.dataSource.query(
      `SELECT l.id, l.actor_id, l.action, l.subject_type, l.subject_id, l.reason, l.details, l.created_at
         FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY l.created_at DESC, l.id DESC LIMIT ${size + 1}`,
      params,
    );
    const page = toPage(rows, size);
    const edges = page.nodes.map((row) => ({ cursor: encodeCursor([row.created_at.toISOString(), row.id]), node: toEntry(row) }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}

function toEntry(row: Row): AuditEntryModel {
  return {
    id: row.id,
    actorId: row.actor_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    reason: row.reason,
    details: Object.entries(row.details ?? {}).map(([key, value]) => ({
      key,
      value: typeof value === 'string' ? value : JSON.stringify(value),
    })),
    createdAt: row.created_at,
  };
}
